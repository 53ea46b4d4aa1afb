/**
 * The SCO runtime's bundles kept between builds (src/emit/package/runtime.ts, in the
 * memo store of cache/memo-store.ts): a build's package worker is a fresh thread, so
 * each build would otherwise start esbuild and bundle the runtime again. Each run here
 * imports the runtime module afresh, as a new worker does.
 */
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { MemoStore } from '../src/cache/memo-store.ts';

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((f) => rm(f, { recursive: true, force: true })));
});

/** One build's worth: a fresh runtime module, the memo store open around its use. */
async function scriptWithStore(dir: string): Promise<{ script: string; stats: { hits: number; misses: number } }> {
  vi.resetModules();
  const store = await MemoStore.open('test', ['runtime'], dir);
  const { runtimeScript } = await import('../src/emit/package/runtime.ts');
  const script = runtimeScript('cmi5');
  const stats = await store.close();
  return { script, stats: stats.runtime! };
}

describe('the SCO runtime bundle memo', () => {
  it('bundles on the first build, serves the same bytes on the next, and bundles again when the memo file is damaged or another compiler’s', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'curriculum-runtime-memo-'));
    folders.push(dir);
    const first = await scriptWithStore(dir);
    expect(first.stats).toEqual({ hits: 0, misses: 1 });
    expect(first.script).toContain('Curriculum Compiler SCO runtime (cmi5)');

    const second = await scriptWithStore(dir);
    expect(second.stats).toEqual({ hits: 1, misses: 0 });
    expect(second.script).toBe(first.script);

    // A changed fingerprint (another compiler's file, or damage there) and the file is not read.
    const file = path.join(dir, 'memo-test-runtime.bin');
    const bytes = await readFile(file);
    const tampered = Buffer.from(bytes);
    tampered[8] = tampered[8]! ^ 0xff;
    await writeFile(file, tampered);
    const third = await scriptWithStore(dir);
    expect(third.stats).toEqual({ hits: 0, misses: 1 });
    expect(third.script).toBe(first.script);
  });
});
