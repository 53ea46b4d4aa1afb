/** A worker thread of checkFilesInParallel: checks the chunks of files it is sent. */
import { parentPort } from 'node:worker_threads';
import type { SourceEntry } from '../load/discover.ts';
import { checkFileSync } from './index.ts';
import { toTransferred } from './parallel.ts';

parentPort!.on('message', ({ start, entries }: { start: number; entries: readonly SourceEntry[] }) => {
  // The thread does nothing but this, so its reads block (see readSourceSync).
  parentPort!.postMessage(entries.map((entry, i) => toTransferred(start + i, checkFileSync(entry))));
});
