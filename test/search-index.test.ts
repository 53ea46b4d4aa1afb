/**
 * The search index is the same bytes for the same pages, whatever order the file system
 * lists them in and whatever order the build hands the pages in: Pagefind is given the
 * pages one by one, the lead pages first, then the others by path
 * (src/emit/site/search-index.ts). Real Pagefind throughout.
 */
import { existsSync, opendirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchIndex } from '../src/emit/site/search-index.ts';

const count = 40;
const names = Array.from({ length: count }, (_, i) => `page-${String(i).padStart(2, '0')}`);
const file = (name: string) => `${name}/index.html`;

/** Pages with words in common, so that every index chunk holds several pages' numbers. */
function page(name: string, i: number, marked = true): string {
  const words = ['resilience', 'officer', 'flood', 'heat', 'mobility', 'energy'].filter((_, k) => (i + k) % 3 === 0).join(' ');
  return `<!doctype html><html lang="en"><head><title>${name}</title></head><body><nav>menu</nav><main${marked ? ' data-pagefind-body' : ''}><h1>Page ${name}</h1><p>${words} unique${i}</p></main></body></html>`;
}

async function writeSite(dir: string, order: readonly string[], marked: (i: number) => boolean = () => true): Promise<void> {
  // One file at a time, in the order given: a file system that lists in creation order then differs by it.
  for (const name of order) {
    const i = names.indexOf(name);
    await mkdir(path.join(dir, name), { recursive: true });
    await writeFile(path.join(dir, file(name)), page(name, i, marked(i)));
  }
}

/** Every file Pagefind wrote, by path. */
async function indexFiles(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
  return new Map(await Promise.all(files.sort().map(async (f) => [f, await readFile(path.join(dir, f))] as const)));
}

function sameFiles(a: Map<string, Buffer>, b: Map<string, Buffer>): boolean {
  return a.size === b.size && [...a].every(([f, bytes]) => b.get(f)?.equals(bytes) === true);
}

/**
 * Our index of the site in `siteDir`, written to `out`: `lead` told first, then the pages
 * of `handIn` handed in, in that order, with the bytes the site has (or those given).
 */
async function ourIndex(
  siteDir: string,
  out: string,
  stream: {
    readonly lead?: readonly string[];
    readonly handIn?: readonly (string | readonly [string, string])[];
    readonly streamed?: number;
    readonly pendingLimit?: number;
    readonly startAfter?: Promise<unknown>;
  } = {},
): Promise<Map<string, Buffer>> {
  const search = await SearchIndex.start({ languages: new Set(['en']), catalogLanguage: 'en', ...(stream.pendingLimit ? { pendingLimit: stream.pendingLimit } : {}) });
  try {
    search.lead(stream.lead ?? [], stream.startAfter);
    for (const given of stream.handIn ?? []) {
      const [f, html] = typeof given === 'string' ? [given, await readFile(path.join(siteDir, given))] : given;
      search.page(f, html);
    }
    await search.build(siteDir, out);
    if (stream.streamed !== undefined) expect(search.streamed, 'pages Pagefind read as they were handed in').toBe(stream.streamed);
  } finally {
    await search.close();
  }
  return indexFiles(out);
}

/** Pagefind fed the given files, in order, straight through its own API. */
async function pagefindIndex(siteDir: string, files: readonly string[], out: string): Promise<Map<string, Buffer>> {
  const pagefind = await import('pagefind');
  try {
    const { index } = await pagefind.createIndex({});
    for (const f of files) await index!.addHTMLFile({ sourcePath: f, content: await readFile(path.join(siteDir, f), 'utf8') });
    await index!.writeFiles({ outputPath: out });
  } finally {
    await pagefind.close();
  }
  return indexFiles(out);
}

/** A folder's entries in the order the file system lists them (`readdir` sorts them: libuv's scandir). */
function listed(dir: string): string[] {
  const folder = opendirSync(dir);
  const names: string[] = [];
  try {
    for (let entry = folder.readSync(); entry; entry = folder.readSync()) names.push(entry.name);
  } finally {
    folder.closeSync();
  }
  return names;
}

