/** The worker of background.ts: runs the named emitters and writes their files. */
import { parentPort, workerData } from 'node:worker_threads';
import type { BackgroundInput, BackgroundWritten } from './background.ts';
import { emitFiles, emittersNamed } from './registry.ts';
import { writeFiles } from './write-output.ts';

const { context, emitters, outDir } = workerData as BackgroundInput;
const timings: Record<string, number> = {};
const paths = await writeFiles(outDir, emitFiles(emittersNamed(emitters), context, (name, ms) => (timings[name] = ms)));
parentPort!.postMessage({ paths, timings } satisfies BackgroundWritten);
