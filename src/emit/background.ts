/**
 * Makes and writes heavy outputs (LMS packages) in a worker thread, while the main
 * thread builds the site: the two are independent, and a machine with two cores does
 * both at once. The worker runs the same registry entries, looked up by name.
 *
 * The packages' pages show the modules' texts that the site's pages show, and rendering
 * Markdown is the larger part of both. The worker sends each text it renders to the main
 * thread as it goes, so that each is rendered once per build; the worker starts with
 * the SCO pages well before Astro starts on the module pages.
 */
import type { MessagePort } from 'node:worker_threads';
import { OutputCache, type StoredPiece } from '../cache/index.ts';
import { onHtmlRendered, rememberRenderedHtml } from '../markdown/index.ts';
import type { ResolvedCatalog } from '../model/catalog.ts';
import type { MemoStats } from '../cache/memo-store.ts';
import type { Curriculum } from '../model/types.ts';
import { startWorker } from '../util/worker.ts';
import { pieceModel } from './piece-model.ts';
import { heavyEmitterNamed } from './registry.ts';
import type { ProgramFiles } from './types.ts';
import { writeFiles } from './write-output.ts';

/** One heavy emitter for one program. */
export interface HeavyJob {
  readonly emitter: string;
  readonly curriculum: Curriculum;
  /** The job's key in the output cache: what it writes is stored there under it, by the thread that wrote it. */
  readonly cacheKey?: string;
  /** Each piece's key, in the order of the emitter's pieces: stored with the job's files, so that a later build can take each alone. */
  readonly pieceKeys?: readonly string[];
  /** Where the output cache holds pieces of this job from an earlier build, in the same order (absent: to be made). */
  readonly storedPieces?: readonly (StoredPiece | undefined)[];
}

export interface HeavyJobsInput {
  readonly catalog: ResolvedCatalog;
  /** The files the programs' Markdown shows or links, by program id. */
  readonly programFiles?: ReadonlyMap<string, ProgramFiles>;
  readonly jobs: readonly HeavyJob[];
  readonly outDir: string;
  /** The output folder `outDir` will replace, where pieces taken from the cache may already be (cache/index.ts, `place`). */
  readonly replacing?: string;
  /** Where the worker keeps its memos between builds (cache/memo-store.ts); none without. */
  readonly memoDir?: string;
  /**
   * The output cache (cache/index.ts) the jobs with a `cacheKey` are stored in. Storing is
   * blocking file operations (at 1 000 modules, 3 003 packages in 1 001 folders: a link and
   * a stat per file, a folder each); done here, in the worker, they no longer hold up the
   * main thread's site.
   */
  readonly outputCacheDir?: string;
}

export interface HeavyJobsWritten {
  /** The paths each job wrote, in job order. */
  readonly paths: readonly (readonly string[])[];
  /** Milliseconds per emitter. */
  readonly timings: Readonly<Record<string, number>>;
  /** The worker's own memos' hits and misses, when it kept them (cache/memo-store.ts). */
  readonly memos?: Readonly<Record<string, MemoStats>>;
  /** The files of these jobs (one package each) restored from the output cache one by one, and made. */
  readonly files: PieceStats;
}

export interface PieceStats {
  readonly reused: number;
  readonly made: number;
}

/** Runs the jobs here, one file at a time, so that only one package is in memory at once. */
export async function writeHeavyJobs({ catalog, programFiles, jobs, outDir, replacing, outputCacheDir }: HeavyJobsInput): Promise<HeavyJobsWritten> {
  const paths: string[][] = [];
  const timings: Record<string, number> = {};
  const cache = outputCacheDir ? new OutputCache(outputCacheDir) : undefined;
  const context = { catalog, ...(programFiles ? { programFiles } : {}) };
  const files = { reused: 0, made: 0 };
  for (const job of jobs) {
    let started = performance.now();
    const emitter = heavyEmitterNamed(job.emitter);
    const written: string[] = [];
    const pieceKeys = new Map<string, string>();
    for (const [i, piece] of emitter.pieces(job.curriculum).entries()) {
      const key = job.pieceKeys?.[i];
      if (key) pieceKeys.set(piece.path, key);
      const stored = job.storedPieces?.[i];
      const restored = cache && stored ? cache.restorePiece(stored, outDir, replacing) : undefined;
      if (restored) {
        written.push(restored);
        files.reused++;
        continue;
      }
      files.made++;
      written.push(...(await writeFiles(outDir, [emitter.makePiece(pieceModel(job.curriculum, piece), piece, context)])));
    }
    paths.push(written);
    timings[job.emitter] = (timings[job.emitter] ?? 0) + performance.now() - started;
    if (cache && job.cacheKey) {
      started = performance.now();
      await cache.store(job.cacheKey, outDir, written, pieceKeys);
      timings['packages.store'] = (timings['packages.store'] ?? 0) + performance.now() - started;
    }
  }
  return { paths, timings, files };
}

/** What the worker tells the main thread: texts it rendered, then what it wrote. */
export type WorkerMessage = { readonly kind: 'rendered'; readonly entries: readonly (readonly [string, string])[] } | { readonly kind: 'done'; readonly written: HeavyJobsWritten };

/** How many rendered texts go in one message: few messages, and none held back for long. */
const RENDERED_BATCH = 32;

/**
 * In the worker: sends each text this thread renders to `port`, in batches, until the
 * returned function is called (which sends what is left).
 */
export function sendRenderedHtml(port: MessagePort): () => void {
  let batch: [string, string][] = [];
  let timer: NodeJS.Timeout | undefined;
  const send = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (batch.length === 0) return;
    port.postMessage({ kind: 'rendered', entries: batch } satisfies WorkerMessage);
    batch = [];
  };
  onHtmlRendered((key, html) => {
    batch.push([key, html]);
    if (batch.length >= RENDERED_BATCH) send();
    // A batch that fills slowly still leaves at the next turn of the event loop (a package's write).
    else timer ??= setTimeout(send, 0);
  });
  return () => {
    onHtmlRendered(undefined);
    send();
  };
}

/** The same, in a worker thread. */
export function writeHeavyJobsInBackground(input: HeavyJobsInput): Promise<HeavyJobsWritten> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(new URL('./background-worker.ts', import.meta.url), { workerData: input });
    let output: HeavyJobsWritten | undefined;
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'rendered') rememberRenderedHtml(message.entries);
      else output = message.written;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (output && code === 0 ? resolve(output) : reject(new Error(`the output worker stopped with exit code ${code}`))));
  });
}
