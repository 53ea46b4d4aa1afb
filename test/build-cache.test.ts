/**
 * The output cache under the changes that must invalidate it: a second build of the same
 * sources reuses every piece and writes the same bytes; an edit to one program remakes
 * that program's pieces only; an output edited in place after the build is not served
 * again; any change to the compiler's own files changes every key. In each case the
 * output equals a build without the cache, byte for byte.
 */
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { deserialize, serialize } from 'node:v8';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/index.ts';
import { fingerprintOf, OutputCache } from '../src/cache/index.ts';
import { filesUnder } from './support/site-build.ts';
import { repoRoot } from './support/samples.ts';

let work: string;
let sources: string;
const previousCacheDir = process.env.CURRICULUM_CACHE_DIR;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'curriculum-cache-test-'));
  sources = path.join(work, 'curriculum');
  await cp(path.join(repoRoot, 'curriculum'), sources, { recursive: true });
  process.env.CURRICULUM_CACHE_DIR = path.join(work, 'cache');
});

afterAll(async () => {
  if (previousCacheDir === undefined) delete process.env.CURRICULUM_CACHE_DIR;
  else process.env.CURRICULUM_CACHE_DIR = previousCacheDir;
  await rm(work, { recursive: true, force: true });
});

/** Every file of a folder with its bytes. */
async function contents(dir: string): Promise<Map<string, Buffer>> {
  const files = await filesUnder(dir);
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(path.join(dir, f))] as const)));
}

async function expectSameFolders(actual: string, expected: string): Promise<void> {
  const [a, b] = await Promise.all([contents(actual), contents(expected)]);
  expect([...a.keys()]).toEqual([...b.keys()]);
  const differing = [...a.keys()].filter((f) => !a.get(f)!.equals(b.get(f)!));
  expect(differing).toEqual([]);
}

/** The output cache's entries (memos and the page cache are files and folders of other names). */
const entryNames = async () => (await readdir(process.env.CURRICULUM_CACHE_DIR!)).filter((name) => /^[0-9a-f]{64}$/.test(name));

/** The LMS packages of an output folder (or of one program's folder in it): each is also an entry of its own. */
const packagesIn = async (dir: string) => (await filesUnder(path.join(work, dir))).filter((f) => f.endsWith('.zip')).length;

const run = (out: string, options: { site?: boolean; cache?: boolean } = {}) =>
  build({ input: sources, outDir: path.join(work, out), site: options.site ?? false, cache: options.cache ?? true });

// Three bundled programs, three package formats each: nine package entries (and the site, one
// more). Each package is also listed in its entry under a key of its own (the program's, and
// each module's), under which a later build whose entry key differs can take that package alone.
describe('the output cache, without the site', () => {
  it('reuses every package on a second build, with the same bytes', async () => {
    const cold = await run('cold');
    expect(cold.written).toBe(true);
    expect(cold.cache).toMatchObject({ hits: 0, misses: 9 });
    const packages = await packagesIn('cold');
    expect(cold.cache.packages).toEqual({ reused: 0, made: packages });
    const warm = await run('warm');
    expect(warm.cache).toMatchObject({ hits: 9, misses: 0 });
    // Found whole: no package was looked up alone.
    expect(warm.cache.packages).toBeUndefined();
    expect(await entryNames()).toHaveLength(9);
    await expectSameFolders(path.join(work, 'warm'), path.join(work, 'cold'));
  });

  it('remakes the packages of the edited program only, and they equal a build without the cache', async () => {
    const module = path.join(sources, 'crisis-scro', 'modules', 'crisis-management.yaml');
    const original = await readFile(module, 'utf8');
    await writeFile(module, original.replace(/^title: .*$/m, 'title: Crisis Management, edited'));
    try {
      const edited = await run('edited');
      expect(edited.cache).toMatchObject({ hits: 6, misses: 3 });
      // Of the program's packages, the module's own and the program's are made again, in three formats; the other modules' are restored.
      expect(edited.cache.packages).toEqual({ reused: (await packagesIn('edited/crisis-scro')) - 6, made: 6 });
      // The program's entries of the last build were read while this one worked: the prune kept them (nine, and those three).
      expect(await entryNames()).toHaveLength(12);
      await run('reference', { cache: false });
      await expectSameFolders(path.join(work, 'edited'), path.join(work, 'reference'));
      // The edit reached the packages: the cache did not serve the old ones.
      for (const zip of ['modules/crisis-management/scorm-1.2.zip', 'scorm-2004.zip']) {
        const before = await readFile(path.join(work, 'cold', 'crisis-scro', zip));
        const after = await readFile(path.join(work, 'edited', 'crisis-scro', zip));
        expect(after.equals(before)).toBe(false);
      }
    } finally {
      await writeFile(module, original);
    }
  });

  it("remakes every package of a program when anything of it but one module changes, and they equal a build without the cache", async () => {
    // A module's package is made from the program with that module alone: its key holds the program's other facts.
    const program = path.join(sources, 'crisis-scro', 'program.yaml');
    const original = await readFile(program, 'utf8');
    await writeFile(program, original.replace(/^title: .*$/m, 'title: CRISIS SCRO, retitled'));
    try {
      const retitled = await run('retitled');
      expect(retitled.cache).toMatchObject({ hits: 6, misses: 3 });
      expect(retitled.cache.packages).toEqual({ reused: 0, made: await packagesIn('retitled/crisis-scro') });
      await run('retitled-reference', { cache: false });
      await expectSameFolders(path.join(work, 'retitled'), path.join(work, 'retitled-reference'));
    } finally {
      await writeFile(program, original);
    }
  });

  it('does not serve a package that was changed in the output folder after the build', async () => {
    const base = await run('base');
    expect(base.cache).toMatchObject({ hits: 6, misses: 3 });
    // Back to the sources of the first build, whose entries the retitled build pruned: each package of the program is made.
    expect(base.cache.packages).toEqual({ reused: 0, made: await packagesIn('base/crisis-scro') });
    // The packages this build made are stored by hard links: a change made in place reaches the entry.
    await appendFile(path.join(work, 'base', 'crisis-scro', 'cmi5.zip'), 'tampered');
    const again = await run('again');
    expect(again.cache).toMatchObject({ hits: 8, misses: 1 });
    // Its entry, which shares the changed file, is dropped: none of its packages is served, they are all made again.
    expect(again.cache.packages).toEqual({ reused: 0, made: (await packagesIn('again/crisis-scro')) / 3 });
    // The reference is built now, not taken from the first build: the calendars count the
    // edit above and its undoing as two revisions (the lock file beside the sources).
    await run('again-reference', { cache: false });
    await expectSameFolders(path.join(work, 'again'), path.join(work, 'again-reference'));
    // A hit is a copy: changing this output changes no other output folder.
    await appendFile(path.join(work, 'again', 'caring-cities', 'cmi5.zip'), 'tampered');
    await expectSameFolders(path.join(work, 'warm'), path.join(work, 'cold'));
  });
});

