/**
 * Which events changed since they were published, so that a calendar app that imported
 * an event once (an "add this session" file) replaces it: RFC 5545 clients take an event
 * with the same UID as an update only when its SEQUENCE is higher.
 *
 * A build cannot know what it published before from the sources alone, so each program
 * folder keeps a lock file, `calendar-lock.json`, beside its YAML: per event UID (and
 * planned start, for a moved occurrence of a series, which shares the series' UID), a
 * fingerprint of its content, its revision and when that revision was made. It is read
 * by every compile and written only by a successful `build`, and is meant to be committed
 * and reviewed like the sources: the same sources and the same lock give the same bytes.
 */
import { createHash } from 'node:crypto';
import { eventKey, type CalendarEvent } from './events.ts';

/** The lock file's name, in the program folder. */
export const calendarLockFileName = 'calendar-lock.json';

export interface EventRevision {
  /** A hash of everything the event says (times, text, links, reminders). */
  readonly fingerprint: string;
  /** How many times the event has changed since it was first built. */
  readonly revision: number;
  /** When that revision was made: the sources' date then (`YYYY-MM-DDTHH:MM:SSZ`). */
  readonly modified: string;
}

export interface CalendarLock {
  readonly events: Readonly<Record<string, EventRevision>>;
}

/**
 * Reads a lock file's text; throws with the file's name and what to do when it is not
 * one, rather than start the revisions again from 0, which would stop updates reaching
 * everyone who already has an event.
 */
export function parseCalendarLock(text: string, file: string): CalendarLock {
  const fail = (why: string): never => {
    throw new Error(`${file}: ${why}. This file is written by \`curriculum build\`; restore it from version control (or delete it to start every event's revision from 0).`);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`not JSON (${(error as Error).message})`);
  }
  const events = (data as { events?: unknown } | null)?.events;
  if (typeof events !== 'object' || events === null || Array.isArray(events)) return fail('no "events" object');
  for (const [uid, entry] of Object.entries(events)) {
    const e = entry as Partial<EventRevision> | null;
    const valid =
      typeof e?.fingerprint === 'string' &&
      Number.isInteger(e.revision) &&
      (e.revision as number) >= 0 &&
      typeof e.modified === 'string' &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(e.modified);
    if (!valid) fail(`the entry for ${uid} needs a fingerprint, a whole revision number and a UTC modified time`);
  }
  return { events: events as Record<string, EventRevision> };
}

/** The lock as written: events by UID in code-unit order, two-space JSON, a final newline. */
export function calendarLockText(lock: CalendarLock): string {
  const uids = Object.keys(lock.events).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify({ events: Object.fromEntries(uids.map((uid) => [uid, lock.events[uid]])) }, null, 2)}\n`;
}

function fingerprint(e: CalendarEvent): string {
  const { revision: _revision, recurrence, ...rest } = e;
  // A series' occurrences as separate events stand in for it only where its zone has no
  // VTIMEZONE; a moved occurrence has its own entry, and changing it alone must not revise the series.
  const content = recurrence ? { ...rest, recurrence: { ...recurrence, separately: undefined } } : rest;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 32);
}

/**
 * Gives each event its revision: the locked one when its content is unchanged, the next
 * one (made at `stamp`) when it changed, 0 (made at `stamp`) when it is new. Returns the
 * events and the lock that describes them; events gone from the sources leave the lock.
 */
export function reviseEvents(events: readonly CalendarEvent[], lock: CalendarLock | undefined, stamp: string): { events: CalendarEvent[]; lock: CalendarLock } {
  const next: Record<string, EventRevision> = {};
  const revised = events.map((e): CalendarEvent => {
    const print = fingerprint(e);
    const key = eventKey(e);
    const before = lock?.events[key];
    const entry: EventRevision = !before
      ? { fingerprint: print, revision: 0, modified: stamp }
      : before.fingerprint === print
        ? before
        : { fingerprint: print, revision: before.revision + 1, modified: stamp };
    next[key] = entry;
    return { ...e, revision: { number: entry.revision, modified: entry.modified } };
  });
  return { events: revised, lock: { events: next } };
}
