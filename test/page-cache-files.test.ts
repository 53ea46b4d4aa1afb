/**
 * The page cache's files (src/emit/site/page-cache.ts) when builds share a cache folder:
 * two builds at once (a terminal's and an editor's, two CI jobs), and the files left by
 * builds that stopped; and pages rendered at once, as Astro renders them. The cache is
 * driven as Astro's pages drive it (rendering, read, end), without Astro: what is tested
 * here is which files a save keeps, what each page's entry says it read, and whether the
 * index it leaves can serve the next build. test/page-cache.test.ts builds real sites.
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
async function build(cache: PageCache, label: string): Promise<void> {
  for (const { pathname, record } of pages) {
    if (cache.reuses(pathname)) continue;
    await cache.rendering(pathname, undefined, async () => {
      cache.read(record);
      cache.end(pathname, Buffer.from(`<!doctype html><title>${label} ${pathname}</title>`));
    });
  }
}

/** A cache folder after one build that rendered every page and saved. */
async function builtOnce(): Promise<string> {
  const dir = await cacheFolder();
  const first = await open(dir);
  await build(first, 'first');
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
    await build(a, 'a');
    await build(b, 'b');
    expect([a.stats, b.stats]).toEqual([
      { reused: 3, rendered: 0 },
      { reused: 3, rendered: 0 },
    ]);
    await a.save();
    await b.save();

    const named = await indexedFile(dir);
    expect(await htmlFiles(dir)).toEqual([named]);
    const next = await open(dir);
    await build(next, 'next');
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
      await build(cache, 'now');
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
      await build(next, 'next');
      expect(next.stats).toEqual({ reused: 3, rendered: 0 });
      await next.save();
      expect(await htmlFiles(dir)).toEqual([await indexedFile(dir)]);
    });
  });

  it('leaves the previous index and its file when a build fails', async () => {
    const dir = await builtOnce();
    const named = await indexedFile(dir);
    const failed = await open(dir);
    await build(failed, 'failed');
    failed.discard();
    expect(await htmlFiles(dir)).toEqual([named]);
    const next = await open(dir);
    await build(next, 'next');
    expect(next.stats).toEqual({ reused: 3, rendered: 0 });
    next.discard();
  });
});

describe('pages rendered at once', () => {
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

  it("records each read as the read of the page whose rendering made it, however the pages' awaits interleave", async () => {
    const dir = await cacheFolder();
    const cache = await open(dir);
    const [shared, ...rendered] = pages;
    // Every page starts before any reads; each reads after the others have, and ends last.
    await Promise.all(
      rendered.map(({ pathname, record }, i) =>
        cache.rendering(pathname, undefined, async () => {
          for (let k = 0; k <= i; k++) await turn();
          cache.read(record);
          // Work every page shares, done by whichever page needs it first: every page's input.
          if (i === 0) cache.forEveryPage(() => cache.read(shared!.record));
          for (let k = i; k < rendered.length; k++) await turn();
          cache.end(pathname, Buffer.from(`<!doctype html><title>${pathname}</title>`));
        }),
      ),
    );
    await cache.save();
    const index = JSON.parse(await readFile(path.join(dir, 'index.json'), 'utf8')) as { pages: Record<string, { reads: string[] }> };
    expect(Object.fromEntries(Object.entries(index.pages).map(([p, e]) => [p, e.reads]))).toEqual(
      Object.fromEntries(rendered.map(({ pathname, record }) => [pathname, [shared!.record, record].sort()])),
    );

    // An edit of one page's record: that page alone is rendered again.
    const edited = structuredClone(data);
    const program = edited.programs[0]!.curriculum;
    const target = program.modules.find((m) => `${program.program.id}/${m.id}` === rendered[1]!.record)!;
    (target as { title: string }).title = `${target.title} (edited)`;
    const next = await PageCache.open(dir, edited, '/', programDirs);
    expect(rendered.map(({ pathname }) => next.reuses(pathname))).toEqual([true, false]);
    next.discard();
  });

  it('keeps nothing when a page ends outside its own rendering', async () => {
    const dir = await cacheFolder();
    const cache = await open(dir);
    const [a, b, c] = pages;
    await cache.rendering(a!.pathname, undefined, async () => {
      cache.read(a!.record);
      cache.end(a!.pathname, Buffer.from('<!doctype html>'));
    });
    // Page c's HTML reported from page b's rendering: what c read is not known.
    await cache.rendering(b!.pathname, undefined, async () => {
      cache.read(b!.record);
      cache.end(c!.pathname, Buffer.from('<!doctype html>'));
    });
    await cache.save();
    const next = await open(dir);
    expect([a, b, c].map((p) => next.reuses(p!.pathname))).toEqual([false, false, false]);
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
