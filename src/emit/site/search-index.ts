/**
 * The search index, built with Pagefind's Node API once the pages exist. Pages mark what is
 * worth indexing with `data-pagefind-body` (the main content of program pages), so
 * navigation, the search page and the 404 page stay out of the results.
 *
 * Pagefind numbers the pages in the order it is given them, and its files depend on that
 * order. Given a folder, it takes the pages in the order the file system lists them (a glob
 * walk that does not sort: pagefind/src/lib.rs): the same pages gave different index files
 * on this machine's disk and in its tmpfs, and a file system that lists files in the order
 * they were made (tmpfs, btrfs) lists the pages in the order they were written (Astro
 * renders eight at once). So each page is given on its own, by its path, in the order of
 * the paths.
 *
 * A page is given as a folder and a glob that names that page alone: Pagefind reads it
 * there, as it reads a folder's pages. Given the page's text instead (`addHTMLFile`), it
 * took about 2.8 s of a core for the 1 000-module program's 1 011 pages, against 1.8 s by
 * glob and 1.6 s for the folder (one core each, `taskset`): the text goes as base64 of JSON.
 * Pagefind handles its messages one at a time, in the order they arrive
 * (pagefind/src/service/mod.rs), so the pages are sent without waiting for each answer,
 * a few at a time, and keep their order; but one at a time, where a folder's pages are read
 * on every core (0.7 s on this machine's two).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from './move-output.ts';

export interface SearchIndexOptions {
  /** The languages of the pages; see `SearchIndex.start`. */
  readonly languages: ReadonlySet<string>;
  /** Used for every page when the programs are in several languages. */
  readonly catalogLanguage: string;
}

/**
 * Pages sent and not yet answered, at most: Pagefind reads one at a time, so a few queued
 * keep it busy, and the pipe to it holds no more than a few messages.
 */
const IN_FLIGHT_LIMIT = 16;

type Pagefind = typeof import('pagefind');
type PagefindIndex = NonNullable<Awaited<ReturnType<Pagefind['createIndex']>>['index']>;

export class SearchIndex {
  readonly #pagefind: Pagefind;
  readonly #index: PagefindIndex;

  private constructor(pagefind: Pagefind, index: PagefindIndex) {
    this.#pagefind = pagefind;
    this.#index = index;
  }

  /** Starts Pagefind (a process of its own), which then waits for the pages; `close` ends it. */
  static async start(options: SearchIndexOptions): Promise<SearchIndex> {
    const pagefind = await import('pagefind');
    // Pagefind splits pages by language and a search page searches its own language only.
    // To search across all programs when they are in different languages, the whole site
    // is indexed as one language (the catalog's); stemming is then that language's.
    const forceLanguage = options.languages.size > 1 ? baseLanguage(options.catalogLanguage) : undefined;
    const { index, errors } = await pagefind.createIndex(forceLanguage ? { forceLanguage } : {});
    if (!index) {
      await pagefind.close();
      throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    }
    return new SearchIndex(pagefind, index);
  }

  /** Indexes the HTML files of `siteDir` (but `pagefind/`), by path, and writes the index into `outputDir`. */
  async build(siteDir: string, outputDir: string): Promise<void> {
    const files = (await listFiles(siteDir)).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/')).sort(byCodeUnit);
    const answers: Promise<{ errors: string[]; page_count: number }>[] = [];
    for (const [i, file] of files.entries()) {
      if (i >= IN_FLIGHT_LIMIT) await answers[i - IN_FLIGHT_LIMIT];
      // A glob cannot name a file with a backslash in its name (not a page's: a program's file); it goes as text.
      const answer = file.includes('\\')
        ? this.#index
            .addHTMLFile({ sourcePath: file, content: await readFile(path.join(siteDir, ...file.split('/')), 'utf8') })
            .then((a) => ({ errors: a.errors, page_count: 1 }))
        : this.#index.addDirectory({ path: siteDir, glob: literalGlob(file) });
      // Failures are reported below, once all are sent; not left unhandled meanwhile.
      answer.catch(() => undefined);
      answers.push(answer);
    }
    const added = await Promise.all(answers);
    const failed = added.flatMap((a, i) => (a.errors.length > 0 ? a.errors : a.page_count === 1 ? [] : [`${files[i]} was not read`]));
    if (failed.length > 0) throw new Error(`Pagefind could not index the site: ${failed.slice(0, 5).join('; ')}`);
    const written = await this.#index.writeFiles({ outputPath: outputDir });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  }

  async close(): Promise<void> {
    await this.#pagefind.close();
  }
}

/**
 * A glob that matches exactly `file` (a `/`-separated path without backslashes): the
 * characters Pagefind's globs give a meaning to are escaped, and no others (it refuses
 * `\!`, `\#`, `\~`, `\^`, `\@`, `\+`, `\|`, which are literal unescaped).
 */
export function literalGlob(file: string): string {
  return file.replace(/[\\*?{}[\]()<>:,$]/g, (c) => `\\${c}`);
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function baseLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}
