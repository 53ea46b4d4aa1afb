/**
 * A bound on the garbage a thread's heap may hold, for the long stages of `build`.
 *
 * V8 sizes its heap's limit by the machine's memory (4 GB on a machine of 24 GB) and,
 * with such a limit, lets garbage pile up between full collections. Measured on a
 * 10 000-module program: while Astro rendered the pages, the main thread's used heap
 * climbed from 340 MB to 1.2 GB, and one full collection brought it back to 370 MB. The
 * memory V8 took for that garbage was not given back in time, and the build's resident
 * memory peaked at 2.6 GB. Forcing a full collection whenever the used heap had grown by
 * 256 MB since the last one kept the main heap under 700 MB in the same build (7
 * collections, 2.2 s in all) and the peak at 1.99 GB; `build` uses 128 MB (README,
 * Performance). A small program never reaches the budget and pays nothing but the
 * check every half second.
 *
 * Node exposes no collection call without `--expose-gc`; setting that flag at run time
 * and taking `gc` from a new context is how Jest does it (its leak detection).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * The budget `build` gives each of its threads (the main thread and the package worker).
 * At 256 MB a 10 000-module build peaked at 1.99 GB resident; 128 MB keeps a margin
 * under the 2 GB the project promises.
 */
export const BUILD_HEAP_BUDGET_BYTES = 128 * 1024 * 1024;

export interface HeapBudget {
  /** Stops watching; returns how many collections were forced and their total time. */
  stop(): { readonly collections: number; readonly ms: number };
}

let collect: (() => void) | undefined;

function collector(): () => void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  return collect;
}

/** Collects this thread's garbage whenever its used heap has grown by `budgetBytes` since the last collection. */
export function keepHeapWithin(budgetBytes: number, everyMs = 500): HeapBudget {
  const gc = collector();
  let floor = process.memoryUsage().heapUsed;
  let collections = 0;
  let ms = 0;
  const timer = setInterval(() => {
    if (process.memoryUsage().heapUsed < floor + budgetBytes) return;
    const started = performance.now();
    gc();
    ms += performance.now() - started;
    collections++;
    floor = process.memoryUsage().heapUsed;
  }, everyMs);
  // Never what keeps a process or worker alive.
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return { collections, ms };
    },
  };
}
