/**
 * What the site's pages tell the site stage while Astro renders them, and what they ask of
 * it: the one channel of the page cache (page-cache.ts) into the pages.
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
   * The page at `pathname` starts rendering: the module records read from here on are its
   * inputs. A page that shows every module of its program (an overview, a schedule) names
   * that program in `everyModuleOf` (`*` for every program, as the catalog page): its reads
   * of those records are then not recorded one by one, and every one of them is its input.
   */
  begin(pathname: string, everyModuleOf: string | undefined): void;
  /**
   * Whether the module records of `program` (of every program when not given) read now must
   * be reported one by one (`read`): outside any page, or in a page that did not say it
   * shows them all. Recording each read costs a proxy call per field read, which a page
   * that reads every module many times would pay quadratically (see site/lib/data.ts).
   */
  recordsEachRead(program?: string): boolean;
  /** A module record was read (`<program>/<module>`); see `trackedModules` in site/lib/data.ts. */
  read(record: string): void;
  /** The page at `pathname` rendered to `html`. */
  end(pathname: string, html: string): void;
  /** The page at `pathname` failed: nothing of it is kept. */
  fail(pathname: string): void;
  /**
   * Runs work whose result the pages share (a memo built by whichever page needs it first):
   * what it reads is an input of every page, not only of the page that happened to build it.
   */
  forEveryPage<T>(work: () => T): T;
}

const recorderKey = Symbol.for('curriculum-compiler.page-recorder');

type WithRecorder = typeof globalThis & { [recorderKey]?: PageRecorder };

export function pageRecorder(): PageRecorder | undefined {
  return (globalThis as WithRecorder)[recorderKey];
}

/** Installs `recorder` for the duration of `work` (one site build at a time per process, see index.ts). */
export async function withPageRecorder<T>(recorder: PageRecorder | undefined, work: () => Promise<T>): Promise<T> {
  const scope = globalThis as WithRecorder;
  if (recorder) scope[recorderKey] = recorder;
  try {
    return await work();
  } finally {
    delete scope[recorderKey];
  }
}

/** Module record fields every page may read without depending on the record: the page cache keys every page by them (page-cache.ts). */
export const moduleSkeletonFields = ['id', 'kind'] as const;
