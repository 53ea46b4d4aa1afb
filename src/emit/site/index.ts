/**
 * The course site stage: resolved models in, static pages (plus search index, sitemap
 * and logos) out, added to the staging folder beside the other emitters' files.
 *
 * 1. The models and the list of emitted downloads go to a JSON file in a private work
 *    folder (work-folder.ts); MDX contents go beside it.
 * 2. Astro builds the pages from site/ into the work folder; the pages find the data
 *    through virtual modules (vite-plugin.ts). Pages whose inputs did not change since
 *    the last build come from the page cache instead of being rendered (page-cache.ts).
 * 3. Without the site's address, every link becomes relative to its page (relative-links.ts):
 *    as each page renders, and in one pass over the other files.
 * 4. Pagefind (started first) indexes the pages one by one, in an order set by the sources
 *    (search-index.ts): the module pages as Astro renders them (or the page cache hands
 *    them over), the others once Astro is done and the logos are copied. It writes its
 *    index straight into the staging folder.
 * 5. The pages are moved into the staging folder, refusing to replace any file.
 */
import { rename, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroInlineConfig } from 'astro';
import type { ResolvedCatalog } from '../../model/catalog.ts';
import type { Curriculum } from '../../model/types.ts';
import { copyLogos } from './logos.ts';
import { copyProgramFiles } from './program-files.ts';
import { hasMdxContent, writeMdxContents } from './mdx-content.ts';
import { isSiteFile, listFiles, moveIntoStaging, refuseClashes } from './move-output.ts';
import { pageFile, pagePaths, reservedTopLevelNames, sitePath } from '../../addresses/index.ts';
import { PageCache, type PageCacheStats } from './page-cache.ts';
import { withPageHooks, type PageListener } from './page-recorder.ts';
import { makeLinksRelative, RelativeLinks } from './relative-links.ts';
import { isPage, searchFolder, SearchIndex } from './search-index.ts';
import { siteData, type DevStatus, type SiteData } from './site-data.ts';
import { curriculumSitePlugin } from './vite-plugin.ts';
import { createWorkFolder, packageRoot, withWorkingDirectoryAbove, type WorkFolder } from './work-folder.ts';

export interface BuildSiteOptions {
  readonly curricula: readonly Curriculum[];
  readonly catalog: ResolvedCatalog;
  /** The staging folder: the site's pages go at its root (/, /<program>/...). */
  readonly outDir: string;
  /** Paths (relative to outDir) of files the other emitters wrote there: a download is linked only if it is here. */
  readonly emitted: ReadonlySet<string>;
  /** Program id → absolute source folder (for logos and the imports of MDX content). */
  readonly programDirs: ReadonlyMap<string, string>;
  /** Where the pages are kept between builds (page-cache.ts); without it, every page is rendered. */
  readonly pageCacheDir?: string;
  /**
   * Work that runs beside the site and takes a core until it settles (the packages' worker):
   * on a machine with fewer than three cores, Pagefind reads no page before it has settled
   * or Astro is done (search-index.ts, `lead`).
   */
  readonly besideSite?: Promise<unknown>;
}

export interface BuildSiteResult {
  /** HTML pages written. */
  readonly pages: number;
  /** Every file the site stage added to the staging folder, relative to it. */
  readonly files: readonly string[];
  /** Milliseconds per step, for the benchmark: data, astro, list, relative, assets, search, copy (search and copy overlap). */
  readonly timings: Readonly<Record<string, number>>;
  /** Pages served from the page cache and pages rendered; none without `pageCacheDir`. */
  readonly pageCache?: PageCacheStats;
  /** Pages the search index read as Astro rendered them (or the page cache handed them over), not from the disk afterwards: the module pages. */
  readonly streamedToSearch: number;
}

// One site build at a time per process: Pagefind runs as one shared service, Astro sets
// process-wide state (NODE_ENV) and the build may change the working directory
// (work-folder.ts). Builds in other processes are independent.
let queue: Promise<unknown> = Promise.resolve();

export function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const run = queue.then(() => buildSiteNow(options));
  queue = run.catch(() => undefined);
  return run;
}

