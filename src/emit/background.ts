/**
 * Makes and writes the heavy outputs (LMS packages) in a worker thread, while the main
 * thread builds the site: the two are independent, and a machine with two cores does
 * both at once. The worker runs the same registry entries, looked up by name.
 */
import { Worker } from 'node:worker_threads';
import type { EmitContext } from './types.ts';

export interface BackgroundInput {
  readonly context: EmitContext;
  readonly emitters: readonly string[];
  readonly outDir: string;
}

export interface BackgroundWritten {
  readonly paths: readonly string[];
  /** Milliseconds per emitter. */
  readonly timings: Readonly<Record<string, number>>;
}

export function writeInBackground(input: BackgroundInput): Promise<BackgroundWritten> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./background-worker.ts', import.meta.url), { workerData: input });
    let output: BackgroundWritten | undefined;
    worker.once('message', (message: BackgroundWritten) => (output = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (output && code === 0 ? resolve(output) : reject(new Error(`the output worker stopped with exit code ${code}`))));
  });
}
