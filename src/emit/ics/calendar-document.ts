/**
 * Events → one iCalendar object (RFC 5545): the VCALENDAR with its properties, a
 * VTIMEZONE for every zone a TZID names, and a VEVENT (with VALARMs) per event.
 * Times are written on their zone's clocks where the zone gets a VTIMEZONE in yearly
 * rules (vtimezone.ts), in UTC otherwise.
 */
import { addDays } from '../../time/dates.ts';
import { component, formatted, serialize, text, textList, tzidsUsed, type Component, type Property } from './components.ts';
import { dateTimeProperty, isUtcZone, wantsZone } from './date-times.ts';
import { sortEvents, type CalendarEvent } from './events.ts';
import { fixedVtimezone, vtimezone } from './vtimezone.ts';
import { dateValue, durationValue, utcDateTimeValue } from './values.ts';
import { webUrl } from './web-url.ts';
import type { ZonedDateTime } from '../../model/types.ts';

/** Names the producer; no version, so that the files change only when the sources do. */
export const PRODID = '-//Curriculum Compiler//Curriculum Compiler//EN';

/** What makes a calendar one to subscribe to (rather than a file that adds one event). */
export interface Subscription {
  /** The calendar's name in the learner's app. */
  readonly name: string;
  readonly description?: string;
  /** The program's zone: apps that honour X-WR-TIMEZONE show the calendar in it by default. */
  readonly timeZone: string;
  /** How often apps should fetch it again. */
  readonly refreshHours: number;
}

/** How to write one calendar file. */
export interface CalendarOptions {
  /** Set for subscribed calendars; absent for "add this session" files. */
  readonly subscription?: Subscription;
  /** DTSTAMP of every event: when the sources last changed (`YYYY-MM-DDTHH:MM:SSZ`), never the clock. */
  readonly stamp: string;
  readonly sequence: number;
  /**
   * A zone and an instant for a VTIMEZONE when there are no events: RFC 5545 requires at
   * least one component, and a calendar someone links to should still open.
   */
  readonly emptyZone: { readonly zone: string; readonly at: number };
}

/** The serialized calendar: CRLF lines, folded, ending with CRLF. */
export function calendarText(events: readonly CalendarEvent[], options: CalendarOptions): string {
  return serialize(calendarComponent(events, options));
}

/** The VCALENDAR component of `events`, with a VTIMEZONE for every TZID it uses. */
function calendarComponent(given: readonly CalendarEvent[], options: CalendarOptions): Component {
  const stampMs = Date.parse(options.stamp);
  if (Number.isNaN(stampMs) || !options.stamp.endsWith('Z')) throw new Error(`ICS: DTSTAMP must be a UTC date-time, not ${options.stamp}`);
  const vtimezones = new Map<string, Component>();
  for (const [zone, instants] of zoneInstants(given)) {
    const tz = vtimezone(zone, instants);
    if (tz) vtimezones.set(zone, tz);
  }
  const events = withoutUnplaceableRules(given, vtimezones);
  const zones = new Set(vtimezones.keys());
  const vevents = sortEvents(events).map((e) => vevent(e, zones, utcDateTimeValue(stampMs), options.sequence));
  if (vevents.length === 0) vtimezones.set(options.emptyZone.zone, fixedVtimezone(options.emptyZone.zone, options.emptyZone.at));

  const sorted = [...vtimezones.keys()].sort().map((zone) => vtimezones.get(zone)!);
  const root = component('VCALENDAR', [...calendarProperties(options.subscription)], [...sorted, ...vevents]);
  // Outlook and Google shift events whose TZID has no VTIMEZONE: make that impossible to ship.
  for (const zone of tzidsUsed(root)) if (!vtimezones.has(zone)) throw new Error(`ICS: TZID ${zone} has no VTIMEZONE`);
  return root;
}

/**
 * A weekly rule repeats a wall-clock time in its zone: without a VTIMEZONE it would be
 * read in UTC and move every occurrence after a clock change by the change. Such a
 * series is written as one event per occurrence instead (its moved occurrences are in
 * those already).
 */
function withoutUnplaceableRules(events: readonly CalendarEvent[], vtimezones: ReadonlyMap<string, Component>): CalendarEvent[] {
  const unplaceable = (e: CalendarEvent) => e.recurrence && e.timing.kind === 'timed' && !isUtcZone(e.timing.start.timeZone) && !vtimezones.has(e.timing.start.timeZone);
  const separated = new Set(events.filter(unplaceable).map((e) => e.uid));
  if (separated.size === 0) return [...events];
  return events.flatMap((e) => (separated.has(e.uid) ? (e.recurrence?.separately ?? []) : [e]));
}

/** The instants that each zone would be written with, for its VTIMEZONE to cover. */
function zoneInstants(events: readonly CalendarEvent[]): Map<string, number[]> {
  const usage = new Map<string, number[]>();
  const add = (at: ZonedDateTime) => {
    if (!wantsZone(at)) return;
    const instants = usage.get(at.timeZone) ?? [];
    instants.push(Date.parse(at.utc));
    usage.set(at.timeZone, instants);
  };
  for (const e of events) {
    if (e.timing.kind === 'timed') {
      add(e.timing.start);
      add(e.timing.end);
    }
    if (e.recurrence) {
      add(e.recurrence.until);
      e.recurrence.except.forEach(add);
    }
    if (e.recurrenceId) add(e.recurrenceId);
  }
  return usage;
}

