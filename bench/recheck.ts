/**
 * The time from saving one file to fresh diagnostics and light outputs, as the dev mode sees it: a warm
 * per-file cache, one module file rewritten and invalidated, then a full check in which
 * only that file is read, parsed and validated again.
 *
 *   node bench/recheck.ts <curriculum-dir> <module-file> [edits]
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compile, FileCache } from '../src/index.ts';

const [input, moduleFile, edits = '7'] = process.argv.slice(2);
const cache = new FileCache();
await compile({ input: input!, cache, outputs: 'light' });
const original = await readFile(moduleFile!, 'utf8');
const samples: number[] = [];
try {
  for (let i = 0; i < Number(edits); i++) {
    await writeFile(moduleFile!, original.replace(/^title: .*$/m, `title: Edited title ${i}`));
    const started = performance.now();
    cache.invalidate(path.resolve(moduleFile!));
    const result = await compile({ input: input!, cache, outputs: 'light' });
    samples.push(performance.now() - started);
    if (result.diagnostics.some((d) => d.severity === 'error')) throw new Error('the edit produced errors');
  }
} finally {
  await writeFile(moduleFile!, original);
}
samples.sort((a, b) => a - b);
process.stdout.write(`${JSON.stringify({ samples, medianMs: samples[Math.floor(samples.length / 2)] })}\n`);
