/**
 * The site stage alone, in its own process: compile the sources, then build the site
 * into an empty folder with no page cache, as a cold build's site stage does but with
 * no LMS packages being written beside it. The benchmark compares this with a bare
 * Astro build of the same number of pages (bench/astro-baseline.ts), which also runs
 * alone: in a whole build the packages share the machine's two cores and its disk with
 * the site, and the site stage's time there measures that contention as well.
 *
 *   node bench/site-once.ts <curriculum-dir> <out-dir>
 */
import { mkdir, rm } from 'node:fs/promises';

// As `curriculum build` does (bin/curriculum.js), and as bench/build-once.ts.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
const { compile } = await import('../src/compile.ts');
const { buildSite } = await import('../src/emit/site/index.ts');

const [input, outDir] = process.argv.slice(2);
const compiled = await compile({ input: input! });
if (!compiled.outputs) {
  process.stderr.write(`compile failed: ${compiled.diagnostics.filter((d) => d.severity === 'error').length} errors\n`);
  process.exit(1);
}
await rm(outDir!, { recursive: true, force: true });
await mkdir(outDir!, { recursive: true });
const started = performance.now();
const site = await buildSite({
  curricula: compiled.programs,
  catalog: compiled.catalog,
  outDir: outDir!,
  emitted: compiled.outputs.paths,
  programDirs: compiled.programDirs,
});
const wallMs = performance.now() - started;
process.stdout.write(`${JSON.stringify({ wallMs, pages: site.pages, timings: site.timings })}\n`);
