/**
 * The floor of the site stage: a bare Astro build of the same number of trivial pages,
 * with no data, no components and no integrations. Loading Astro is timed, as the site
 * stage's own time includes it (src/emit/site/index.ts loads Astro when it builds), with
 * Node's compile cache on, as `astro build` and `curriculum build` have it.
 *
 *   node bench/astro-baseline.ts <work-dir> <pages>
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const [workDir, pagesArg] = process.argv.slice(2);
const pages = Number(pagesArg);
const root = path.resolve(workDir!, `astro-baseline-${pages}`);
await rm(root, { recursive: true, force: true });
await mkdir(path.join(root, 'src/pages'), { recursive: true });
await writeFile(path.join(root, 'astro.config.mjs'), "export default { logLevel: 'error' };\n");
await writeFile(
  path.join(root, 'src/pages/[slug].astro'),
  `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { slug: 'page-' + i }, props: { i } }));
}
const { i } = Astro.props;
---
<html lang="en"><head><title>Page {i}</title></head><body><h1>Page {i}</h1></body></html>
`,
);
// As `astro build` does (astro/bin/astro.mjs), and as the compiler's CLI does.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
const started = performance.now();
const { build } = await import('astro');
await build({ root, logLevel: 'error' });
const wallMs = performance.now() - started;
process.stdout.write(`${JSON.stringify({ pages, wallMs, peakMemoryMB: process.resourceUsage().maxRSS / 1024 })}\n`);
