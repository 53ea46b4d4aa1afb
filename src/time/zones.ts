/**
 * Time zones from the IANA database that ships with the JavaScript runtime (ICU).
 * Nothing here reads the machine's own zone.
 */
import { closest } from '../util/suggest.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Abbreviations people write instead of zone names, with the zones that use them. */
const abbreviations: Record<string, readonly string[]> = {
  CET: ['Europe/Paris', 'Europe/Berlin', 'Europe/Madrid', 'Europe/Rome', 'Europe/Brussels', 'Europe/Amsterdam'],
  CEST: ['Europe/Paris', 'Europe/Berlin', 'Europe/Madrid', 'Europe/Rome', 'Europe/Brussels', 'Europe/Amsterdam'],
  MET: ['Europe/Paris', 'Europe/Berlin'],
  MEST: ['Europe/Paris', 'Europe/Berlin'],
  EET: ['Europe/Athens', 'Europe/Helsinki', 'Europe/Bucharest', 'Africa/Cairo'],
  EEST: ['Europe/Athens', 'Europe/Helsinki', 'Europe/Bucharest'],
  WET: ['Europe/Lisbon', 'Atlantic/Canary'],
  WEST: ['Europe/Lisbon', 'Atlantic/Canary'],
  BST: ['Europe/London'],
  IST: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'],
  KST: ['Asia/Seoul'],
  JST: ['Asia/Tokyo'],
  HKT: ['Asia/Hong_Kong'],
  SGT: ['Asia/Singapore'],
  WIB: ['Asia/Jakarta'],
  PHT: ['Asia/Manila'],
  MSK: ['Europe/Moscow'],
  AEST: ['Australia/Sydney', 'Australia/Melbourne', 'Australia/Brisbane'],
  AEDT: ['Australia/Sydney', 'Australia/Melbourne'],
  AWST: ['Australia/Perth'],
  NZST: ['Pacific/Auckland'],
  NZDT: ['Pacific/Auckland'],
  EST: ['America/New_York', 'America/Toronto'],
  EDT: ['America/New_York', 'America/Toronto'],
  CST: ['America/Chicago', 'America/Mexico_City', 'Asia/Shanghai'],
  CDT: ['America/Chicago'],
  MST: ['America/Denver', 'America/Phoenix'],
  MDT: ['America/Denver'],
  PST: ['America/Los_Angeles', 'America/Vancouver'],
  PDT: ['America/Los_Angeles', 'America/Vancouver'],
  HST: ['Pacific/Honolulu'],
  SAST: ['Africa/Johannesburg'],
  WAT: ['Africa/Lagos'],
  EAT: ['Africa/Nairobi'],
  BRT: ['America/Sao_Paulo'],
  ART: ['America/Argentina/Buenos_Aires'],
};

/** Names that are valid in the database only as legacy links (`EST`, `CET`, `EST5EDT`, ...). */
const legacyPattern = /^(?:[A-Z]{3,4}|[A-Z]{3}\d[A-Z]{3})$/;

/**
 * Retired zone names and the names that replaced them, from the IANA database's
 * `backward` file (2025b): old country and region names (`US/Eastern`), and cities
 * renamed or respelled (`Asia/Calcutta`, `Europe/Kiev`). Runtimes still accept them, but
 * calendar apps and LMSs match names exactly and some have dropped the old ones. Links
 * that only merge one country's zone into a neighbour's with the same clocks since 1970
 * (`Europe/Bratislava`, `Arctic/Longyearbyen`) are not here: those names are what people
 * of that country rightly write.
 */
