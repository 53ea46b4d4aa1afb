/*
 * SCO runtime: the adapter used when no LMS is found (the page opened on its own, or a
 * preview). Nothing is recorded; the page says so.
 */

function createStandaloneAdapter() {
  function done() {
    return Promise.resolve();
  }
  return {
    stateLimit: Infinity,
    offersExit: false,
    start: function () {
      return Promise.resolve({ mode: 'standalone', learnerId: '', saved: '', mastery: null });
    },
    save: done,
    completed: done,
    judged: done,
    exit: done,
  };
}
