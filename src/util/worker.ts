/**
 * Worker threads that load their modules from this thread's compile cache. Node's
 * compile cache (turned on by bin/curriculum.js) belongs to the thread that turned it on:
 * a worker started plainly strips the types of every module it loads again, a third to
 * half a second per worker at start-up (the check's workers, the packages' worker).
 */
import { getCompileCacheDir } from 'node:module';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** A worker running the module at `entry` (its `workerData` and messages as with `new Worker`). */
export function startWorker(entry: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const cache = getCompileCacheDir?.();
  const code = `${cache ? `require('node:module').enableCompileCache(${JSON.stringify(cache)});` : ''} import(${JSON.stringify(entry.href)});`;
  return new Worker(code, { ...options, eval: true });
}