describe('the output cache, with the site', () => {
  it('reuses the site when nothing changed, and rebuilds it when a file of a program folder changed', async () => {
    const cold = await run('site-cold', { site: true });
    expect(cold.pages).toBeGreaterThan(30);
    const warm = await run('site-warm', { site: true });
    expect(warm.cache).toMatchObject({ hits: 10, misses: 0 });
    // What a build restored stays for the next.
    expect(await entryNames()).toHaveLength(10);
    expect(warm.pages).toBe(cold.pages);
    await expectSameFolders(path.join(work, 'site-warm'), path.join(work, 'site-cold'));
    // A file no YAML document names can still be imported by MDX content or copied: it counts.
    await mkdir(path.join(sources, 'caring-cities', 'content'), { recursive: true });
    await writeFile(path.join(sources, 'caring-cities', 'content', 'note.txt'), 'a new file\n');
    const changed = await run('site-changed', { site: true });
    expect(changed.cache).toMatchObject({ hits: 9, misses: 1 });
    // The last build's pieces and no others: the old site went, while the new one was being made.
    expect(await entryNames()).toHaveLength(10);
    await expectSameFolders(path.join(work, 'site-changed'), path.join(work, 'site-cold'));
  });
});

describe('a rebuild into the same output folder', () => {
  // A cache of its own: its entries are stored from the folders built here, and from no other.
  let cacheBefore: string | undefined;
  beforeAll(() => {
    cacheBefore = process.env.CURRICULUM_CACHE_DIR;
    process.env.CURRICULUM_CACHE_DIR = path.join(work, 'cache-same-folder');
  });
  afterAll(() => {
    process.env.CURRICULUM_CACHE_DIR = cacheBefore;
  });

  /** Each file's inode, by path: the same inode is the same file, linked rather than copied. */
  const inodes = async (dir: string, pattern: RegExp) =>
    new Map(await Promise.all((await filesUnder(path.join(work, dir))).filter((f) => pattern.test(f)).map(async (f) => [f, (await stat(path.join(work, dir, f))).ino] as const)));
  const zips = /\.zip$/;

  it('takes what did not change from the cache by hard links; into another folder, by copies; a file changed in place is not served', async () => {
    await run('same');
    const first = await inodes('same', zips);
    expect(first.size).toBeGreaterThan(9);
    const again = await run('same');
    expect(again.cache).toMatchObject({ hits: 9, misses: 0 });
    // Every package is the file the last build wrote: the folder it was shared with is gone.
    expect(await inodes('same', zips)).toEqual(first);

    const module = path.join(sources, 'crisis-scro', 'modules', 'crisis-management.yaml');
    const original = await readFile(module, 'utf8');
    await writeFile(module, original.replace(/^title: .*$/m, 'title: Crisis Management, edited'));
    try {
      const edited = await run('same');
      expect(edited.cache.packages).toEqual({ reused: (await packagesIn('same/crisis-scro')) - 6, made: 6 });
      const after = await inodes('same', zips);
      const remade = [...after.keys()].filter((f) => after.get(f) !== first.get(f));
      // The program's and the module's packages, in three formats; the other pieces are the same files.
      expect(remade.sort()).toEqual(['cmi5.zip', 'scorm-1.2.zip', 'scorm-2004.zip', ...['cmi5.zip', 'scorm-1.2.zip', 'scorm-2004.zip'].map((z) => `modules/crisis-management/${z}`)].map((f) => `crisis-scro/${f}`).sort());
      await run('same-reference', { cache: false });
      await expectSameFolders(path.join(work, 'same'), path.join(work, 'same-reference'));

      // Another folder shares no file with this one: a change made in one never shows in the other.
      await run('same-elsewhere');
      const elsewhere = await inodes('same-elsewhere', zips);
      expect([...elsewhere.keys()].sort()).toEqual([...after.keys()].sort());
      expect([...elsewhere].filter(([f, ino]) => after.get(f) === ino)).toEqual([]);

      // A package changed in place changes the entry it shares a file with: that entry is not served.
      const tampered = path.join(work, 'same', 'crisis-scro', 'modules', 'crisis-management', 'scorm-1.2.zip');
      await appendFile(tampered, 'tampered');
      await expect(readFile(path.join(work, 'same-elsewhere', 'crisis-scro', 'modules', 'crisis-management', 'scorm-1.2.zip'))).resolves.not.toEqual(await readFile(tampered));
      const repaired = await run('same');
      expect(repaired.cache).toMatchObject({ hits: 8, misses: 1 });
      await expectSameFolders(path.join(work, 'same'), path.join(work, 'same-reference'));
      await expectSameFolders(path.join(work, 'same-elsewhere'), path.join(work, 'same-reference'));
    } finally {
      await writeFile(module, original);
    }
  });

  it('takes the whole site by hard links when nothing changed', async () => {
    await run('same-site', { site: true });
    const pages = /\.html$/;
    const first = await inodes('same-site', pages);
    expect(first.size).toBeGreaterThan(30);
    const again = await run('same-site', { site: true });
    expect(again.cache).toMatchObject({ misses: 0 });
    expect(await inodes('same-site', pages)).toEqual(first);
  });
});

