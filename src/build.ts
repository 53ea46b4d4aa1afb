import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { compile, type CompileOptions } from './compile.ts';
import type { Diagnostic } from './diagnostics/diagnostic.ts';
import { cacheKey, defaultCacheDir, folderHash, OutputCache } from './cache/index.ts';
import { modelDigests } from './emit/piece-model.ts';
import { heavyEmitterNamed } from './emit/registry.ts';
import { MemoStore, type MemoStats } from './cache/memo-store.ts';
import { writeHeavyJobs, writeHeavyJobsInBackground, type HeavyJobsWritten, type PieceStats } from './emit/background.ts';
import { calendarLock, calendarLockFileName } from './emit/ics/index.ts';
import { buildSite, countPages } from './emit/site/index.ts';
import type { PageCacheStats } from './emit/site/page-cache.ts';
import { StagingFolder } from './emit/write-output.ts';
import type { EmitContext, ProgramFiles } from './emit/types.ts';
import type { Curriculum } from './model/types.ts';
import { BUILD_HEAP_BUDGET_BYTES, keepHeapWithin } from './util/heap-budget.ts';

export interface BuildOptions {
  readonly input: string;
  readonly outDir: string;
  /** Build the Astro site (default true). */
  readonly site?: boolean;
  /** Treat warnings as errors: nothing is written when there are any. */
  readonly strict?: boolean;
  readonly siteUrl?: string;
  /** Fetch the web addresses of the Markdown and warn about broken ones (`--check-external`). */
  readonly checkExternal?: CompileOptions['checkExternal'];
  /**
   * Reuse outputs whose inputs have not changed since an earlier build (default true):
   * the LMS packages per program and format, and the site as a whole. `false` builds
   * everything and leaves the cache alone.
   */
  readonly cache?: boolean;
  readonly log?: (line: string) => void;
}

export interface BuildResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly curricula: readonly Curriculum[];
  /** Whether the output folder was replaced. */
  readonly written: boolean;
  readonly files: number;
  /** Site pages written (0 without the site). */
  readonly pages: number;
  /** Milliseconds spent in each stage, for the benchmark. */
  readonly timings: Readonly<Record<string, number>>;
  /** Cached pieces of work reused and made anew (packages per program and format, the site). */
  readonly cache: {
    readonly hits: number;
    readonly misses: number;
    /** Results of pure functions found in the memos (kept from the last build, or made earlier in this one) and not found, by memo (cache/memo-store.ts). */
    readonly memos?: Readonly<Record<string, MemoStats>>;
    /** Site pages taken from the page cache and rendered, when the site was built rather than restored (emit/site/page-cache.ts). */
    readonly pages?: PageCacheStats;
    /** LMS packages restored one by one and made, in the heavy jobs not found whole (a rebuild after an edit to one module makes that module's and its program's). */
    readonly packages?: PieceStats;
  };
}

