/**
 * VTIMEZONE components built from the runtime's IANA data (ICU), not from a table
 * copied into the code. Each lists the zone's real offset changes as one-off
 * observances (a DTSTART and no RRULE), which every client reads the same way and
 * which cannot drift from the rules the way a guessed RRULE could.
 */
import { offsetMinutes, zoneTransitions, type ZoneTransition } from '../../time/zones.ts';
import { component, formatted, text, type Component } from './components.ts';
import { localDateTimeValue, utcOffsetValue } from './values.ts';

const DAY_MS = 86_400_000;

/**
 * How far to look for the offset change that started the observance in force at the
 * first event, and for the one that ends the observance in force at the last. Zones
 * with daylight saving change twice a year, so a year and a bit always finds them;
 * a zone without a change in that window gets a single observance.
 */
const SEARCH_MS = 400 * DAY_MS;

/** Where the zone has had the same offset for longer than we look back, its observance starts here (by convention). */
const FIXED_OBSERVANCE_START = '1970-01-01T00:00:00';

/**
 * The VTIMEZONE for `zone` that covers `instants` (epoch milliseconds, at least one):
 * the observance in force at the first instant with its real onset, every change up to
 * the last instant, and the first change after it, so that a client can place any
 * of the instants (and times just beyond) without knowing the zone itself.
 */
export function vtimezone(zone: string, instants: readonly number[]): Component {
  if (instants.length === 0) throw new Error(`ICS: a VTIMEZONE for ${zone} needs at least one instant`);
  const first = Math.min(...instants);
  const last = Math.max(...instants);
  const transitions = zoneTransitions(zone, first - SEARCH_MS, last + SEARCH_MS);
  const onset = transitions.filter((t) => t.epochMs <= first).at(-1);
  const changes = transitions.filter((t) => t.epochMs > first && t.epochMs <= last);
  const next = transitions.find((t) => t.epochMs > last);

  const observances: Component[] = [onset ? transitionObservance(zone, onset) : fixedObservance(zone, first)];
  for (const t of changes) observances.push(transitionObservance(zone, t));
  if (next) observances.push(transitionObservance(zone, next));
  return component('VTIMEZONE', [text('TZID', zone)], observances);
}

/**
 * An observance that starts at an offset change. Its DTSTART is the local time at
 * which the change happens, read on the clocks before it (RFC 5545 §3.6.5): Madrid's
 * autumn change at 01:00 UTC is written `03:00` with TZOFFSETFROM +0200.
 */
function transitionObservance(zone: string, t: ZoneTransition): Component {
  const wallBefore = new Date(t.epochMs + t.offsetBefore * 60_000).toISOString().slice(0, 19);
  return observance(isDaylight(zone, t.epochMs, t.offsetAfter), wallBefore, t.offsetBefore, t.offsetAfter);
}

function fixedObservance(zone: string, at: number): Component {
  const offset = offsetMinutes(at, zone);
  return observance(isDaylight(zone, at, offset), FIXED_OBSERVANCE_START, offset, offset);
}

function observance(daylight: boolean, wallStart: string, from: number, to: number): Component {
  return component(daylight ? 'DAYLIGHT' : 'STANDARD', [
    formatted('DTSTART', localDateTimeValue(wallStart)),
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
