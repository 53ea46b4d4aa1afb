/**
 * The site's page cache (src/emit/site/page-cache.ts) under the edits a curriculum designer
 * makes: after each, a site built with the cache of the builds before must equal, byte for
 * byte, a site built from the same models without any cache, and the cache must have
 * served the pages the edit did not reach (or the test would pass with the cache off).
 * Then the faults: a damaged page file, an index written by another compiler, an index
 * that points at a missing file, malformed entries.
 *
 * The edits are cumulative on a copy of the bundled programs, as an editing session is.
 * Each step compiles once and builds the site twice from that compilation, so both sites
 * read the same models; the packages are not built (the page cache is the site's alone).
 */
import { cp, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildSiteResult } from '../src/emit/site/index.ts';
import { compile } from '../src/index.ts';
import type { ResolvedCatalog } from '../src/model/catalog.ts';
import { filesUnder } from './support/site-build.ts';
import { repoRoot } from './support/samples.ts';

let work: string;
let sources: string;
let cacheDir: string;
let step = 0;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'curriculum-page-cache-'));
  sources = path.join(work, 'curriculum');
  cacheDir = path.join(work, 'site-pages');
  await cp(path.join(repoRoot, 'curriculum'), sources, { recursive: true });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

interface Built {
  readonly cached: BuildSiteResult;
  readonly cachedDir: string;
  readonly referenceDir: string;
}

/** The site from the sources as they are now: with the page cache, and without any cache. */
async function buildBoth(catalogChange: (c: ResolvedCatalog) => ResolvedCatalog = (c) => c): Promise<Built> {
  step++;
  const compiled = await compile({ input: sources });
  expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const options = { curricula: compiled.programs, catalog: catalogChange(compiled.catalog), emitted: new Set<string>(), programDirs: compiled.programDirs };
  const cachedDir = path.join(work, `cached-${step}`);
  const referenceDir = path.join(work, `reference-${step}`);
  const cached = await buildSite({ ...options, outDir: cachedDir, pageCacheDir: cacheDir });
  await buildSite({ ...options, outDir: referenceDir });
  return { cached, cachedDir, referenceDir };
}

async function expectSameSites({ cachedDir, referenceDir }: Built): Promise<void> {
  const [a, b] = await Promise.all([filesUnder(cachedDir), filesUnder(referenceDir)]);
  expect(a).toEqual(b);
  const differing: string[] = [];
  for (const file of a) {
    const [x, y] = await Promise.all([readFile(path.join(cachedDir, file)), readFile(path.join(referenceDir, file))]);
    if (!x.equals(y)) differing.push(file);
  }
  expect(differing).toEqual([]);
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const target = path.join(sources, file);
  const before = await readFile(target, 'utf8');
  const after = change(before);
  expect(after, `the edit of ${file} changed nothing`).not.toBe(before);
  await writeFile(target, after);
}

const pageOf = (dir: string, sitePath: string) => readFile(path.join(dir, sitePath, 'index.html'), 'utf8');