/**
 * Compiles every program under `input` and, when there are no errors, writes the
 * outputs and the site into `outDir`. This is the one place (with the site stage it
 * calls) that writes to disk. Outputs are staged and swapped in at the end, so that a
 * failed build leaves the previous output untouched.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const cacheDir = options.cache === false ? undefined : defaultCacheDir();
  // The pure functions' results kept from the last build: each file's check, each text's HTML, each file's compressed bytes, the SCO runtime's bundles.
  const memos = cacheDir ? await MemoStore.open('main', ['check', 'markdown', 'deflate', 'runtime'], cacheDir) : undefined;
  const workerMemos: Record<string, MemoStats> = {};
  const heap = keepHeapWithin(BUILD_HEAP_BUDGET_BYTES);
  let result: BuildResult | undefined;
  try {
    result = await buildWith(options, cacheDir, memos, workerMemos);
  } finally {
    const collected = heap.stop();
    const stats = await memos?.close();
    if (result && stats) result = { ...result, cache: { ...result.cache, memos: { ...stats, ...workerMemos } } };
    if (result && collected.collections > 0) result = { ...result, timings: { ...result.timings, gc: collected.ms } };
  }
  return result;
}

async function buildWith(
  options: BuildOptions,
  cacheDir: string | undefined,
  memos: MemoStore | undefined,
  workerMemos: Record<string, MemoStats>,
): Promise<BuildResult> {
  const compiled = await compile({
    input: options.input,
    ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}),
    ...(options.strict ? { strict: true } : {}),
    ...(options.checkExternal ? { checkExternal: options.checkExternal } : {}),
  });
  // Written now, not at the end: at 10 000 modules the files' texts and data would otherwise stay in memory through the site's build.
  await memos?.save('check');
  const timings: Record<string, number> = { ...compiled.timings };
  const counts: { hits: number; misses: number; pages?: PageCacheStats; packages?: PieceStats } = { hits: 0, misses: 0 };
  const { outputs } = compiled;
  if (!outputs) return { diagnostics: compiled.diagnostics, curricula: compiled.programs, written: false, files: 0, pages: 0, timings, cache: counts };

  const time = async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
    }
  };
  const cache = cacheDir ? new OutputCache(cacheDir) : undefined;
  // Each model is serialized and hashed once for all the keys that read it.
  const digests = new Map(compiled.programs.map((c) => [c, modelDigests(c)]));
  const catalogJson = JSON.stringify(compiled.catalog);
  const withSite = options.site !== false;
  let pages = 0;
  const staging = await StagingFolder.create(options.outDir);
  let pruning: Promise<void> | undefined;
  try {
    await time('write', () => staging.write(outputs.files));
    const jobs = compiled.programs.flatMap((curriculum) => {
      const digest = digests.get(curriculum)!;
      // The model names the files a package carries; their bytes count too.
      const files = filesKey(outputs.context.programFiles?.get(curriculum.program.id));
      // Hashed once for all the program's pieces: its files may be megabytes, and there are three pieces per module.
      const shared = cacheKey('piece-inputs', [catalogJson, ...files]);
      return outputs.deferred.emitters.map((emitter) => ({
        emitter,
        curriculum,
        key: cacheKey(`emitter:${emitter}`, [digest.whole, catalogJson, ...files]),
        // Each piece's own key, stored with the job's files for a later build whose job key
        // differs: a piece of one module is made from the program with that module alone
        // (emit/piece-model.ts), and its key hashes those two.
        pieceKeys: heavyEmitterNamed(emitter)
          .pieces(curriculum)
          .map((piece) =>
            piece.module
              ? cacheKey(`piece:${emitter}:module`, [digest.rest, digest.modules.get(piece.module.id)!, shared])
              : cacheKey(`piece:${emitter}:program`, [digest.whole, shared]),
          ),
      }));
    });
    // A job not in the cache as a whole may find some of its pieces in the last build's
    // entries, each under its own key: those entries are kept through this build.
    const storedPieces = cache && jobs.some((job) => !cache.has(job.key)) ? await cache.pieceIndex() : undefined;
    const piecesOf = (job: (typeof jobs)[number]) => job.pieceKeys.map((key) => storedPieces?.get(key));
    const allKeys = () => [...new Set([...jobs.map((job) => job.key), ...jobs.flatMap((job) => piecesOf(job).flatMap((piece) => (piece ? [piece.entry] : [])))])];
    // Once every piece's key is known, the cache's other entries go, while this build works
    // (awaited after the commit): they are the last build's, and no piece of this one reads them.
    // A prune that fails costs the next build some space, never this build.
    const startPruning = (keys: readonly string[]) => {
      pruning = cache?.prune(new Set(keys)).catch(() => undefined);
    };
    if (!withSite) startPruning(allKeys());
    // The heavy outputs are made beside the site (in a worker) when there is a site to build.
    const packaging = time('packages', async (): Promise<string[]> => {
      const written: string[] = [];
      const missing: (typeof jobs)[number][] = [];
      for (const job of jobs) {
        const restored = await cache?.restore(job.key, staging.path, staging.outDir);
        if (restored) written.push(...restored);
        else missing.push(job);
      }
      counts.hits += jobs.length - missing.length;
      counts.misses += missing.length;
      const programFiles = outputs.context.programFiles;
      const input = {
        catalog: compiled.catalog,
        ...(programFiles ? { programFiles } : {}),
        // The thread that writes a job's files stores them in the output cache.
        jobs: missing.map((job) => ({ emitter: job.emitter, curriculum: job.curriculum, ...(cache ? { cacheKey: job.key, pieceKeys: job.pieceKeys, storedPieces: piecesOf(job) } : {}) })),
        outDir: staging.path,
        replacing: staging.outDir,
        ...(cacheDir ? { memoDir: cacheDir } : {}),
        ...(cache ? { outputCacheDir: cache.dir } : {}),
      };
      const made: HeavyJobsWritten = missing.length === 0 ? { paths: [], timings: {}, files: { reused: 0, made: 0 } } : withSite ? await writeHeavyJobsInBackground(input) : await writeHeavyJobs(input);
      if (missing.length > 0) counts.packages = made.files;
      for (const [name, ms] of Object.entries(made.timings)) timings[name] = ms;
      for (const [name, stats] of Object.entries(made.memos ?? {})) workerMemos[`packages:${name}`] = stats;
      for (const paths of made.paths) written.push(...paths);
      return written;
    });
    packaging.catch(() => undefined);
    if (withSite) {
      await time('site', async () => {
        const key = cacheKey('site', [
          ...compiled.programs.map((c) => digests.get(c)!.whole),
          catalogJson,
          [...outputs.paths].sort().join('\n'),
          // Pages copy logos and import components from the program folders: every file there counts.
          // Except the calendar lock, which the site never reads and this build may rewrite.
          ...(await Promise.all([...compiled.programDirs.entries()].sort().map(async ([id, dir]) => `${id}:${await folderHash(dir, new Set([calendarLockFileName]))}`))),
        ]);
        startPruning([...allKeys(), key]);
        const restored = await cache?.restore(key, staging.path, staging.outDir);
        if (restored) {
          counts.hits++;
          pages = countPages(restored);
          return;
        }
        counts.misses++;
        const site = await buildSite({
          curricula: compiled.programs,
          catalog: compiled.catalog,
          outDir: staging.path,
          emitted: outputs.paths,
          programDirs: compiled.programDirs,
          ...(cacheDir ? { pageCacheDir: path.join(cacheDir, 'site-pages') } : {}),
          besideSite: packaging,
        });
        pages = site.pages;
        if (site.pageCache) counts.pages = site.pageCache;
        for (const [step, ms] of Object.entries(site.timings)) timings[`site.${step}`] = ms;
        await time('site.store', async () => cache?.store(key, staging.path, site.files));
      });
    }
    assertSamePaths(await packaging, outputs.deferred.paths);
    await time('commit', () => staging.commit());
    await time('prune', async () => pruning);
  } finally {
    // Not left running past the build, whose process may end next.
    await pruning;
    await staging.discard();
  }
  await time('locks', () => writeCalendarLocks(compiled.programs, compiled.programDirs, outputs.context, options.log));
  const total = outputs.paths.size;
  const pagesNote = counts.pages && counts.pages.reused > 0 ? `; ${counts.pages.reused} of ${counts.pages.reused + counts.pages.rendered} site pages unchanged` : '';
  const packagesNote = counts.packages && counts.packages.reused > 0 ? `; ${counts.packages.reused} of ${counts.packages.reused + counts.packages.made} LMS packages unchanged` : '';
  options.log?.(`wrote ${total} files${cache ? ` (${counts.hits} of ${counts.hits + counts.misses} pieces from the cache${packagesNote}${pagesNote})` : ''}`);
  return { diagnostics: compiled.diagnostics, curricula: compiled.programs, written: true, files: total, pages, timings, cache: counts };
}

/**
 * After a successful build, records in each program folder which calendar events changed
 * (emit/ics/revisions.ts), so that the next build keeps their SEQUENCE. This is the one
 * write into the sources; it happens only when the lock's text changes, and only here.
 */
