/**
 * The floor of the site stage: a bare Astro build of the same number of trivial pages,
 * with no data, no components and no integrations.
 *
 *   node bench/astro-baseline.ts <work-dir> <pages>
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'astro';

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
const started = performance.now();
await build({ root, logLevel: 'error' });
const wallMs = performance.now() - started;
process.stdout.write(`${JSON.stringify({ pages, wallMs, peakMemoryMB: process.resourceUsage().maxRSS / 1024 })}\n`);
