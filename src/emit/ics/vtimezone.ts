/**
 * VTIMEZONE components built from the runtime's IANA data (ICU), not from a table
 * copied into the code.
 *
 * A zone that changes its clocks is written in the form every client reads: one
 * STANDARD and one DAYLIGHT observance, each with a yearly RRULE (`last Sunday of
 * March`). Classic Outlook is reported to mishandle observances without an RRULE and to
 * fall back to a fixed offset, which would move every summer session by an hour. The
 * rules are derived from the zone's real changes around the events and then checked:
 * expanded over that window they must give exactly the changes the runtime knows. A
 * zone whose rules do not fit yearly rules there (Morocco's Ramadan changes, a country
 * abolishing daylight saving during the program) gets no VTIMEZONE at all: its events
 * are written in UTC, which every client reads, rather than in a form some misread.
 * A zone that does not change its clocks around the events has a single observance.
 */
import { offsetMinutes, zoneTransitions, type ZoneTransition } from '../../time/zones.ts';
import { component, formatted, text, type Component, type Property } from './components.ts';
import { localDateTimeValue, utcOffsetValue } from './values.ts';

const DAY_MS = 86_400_000;

/**
 * How far around the events the rules are derived and checked. More than a year on
 * each side, so that each yearly rule is seen at least twice and the observance in
 * force at the first event starts before it.
 */
const SEARCH_MS = 400 * DAY_MS;

/** Where the zone has had the same offset for longer than we look back, its observance starts here (by convention). */
const FIXED_OBSERVANCE_START = '1970-01-01T00:00:00';

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** When in the year a zone changes its clocks, as one RRULE can say it. */
type YearlyDay =
  /** The `nth` given weekday of the month, `-1` for the last. */
  | { readonly kind: 'weekday'; readonly month: number; readonly weekday: number; readonly nth: number }
  /** A fixed day of the month. */
  | { readonly kind: 'month-day'; readonly month: number; readonly day: number };

/** One observance with its yearly rule: from its first change in the window, every year. */
interface YearlyRule {
  readonly first: ZoneTransition;
  /** Local time of the change on the clocks before it, `HH:MM:SS`. */
  readonly time: string;
  readonly day: YearlyDay;
}

/**
 * The VTIMEZONE for `zone` that places every one of `instants` (epoch milliseconds, at
 * least one), or `undefined` when the zone's changes around them do not follow yearly
 * rules: the caller then writes those instants in UTC.
 */
export function vtimezone(zone: string, instants: readonly number[]): Component | undefined {
  if (instants.length === 0) throw new Error(`ICS: a VTIMEZONE for ${zone} needs at least one instant`);
  const first = Math.min(...instants);
  const last = Math.max(...instants);
  const from = first - SEARCH_MS;
  const to = last + SEARCH_MS;
  const transitions = zoneTransitions(zone, from, to);
  if (transitions.length === 0) return fixedVtimezone(zone, first);
  const rules = yearlyRules(transitions);
  if (!rules || !sameChanges(rules, transitions, from, to) || Math.min(...rules.map((r) => r.first.epochMs)) > first) return undefined;
  const observances = rules
    .sort((a, b) => a.first.epochMs - b.first.epochMs)
    .map((r) => observance(isDaylight(zone, r.first.epochMs, r.first.offsetAfter), wallBefore(r.first), r.first.offsetBefore, r.first.offsetAfter, [formatted('RRULE', rrule(r.day))]));
  return component('VTIMEZONE', [text('TZID', zone)], observances);
}

/**
 * A VTIMEZONE with the single offset in force at `at`. Used for zones that do not change
 * around the events, and for an empty calendar, which no event reads.
 */
export function fixedVtimezone(zone: string, at: number): Component {
  const offset = offsetMinutes(at, zone);
  return component('VTIMEZONE', [text('TZID', zone)], [observance(isDaylight(zone, at, offset), FIXED_OBSERVANCE_START, offset, offset, [])]);
}

/**
 * One yearly rule per kind of change (from one offset to another), or `undefined` when
 * the changes of a kind fall on days or at times that no single rule describes.
 */
function yearlyRules(transitions: readonly ZoneTransition[]): YearlyRule[] | undefined {
  const kinds = new Map<string, ZoneTransition[]>();
  for (const t of transitions) {
    const key = `${t.offsetBefore} ${t.offsetAfter}`;
    kinds.set(key, [...(kinds.get(key) ?? []), t]);
  }
  const rules: YearlyRule[] = [];
  for (const group of kinds.values()) {
    const walls = group.map(wallBefore);
    const time = walls[0]!.slice(11);
    if (walls.some((w) => w.slice(11) !== time)) return undefined;
    const day = yearlyDay(walls.map((w) => w.slice(0, 10)));
    if (!day) return undefined;
    rules.push({ first: group[0]!, time, day });
  }
  return rules;
}

