/**
 * Writing instants as DATE-TIME properties: on the clocks of their zone with a TZID
 * where that names exactly one instant, in UTC otherwise. Every TZID written is
 * recorded with its instants, so that the calendar can give each one its VTIMEZONE.
 */
import type { ZonedDateTime } from '../../model/types.ts';
import { formatted, type Property } from './components.ts';
import { localDateTimeValue, utcDateTimeValue } from './values.ts';

/** The instants written with each TZID; the calendar builds one VTIMEZONE per key. */
export type ZoneUsage = Map<string, number[]>;

/** Zones that are UTC under another name: written with `Z`, no VTIMEZONE needed. */
const utcZones = new Set(['UTC', 'Etc/UTC', 'Etc/UCT', 'Etc/Universal', 'Etc/Zulu', 'GMT', 'Etc/GMT', 'Etc/GMT0', 'Etc/Greenwich']);

/**
 * A DATE-TIME property for an instant, on the clocks of the zone it was stated in. A
 * wall-clock time that the zone shows twice (the hour repeated when clocks go back) is
 * written in UTC instead, because clients do not agree on which instant it means.
 */
export function dateTimeProperty(name: string, at: ZonedDateTime, usage: ZoneUsage): Property {
  const epochMs = Date.parse(at.utc);
  if (utcZones.has(at.timeZone) || at.resolution.kind === 'ambiguous') return formatted(name, utcDateTimeValue(epochMs));
  let instants = usage.get(at.timeZone);
  if (!instants) {
    instants = [];
    usage.set(at.timeZone, instants);
  }
  instants.push(epochMs);
  return formatted(name, localDateTimeValue(at.local), [{ name: 'TZID', value: at.timeZone }]);
}