const retiredZones: Readonly<Record<string, string>> = {
  'Australia/ACT': 'Australia/Sydney', 'Australia/Canberra': 'Australia/Sydney', 'Australia/Currie': 'Australia/Hobart',
  'Australia/LHI': 'Australia/Lord_Howe', 'Australia/NSW': 'Australia/Sydney', 'Australia/North': 'Australia/Darwin',
  'Australia/Queensland': 'Australia/Brisbane', 'Australia/South': 'Australia/Adelaide', 'Australia/Tasmania': 'Australia/Hobart',
  'Australia/Victoria': 'Australia/Melbourne', 'Australia/West': 'Australia/Perth', 'Australia/Yancowinna': 'Australia/Broken_Hill',
  'Brazil/Acre': 'America/Rio_Branco', 'Brazil/DeNoronha': 'America/Noronha', 'Brazil/East': 'America/Sao_Paulo', 'Brazil/West': 'America/Manaus',
  'Canada/Atlantic': 'America/Halifax', 'Canada/Central': 'America/Winnipeg', 'Canada/Eastern': 'America/Toronto', 'Canada/Mountain': 'America/Edmonton',
  'Canada/Newfoundland': 'America/St_Johns', 'Canada/Pacific': 'America/Vancouver', 'Canada/Saskatchewan': 'America/Regina', 'Canada/Yukon': 'America/Whitehorse',
  'Chile/Continental': 'America/Santiago', 'Chile/EasterIsland': 'Pacific/Easter',
  'Mexico/BajaNorte': 'America/Tijuana', 'Mexico/BajaSur': 'America/Mazatlan', 'Mexico/General': 'America/Mexico_City',
  'US/Alaska': 'America/Anchorage', 'US/Aleutian': 'America/Adak', 'US/Arizona': 'America/Phoenix', 'US/Central': 'America/Chicago',
  'US/East-Indiana': 'America/Indiana/Indianapolis', 'US/Eastern': 'America/New_York', 'US/Hawaii': 'Pacific/Honolulu',
  'US/Indiana-Starke': 'America/Indiana/Knox', 'US/Michigan': 'America/Detroit', 'US/Mountain': 'America/Denver',
  'US/Pacific': 'America/Los_Angeles', 'US/Samoa': 'Pacific/Pago_Pago',
  Cuba: 'America/Havana', Egypt: 'Africa/Cairo', Eire: 'Europe/Dublin', GB: 'Europe/London', 'GB-Eire': 'Europe/London',
  Hongkong: 'Asia/Hong_Kong', Iceland: 'Atlantic/Reykjavik', Iran: 'Asia/Tehran', Israel: 'Asia/Jerusalem', Jamaica: 'America/Jamaica',
  Japan: 'Asia/Tokyo', Kwajalein: 'Pacific/Kwajalein', Libya: 'Africa/Tripoli', NZ: 'Pacific/Auckland', 'NZ-CHAT': 'Pacific/Chatham',
  Navajo: 'America/Denver', PRC: 'Asia/Shanghai', Poland: 'Europe/Warsaw', Portugal: 'Europe/Lisbon', ROC: 'Asia/Taipei',
  ROK: 'Asia/Seoul', Singapore: 'Asia/Singapore', Turkey: 'Europe/Istanbul', 'W-SU': 'Europe/Moscow',
  UCT: 'UTC', Universal: 'UTC', Zulu: 'UTC', Greenwich: 'UTC', 'Etc/UCT': 'UTC', 'Etc/Universal': 'UTC', 'Etc/Zulu': 'UTC', 'Etc/Greenwich': 'UTC',
  'America/Argentina/ComodRivadavia': 'America/Argentina/Catamarca', 'America/Atka': 'America/Adak',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires', 'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba', 'America/Ensenada': 'America/Tijuana', 'America/Fort_Wayne': 'America/Indiana/Indianapolis',
  'America/Godthab': 'America/Nuuk', 'America/Indianapolis': 'America/Indiana/Indianapolis', 'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Knox_IN': 'America/Indiana/Knox', 'America/Louisville': 'America/Kentucky/Louisville', 'America/Mendoza': 'America/Argentina/Mendoza',
  'America/Montreal': 'America/Toronto', 'America/Nipigon': 'America/Toronto', 'America/Pangnirtung': 'America/Iqaluit',
  'America/Porto_Acre': 'America/Rio_Branco', 'America/Rainy_River': 'America/Winnipeg', 'America/Rosario': 'America/Argentina/Cordoba',
  'America/Santa_Isabel': 'America/Tijuana', 'America/Shiprock': 'America/Denver', 'America/Thunder_Bay': 'America/Toronto',
  'America/Yellowknife': 'America/Edmonton',
  'Asia/Ashkhabad': 'Asia/Ashgabat', 'Asia/Calcutta': 'Asia/Kolkata', 'Asia/Choibalsan': 'Asia/Ulaanbaatar', 'Asia/Chongqing': 'Asia/Shanghai',
  'Asia/Chungking': 'Asia/Shanghai', 'Asia/Dacca': 'Asia/Dhaka', 'Asia/Harbin': 'Asia/Shanghai', 'Asia/Istanbul': 'Europe/Istanbul',
  'Asia/Kashgar': 'Asia/Urumqi', 'Asia/Katmandu': 'Asia/Kathmandu', 'Asia/Macao': 'Asia/Macau', 'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh', 'Asia/Tel_Aviv': 'Asia/Jerusalem', 'Asia/Thimbu': 'Asia/Thimphu', 'Asia/Ujung_Pandang': 'Asia/Makassar',
  'Asia/Ulan_Bator': 'Asia/Ulaanbaatar',
  'Atlantic/Faeroe': 'Atlantic/Faroe', 'Europe/Belfast': 'Europe/London', 'Europe/Kiev': 'Europe/Kyiv', 'Europe/Tiraspol': 'Europe/Chisinau',
  'Europe/Uzhgorod': 'Europe/Kyiv', 'Europe/Zaporozhye': 'Europe/Kyiv',
  'Africa/Asmera': 'Africa/Asmara', 'Africa/Timbuktu': 'Africa/Bamako',
  'Pacific/Enderbury': 'Pacific/Kanton', 'Pacific/Johnston': 'Pacific/Honolulu', 'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Samoa': 'Pacific/Pago_Pago', 'Pacific/Truk': 'Pacific/Chuuk', 'Pacific/Yap': 'Pacific/Chuuk',
};

