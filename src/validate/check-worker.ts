/** A worker thread of checkFilesInParallel: checks the chunks of files it is sent. */
import { parentPort } from 'node:worker_threads';
import type { SourceEntry } from '../load/discover.ts';
import { mapLimit } from '../util/concurrency.ts';
import { checkFile } from './index.ts';
import { toTransferred } from './parallel.ts';

parentPort!.on('message', async ({ start, entries }: { start: number; entries: readonly SourceEntry[] }) => {
  // Reads overlap with parsing, as on the main thread.
  const out = await mapLimit(entries, 16, async (entry, i) => toTransferred(start + i, await checkFile(entry)));
  parentPort!.postMessage(out);
});
