/**
 * The page cache's files (src/emit/site/page-cache.ts) when builds share a cache folder:
 * two builds at once (a terminal's and an editor's, two CI jobs), and the files left by
 * builds that stopped. The cache is driven as Astro's pages drive it (begin, read, end),
 * without Astro: what is tested here is which files a save keeps, and whether the index
 * it leaves can serve the next build. test/page-cache.test.ts builds real sites.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageCache } from '../src/emit/site/page-cache.ts';
import { siteData, type SiteData } from '../src/emit/site/site-data.ts';
import { compile } from '../src/index.ts';
import { repoRoot } from './support/samples.ts';

let data: SiteData;
let programDirs: ReadonlyMap<string, string>;
let pages: { readonly pathname: string; readonly record: string }[];
const folders: string[] = [];

beforeAll(async () => {
  const compiled = await compile({ input: path.join(repoRoot, 'curriculum') });
  data = siteData({ curricula: compiled.programs, catalog: compiled.catalog, emitted: new Set() });
  programDirs = compiled.programDirs;
  const program = data.programs[0]!.curriculum;
  pages = program.modules.slice(0, 3).map((m) => ({ pathname: `/${program.program.id}/modules/${m.id}/`, record: `${program.program.id}/${m.id}` }));
});

afterAll(async () => {
  await Promise.all(folders.map((f) => rm(f, { recursive: true, force: true })));
});

async function cacheFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'curriculum-page-files-'));
  folders.push(dir);
  return dir;
}

const open = (dir: string) => PageCache.open(dir, data, '/', programDirs);

/** What a build does with the cache: takes what it may, renders the rest (`label` marks its HTML). */
function build(cache: PageCache, label: string): void {
  for (const { pathname, record } of pages) {
    if (cache.reuses(pathname)) continue;
    cache.begin(pathname, undefined);
    cache.read(record);
    cache.end(pathname, Buffer.from(`<!doctype html><title>${label} ${pathname}</title>`));
  }
}

/** A cache folder after one build that rendered every page and saved. */
async function builtOnce(): Promise<string> {
  const dir = await cacheFolder();
  const first = await open(dir);
  build(first, 'first');
  await first.save();
  return dir;
}

const htmlFiles = async (dir: string) => (await readdir(dir)).filter((n) => n.endsWith('.html')).sort();
const indexedFile = async (dir: string) => (JSON.parse(await readFile(path.join(dir, 'index.json'), 'utf8')) as { html: string }).html;

describe('a page cache folder shared by builds', () => {
  it('keeps serving after two builds at once, each saving while the other writes', async () => {
    const dir = await builtOnce();

    // Both open the first build's index; the one that saves first must not delete the other's file.
    const a = await open(dir);
    const b = await open(dir);
    build(a, 'a');
    build(b, 'b');
    expect([a.stats, b.stats]).toEqual([
      { reused: 3, rendered: 0 },
      { reused: 3, rendered: 0 },
    ]);
    await a.save();
    await b.save();

    const named = await indexedFile(dir);
    expect(await htmlFiles(dir)).toEqual([named]);
    const next = await open(dir);
    build(next, 'next');
    expect(next.stats).toEqual({ reused: 3, rendered: 0 });
    next.discard();
  });

  it('keeps a file another live process is writing, and deletes those of ended processes and of its own earlier builds', async () => {
    const dir = await cacheFolder();
    const ended = await exitedProcessId();
    await whileAnotherProcessRuns(async (alive) => {
      const aliveFile = `pages-${alive}-other-build.html`;
      const endedFile = `pages-${ended}-stopped-build.html`;
      const ownEarlierFile = `pages-${process.pid}-earlier-build.html`;
      for (const name of [aliveFile, endedFile, ownEarlierFile]) await writeFile(path.join(dir, name), '<!doctype html>');
      const cache = await open(dir);
      build(cache, 'now');
      await cache.save();
      const named = await indexedFile(dir);
      expect(await htmlFiles(dir)).toEqual([aliveFile, named].sort());
    });
  });

  it('deletes the file the index it read named, whoever wrote it, once its own index replaces it', async () => {
    const dir = await builtOnce();
    // As if a long-lived process that is still running had written it.
    await whileAnotherProcessRuns(async (alive) => {
      const renamed = `pages-${alive}-long-lived.html`;
      const indexFile = path.join(dir, 'index.json');
      const index = JSON.parse(await readFile(indexFile, 'utf8')) as { html: string };
      await writeFile(path.join(dir, renamed), await readFile(path.join(dir, index.html)));
      await rm(path.join(dir, index.html));
      await writeFile(indexFile, JSON.stringify({ ...index, html: renamed }));

      const next = await open(dir);
      build(next, 'next');
      expect(next.stats).toEqual({ reused: 3, rendered: 0 });
      await next.save();
      expect(await htmlFiles(dir)).toEqual([await indexedFile(dir)]);
    });
  });

  it('leaves the previous index and its file when a build fails', async () => {
    const dir = await builtOnce();
    const named = await indexedFile(dir);
    const failed = await open(dir);
    build(failed, 'failed');
    failed.discard();
    expect(await htmlFiles(dir)).toEqual([named]);
    const next = await open(dir);
    build(next, 'next');
    expect(next.stats).toEqual({ reused: 3, rendered: 0 });
    next.discard();
  });
});

/** The id of a process that has ended (ids are not reused at once). */
function exitedProcessId(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => resolve(child.pid!));
  });
}

/** Runs `work` with the id of another process that is alive throughout, and stops that process after. */
async function whileAnotherProcessRuns(work: (pid: number) => Promise<void>): Promise<void> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  try {
    await work(child.pid!);
  } finally {
    await stop(child);
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.kill();
  });
}