describe('a cache folder that cannot be written', () => {
  it('stores nothing and does not fail the build', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'curriculum-unwritable-'));
    try {
      await writeFile(path.join(dir, 'made.txt'), 'made');
      // A file where the cache folder should be: every folder under it fails (ENOTDIR), for root too.
      const notAFolder = path.join(dir, 'cache');
      await writeFile(notAFolder, '');
      const cache = new OutputCache(notAFolder);
      await expect(cache.store('0'.repeat(64), dir, ['made.txt'])).resolves.toBeUndefined();
      expect(await cache.restore('0'.repeat(64), path.join(dir, 'target'))).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('costs a build its cache, not its outputs: the memos and packages are not kept, and the files equal a build without the cache', async () => {
    const notAFolder = path.join(work, 'cache-is-a-file');
    await writeFile(notAFolder, '');
    const before = process.env.CURRICULUM_CACHE_DIR;
    process.env.CURRICULUM_CACHE_DIR = notAFolder;
    try {
      const result = await run('unwritable-cache');
      expect(result.written).toBe(true);
      expect(result.cache.hits).toBe(0);
    } finally {
      process.env.CURRICULUM_CACHE_DIR = before;
    }
    await run('unwritable-reference', { cache: false });
    await expectSameFolders(path.join(work, 'unwritable-cache'), path.join(work, 'unwritable-reference'));
  });
});

describe("the compiler's fingerprint", () => {
  it('changes with any file of src/, site/, schemas/ or the locked dependencies', async () => {
    const copy = path.join(work, 'compiler');
    for (const part of ['src', 'site', 'schemas']) await cp(path.join(repoRoot, part), path.join(copy, part), { recursive: true });
    for (const file of ['astro.config.mjs', 'package.json', 'package-lock.json']) await cp(path.join(repoRoot, file), path.join(copy, file));
    const original = fingerprintOf(copy);
    expect(fingerprintOf(copy)).toBe(original);
    for (const file of ['src/emit/ics/values.ts', 'site/styles/site.css', 'schemas/module.schema.json', 'package-lock.json']) {
      const target = path.join(copy, file);
      const before = await readFile(target);
      await appendFile(target, '\n');
      expect.soft(fingerprintOf(copy), file).not.toBe(original);
      await writeFile(target, before);
    }
    expect(fingerprintOf(copy)).toBe(original);
  });
});

