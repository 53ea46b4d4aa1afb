/** The adapter used when no LMS is found (the page opened on its own, or a preview): nothing is recorded; the page says so. */
import type { Adapter } from './adapter.ts';

export function createStandaloneAdapter(): Adapter {
  const done = () => Promise.resolve();
  return {
    stateLimit: Infinity,
    offersExit: false,
    start: () => Promise.resolve({ mode: 'standalone', learnerId: '', saved: '', mastery: null }),
    standing: done,
    save: done,
    completed: done,
    judged: done,
    exit: done,
    flush: () => {},
  };
}
