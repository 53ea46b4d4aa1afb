import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EmitContext } from '../types.ts';
import { lmsEmitters } from './index.ts';

export interface PackageWorkerInput {
  readonly context: EmitContext;
  readonly outDir: string;
}

export interface PackagesWritten {
  readonly paths: readonly string[];
  /** Milliseconds per emitter. */
  readonly timings: Readonly<Record<string, number>>;
}

/**
 * Builds every program's LMS packages and writes them into `outDir`: in a worker thread
 * when something else (the site) runs at the same time, otherwise here.
 */
export function emitPackages(context: EmitContext, outDir: string, options: { inWorker: boolean }): Promise<PackagesWritten> {
  return options.inWorker ? inWorker(context, outDir) : writePackages(context, outDir);
}

function inWorker(context: EmitContext, outDir: string): Promise<PackagesWritten> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: { context, outDir } satisfies PackageWorkerInput });
    let output: PackagesWritten | undefined;
    worker.once('message', (message: PackagesWritten) => (output = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (output && code === 0 ? resolve(output) : reject(new Error(`the package worker stopped with exit code ${code}`))));
  });
}

/** Runs the LMS emitters and writes what they make, file by file, so that only one package is in memory at a time. */
export async function writePackages(context: EmitContext, outDir: string): Promise<PackagesWritten> {
  const paths: string[] = [];
  const timings: Record<string, number> = {};
  // One mkdir per folder, not per file: a large program has thousands of module folders.
  const made = new Set<string>();
  for (const emitter of lmsEmitters) {
    const started = performance.now();
    for (const curriculum of context.curricula) {
      for (const file of emitter.emit(curriculum, context)) {
        const target = path.join(outDir, ...file.path.split('/'));
        const folder = path.dirname(target);
        if (!made.has(folder)) {
          await mkdir(folder, { recursive: true });
          made.add(folder);
        }
        await writeFile(target, file.contents);
        paths.push(file.path);
      }
    }
    timings[emitter.name] = performance.now() - started;
  }
  return { paths, timings };
}