describe('the memos kept between builds', () => {
  const memoDir = () => path.join(work, 'memo-cache');
  const withMemoDir = async <T>(work: () => Promise<T>): Promise<T> => {
    const before = process.env.CURRICULUM_CACHE_DIR;
    process.env.CURRICULUM_CACHE_DIR = memoDir();
    try {
      return await work();
    } finally {
      process.env.CURRICULUM_CACHE_DIR = before;
    }
  };

  it("serve each unchanged file's check, text's HTML and file's compressed bytes, and make a changed one anew", async () => {
    const unchanged = path.join(sources, 'caring-cities', 'modules', 'safe-and-healthy-caring-city.yaml');
    const edited = path.join(sources, 'caring-cities', 'modules', 'caring-mobility-and-public-space.yaml');
    const [unchangedText, editedText] = await Promise.all([readFile(unchanged, 'utf8'), readFile(edited, 'utf8')]);
    // A warning in a file that does not change: served from the memo, it must still be reported, at its place.
    await writeFile(unchanged, unchangedText.replace(/^(label: .*)$/m, '$1 #draft'));
    try {
      const first = await withMemoDir(() => run('memo-first'));
      expect(first.written).toBe(true);
      expect(first.cache.memos?.check?.hits).toBe(0);
      const second = await withMemoDir(() => run('memo-second'));
      expect(second.cache.memos?.check).toMatchObject({ misses: 0 });
      expect(second.cache.memos!.check!.hits).toBeGreaterThan(20);

      await writeFile(edited, editedText.replace(/^description: \|\n/m, 'description: |\n  A __new__ first sentence, with `code` and a [link](https://example.org/new).\n'));
      const third = await withMemoDir(() => run('memo-third'));
      // One file read anew; the rest, and the texts and files the edit left alone, from the memos.
      expect(third.cache.memos?.check?.misses).toBe(1);
      expect(third.cache.memos!.markdown!.misses).toBeGreaterThan(0);
      expect(third.cache.memos!.markdown!.hits).toBeGreaterThan(0);
      expect(third.cache.memos!.deflate!.hits).toBeGreaterThan(0);
      expect(third.cache.memos!.deflate!.misses).toBeGreaterThan(0);

      const reference = await run('memo-reference', { cache: false });
      expect(third.diagnostics).toEqual(reference.diagnostics);
      const warning = third.diagnostics.find((d) => d.code === 'yaml_comment_in_value');
      expect(warning?.file).toContain('safe-and-healthy-caring-city.yaml');
      expect(warning?.range?.start.line).toBeGreaterThan(1);
      await expectSameFolders(path.join(work, 'memo-third'), path.join(work, 'memo-reference'));
      // The edit reached the package page: the memo did not serve the old HTML.
      const page = await readFile(path.join(work, 'memo-third', 'caring-cities', 'modules', 'caring-mobility-and-public-space', 'scorm-1.2.zip'));
      expect(page.equals(await readFile(path.join(work, 'memo-first', 'caring-cities', 'modules', 'caring-mobility-and-public-space', 'scorm-1.2.zip')))).toBe(false);
    } finally {
      await writeFile(unchanged, unchangedText);
      await writeFile(edited, editedText);
    }
  });

  it('ignore a damaged memo file, and one that another compiler wrote', async () => {
    await withMemoDir(() => run('memo-warm'));
    const file = path.join(memoDir(), 'memo-main-check.bin');
    const good = await readFile(file);
    await writeFile(file, good.subarray(0, good.length - 7));
    const damaged = await withMemoDir(() => run('memo-damaged'));
    expect(damaged.written).toBe(true);
    expect(damaged.cache.memos?.check?.hits).toBe(0);
    // The entries of another compiler, under the keys this one looks up: the file's first chunk is the fingerprint.
    const rewritten = await readFile(file);
    const fingerprintLength = rewritten.readUInt32LE(0);
    expect(deserialize(rewritten.subarray(4, 4 + fingerprintLength))).toMatch(/^[0-9a-f]{64}$/);
    const other = serialize('another compiler');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(other.length);
    await writeFile(file, Buffer.concat([length, other, rewritten.subarray(4 + fingerprintLength)]));
    const otherBuild = await withMemoDir(() => run('memo-other'));
    expect(otherBuild.cache.memos?.check?.hits).toBe(0);
    await expectSameFolders(path.join(work, 'memo-other'), path.join(work, 'memo-damaged'));
    // And the file it wrote is served again.
    const again = await withMemoDir(() => run('memo-again'));
    expect(again.cache.memos!.check!.hits).toBeGreaterThan(20);
  });
});
