/**
 * Writing instants as DATE-TIME properties: on the clocks of their zone with a TZID
 * where that names exactly one instant, in UTC otherwise. Every TZID written is
 * recorded with its instants, so that the calendar can give each one its VTIMEZONE.
 */
import { localString, resolveLocal } from '../../time/zones.ts';
import { formatted, type Property } from './components.ts';
import { localDateTimeValue, utcDateTimeValue } from './values.ts';

/** An instant, and the zone on whose clocks it was stated (and should be shown). */
export interface ZonedInstant {
  readonly epochMs: number;
  readonly zone: string;
}

/** The instants written with each TZID; the calendar builds one VTIMEZONE per key. */
export type ZoneUsage = Map<string, number[]>;

/** Zones that are UTC under another name: written with `Z`, no VTIMEZONE needed. */
const utcZones = new Set(['UTC', 'Etc/UTC', 'Etc/UCT', 'Etc/Universal', 'Etc/Zulu', 'GMT', 'Etc/GMT', 'Etc/GMT0', 'Etc/Greenwich']);

/**
 * A DATE-TIME property for an instant. A wall-clock time that a zone shows twice (the
 * hour repeated when clocks go back) or never is written in UTC instead, because
 * clients do not agree on which instant such a time means.
 */
export function dateTimeProperty(name: string, at: ZonedInstant, usage: ZoneUsage): Property {
  const epochMs = Math.floor(at.epochMs / 1000) * 1000;
  if (utcZones.has(at.zone)) return formatted(name, utcDateTimeValue(epochMs));
  const wall = localString(epochMs, at.zone);
  const back = resolveLocal(wall, at.zone);
  if (back.kind !== 'exact' || back.epochMs !== epochMs) return formatted(name, utcDateTimeValue(epochMs));
  let instants = usage.get(at.zone);
  if (!instants) {
    instants = [];
    usage.set(at.zone, instants);
  }
  instants.push(epochMs);
  return formatted(name, localDateTimeValue(wall), [{ name: 'TZID', value: at.zone }]);
}