async function writeCalendarLocks(programs: readonly Curriculum[], programDirs: ReadonlyMap<string, string>, context: EmitContext, log?: (line: string) => void): Promise<void> {
  for (const curriculum of programs) {
    const dir = programDirs.get(curriculum.program.id);
    if (!dir) continue;
    const file = path.join(dir, calendarLockFileName);
    const text = calendarLock(curriculum, context);
    const before = await readFile(file, 'utf8').catch(() => undefined);
    if (before === text) continue;
    await writeFile(file, text);
    log?.(`updated ${path.relative(process.cwd(), file) || file} (the revisions of the calendar events): commit it with the sources`);
  }
}

/** A program's shown and linked files as cache-key parts: each path, then its bytes. */
function filesKey(files: ProgramFiles | undefined): (string | Uint8Array)[] {
  return [...(files ?? [])].flatMap(([file, bytes]) => [file, bytes]);
}

/** The site linked the deferred outputs before they existed: they must be exactly where it was told. */
function assertSamePaths(written: readonly string[], predicted: readonly string[]): void {
  const expected = new Set(predicted);
  const unexpected = written.filter((p) => !expected.delete(p));
  if (unexpected.length > 0 || expected.size > 0) {
    throw new Error(`the deferred emitters wrote ${unexpected.slice(0, 3).join(', ') || 'nothing unexpected'} and missed ${[...expected].slice(0, 3).join(', ') || 'nothing'}`);
  }
}
