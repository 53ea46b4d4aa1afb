/**
 * One full build in its own process, reporting the time of each stage and the peak
 * resident memory, for the benchmark.
 *
 *   node bench/build-once.ts <curriculum-dir> <out-dir> [--no-site]
 */
// As `curriculum build` does (bin/curriculum.js): Node keeps compiled code, and the
// TypeScript it stripped, on disk, so the compiler and Astro load from that cache.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
const { build } = await import('../src/build.ts');

const [input, outDir, flag] = process.argv.slice(2);
const started = performance.now();
const result = await build({ input: input!, outDir: outDir!, site: flag !== '--no-site' });
const wallMs = performance.now() - started;
if (!result.written) {
  process.stderr.write(`build failed: ${result.diagnostics.filter((d) => d.severity === 'error').length} errors\n`);
  process.exit(1);
}
process.stdout.write(
  `${JSON.stringify({ wallMs, timings: result.timings, files: result.files, ...(result.cache.pages ? { sitePages: result.cache.pages } : {}), peakMemoryMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
