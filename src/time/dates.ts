/**
 * Calendar dates as whole days, independent of any time zone or of the machine's zone:
 * every computation goes through UTC days, so building in Seoul or New York gives
 * the same result.
 */
import type { IsoDate } from '../model/types.ts';

const DAY_MS = 86_400_000;

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a text is no `YYYY-MM-DD` date: not in that form, a month past 12, or a day its month does not have (`last` is its last). */
export type DateProblem =
  | { readonly kind: 'form' }
  | { readonly kind: 'month'; readonly month: number; readonly day: number }
  | { readonly kind: 'day'; readonly year: number; readonly month: number; readonly day: number; readonly last: number };

/** Parses `YYYY-MM-DD`. Returns the parts, or why the date does not exist (for a diagnostic, `date_invalid`). */
export function parseIsoDate(text: string): DateParts | { readonly problem: DateProblem } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return { problem: { kind: 'form' } };
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) return { problem: { kind: 'month', month, day } };
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return { problem: { kind: 'day', year, month, day, last } };
  return { year, month, day };
}

export function isDateProblem(value: DateParts | { readonly problem: DateProblem }): value is { readonly problem: DateProblem } {
  return 'problem' in value;
}

/** Days since 1970-01-01 for a valid ISO date. */
export function toEpochDay(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function fromEpochDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** `b - a` in days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(date: IsoDate): number {
  const day = new Date(toEpochDay(date) * DAY_MS).getUTCDay();
  return day === 0 ? 7 : day;
}

export function weekdayName(date: IsoDate): string {
  return ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][weekday(date) - 1]!;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Whether two inclusive day spans share a day. */
export function spansOverlap(a: { start: IsoDate; end: IsoDate }, b: { start: IsoDate; end: IsoDate }): boolean {
  return a.start <= b.end && b.start <= a.end;
}
