/** The worker of background.ts: runs its jobs and reports what they wrote. */
import { parentPort, workerData } from 'node:worker_threads';
import { MemoStore } from '../cache/memo-store.ts';
import { BUILD_HEAP_BUDGET_BYTES, keepHeapWithin } from '../util/heap-budget.ts';
import { sendRenderedHtml, writeHeavyJobs, type HeavyJobsInput, type WorkerMessage } from './background.ts';

const input = workerData as HeavyJobsInput;
// Its own store: the main thread keeps another, and two threads never write one file.
const memos = input.memoDir ? await MemoStore.open('packages', ['markdown', 'deflate', 'runtime'], input.memoDir) : undefined;
// The packages' garbage is bounded as the main thread's is (build.ts).
const heap = keepHeapWithin(BUILD_HEAP_BUDGET_BYTES);
const stopSending = sendRenderedHtml(parentPort!);
const made = await writeHeavyJobs(input);
stopSending();
const collected = heap.stop();
// Reported beside the main thread's `gc`, under its own name.
const written = collected.collections > 0 ? { ...made, timings: { ...made.timings, 'packages.gc': collected.ms } } : made;
const stats = await memos?.close();
parentPort!.postMessage({ kind: 'done', written: stats ? { ...written, memos: stats } : written } satisfies WorkerMessage);
