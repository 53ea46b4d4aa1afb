/**
 * Makes and writes heavy outputs (LMS packages) in a worker thread, while the main
 * thread builds the site: the two are independent, and a machine with two cores does
 * both at once. The worker runs the same registry entries, looked up by name.
 */
import { Worker } from 'node:worker_threads';
import type { ResolvedCatalog } from '../model/catalog.ts';
import type { MemoStats } from '../cache/memo-store.ts';
import type { Curriculum } from '../model/types.ts';
import { heavyEmitterNamed } from './registry.ts';
import type { ProgramFiles } from './types.ts';
import { writeFiles } from './write-output.ts';

/** One heavy emitter for one program. */
export interface HeavyJob {
  readonly emitter: string;
  readonly curriculum: Curriculum;
}

export interface HeavyJobsInput {
  readonly catalog: ResolvedCatalog;
  /** The files the programs' Markdown shows or links, by program id. */
  readonly programFiles?: ReadonlyMap<string, ProgramFiles>;
  readonly jobs: readonly HeavyJob[];
  readonly outDir: string;
  /** Where the worker keeps its memos between builds (cache/memo-store.ts); none without. */
  readonly memoDir?: string;
}

export interface HeavyJobsWritten {
  /** The paths each job wrote, in job order. */
  readonly paths: readonly (readonly string[])[];
  /** Milliseconds per emitter. */
  readonly timings: Readonly<Record<string, number>>;
  /** The worker's own memos' hits and misses, when it kept them (cache/memo-store.ts). */
  readonly memos?: Readonly<Record<string, MemoStats>>;
}

/** Runs the jobs here, one file at a time, so that only one package is in memory at once. */
export async function writeHeavyJobs({ catalog, programFiles, jobs, outDir }: HeavyJobsInput): Promise<HeavyJobsWritten> {
  const paths: string[][] = [];
  const timings: Record<string, number> = {};
  for (const job of jobs) {
    const started = performance.now();
    paths.push(await writeFiles(outDir, heavyEmitterNamed(job.emitter).emit(job.curriculum, { catalog, ...(programFiles ? { programFiles } : {}) })));
    timings[job.emitter] = (timings[job.emitter] ?? 0) + performance.now() - started;
  }
  return { paths, timings };
}

/** The same, in a worker thread. */
export function writeHeavyJobsInBackground(input: HeavyJobsInput): Promise<HeavyJobsWritten> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./background-worker.ts', import.meta.url), { workerData: input });
    let output: HeavyJobsWritten | undefined;
    worker.once('message', (message: HeavyJobsWritten) => (output = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (output && code === 0 ? resolve(output) : reject(new Error(`the output worker stopped with exit code ${code}`))));
  });
}
