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
import { calendarLockProblems, type CalendarLock, type EventRevision } from '../../model/calendar-lock.ts';
import { eventKey, type CalendarEvent } from './events.ts';

export { calendarLockFileName, type CalendarLock, type EventRevision } from '../../model/calendar-lock.ts';

/**
 * Reads a lock file's text; throws with the file's name and what to do when it is not
 * one, rather than start the revisions again from 0, which would stop updates reaching
 * everyone who already has an event. `check` reads the program's own lock and reports
 * the same problems at their place in the file (calendar_lock_invalid); this is for a
 * lock given in code.
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
  const [problem] = calendarLockProblems(data);
  if (problem) {
    const where = problem.entry === undefined ? `the ${problem.path.length > 0 ? `"${problem.path.join('.')}" of the ` : ''}file` : problem.path.length > 2 ? `"${problem.path[2]}" of the entry for ${problem.entry}` : `the entry for ${problem.entry}`;
    fail(`${where} needs to be ${problem.expected}`);
  }
  return data as CalendarLock;
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