function calendarProperties(subscription: Subscription | undefined): Property[] {
  const properties = [formatted('VERSION', '2.0'), text('PRODID', PRODID), formatted('CALSCALE', 'GREGORIAN'), formatted('METHOD', 'PUBLISH')];
  if (!subscription) return properties;
  const refresh = durationValue(subscription.refreshHours * 60);
  return [
    ...properties,
    // X-WR-* for Apple and Google, their RFC 7986 equivalents for everyone else.
    text('X-WR-CALNAME', subscription.name),
    text('NAME', subscription.name),
    ...(subscription.description ? [text('X-WR-CALDESC', subscription.description), text('DESCRIPTION', subscription.description)] : []),
    text('X-WR-TIMEZONE', subscription.timeZone),
    formatted('REFRESH-INTERVAL', refresh, [{ name: 'VALUE', value: 'DURATION' }]),
    formatted('X-PUBLISHED-TTL', refresh),
  ];
}

function vevent(e: CalendarEvent, zones: ReadonlySet<string>, stamp: string, sequence: number): Component {
  // SEQUENCE: the program's own setting plus the event's revisions, so that either can raise it.
  const properties: Property[] = [text('UID', e.uid), formatted('DTSTAMP', stamp), formatted('SEQUENCE', String(sequence + (e.revision?.number ?? 0)))];
  if (e.revision) properties.push(formatted('LAST-MODIFIED', utcDateTimeValue(Date.parse(e.revision.modified))));
  // The same form as the series' DTSTART (on the zone's clocks), as RFC 5545 §3.8.4.4 requires.
  if (e.recurrenceId) properties.push(dateTimeProperty('RECURRENCE-ID', e.recurrenceId, zones));
  properties.push(...timing(e, zones));
  if (e.recurrence) properties.push(...recurrence(e.recurrence, zones));
  properties.push(text('SUMMARY', e.summary));
  if (e.description) properties.push(text('DESCRIPTION', e.description));
  if (e.location) properties.push(text('LOCATION', e.location));
  const conference = webUrl(e.conference?.url);
  if (e.conference && conference) {
    properties.push(
      formatted('CONFERENCE', conference, [
        { name: 'VALUE', value: 'URI' },
        { name: 'FEATURE', value: 'VIDEO' },
        { name: 'LABEL', value: e.conference.label },
      ]),
    );
  }
  const url = webUrl(e.url);
  if (url) properties.push(formatted('URL', url));
  if (e.categories.length > 0) properties.push(textList('CATEGORIES', e.categories));
  properties.push(formatted('TRANSP', e.busy ? 'OPAQUE' : 'TRANSPARENT'));
  const alarms = e.reminders.map((r) =>
    component('VALARM', [formatted('ACTION', 'DISPLAY'), text('DESCRIPTION', r.text), formatted('TRIGGER', durationValue(r.minutesFromStart))]),
  );
  return component('VEVENT', properties, alarms);
}

const byDay = { monday: 'MO', tuesday: 'TU', wednesday: 'WE', thursday: 'TH', friday: 'FR', saturday: 'SA', sunday: 'SU' } as const;

/**
 * RRULE and EXDATE of a weekly series. UNTIL is in UTC, as RFC 5545 §3.3.10 requires
 * when DTSTART has a TZID, and is the last planned start itself (UNTIL is inclusive).
 * EXDATE has the same form as DTSTART, one property per date.
 */
function recurrence(r: NonNullable<CalendarEvent['recurrence']>, zones: ReadonlySet<string>): Property[] {
  const rule = `FREQ=WEEKLY;UNTIL=${utcDateTimeValue(Date.parse(r.until.utc))};BYDAY=${r.days.map((d) => byDay[d]).join(',')}`;
  return [formatted('RRULE', rule), ...r.except.map((at) => dateTimeProperty('EXDATE', at, zones))];
}

function timing(e: CalendarEvent, zones: ReadonlySet<string>): Property[] {
  const t = e.timing;
  switch (t.kind) {
    case 'all-day':
      if (t.last < t.first) throw new Error(`ICS: ${e.uid} ends before it starts`);
      // DTEND of an all-day event is exclusive: the day after the last day.
      return [
        formatted('DTSTART', dateValue(t.first), [{ name: 'VALUE', value: 'DATE' }]),
        formatted('DTEND', dateValue(addDays(t.last, 1)), [{ name: 'VALUE', value: 'DATE' }]),
      ];
    case 'timed':
      if (Date.parse(t.end.utc) <= Date.parse(t.start.utc)) throw new Error(`ICS: ${e.uid} ends before it starts`);
      return [dateTimeProperty('DTSTART', t.start, zones), dateTimeProperty('DTEND', t.end, zones)];
  }
}