/** The retired names, for tests. */
export const retiredZoneNames: readonly string[] = Object.keys(retiredZones);

export type ZoneCheck =
  | {
      readonly ok: true;
      /** The canonical spelling, which the outputs use. */
      readonly zone: string;
      /** Set when `name` was written otherwise: in another case, or by a retired name. */
      readonly respelled?: { readonly retired: boolean };
    }
  | { readonly ok: false; readonly abbreviation: true; readonly candidates: readonly string[] }
  | { readonly ok: false; readonly abbreviation: false; readonly suggestion?: string };

/** Checks that `name` is an IANA zone that can be used for scheduling (not an abbreviation). */
export function checkZone(name: string): ZoneCheck {
  const upper = name.toUpperCase();
  const retired = retiredZones[name];
  if (retired) return { ok: true, zone: retired, respelled: { retired: true } };
  if (upper !== 'UTC' && upper !== 'GMT' && (abbreviations[upper] || legacyPattern.test(name))) {
    return { ok: false, abbreviation: true, candidates: abbreviations[upper] ?? [] };
  }
  if (isKnownZone(name)) {
    const spelled = spellingOf(name);
    if (spelled === name) return { ok: true, zone: name };
    const renamed = retiredZones[spelled];
    return { ok: true, zone: renamed ?? spelled, respelled: { retired: renamed !== undefined } };
  }
  return { ok: false, abbreviation: false, suggestion: suggestZone(name) };
}

