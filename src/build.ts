import { performance } from 'node:perf_hooks';
import { check, type CheckResult } from './check.ts';
import type { Diagnostic } from './diagnostics/diagnostic.ts';
import { summarize } from './diagnostics/diagnostic.ts';
import { emitCalendars } from './emit/ics/index.ts';
import { emitCurriculumJson } from './emit/json/index.ts';
import { lmsEmitters, lmsOutputPaths } from './emit/package/index.ts';
import { emitPackages } from './emit/package/run.ts';
import { emitSchemas } from './emit/schemas.ts';
import type { EmitContext, OutputFile, ProgramEmitter } from './emit/types.ts';
import { StagingFolder } from './emit/write-output.ts';
import { buildSite } from './emit/site/index.ts';
import type { Curriculum } from './model/types.ts';

export interface BuildOptions {
  readonly input: string;
  readonly outDir: string;
  /** Build the Astro site (default true). */
  readonly site?: boolean;
  /** Treat warnings as errors: nothing is written when there are any. */
  readonly strict?: boolean;
  readonly siteUrl?: string;
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
}

/** Emitters cheap enough to run before the site; their files are written first. */
const inlineEmitters: readonly { readonly name: string; readonly emit: ProgramEmitter }[] = [
  { name: 'json', emit: emitCurriculumJson },
  { name: 'ics', emit: emitCalendars },
];

/** The emitters that turn each program into files, in the order they run. */
export const programEmitters: readonly { readonly name: string; readonly emit: ProgramEmitter }[] = [...inlineEmitters, ...lmsEmitters];

/**
 * Checks the sources and, when there are no errors, compiles every program into
 * `outDir`. Outputs are staged and swapped in at the end, so that a failed build
 * leaves the previous output untouched.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  const time = async <T>(stage: string, work: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
    }
  };
  const result: CheckResult = await time('check', () => check(options.input, options.siteUrl ? { siteUrl: options.siteUrl } : {}));
  const summary = summarize(result.diagnostics);
  const blocked = summary.errors > 0 || (options.strict === true && summary.warnings > 0);
  if (blocked || result.curricula.length === 0) {
    return { diagnostics: result.diagnostics, curricula: result.curricula, written: false, files: 0, pages: 0, timings };
  }

  const context: EmitContext = { catalog: result.catalog, curricula: result.curricula };
  const files: OutputFile[] = await time('schemas', emitSchemas);
  for (const emitter of inlineEmitters) {
    await time(emitter.name, () => {
      for (const curriculum of result.curricula) files.push(...emitter.emit(curriculum, context));
    });
  }
  assertUniquePaths(files);
  const packagePaths = result.curricula.flatMap(lmsOutputPaths);

  let pages = 0;
  const staging = await StagingFolder.create(options.outDir);
  try {
    await time('write', () => staging.write(files));
    const withSite = options.site !== false;
    // The packages are built beside the site (in a worker) when there is a site to build.
    const packaging = time('packages', () => emitPackages(context, staging.path, { inWorker: withSite }));
    packaging.catch(() => undefined);
    if (withSite) {
      const site = await time('site', () =>
        buildSite({
          curricula: result.curricula,
          catalog: result.catalog,
          outDir: staging.path,
          emitted: new Set([...files.map((f) => f.path), ...packagePaths]),
          programDirs: result.programDirs,
        }),
      );
      pages = site.pages;
      for (const [step, ms] of Object.entries(site.timings)) timings[`site.${step}`] = ms;
    }
    const packaged = await packaging;
    for (const [name, ms] of Object.entries(packaged.timings)) timings[name] = ms;
    assertSamePaths(packaged.paths, packagePaths);
    await time('commit', () => staging.commit());
  } finally {
    await staging.discard();
  }
  const total = files.length + packagePaths.length;
  options.log?.(`wrote ${total} files`);
  return { diagnostics: result.diagnostics, curricula: result.curricula, written: true, files: total, pages, timings };
}

/** The site linked the packages before they existed: they must be exactly where it was told. */
function assertSamePaths(written: readonly string[], predicted: readonly string[]): void {
  const expected = new Set(predicted);
  const unexpected = written.filter((p) => !expected.delete(p));
  if (unexpected.length > 0 || expected.size > 0) {
    throw new Error(`the LMS emitters wrote ${unexpected.slice(0, 3).join(', ') || 'nothing unexpected'} and missed ${[...expected].slice(0, 3).join(', ') || 'nothing'}`);
  }
}

function assertUniquePaths(files: readonly OutputFile[]): void {
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`two emitters wrote ${f.path}`);
    seen.add(f.path);
  }
}