describe('the page cache', () => {
  it('renders every page on the first build, and on an unchanged second build only the pages no route can leave out', async () => {
    const first = await buildBoth();
    expect(first.cached.pageCache).toMatchObject({ reused: 0 });
    await expectSameSites(first);
    const second = await buildBoth();
    await expectSameSites(second);
    // The catalog page and the search page are not made by a program's route (and the 404
    // page is not kept: it is not a page a host serves as found).
    expect(second.cached.pageCache).toEqual({ reused: first.cached.pageCache!.rendered - 2, rendered: 2 });
    // The module pages went to the search index as the cache handed them over.
    expect(second.cached.streamedToSearch).toBe(first.cached.streamedToSearch);
    expect(first.cached.streamedToSearch).toBeGreaterThan(30);
  }, 240_000);

  it("re-renders a module's page and the pages that show its title when the title changes, and no others", async () => {
    await edit('crisis-scro/modules/crisis-management.yaml', (t) => t.replace(/^title: .*$/m, 'title: Crisis Management <em>&amp; "Recovery"</em>'));
    const built = await buildBoth();
    await expectSameSites(built);
    const { reused, rendered } = built.cached.pageCache!;
    // The module, its neighbours, the CRISIS pages that list every module, and the three
    // pages outside the programs; every Caring Cities and MIT page comes from the cache.
    expect(rendered).toBeLessThan(20);
    expect(reused).toBeGreaterThan(30);
    expect(await pageOf(built.cachedDir, 'crisis-scro/modules/crisis-management')).toContain('Crisis Management &lt;em&gt;&amp;amp;');
  }, 240_000);

  it('follows edits to a description, to the links between modules and to a competence', async () => {
    await edit('caring-cities/modules/what-is-a-caring-city.yaml', (t) => t.replace(/^description: \|\n/m, 'description: |\n  A **new** first sentence, with [a link](https://example.org/).\n'));
    await expectSameSites(await buildBoth());
    // A module that names another as its prerequisite shows that module's title.
    await edit('crisis-scro/modules/crisis-management.yaml', (t) => t.replace(/^competences: .*$/m, 'competences: [crisis-management]\nprerequisites: [identifying-risks-in-scs]'));
    await edit('crisis-scro/modules/identifying-risks-in-scs.yaml', (t) => t.replace(/^title: .*$/m, 'title: Identifying Risks, renamed'));
    const linked = await buildBoth();
    await expectSameSites(linked);
    expect(await pageOf(linked.cachedDir, 'crisis-scro/modules/crisis-management')).toContain('Identifying Risks, renamed');
    // Outside the modules: every page may show a competence.
    await edit('crisis-scro/competences.yaml', (t) => t.replace(/Crisis Management/, 'Crisis Leadership'));
    const competence = await buildBoth();
    await expectSameSites(competence);
    expect(competence.cached.pageCache!.reused).toBe(0);
  }, 480_000);

  it('builds the same site under an address with a path, sitemap included', async () => {
    const atAddress = (c: ResolvedCatalog): ResolvedCatalog => ({ ...c, url: 'https://courses.example.org/cities/' });
    const first = await buildBoth(atAddress);
    await expectSameSites(first);
    await edit('mit-608-spring-2018/modules/cryptography.yaml', (t) => t.replace(/^title: .*$/m, 'title: Cryptography, edited'));
    const second = await buildBoth(atAddress);
    expect(second.cached.pageCache!.reused).toBeGreaterThan(30);
    await expectSameSites(second);
    expect(await readFile(path.join(second.cachedDir, 'sitemap-0.xml'), 'utf8')).toContain('https://courses.example.org/cities/crisis-scro/modules/crisis-management/');
  }, 480_000);

  it('renders again a page whose bytes were damaged or whose entry is malformed, and ignores an index that another compiler wrote or whose pages are gone', async () => {
    const index = path.join(cacheDir, 'index.json');
    const htmlFile = async () => path.join(cacheDir, (await readdir(cacheDir)).find((n) => n.endsWith('.html'))!);
    // A build as the ones to come (without the address of the test before), to damage.
    await buildBoth();
    const damagedPage = '/crisis-scro/modules/crisis-management/';
    const entry = (JSON.parse(await readFile(index, 'utf8')) as { pages: Record<string, { offset: number }> }).pages[damagedPage]!;
    const file = await open(await htmlFile(), 'r+');
    await file.write('X', entry.offset + 20);
    await file.close();
    const damaged = await buildBoth();
    await expectSameSites(damaged);
    expect(damaged.cached.pageCache!.rendered).toBe(3);
    // Another compiler's index: not one page taken.
    const text = await readFile(index, 'utf8');
    await writeFile(index, text.replace(/"fingerprint":"[0-9a-f]+"/, `"fingerprint":"${'0'.repeat(64)}"`));
    const other = await buildBoth();
    await expectSameSites(other);
    expect(other.cached.pageCache!.reused).toBe(0);
    // An index whose file of pages is gone.
    await rm(await htmlFile());
    const gone = await buildBoth();
    await expectSameSites(gone);
    expect(gone.cached.pageCache!.reused).toBe(0);
    // An index whose entries are not what this compiler writes: that entry's page rendered.
    await buildBoth();
    const index3 = JSON.parse(await readFile(index, 'utf8')) as { pages: Record<string, { reads: unknown; offset: unknown }> };
    index3.pages[damagedPage]!.reads = null;
    index3.pages['/caring-cities/']!.offset = -5;
    await writeFile(index, JSON.stringify(index3));
    const malformed = await buildBoth();
    await expectSameSites(malformed);
    expect(malformed.cached.pageCache!.rendered).toBe(4);
    // And the cache serves again after each.
    const again = await buildBoth();
    expect(again.cached.pageCache!.rendered).toBe(2);
  }, 480_000);
});