function isKnownZone(name: string): boolean {
  if (name.length === 0) return false;
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

let allZones: readonly string[] | undefined;
let spellings: Map<string, string> | undefined;

/**
 * How a zone name the runtime accepts is spelled in the database. The runtime matches
 * names without regard to case, so `europe/madrid` works here but not in a calendar app.
 * Its own list of zones (CLDR's) lacks some IANA names (`Asia/Kolkata`, `UTC`), hence the
 * retired names' targets and the runtime's resolved name as further sources.
 */
function spellingOf(name: string): string {
  if (!spellings) {
    spellings = new Map();
    for (const z of [...Intl.supportedValuesOf('timeZone'), ...Object.values(retiredZones), ...Object.keys(retiredZones), 'UTC', 'GMT', 'Etc/UTC', 'Etc/GMT']) {
      spellings.set(z.toLowerCase(), z);
    }
  }
  const known = spellings.get(name.toLowerCase());
  if (known) return known;
  const resolved = formatter(name).resolvedOptions().timeZone;
  return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}

function suggestZone(name: string): string | undefined {
  allZones ??= Intl.supportedValuesOf('timeZone');
  const byCity = allZones.find((z) => z.split('/').pop()!.toLowerCase() === name.toLowerCase().replace(/\s+/g, '_'));
  return byCity ?? closest(name, allZones);
}

interface Wall {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function wallTime(epochMs: number, zone: string): Wall {
  const parts = formatter(zone).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const era = parts.find((p) => p.type === 'era')?.value;
  const year = era === 'BC' ? 1 - get('year') : get('year');
  return { year, month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** The zone's offset from UTC at an instant, in minutes (east positive). */
export function offsetMinutes(epochMs: number, zone: string): number {
  const w = wallTime(epochMs, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

export function formatOffset(minutes: number, separator = ':'): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${separator}${String(abs % 60).padStart(2, '0')}`;
}

export type LocalResolution =
  | { readonly kind: 'exact'; readonly epochMs: number; readonly offset: number }
  | { readonly kind: 'ambiguous'; readonly epochMs: number; readonly offset: number; readonly laterOffset: number }
  | { readonly kind: 'gap'; readonly epochMs: number; readonly offset: number; readonly gapMinutes: number };

/**
 * Finds the instant at which a zone's clocks show `local` (`YYYY-MM-DDTHH:MM[:SS]`).
 * A time that happens twice resolves to the first; a time skipped by a spring-forward
 * resolves as if the clocks had not changed yet (the "compatible" rule of Temporal).
 */
export function resolveLocal(local: string, zone: string): LocalResolution {
  // Pure and costly (several Intl calls): a re-check after an edit meets the same times again.
  const key = `${zone} ${local}`;
  let resolution = resolutions.get(key);
  if (!resolution) {
    resolution = resolveLocalNow(local, zone);
    if (resolutions.size > 100_000) resolutions.clear();
    resolutions.set(key, resolution);
  }
  return resolution;
}

const resolutions = new Map<string, LocalResolution>();

function resolveLocalNow(local: string, zone: string): LocalResolution {
  const [datePart, timePart = '00:00:00'] = local.split('T') as [string, string?];
  const [y, mo, d] = datePart.split('-').map(Number) as [number, number, number];
  const [h, mi, s = 0] = timePart.split(':').map(Number) as [number, number, number?];
  const wallMs = Date.UTC(y, mo - 1, d, h, mi, s);
  const before = offsetMinutes(wallMs - 86_400_000, zone);
  const after = offsetMinutes(wallMs + 86_400_000, zone);
  const candidates = [...new Set([before, after])]
    .map((offset) => ({ offset, epochMs: wallMs - offset * 60_000 }))
    .filter((c) => offsetMinutes(c.epochMs, zone) === c.offset)
    .sort((a, b) => a.epochMs - b.epochMs);
  const first = candidates[0];
  if (!first) {
    const offset = before;
    return { kind: 'gap', epochMs: wallMs - offset * 60_000, offset: after, gapMinutes: Math.abs(after - before) };
  }
  const second = candidates[1];
  if (second) return { kind: 'ambiguous', epochMs: first.epochMs, offset: first.offset, laterOffset: second.offset };
  return { kind: 'exact', epochMs: first.epochMs, offset: first.offset };
}

/** Formats an instant as `YYYY-MM-DDTHH:MM:SS` on the zone's clocks. */
export function localString(epochMs: number, zone: string): string {
  const w = wallTime(epochMs, zone);
  const p = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${p(w.year, 4)}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}:${p(w.second)}`;
}

export function utcString(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A change of a zone's offset: the instant and the offsets before and after (minutes). */
export interface ZoneTransition {
  readonly epochMs: number;
  readonly offsetBefore: number;
  readonly offsetAfter: number;
}

/**
 * The zone's offset changes between two instants, found by sampling every 12 hours and
 * bisecting to the minute. Zones change offset at most a few times a year, so this is
 * exact for every real zone.
 */
export function zoneTransitions(zone: string, fromMs: number, toMs: number): ZoneTransition[] {
  // Scanned a year at a time and kept: every calendar of a build (one per live session
  // and phase) asks about nearly the same span of the same zone.
  const out: ZoneTransition[] = [];
  for (let year = new Date(fromMs).getUTCFullYear(); year <= new Date(toMs).getUTCFullYear(); year++) {
    for (const t of yearTransitions(zone, year)) if (t.epochMs > fromMs && t.epochMs <= toMs) out.push(t);
  }
  return out;
}

const transitionsByYear = new Map<string, readonly ZoneTransition[]>();

function yearTransitions(zone: string, year: number): readonly ZoneTransition[] {
  const key = `${zone} ${year}`;
  let found = transitionsByYear.get(key);
  if (!found) {
    found = scanTransitions(zone, Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1));
    transitionsByYear.set(key, found);
  }
  return found;
}

function scanTransitions(zone: string, fromMs: number, toMs: number): ZoneTransition[] {
  const step = 12 * 3_600_000;
  const transitions: ZoneTransition[] = [];
  let t = fromMs;
  let offset = offsetMinutes(t, zone);
  while (t < toMs) {
    const next = Math.min(t + step, toMs);
    const nextOffset = offsetMinutes(next, zone);
    if (nextOffset !== offset) {
      let low = t;
      let high = next;
      while (high - low > 60_000) {
        const mid = low + Math.floor((high - low) / 120_000) * 60_000;
        if (offsetMinutes(mid, zone) === offset) low = mid;
        else high = mid;
      }
      transitions.push({ epochMs: high, offsetBefore: offset, offsetAfter: nextOffset });
      offset = nextOffset;
    }
    t = next;
  }
  return transitions;
}
