/**
 * Calendar events as the emitter sees them, between the model and the serializer:
 * what happens, when, and what the learner reads. Nothing here is ICS syntax yet.
 */
import type { IsoDate, Weekday, ZonedDateTime } from '../../model/types.ts';

/** What an event stands for; also the first part of its UID. */
export type EventKind = 'session' | 'series' | 'exam' | 'deadline' | 'module' | 'assignment' | 'week' | 'period' | 'break';

/**
 * When an event happens. An event is either timed or all-day, never both: all-day
 * events have dates and no zone (they are the same days everywhere), timed ones have
 * instants and the zone they were stated in.
 */
export type EventTiming =
  /** Whole days, `first` to `last` inclusive. */
  | { readonly kind: 'all-day'; readonly first: IsoDate; readonly last: IsoDate }
  /** From one instant to a later one. */
  | { readonly kind: 'timed'; readonly start: ZonedDateTime; readonly end: ZonedDateTime };

/** A reminder, in minutes relative to the event's start (negative: before it). */
export interface Reminder {
  readonly minutesFromStart: number;
  /** What the reminder says. */
  readonly text: string;
}

/** One VEVENT-to-be: everything a learner sees of an item, in plain data. */
export interface CalendarEvent {
  readonly kind: EventKind;
  /** The model id of the item (a week's is its numbers, `13-16`). */
  readonly itemId: string;
  /** Stable across builds: derived from the program, the kind and the item id only. */
  readonly uid: string;
  readonly timing: EventTiming;
  readonly summary: string;
  /** Plain text (Markdown already rendered). */
  readonly description: string;
  /** The item's page on the site. */
  readonly url?: string;
  readonly location?: string;
  /** A meeting link (RFC 7986 CONFERENCE); only http(s) links are written. */
  readonly conference?: { readonly url: string; readonly label: string };
  readonly categories: readonly string[];
  /** Whether the event makes the learner busy (live sessions) or only marks days (TRANSP). */
  readonly busy: boolean;
  readonly reminders: readonly Reminder[];
  /** How often the event has changed since first built, and when it last did (revisions.ts); absent: never. */
  readonly revision?: { readonly number: number; readonly modified: string };
  /**
   * A weekly series (RRULE): the timing is its first planned occurrence, `until` the last
   * planned start, `except` the planned starts without an occurrence (EXDATE) and
   * `separately` the occurrences as events of their own, for a calendar whose zone cannot
   * be given a VTIMEZONE (a rule in UTC would move every occurrence after a clock change).
   */
  readonly recurrence?: {
    readonly days: readonly Weekday[];
    readonly until: ZonedDateTime;
    readonly except: readonly ZonedDateTime[];
    readonly separately: readonly CalendarEvent[];
  };
  /** An occurrence of a series held at another time (RECURRENCE-ID): when it was planned to start; the UID is the series'. */
  readonly recurrenceId?: ZonedDateTime;
}

/** What identifies an event among others of the same UID: an occurrence of a series also by its planned start. */
export function eventKey(e: Pick<CalendarEvent, 'uid' | 'recurrenceId'>): string {
  return e.recurrenceId ? `${e.uid} ${e.recurrenceId.utc}` : e.uid;
}

/** The order of kinds that start together: the frame (breaks, weeks) before what happens in it. */
const kindOrder: readonly EventKind[] = ['break', 'week', 'period', 'module', 'assignment', 'session', 'series', 'exam', 'deadline'];

function sortKey(e: CalendarEvent): string {
  switch (e.timing.kind) {
    case 'all-day':
      return e.timing.first;
    case 'timed':
      return new Date(e.timing.start.utc).toISOString();
  }
}

/**
 * Events in a stable order: by start (dates before instants on the same day), then kind,
 * then as given (the model's order: Lecture 1 before Lecture 2). The order does not
 * change what clients show; it keeps files readable and diffable.
 */
export function sortEvents(events: readonly CalendarEvent[]): CalendarEvent[] {
  // Array.prototype.sort is stable, so ties keep the order they came in.
  return [...events].sort((a, b) => compare(sortKey(a), sortKey(b)) || kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind));
}

/** Code-unit order, independent of the machine's locale (unlike localeCompare). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
