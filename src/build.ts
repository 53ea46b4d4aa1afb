import { performance } from 'node:perf_hooks';
import { compile } from './compile.ts';
import type { Diagnostic } from './diagnostics/diagnostic.ts';
import { writeInBackground, type BackgroundWritten } from './emit/background.ts';
import { buildSite } from './emit/site/index.ts';
import { StagingFolder } from './emit/write-output.ts';
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

/**
 * Compiles every program under `input` and, when there are no errors, writes the
 * outputs and the site into `outDir`. This is the one place (with the site stage it
 * calls) that writes to disk. Outputs are staged and swapped in at the end, so that a
 * failed build leaves the previous output untouched.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const compiled = await compile({
    input: options.input,
    ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}),
    ...(options.strict ? { strict: true } : {}),
  });
  const timings: Record<string, number> = { ...compiled.timings };
  const { outputs } = compiled;
  if (!outputs) return { diagnostics: compiled.diagnostics, curricula: compiled.programs, written: false, files: 0, pages: 0, timings };

  const time = async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
    }
  };
  let pages = 0;
  const staging = await StagingFolder.create(options.outDir);
  try {
    await time('write', () => staging.write(outputs.files));
    const withSite = options.site !== false;
    // The heavy outputs are made beside the site (in a worker) when there is a site to build.
    const { deferred } = outputs;
    const packaging = time('packages', async (): Promise<BackgroundWritten> => {
      if (withSite) return writeInBackground({ context: outputs.context, emitters: deferred.emitters, outDir: staging.path });
      const own: Record<string, number> = {};
      const paths = await staging.write(deferred.files((name, ms) => (own[name] = ms)));
      return { paths, timings: own };
    });
    packaging.catch(() => undefined);
    if (withSite) {
      const site = await time('site', () =>
        buildSite({ curricula: compiled.programs, catalog: compiled.catalog, outDir: staging.path, emitted: outputs.paths, programDirs: compiled.programDirs }),
      );
      pages = site.pages;
      for (const [step, ms] of Object.entries(site.timings)) timings[`site.${step}`] = ms;
    }
    const packaged = await packaging;
    for (const [name, ms] of Object.entries(packaged.timings)) timings[name] = ms;
    assertSamePaths(packaged.paths, deferred.paths);
    await time('commit', () => staging.commit());
  } finally {
    await staging.discard();
  }
  const total = outputs.paths.size;
  options.log?.(`wrote ${total} files`);
  return { diagnostics: compiled.diagnostics, curricula: compiled.programs, written: true, files: total, pages, timings };
}

/** The site linked the deferred outputs before they existed: they must be exactly where it was told. */
function assertSamePaths(written: readonly string[], predicted: readonly string[]): void {
  const expected = new Set(predicted);
  const unexpected = written.filter((p) => !expected.delete(p));
  if (unexpected.length > 0 || expected.size > 0) {
    throw new Error(`the deferred emitters wrote ${unexpected.slice(0, 3).join(', ') || 'nothing unexpected'} and missed ${[...expected].slice(0, 3).join(', ') || 'nothing'}`);
  }
}
