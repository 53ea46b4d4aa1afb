/**
 * The whole compiler in one call: load, validate and resolve every program (check.ts),
 * then run the emitter registry over the resolved models. Nothing is written here:
 * light outputs come back in memory, heavy ones (LMS packages) as a stream made on
 * demand. `build`, `dev`, the tests and the benchmark all compile through this.
 */
import { performance } from 'node:perf_hooks';
import { check, type CheckOptions, type FileCache } from './check.ts';
import type { Diagnostic } from './diagnostics/diagnostic.ts';
import { summarize } from './diagnostics/diagnostic.ts';
import { readProgramFiles } from './emit/program-files.ts';
import { emitFiles, emitters, isHeavy, type Emitter, type HeavyEmitter } from './emit/registry.ts';
import type { EmitContext, OutputFile } from './emit/types.ts';
import type { ResolvedCatalog } from './model/catalog.ts';
import type { Curriculum } from './model/types.ts';

export interface CompileOptions {
  /** A program folder, or a folder of program folders. */
  readonly input: string;
  /** The site's public URL; overrides `catalog.yaml`. */
  readonly siteUrl?: string;
  /** Treat warnings as errors: no outputs when there are any. */
  readonly strict?: boolean;
  /** Fetch the web addresses of the Markdown and warn about broken ones (check.ts). */
  readonly checkExternal?: CheckOptions['checkExternal'];
  /** Per-file results kept between runs (`dev` invalidates the files that change). */
  readonly cache?: FileCache;
  /** `all` (the default), or only the `light` outputs, cheap enough for every save. */
  readonly outputs?: 'all' | 'light';
  /**
   * Programs as they last compiled. When given, errors do not stop the outputs: a
   * program whose sources have errors now is compiled from its entry here (the dev
   * server keeps showing it), and the others as usual.
   */
  readonly lastGood?: ReadonlyMap<string, Curriculum>;
}

export interface Compilation {
  /** Every problem found: errors first, then by file and position. */
  readonly diagnostics: readonly Diagnostic[];
  /** The resolved programs that compiled (with `lastGood`, those kept from before too). */
  readonly programs: readonly Curriculum[];
  readonly catalog: ResolvedCatalog;
  /** Program id (its folder name) → the absolute path of its source folder, for files the site copies. */
  readonly programDirs: ReadonlyMap<string, string>;
  /** Programs taken from `lastGood` because their sources have errors now. */
  readonly stale: readonly string[];
  /** Absent when errors (or, under `strict`, warnings) stop the compilation. */
  readonly outputs?: Outputs;
  /** Milliseconds per stage and per light emitter, for the benchmark. */
  readonly timings: Readonly<Record<string, number>>;
}

export interface Outputs {
  /** The light outputs, made. */
  readonly files: readonly OutputFile[];
  /** The heavy outputs: their paths are known now, their files are made when asked for. */
  readonly deferred: DeferredOutputs;
  /** Every output path, light and heavy: what the site may link. */
  readonly paths: ReadonlySet<string>;
  /** What the emitters read, for running the deferred ones elsewhere (a worker). */
  readonly context: EmitContext;
}

export interface DeferredOutputs {
  /** Registry names of the emitters, in order. */
  readonly emitters: readonly string[];
  readonly paths: readonly string[];
  /** Makes the files one at a time: a large program's packages do not fit in memory at once. */
  files(onDone?: (emitter: string, ms: number) => void): Iterable<OutputFile>;
}

export async function compile(options: CompileOptions): Promise<Compilation> {
  const timings: Record<string, number> = {};
  const started = performance.now();
  const checked = await check(options.input, {
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}),
    ...(options.checkExternal ? { checkExternal: options.checkExternal } : {}),
  });
  timings.check = performance.now() - started;

  const { programs, stale } = withLastGood(checked.curricula, checked.programDirs, options.lastGood);
  const base = { diagnostics: checked.diagnostics, programs, catalog: checked.catalog, programDirs: checked.programDirs, stale, timings };
  const summary = summarize(checked.diagnostics);
  const blocked = options.lastGood === undefined && (summary.errors > 0 || (options.strict === true && summary.warnings > 0));
  if (blocked || programs.length === 0) return base;

  const which = options.outputs ?? 'all';
  // Only the packages carry the files; the light outputs never read them.
  const programFiles = which === 'all' ? await readProgramFiles(programs, checked.programDirs, 'fail') : undefined;
  // Each program's calendar lock, read and checked with its sources (check.ts).
  const outputs = emitOutputs({ catalog: checked.catalog, curricula: programs, calendarLocks: checked.calendarLocks, ...(programFiles ? { programFiles } : {}) }, which, timings);
  return { ...base, outputs };
}

/**
 * Runs the emitter registry over resolved programs: the light emitters now, the heavy
 * ones deferred. `compile()` calls it on what it resolved; tests call it on models they changed.
 */
export function emitOutputs(context: EmitContext, which: 'all' | 'light' = 'all', timings: Record<string, number> = {}): Outputs {
  const selected = emitters.filter((e) => which === 'all' || !isHeavy(e));
  const heavy = selected.filter(isHeavy);
  const light = selected.filter((e): e is Exclude<Emitter, HeavyEmitter> => !isHeavy(e));
  const files = [...emitFiles(light, context, (name, ms) => (timings[name] = ms))];
  const deferredPaths = heavy.flatMap((e) => context.curricula.flatMap((c) => e.pieces(c).map((piece) => piece.path)));
  const paths = new Set<string>();
  for (const path of [...files.map((f) => f.path), ...deferredPaths]) {
    if (paths.has(path)) throw new Error(`two emitters make ${path}`);
    paths.add(path);
  }
  const deferred: DeferredOutputs = {
    emitters: heavy.map((e) => e.name),
    paths: deferredPaths,
    files: (onDone) => emitFiles(heavy, context, onDone),
  };
  return { files, deferred, paths, context };
}

function withLastGood(
  fresh: readonly Curriculum[],
  programDirs: ReadonlyMap<string, string>,
  lastGood: ReadonlyMap<string, Curriculum> | undefined,
): { programs: readonly Curriculum[]; stale: readonly string[] } {
  if (!lastGood) return { programs: fresh, stale: [] };
  const compiled = new Set(fresh.map((c) => c.program.id));
  // A program folder that is gone is gone from the site too; one with errors stays as it was.
  const kept = [...lastGood.values()].filter((c) => !compiled.has(c.program.id) && programDirs.has(c.program.id));
  return { programs: [...fresh, ...kept], stale: kept.map((c) => c.program.id) };
}
