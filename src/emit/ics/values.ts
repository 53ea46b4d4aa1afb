/**
 * The written forms of RFC 5545 value types that are not TEXT: DATE, DATE-TIME,
 * DURATION and UTC-OFFSET. Everything goes through UTC arithmetic, so the building
 * machine's own zone never enters.
 */
import type { IsoDate } from '../../model/types.ts';
import { formatOffset } from '../../time/zones.ts';

/** `2023-07-03` → `20230703` (DATE). */
export function dateValue(date: IsoDate): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`ICS: not a date: ${date}`);
  return date.replaceAll('-', '');
}

/** `2023-07-03T09:00:00` → `20230703T090000` (DATE-TIME in local time, for use with TZID). */
export function localDateTimeValue(wall: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(wall);
  if (!match) throw new Error(`ICS: not a local date-time: ${wall}`);
  return `${match[1]}${match[2]}${match[3]}T${match[4]}${match[5]}${match[6]}`;
}

/** An instant as a UTC DATE-TIME, `20230703T070000Z` (seconds are truncated). */
export function utcDateTimeValue(epochMs: number): string {
  const iso = new Date(Math.floor(epochMs / 1000) * 1000).toISOString();
  return `${localDateTimeValue(iso.slice(0, 19))}Z`;
}

/**
 * A signed number of minutes as a DURATION: `-60` → `-PT1H`, `-2340` → `-P1DT15H`,
 * `0` → `PT0S`. Days are written as `D` (nominal days), never folded into weeks.
 */
export function durationValue(minutes: number): string {
  if (!Number.isInteger(minutes)) throw new Error(`ICS: a duration must be whole minutes, not ${minutes}`);
  if (minutes === 0) return 'PT0S';
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(minutes);
  const days = Math.floor(abs / 1440);
  const hours = Math.floor((abs % 1440) / 60);
  const mins = abs % 60;
  const time = hours || mins ? `T${hours ? `${hours}H` : ''}${mins ? `${mins}M` : ''}` : '';
  return `${sign}P${days ? `${days}D` : ''}${time}`;
}

/** Minutes east of UTC as a UTC-OFFSET, `+0200`, `-0500`, `+0545`. */
export function utcOffsetValue(minutes: number): string {
  return formatOffset(minutes, '');
}
