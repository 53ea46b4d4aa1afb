/**
 * What the site's pages tell the site stage while Astro renders them, and what they ask of
 * it: the one channel of the page cache (page-cache.ts) and of the pages' last rewrite
 * (`PageFinisher`) into the pages.
 *
 * The pages run in Astro's bundle, a second copy of the modules they import, so the
 * recorder is found on `globalThis` (as the shared Markdown HTML is, src/markdown). A
 * build installs it for the time Astro renders; a dev server never does, and the pages
 * then render everything and record nothing.
 */

export interface PageRecorder {
  /**
   * Whether the page at `pathname` (a folder path, with the site's base) is taken as the
   * last build wrote it, because nothing it read has changed since: its route then leaves
   * it out of what Astro renders.
   */
  reuses(pathname: string): boolean;
  /**
   * Renders the page at `pathname`: the module records read while `render` runs, in its
   * asynchronous context, are that page's inputs, so pages may render interleaved (Astro
   * renders several at once). A page that shows every module of its program (an
   * overview, a schedule) names that program in `everyModuleOf` (`*` for every program,
   * as the catalog page): its reads of those records are then not recorded one by one,
   * and every one of them is its input. `render` calls `end` or `fail` for the page.
   */
  rendering<T>(pathname: string, everyModuleOf: string | undefined, render: () => Promise<T>): Promise<T>;
  /**
   * Whether the module records of `program` (of every program when not given) read now must
   * be reported one by one (`read`): outside any page, or in a page that did not say it
   * shows them all. Recording each read costs a proxy call per field read, which a page
   * that reads every module many times would pay quadratically (see site/lib/data.ts).
   */
  recordsEachRead(program?: string): boolean;
  /** A module record was read (`<program>/<module>`); see `trackedModules` in site/lib/data.ts. */
  read(record: string): void;
  /** The page at `pathname`, being rendered (`rendering`), rendered to `html` (its bytes, as written). */
  end(pathname: string, html: Buffer): void;
  /** The page at `pathname` failed: nothing of it is kept. */
  fail(pathname: string): void;
  /**
   * Runs work whose result the pages share (a memo built by whichever page needs it first):
   * what it reads is an input of every page, not only of the page that happened to build it.
   */
  forEveryPage<T>(work: () => T): T;
}

/**
 * The last change a build makes to each page Astro renders, before the page is written and
 * kept (relative-links.ts): done as the page renders, so that no pass reads every page again
 * afterwards, and the page cache keeps the page as it is published.
 */
export interface PageFinisher {
  /** The page at `pathname` (a folder path, with the site's base) as it is to be written. */
  finish(pathname: string, html: string): string;
}

/**
 * Told each page Astro renders as it is to be written, as soon as it is: the search index
 * reads the module pages while Astro renders the others (search-index.ts).
 */
export interface PageListener {
  /** The page at `pathname` (a folder path, with the site's base), its bytes as written. */
  written(pathname: string, html: Buffer): void;
}

const recorderKey = Symbol.for('curriculum-compiler.page-recorder');
const finisherKey = Symbol.for('curriculum-compiler.page-finisher');
const buildKey = Symbol.for('curriculum-compiler.site-build');
const listenerKey = Symbol.for('curriculum-compiler.page-listener');

/** One site build, while Astro renders it; see `siteBuild`. */
export type SiteBuild = { readonly [buildKey]: true };

type WithHooks = typeof globalThis & { [recorderKey]?: PageRecorder; [finisherKey]?: PageFinisher; [listenerKey]?: PageListener; [buildKey]?: SiteBuild };

export function pageRecorder(): PageRecorder | undefined {
  return (globalThis as WithHooks)[recorderKey];
}

export function pageFinisher(): PageFinisher | undefined {
  return (globalThis as WithHooks)[finisherKey];
}

export function pageListener(): PageListener | undefined {
  return (globalThis as WithHooks)[listenerKey];
}

/**
 * The build being rendered now, a value of its own per build; none under a dev server. The
 * site data does not change while a build renders, so the pages read its file's stamp once
 * per build (site/lib/data.ts): a stat at each of a page's calls came to 7 065 stats, 71 and
 * 82 ms (two builds, timed in place) of the 1 000-module program's 2.5-2.9 s of rendering.
 * The data may change between two builds in one process: their pages are modules of two
 * bundles today (each build of a thread has a folder of its own, work-folder.ts), but the
 * reader does not count on it.
 */
export function siteBuild(): SiteBuild | undefined {
  return (globalThis as WithHooks)[buildKey];
}

/**
 * Installs `recorder`, `finisher` and `listener`, and a new `siteBuild`, for the duration of
 * `work`: one site build (one at a time per process, see index.ts).
 */
export async function withPageHooks<T>(
  hooks: { readonly recorder?: PageRecorder | undefined; readonly finisher?: PageFinisher | undefined; readonly listener?: PageListener | undefined },
  work: () => Promise<T>,
): Promise<T> {
  const scope = globalThis as WithHooks;
  if (hooks.recorder) scope[recorderKey] = hooks.recorder;
  if (hooks.finisher) scope[finisherKey] = hooks.finisher;
  if (hooks.listener) scope[listenerKey] = hooks.listener;
  scope[buildKey] = { [buildKey]: true };
  try {
    return await work();
  } finally {
    delete scope[recorderKey];
    delete scope[finisherKey];
    delete scope[listenerKey];
    delete scope[buildKey];
  }
}

/** Module record fields every page may read without depending on the record: the page cache keys every page by them (page-cache.ts). */
export const moduleSkeletonFields = ['id', 'kind'] as const;