/** The one rule that every date (`YYYY-MM-DD`) fits: last weekday, nth weekday, or fixed day of one month. */
function yearlyDay(dates: readonly string[]): YearlyDay | undefined {
  const parts = dates.map((d) => {
    const [year, month, day] = d.split('-').map(Number) as [number, number, number];
    const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
    const monthLength = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { month, day, weekday, nth: Math.ceil(day / 7), last: day + 7 > monthLength };
  });
  const [head] = parts;
  if (!head || parts.some((p) => p.month !== head.month)) return undefined;
  if (parts.every((p) => p.weekday === head.weekday)) {
    if (parts.every((p) => p.last)) return { kind: 'weekday', month: head.month, weekday: head.weekday, nth: -1 };
    if (parts.every((p) => p.nth === head.nth)) return { kind: 'weekday', month: head.month, weekday: head.weekday, nth: head.nth };
  }
  if (parts.every((p) => p.day === head.day)) return { kind: 'month-day', month: head.month, day: head.day };
  return undefined;
}

/**
 * Whether the rules, expanded from their first change, give exactly the changes the
 * runtime knows in the window: no change missing, none invented (a zone that stopped
 * changing its clocks in the window fails here).
 */
function sameChanges(rules: readonly YearlyRule[], transitions: readonly ZoneTransition[], from: number, to: number): boolean {
  const expected = transitions.map((t) => t.epochMs).sort((a, b) => a - b);
  const expanded: number[] = [];
  for (const r of rules) {
    const firstYear = Number(wallBefore(r.first).slice(0, 4));
    for (let year = firstYear; year <= new Date(to).getUTCFullYear() + 1; year++) {
      const wall = Date.parse(`${dateIn(year, r.day)}T${r.time}Z`);
      const at = wall - r.first.offsetBefore * 60_000;
      if (at > from && at <= to) expanded.push(at);
    }
  }
  expanded.sort((a, b) => a - b);
  return expanded.length === expected.length && expanded.every((at, i) => at === expected[i]);
}

/** The date a yearly day falls on in `year`, `YYYY-MM-DD`. */
function dateIn(year: number, day: YearlyDay): string {
  const month = day.month;
  let dayOfMonth: number;
  if (day.kind === 'month-day') dayOfMonth = day.day;
  else if (day.nth > 0) {
    const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    dayOfMonth = 1 + ((day.weekday - firstWeekday + 7) % 7) + (day.nth - 1) * 7;
  } else {
    const monthLength = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const lastWeekday = new Date(Date.UTC(year, month - 1, monthLength)).getUTCDay();
    dayOfMonth = monthLength - ((lastWeekday - day.weekday + 7) % 7);
  }
  return `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

function rrule(day: YearlyDay): string {
  return day.kind === 'month-day'
    ? `FREQ=YEARLY;BYMONTH=${day.month};BYMONTHDAY=${day.day}`
    : `FREQ=YEARLY;BYMONTH=${day.month};BYDAY=${day.nth}${WEEKDAYS[day.weekday]}`;
}

/**
 * The local time at which a change happens, read on the clocks before it (RFC 5545
 * §3.6.5): Madrid's autumn change at 01:00 UTC is `03:00` with TZOFFSETFROM +0200.
 */
function wallBefore(t: ZoneTransition): string {
  return new Date(t.epochMs + t.offsetBefore * 60_000).toISOString().slice(0, 19);
}

function observance(daylight: boolean, wallStart: string, from: number, to: number, extra: readonly Property[]): Component {
  return component(daylight ? 'DAYLIGHT' : 'STANDARD', [
    formatted('DTSTART', localDateTimeValue(wallStart)),
    ...extra,
    formatted('TZOFFSETFROM', utcOffsetValue(from)),
    formatted('TZOFFSETTO', utcOffsetValue(to)),
  ]);
}

/**
 * Whether an offset is daylight saving time: later than the zone's standard offset
 * that year, taken as the smaller of its January and July offsets (which also holds in
 * the southern hemisphere, where January is summer).
 */
function isDaylight(zone: string, at: number, offset: number): boolean {
  const year = new Date(at).getUTCFullYear();
  const standard = Math.min(offsetMinutes(Date.UTC(year, 0, 1), zone), offsetMinutes(Date.UTC(year, 6, 1), zone));
  return offset > standard;
}
