import type { Location, Reporter } from '../diagnostics/reporter.ts';
import type { IsoDate, WallTimeResolution, ZonedDateTime } from '../model/types.ts';
import { isDateProblem, parseIsoDate } from '../time/dates.ts';
import { checkZone, formatOffset, localString, offsetMinutes, resolveLocal, utcString, zoneTransitions } from '../time/zones.ts';

/** Checks that a date exists; returns it, or undefined after reporting. */
export function checkDate(text: string, at: Location, reporter: Reporter): IsoDate | undefined {
  const parsed = parseIsoDate(text);
  if (isDateProblem(parsed)) {
    reporter.report('date_invalid', { kind: 'date', text, problem: parsed.problem }, at);
    return undefined;
  }
  return text;
}

/**
 * Checks a zone name; reports abbreviations with the zones that use them, typos with a
 * suggestion, and other spellings of a zone (case, retired names) with its canonical name,
 * which it returns for the outputs to use.
 */
export function checkTimeZone(name: string, at: Location, reporter: Reporter): string | undefined {
  const check = checkZone(name);
  if (check.ok) {
    if (check.respelled) reporter.report('timezone_noncanonical', { name, canonical: check.zone, retired: check.respelled.retired }, at);
    return check.zone;
  }
  if (check.abbreviation) {
    reporter.report('timezone_abbreviation', { name, candidates: check.candidates }, at);
  } else {
    reporter.report('timezone_unknown', { name, suggestion: check.suggestion }, at);
  }
  return undefined;
}

/**
 * Resolves a local date-time in a zone to an instant. Reports times that do not exist
 * (including a skipped daylight-saving hour) and warns about times that happen twice.
 */
export function checkLocalDateTime(local: string, zone: string, at: Location, reporter: Reporter): ZonedDateTime | undefined {
  const [date, time = ''] = local.split('T');
  if (checkDate(date!, at, reporter) === undefined) return undefined;
  const [h, m, s = '0'] = time.split(':');
  if (Number(h) > 23 || Number(m) > 59 || Number(s) > 59) {
    reporter.report('date_invalid', { kind: 'time', local, time, hour: Number(h) }, at);
    return undefined;
  }
  const resolved = resolveLocal(local, zone);
  const shown = local.replace('T', ' ').replace(/^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}):00$/, '$1');
  if (resolved.kind === 'gap') {
    const change = clockChange(local, zone);
    reporter.report('local_time_nonexistent', { time: shown, zone, change, gapMinutes: resolved.gapMinutes }, at);
    return undefined;
  }
  if (resolved.kind === 'ambiguous') {
    const change = clockChange(local, zone);
    reporter.report('local_time_ambiguous', { time: shown, zone, change, offset: formatOffset(resolved.offset) }, at);
  }
  return zonedAt(resolved.epochMs, zone);
}

/**
 * The daylight-saving change that skips or repeats the wall-clock time `local`, as the
 * clock readings just before and just after it (`02:00` → `03:00`).
 */
function clockChange(local: string, zone: string): { from: string; to: string } | undefined {
  const wallMs = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);
  if (Number.isNaN(wallMs)) return undefined;
  const day = 86_400_000;
  for (const t of zoneTransitions(zone, wallMs - 2 * day, wallMs + 2 * day)) {
    const before = t.epochMs + t.offsetBefore * 60_000;
    const after = t.epochMs + t.offsetAfter * 60_000;
    if (wallMs >= Math.min(before, after) && wallMs < Math.max(before, after)) {
      const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
      return { from: hhmm(before), to: hhmm(after) };
    }
  }
  return undefined;
}

const zonedCache = new Map<string, ZonedDateTime>();

/**
 * Describes an instant as local time in `zone` and UTC, with whether that local time
 * names it alone. Remembered: every re-check in `curriculum dev` resolves the whole
 * schedule again, and asking Intl for the wall time of each of a large program’s
 * sessions took about 8 % of a re-check.
 */
export function zonedAt(epochMs: number, zone: string): ZonedDateTime {
  const key = `${zone} ${epochMs}`;
  let zoned = zonedCache.get(key);
  if (!zoned) {
    const local = localString(epochMs, zone);
    const back = resolveLocal(local, zone);
    const resolution: WallTimeResolution =
      back.kind === 'ambiguous'
        ? back.epochMs === epochMs
          ? { kind: 'ambiguous', chose: 'earlier', otherOffset: formatOffset(back.laterOffset) }
          : { kind: 'ambiguous', chose: 'later', otherOffset: formatOffset(back.offset) }
        : { kind: 'exact' };
    zoned = Object.freeze({ local, date: local.slice(0, 10), timeZone: zone, offset: formatOffset(offsetMinutes(epochMs, zone)), utc: utcString(epochMs), resolution });
    if (zonedCache.size >= 100_000) zonedCache.clear();
    zonedCache.set(key, zoned);
  }
  return zoned;
}