async function buildSiteNow(given: BuildSiteOptions): Promise<BuildSiteResult> {
  assertNoReservedIds(given.curricula);
  // Absolute before anything may change the working directory (withWorkingDirectoryAbove).
  const options = { ...given, outDir: path.resolve(given.outDir) };
  // Astro would otherwise report each build to its telemetry service.
  process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
  const timings: Record<string, number> = {};
  const time = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[step] = (timings[step] ?? 0) + performance.now() - start;
    }
  };
  const work = await createWorkFolder();
  let search: SearchIndex | undefined;
  try {
    // Pagefind's process starts now, while this thread loads Astro, and waits for the pages.
    const index = await time('search', () =>
      SearchIndex.start({
        languages: new Set([options.catalog.language, ...options.curricula.map((c) => c.program.language)]),
        catalogLanguage: options.catalog.language,
      }),
    );
    search = index;
    const data = await time('data', () => writeSiteInputs(work, options));
    const base = sitePath(options.catalog.url);
    // A cache that cannot be opened costs this build time, never its pages.
    const pages = options.pageCacheDir ? await PageCache.open(options.pageCacheDir, data, base, options.programDirs).catch(() => undefined) : undefined;
    const relative = options.catalog.url === undefined ? new RelativeLinks(base) : undefined;
    index.lead(
      options.curricula.flatMap((c) => c.modules.map((m) => pageFile(pagePaths.module(c.program.id, m.id), '/'))),
      availableParallelism() < 3 ? options.besideSite : undefined,
    );
    const listener: PageListener = { written: (pathname, html) => index.page(pageFile(pathname, base), html) };
    pages?.listen(listener);
    try {
      await time('astro', async () => {
        const config = await astroInlineConfig({
          catalog: options.catalog,
          dataFile: work.dataFile,
          mdxIndexFile: work.mdxIndexFile,
          mdx: hasMdxContent(options.curricula),
          outDir: work.outDir,
          cacheDir: work.cacheDir,
          ...(pages ? { unrenderedPages: pages.reusablePaths } : {}),
        });
        await withPageHooks({ recorder: pages, finisher: relative, listener }, () => withWorkingDirectoryAbove(work.outDir, () => loadAstro().then(({ build }) => build(config, withoutTypeSync))));
        pages?.writeReused(work.outDir, base);
        relative?.finishedAlready(pages?.reusedPaths ?? []);
      });
    } catch (error) {
      pages?.discard();
      throw error;
    }
    // A failure to keep the pages costs the next build time, never this build.
    await pages?.save().catch(() => pages.discard());
    // The folder is listed once: the relative links' pass, the move and the search index
    // each listed it on their own (about 0.1 s each for the 1 000-module program's site).
    const built = await time('list', () => listFiles(work.outDir));
    if (relative) await time('relative', () => makeLinksRelative(work.outDir, relative.finished, built));
    const assets = await time('assets', async () => [
      ...(await copyLogos(data, options.programDirs, work.outDir)),
      ...(await copyProgramFiles(data, options.programDirs, work.outDir)),
    ]);
    const files = [...new Set([...built, ...assets.filter(isSiteFile)])].sort();
    // Pagefind writes its index straight into the staging folder, rather than beside the
    // pages to be moved there afterwards: the index is a thousand files at 1 000 modules.
    const searchDir = path.join(options.outDir, searchFolder);
    // Nothing goes into the staging folder before it is known that nothing there would be
    // replaced; Pagefind reads the pages meanwhile.
    const emittedIntoSearch = [...options.emitted].filter((f) => f.startsWith(`${searchFolder}/`));
    const clear = refuseClashes([...files, searchFolder, ...emittedIntoSearch], options.outDir, options.emitted);
    const indexed = index.read(work.outDir, files);
    // Pagefind reads the pages while they are moved (linked, or copied across file systems)
    // into the staging folder, and then writes its index: its own process does the one
    // while this thread, otherwise idle, does the other.
    const [movedPages, wroteIndex] = await Promise.allSettled([
      clear.then(() => time('copy', () => moveIntoStaging(work.outDir, options.outDir, files))),
      time('search', () => Promise.all([indexed, clear]).then(() => index.write(searchDir))),
      indexed,
    ]);
    // All settled before a failure is raised: the work folder, which Pagefind reads, is removed next.
    if (movedPages.status === 'rejected') throw movedPages.reason;
    if (wroteIndex.status === 'rejected') throw wroteIndex.reason;
    const searchFiles = (await time('copy', () => listFiles(searchDir))).map((f) => `${searchFolder}/${f}`);
    const moved = [...files, ...searchFiles].sort();
    return { pages: countPages(moved), files: moved, timings, ...(pages ? { pageCache: pages.stats } : {}), streamedToSearch: index.streamed };
  } finally {
    await search?.close();
    await work.remove();
  }
}

/** The HTML pages among the site's files (Pagefind's own files are not pages). */
export function countPages(files: readonly string[]): number {
  return files.filter(isPage).length;
}

/**
 * Astro's builder, before it builds, "syncs": it starts a Vite server of its own to load
 * content collections (the site has none; its data comes through vite-plugin.ts) and
 * writes TypeScript declarations into `.astro/` of the package (for editors and
 * `astro check`, which syncs by itself). The builder takes `sync: false` for builds that
 * need neither; Astro's public type leaves the option out (core/build/index.d.ts,
 * AstroBuilderOptions), and an Astro without it syncs as before, slower but the same pages.
 */
const withoutTypeSync = { sync: false } as NonNullable<Parameters<typeof import('astro').build>[1]>;

/**
 * Astro is loaded when a site is built, not with this module: a build whose site comes
 * from the output cache, and `check`, never pay for loading it.
 */