/** A shuffle that is the same at every run. */
function scrambled<T>(items: readonly T[]): T[] {
  const out = [...items];
  let seed = 7;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('the search index', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'search-index-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  // tmpfs lists a folder's entries newest first: the same pages, made in two orders, are listed in two orders.
  const listsByCreation = process.platform === 'linux' && existsSync('/dev/shm');
  it.skipIf(!listsByCreation && !process.env.CI)('does not depend on the order the file system lists the pages in', async () => {
    const shm = await mkdtemp('/dev/shm/search-index-');
    try {
      const [a, b] = [path.join(shm, 'a'), path.join(shm, 'b')];
      await writeSite(a, names);
      await writeSite(b, [...names].reverse());
      expect(listed(a), 'the two folders list their pages in different orders').not.toEqual(listed(b));

      // Pagefind given the folders lists them itself, and its index follows the listing.
      const pagefind = await import('pagefind');
      for (const [dir, out] of [[a, 'dir-a'], [b, 'dir-b']] as const) {
        const { index } = await pagefind.createIndex({});
        await index!.addDirectory({ path: dir, glob: '**/*.html' });
        await index!.writeFiles({ outputPath: path.join(root, out) });
      }
      await pagefind.close();
      expect(sameFiles(await indexFiles(path.join(root, 'dir-a')), await indexFiles(path.join(root, 'dir-b')))).toBe(false);

      expect(sameFiles(await ourIndex(a, path.join(root, 'ours-a')), await ourIndex(b, path.join(root, 'ours-b')))).toBe(true);
    } finally {
      await rm(shm, { recursive: true, force: true });
    }
  });

  it('is the index Pagefind makes of the pages taken in the order of their paths', async () => {
    const site = path.join(root, 'site');
    await writeSite(site, scrambled(names));
    const ours = await ourIndex(site, path.join(root, 'ours'));
    expect([...ours.keys()].filter((f) => f.startsWith(`fragment${path.sep}`))).toHaveLength(count);
    expect(sameFiles(ours, await pagefindIndex(site, names.map(file), path.join(root, 'sorted')))).toBe(true);
    // The order shows in the index: another order gives other files.
    expect(sameFiles(ours, await pagefindIndex(site, [...names].reverse().map(file), path.join(root, 'reversed')))).toBe(false);
  });

  it('names each page exactly, whatever characters its path has', async () => {
    const site = path.join(root, 'odd-names');
    const odd = ['a b', 'x*y', 'q?', 'br[1]', 'c{a,b}', 'p(1)', 'ex!', 'lt<3>', 'h#', 'col:on', 'tilde~', 'caret^', 'dollar$', 'at@', 'plus+', 'pipe|', "quote'", 'pct%', 'back\\slash', 'é'];
    const files = odd.map((n, i) => (i % 2 === 0 ? `${n}.html` : `${n}/index.html`));
    for (const [i, f] of files.entries()) {
      await mkdir(path.dirname(path.join(site, f)), { recursive: true });
      await writeFile(path.join(site, f), page(`odd${i}`, i));
    }
    // Names a glob would read as patterns: each must be read once, and alone (a pattern matching several would add pages twice).
    await writeFile(path.join(site, 'xAy.html'), page('decoy', 1));
    const sorted = [...files, 'xAy.html'].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const ours = await ourIndex(site, path.join(root, 'odd-ours'));
    expect([...ours.keys()].filter((f) => f.startsWith(`fragment${path.sep}`))).toHaveLength(sorted.length);
    expect(sameFiles(ours, await pagefindIndex(site, sorted, path.join(root, 'odd-reference')))).toBe(true);
  });

  it('indexes a partly marked site and an unmarked one as Pagefind does', async () => {
    const site = path.join(root, 'partly-marked');
    const marked = (i: number) => i % 4 !== 1;
    await writeSite(site, names, marked);
    // Pagefind given every page, the unmarked ones among the others, indexes the same.
    expect(sameFiles(await ourIndex(site, path.join(root, 'partly-ours')), await pagefindIndex(site, names.map(file), path.join(root, 'partly-all')))).toBe(true);

    const unmarked = path.join(root, 'unmarked');
    await writeSite(unmarked, names, () => false);
    const ours = await ourIndex(unmarked, path.join(root, 'unmarked-ours'));
    expect(sameFiles(ours, await pagefindIndex(unmarked, names.map(file), path.join(root, 'unmarked-all')))).toBe(true);
    expect([...ours.keys()].some((f) => f.startsWith(`fragment${path.sep}`))).toBe(true);
  });

  it('takes the lead pages first, as they are handed in, in whatever order they come', async () => {
    const site = path.join(root, 'streamed');
    await writeSite(site, names);
    // The lead in an order of its own (not the paths'), and handed in scrambled, with other pages among them.
    const lead = names.filter((_, i) => i % 3 !== 0).reverse().map(file);
    const handIn = scrambled([...lead, file(names[0]!), file(names[3]!)]);
    const reference = await pagefindIndex(site, [...lead, ...names.filter((_, i) => i % 3 === 0).map(file)], path.join(root, 'streamed-reference'));
    expect(sameFiles(await ourIndex(site, path.join(root, 'streamed-ours'), { lead, handIn, streamed: lead.length }), reference)).toBe(true);
    // The same order when nothing is handed in: every page read from the disk.
    expect(sameFiles(await ourIndex(site, path.join(root, 'lead-from-disk'), { lead, streamed: 0 }), reference)).toBe(true);
    // A lead page the build never hands in: the pages after it are read from the disk, in their places.
    const missing = lead.filter((_, i) => i !== 5);
    expect(sameFiles(await ourIndex(site, path.join(root, 'lead-gap'), { lead, handIn: missing, streamed: 5 }), reference)).toBe(true);
    // Pages handed in past what may wait in memory (here, about three pages) are left, and read from the disk, in their places.
    const pageLength = page(names[0]!, 0).length;
    const reversed = [...lead].reverse();
    expect(sameFiles(await ourIndex(site, path.join(root, 'lead-bounded'), { lead, handIn: reversed, streamed: 0, pendingLimit: 3 * pageLength + 10 }), reference)).toBe(true);
    expect(sameFiles(await ourIndex(site, path.join(root, 'lead-bounded-in-order'), { lead, handIn: lead, pendingLimit: 3 * pageLength + 10 }), reference)).toBe(true);
    // Told to wait for work that has not ended: no page is kept, and all are read from the disk.
    const never = new Promise(() => undefined);
    expect(sameFiles(await ourIndex(site, path.join(root, 'lead-waiting'), { lead, handIn, streamed: 0, startAfter: never }), reference)).toBe(true);
    // Once it has ended, they go as they come.
    expect(sameFiles(await ourIndex(site, path.join(root, 'lead-after-wait'), { lead, handIn, streamed: lead.length, startAfter: Promise.resolve() }), reference)).toBe(true);
  });

  it('indexes what the site has, when the pages handed in are not what it has', async () => {
    const site = path.join(root, 'announced');
    await writeSite(site, names);
    // A lead page that never reaches the disk, handed in and read; and a lead page that is never anywhere.
    const ghost = 'ghost/index.html';
    const lead = [file(names[1]!), ghost, 'never/index.html', ...names.slice(2, 10).map(file)];
    const ghostPage = page('ghost', 99).replace('unique99', 'ghostword');
    const ours = await ourIndex(site, path.join(root, 'announced-ours'), { lead, handIn: [file(names[1]!), [ghost, ghostPage], ...names.slice(2, 10).map(file)], streamed: 0 });
    const order = [file(names[1]!), ...names.slice(2, 10).map(file), file(names[0]!), ...names.slice(10).map(file)];
    expect(sameFiles(ours, await pagefindIndex(site, order, path.join(root, 'announced-reference')))).toBe(true);
  });
});
