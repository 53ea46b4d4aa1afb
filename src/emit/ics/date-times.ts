/**
 * Writing instants as DATE-TIME properties: on the clocks of their zone with a TZID
 * where that names exactly one instant and the calendar can give the zone a VTIMEZONE
 * that clients read alike, in UTC otherwise.
 */
import type { ZonedDateTime } from '../../model/types.ts';
import { formatOffset, localString, offsetMinutes, resolveLocal, utcString } from '../../time/zones.ts';
import { formatted, type Property } from './components.ts';
import { localDateTimeValue, utcDateTimeValue } from './values.ts';

/** Zones that are UTC under another name: written with `Z`, no VTIMEZONE needed. */
const utcZones = new Set(['UTC', 'Etc/UTC', 'Etc/UCT', 'Etc/Universal', 'Etc/Zulu', 'GMT', 'Etc/GMT', 'Etc/GMT0', 'Etc/Greenwich']);

/**
 * Whether an instant could be written on its zone's clocks: not in a UTC zone, and not
 * at a wall-clock time that the zone shows twice (the hour repeated when clocks go
 * back), because clients do not agree on which instant such a time means.
 */
export function wantsZone(at: ZonedDateTime): boolean {
  return !utcZones.has(at.timeZone) && at.resolution.kind !== 'ambiguous';
}

/** Whether a zone is UTC under some name: its times are the same written in UTC. */
export function isUtcZone(zone: string): boolean {
  return utcZones.has(zone);
}

/**
 * A DATE-TIME property for an instant: on the clocks of the zone it was stated in when
 * `zones` (the zones the calendar has a VTIMEZONE for) holds it, else in UTC.
 */
export function dateTimeProperty(name: string, at: ZonedDateTime, zones: ReadonlySet<string>): Property {
  if (!wantsZone(at) || !zones.has(at.timeZone)) return formatted(name, utcDateTimeValue(Date.parse(at.utc)));
  return formatted(name, localDateTimeValue(at.local), [{ name: 'TZID', value: at.timeZone }]);
}

/**
 * An instant on a zone's clocks, for times the emitter derives (the end of a deadline's
 * event): a wall time shown twice is marked as such, so that it is written in UTC.
 */
export function zonedInstant(epochMs: number, zone: string): ZonedDateTime {
  const local = localString(epochMs, zone);
  const back = resolveLocal(local, zone);
  return {
    local,
    date: local.slice(0, 10),
    timeZone: zone,
    offset: formatOffset(offsetMinutes(epochMs, zone)),
    utc: utcString(epochMs),
    resolution:
      back.kind === 'ambiguous'
        ? back.epochMs === epochMs
          ? { kind: 'ambiguous', chose: 'earlier', otherOffset: formatOffset(back.laterOffset) }
          : { kind: 'ambiguous', chose: 'later', otherOffset: formatOffset(back.offset) }
        : { kind: 'exact' },
  };
}
