/**
 * The shape of a program's calendar lock, `calendar-lock.json` (emit/ics/revisions.ts
 * says what it is for), and what is wrong with a file that is not of that shape. Here,
 * below both readers: `check` reports each problem at its place in the file, and the
 * calendar emitter's own parser refuses the same files.
 */

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

/** One thing wrong with a parsed lock: where (a path into the JSON) and what it should be. */
export interface CalendarLockProblem {
  readonly path: readonly string[];
  /** The event's key, when the problem is in one event's entry. */
  readonly entry?: string;
  readonly expected: 'an object with "events"' | 'an object of events' | 'an object' | 'a fingerprint (text)' | 'a whole number, 0 or more' | 'a UTC time (YYYY-MM-DDTHH:MM:SSZ)';
}

/** Every problem of a parsed lock's shape, in document order; none for a valid lock. */
export function calendarLockProblems(data: unknown): CalendarLockProblem[] {
  if (!isObject(data) || !('events' in data)) return [{ path: [], expected: 'an object with "events"' }];
  const events = data.events;
  if (!isObject(events)) return [{ path: ['events'], expected: 'an object of events' }];
  const problems: CalendarLockProblem[] = [];
  for (const [key, entry] of Object.entries(events)) {
    const at = ['events', key];
    if (!isObject(entry)) {
      problems.push({ path: at, entry: key, expected: 'an object' });
      continue;
    }
    if (typeof entry.fingerprint !== 'string' || entry.fingerprint === '') problems.push({ path: [...at, 'fingerprint'], entry: key, expected: 'a fingerprint (text)' });
    if (!Number.isInteger(entry.revision) || (entry.revision as number) < 0) problems.push({ path: [...at, 'revision'], entry: key, expected: 'a whole number, 0 or more' });
    if (typeof entry.modified !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(entry.modified)) {
      problems.push({ path: [...at, 'modified'], entry: key, expected: 'a UTC time (YYYY-MM-DDTHH:MM:SSZ)' });
    }
  }
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