function loadAstro(): Promise<typeof import('astro')> {
  return import('astro');
}

/**
 * Writes what the pages read: the site data and the MDX contents. A dev server calls
 * this again whenever the sources change; the pages notice the new data file.
 */
export async function writeSiteInputs(
  work: Pick<WorkFolder, 'dataFile' | 'mdxIndexFile' | 'mdxDir'>,
  options: Pick<BuildSiteOptions, 'curricula' | 'catalog' | 'emitted' | 'programDirs'>,
  /** The dev server's report on the sources; builds pass none. */
  dev?: DevStatus,
): Promise<SiteData> {
  const data = { ...siteData(options), ...(dev ? { dev } : {}) };
  await replaceFile(work.dataFile, JSON.stringify(data));
  await replaceFile(work.mdxIndexFile, JSON.stringify(await writeMdxContents(options.curricula, options.programDirs, work.mdxDir)));
  return data;
}

/**
 * Writes a whole new file in place of the old: a dev server's page that is rendered
 * while the data is being rewritten reads the old data or the new, never half of it.
 */
async function replaceFile(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

export interface SiteConfigOptions {
  readonly catalog: ResolvedCatalog;
  readonly dataFile: string;
  readonly mdxIndexFile: string;
  /**
   * Whether to add Astro's MDX support: when some module content is MDX, and for a dev
   * server, whose sources may gain MDX content while it runs. Three alternating pairs of
   * builds at 100 modules put loading it and its set-up at 0.04 to 0.27 s of Astro's stage.
   */
  readonly mdx: boolean;
  readonly outDir: string;
  readonly cacheDir: string;
  /** Site paths of pages that are written beside Astro's rather than by it (the page cache's): the sitemap lists them too. */
  readonly unrenderedPages?: readonly string[];
}

/**
 * Astro's inline configuration for one build (merged over astro.config.mjs). A dev
 * server takes the same, with `dev()` instead of `build()`.
 */
export async function astroInlineConfig(options: SiteConfigOptions): Promise<AstroInlineConfig> {
  const siteUrl = options.catalog.url !== undefined ? new URL(options.catalog.url) : undefined;
  // A sitemap lists absolute URLs only: without the site's address there is none to write.
  const integrations = [];
  if (options.mdx) {
    const { default: mdx } = await import('@astrojs/mdx');
    integrations.push(mdx());
  }
  if (siteUrl) {
    const { default: sitemap } = await import('@astrojs/sitemap');
    const unlisted = new Set([pagePaths.search(), '/404/'].map((p) => new URL(p.slice(1), siteUrl).href));
    const customPages = (options.unrenderedPages ?? []).map((p) => new URL(p, siteUrl).href);
    integrations.push(sitemap({ filter: (page) => !unlisted.has(page), ...(customPages.length > 0 ? { customPages } : {}) }));
  }
  // The configuration file is imported here and merged as Astro would merge it, rather
  // than named: Astro loads a named file through Vite as `astro.config.mjs?t=<time>`, a
  // new path at every build, which Node's compile cache (bin/curriculum.js) then kept
  // once per build, never to be read again. The file stays for `astro check`.
  const { default: fileConfig } = (await import(pathToFileURL(path.join(packageRoot, 'astro.config.mjs')).href)) as { default: AstroInlineConfig };
  const inline: AstroInlineConfig = {
    root: packageRoot,
    configFile: false,
    outDir: options.outDir,
    cacheDir: options.cacheDir,
    ...(siteUrl ? { site: siteUrl.href } : {}),
    base: sitePath(options.catalog.url),
    logLevel: 'warn',
    integrations,
    vite: { plugins: [curriculumSitePlugin({ dataFile: options.dataFile, mdxIndexFile: options.mdxIndexFile })] },
  };
  return mergeOver(fileConfig, inline);
}

/**
 * `inline` merged over `file`, as Astro's `mergeConfig` merges them. While the two set
 * different keys, that merge is a plain union, and Astro's config entry, which holds
 * `mergeConfig`, is not loaded (astro.config.mjs says what it costs).
 */
export async function mergeOver(file: AstroInlineConfig, inline: AstroInlineConfig): Promise<AstroInlineConfig> {
  const set = Object.entries(inline).filter(([, value]) => value !== undefined && value !== null);
  if (set.some(([key]) => (file as Record<string, unknown>)[key] != null)) {
    const { mergeConfig } = await import('astro/config');
    return mergeConfig(file, inline);
  }
  return { ...file, ...Object.fromEntries(set) };
}

function assertNoReservedIds(curricula: readonly Curriculum[]): void {
  for (const c of curricula) {
    if (reservedTopLevelNames.includes(c.program.id)) {
      throw new Error(`The program id "${c.program.id}" is used by the site itself (${reservedTopLevelNames.join(', ')}); rename the program folder and its id.`);
    }
  }
}

