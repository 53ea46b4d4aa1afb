/**
 * Dates, times, money and language names in the program's language, through Intl.
 *
 * Deterministic by construction: calendar dates are formatted as UTC dates, and a
 * session's wall-clock time is taken from the model's local time (formatted as if it
 * were UTC), so the build machine's time zone never shows. Zone names come from the
 * program's IANA zone at the session's instant.
 */
import type { IsoDate, ZonedDateTime } from '../../src/site-api.ts';

export interface Formatter {
  readonly language: string;
  /** "July 3, 2023" */
  date(date: IsoDate): string;
  /** "Monday, July 3, 2023" */
  dateLong(date: IsoDate): string;
  /** "July 3 – 21, 2023" */
  dateRange(start: IsoDate, end: IsoDate): string;
  /** "Monday, July 3, 2023, 09:00 – 11:00", in the zone the times were written in. */
  localRange(start: ZonedDateTime, end: ZonedDateTime): string;
  /** "Wednesday, July 19, 2023, 23:59" */
  localDateTime(at: ZonedDateTime): string;
  /** "Central European Summer Time": the zone's name at that instant. */
  zoneName(at: ZonedDateTime): string;
  /** "Central European Time": the zone's name without summer or winter. */
  zoneGenericName(timeZone: string, at: string): string;
  /** "+02:00" → "UTC+02:00" */
  utcOffset(offset: string): string;
  /** "en" → "English" */
  languageName(tag: string): string;
  /** "KR" → "South Korea" */
  regionName(code: string): string;
  money(amount: number, currency?: string): string;
  /** "March 2023", for timeline axes. */
  monthYear(date: IsoDate): string;
  /** "Mar", for timeline axes. */
  monthShort(date: IsoDate): string;
  list(items: readonly string[]): string;
}

const cache = new Map<string, Formatter>();

/** One formatter per language and hour cycle; Intl formatters are costly to create and pages are many. */
export function formatterFor(language: string, hourCycle: string): Formatter {
  const key = `${language}|${hourCycle}`;
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = createFormatter(language, hourCycle as Intl.DateTimeFormatOptions['hourCycle']);
    cache.set(key, formatter);
  }
  return formatter;
}

function createFormatter(language: string, hourCycle: Intl.DateTimeFormatOptions['hourCycle']): Formatter {
  const utc = { timeZone: 'UTC' } as const;
  const dateFormat = new Intl.DateTimeFormat(language, { ...utc, dateStyle: 'long' });
  const dateLongFormat = new Intl.DateTimeFormat(language, { ...utc, dateStyle: 'full' });
  const dateTimeFormat = new Intl.DateTimeFormat(language, {
    ...utc,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle,
  });
  const monthYearFormat = new Intl.DateTimeFormat(language, { ...utc, month: 'long', year: 'numeric' });
  const monthShortFormat = new Intl.DateTimeFormat(language, { ...utc, month: 'short' });
  const languageNames = new Intl.DisplayNames([language], { type: 'language' });
  const regionNames = new Intl.DisplayNames([language], { type: 'region' });
  const listFormat = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });
  const zoneNames = new Map<string, Intl.DateTimeFormat>();
  const zoneFormat = (timeZone: string, style: 'long' | 'longGeneric') => {
    const key = `${timeZone}|${style}`;
    let f = zoneNames.get(key);
    if (!f) {
      f = new Intl.DateTimeFormat(language, { timeZone, timeZoneName: style });
      zoneNames.set(key, f);
    }
    return f;
  };
  const zonePart = (timeZone: string, style: 'long' | 'longGeneric', instant: string) =>
    zoneFormat(timeZone, style)
      .formatToParts(new Date(instant))
      .find((p) => p.type === 'timeZoneName')?.value ?? timeZone;

  // The same few dates recur on thousands of pages (a week's span on each of its
  // modules); ICU range formatting is slow enough for that to matter.
  const memo = <A extends string[]>(format: (...args: A) => string) => {
    const results = new Map<string, string>();
    return (...args: A) => {
      const key = args.join('|');
      let result = results.get(key);
      if (result === undefined) {
        result = format(...args);
        results.set(key, result);
      }
      return result;
    };
  };

  return {
    language,
    date: memo((date: IsoDate) => dateFormat.format(utcDate(date))),
    dateLong: memo((date: IsoDate) => dateLongFormat.format(utcDate(date))),
    dateRange: memo((start: IsoDate, end: IsoDate) => (start === end ? dateFormat.format(utcDate(start)) : dateFormat.formatRange(utcDate(start), utcDate(end)))),
    localRange: (start, end) => dateTimeFormat.formatRange(wallClock(start), wallClock(end)),
    localDateTime: (at) => dateTimeFormat.format(wallClock(at)),
    zoneName: (at) => zonePart(at.timeZone, 'long', at.utc),
    zoneGenericName: (timeZone, at) => zonePart(timeZone, 'longGeneric', at),
    utcOffset: (offset) => (offset === 'Z' || offset === '+00:00' ? 'UTC' : `UTC${offset}`),
    languageName: (tag) => {
      try {
        return languageNames.of(tag) ?? tag;
      } catch {
        return tag;
      }
    },
    regionName: (code) => {
      try {
        return regionNames.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    },
    money: (amount, currency) =>
      currency ? new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount) : new Intl.NumberFormat(language).format(amount),
    monthYear: (date) => monthYearFormat.format(utcDate(date)),
    monthShort: (date) => monthShortFormat.format(utcDate(date)),
    list: (items) => listFormat.format(items),
  };
}

/** A calendar date as the UTC midnight that starts it. */
export function utcDate(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** The wall-clock time as written in its zone, as a Date to be formatted in UTC. */
function wallClock(at: ZonedDateTime): Date {
  return new Date(`${at.local}Z`);
}
