/**
 * The search index, built with Pagefind's Node API. Pages mark what is worth indexing with
 * `data-pagefind-body` (the main content of program pages), so navigation, the search page
 * and the 404 page stay out of the results.
 *
 * Pagefind numbers the pages in the order it is given them, and its files depend on that
 * order. Given a folder, it takes the pages in the order the file system lists them (a glob
 * walk that does not sort: pagefind/src/lib.rs): the same pages gave different index files
 * on this machine's disk and in its tmpfs. So each page is given on its own, in an order
 * set by the sources alone: first the *lead* pages (the module pages, in the order of the
 * programs and of their modules), then every other page, by path.
 *
 * Why the module pages lead: Pagefind reads one page at a time (one message at a time,
 * pagefind/src/service/mod.rs), about 1.5 s for the 1 000-module program's pages, and it
 * runs as a process of its own. So it reads each module page as soon as Astro has
 * rendered it, or the page cache has handed it over (`page`), on the core Astro leaves
 * free, rather than every page after Astro. That works only as far as the pages come in
 * the order Pagefind must take them. Astro renders the pages in the order its routes list
 * them (the modules' route, in the programs' order), eight at a time, and finishes the module pages first and the pages that show
 * every module (the overview, the catalog, the lists) last, as they take longest (a build
 * of the 1 000-module program, logged in the middleware). By path alone, the catalog's
 * `index.html` and the program's come second and seventh, and every page would wait for
 * them.
 *
 * Pages without `data-pagefind-body` are not sent while some page has it: Pagefind would
 * read and then drop them (the syllabus, 1.6 MB of the 1 000-module program's 12 MB). A
 * site where no page has it is indexed again, every page's whole body, as Pagefind does.
 *
 * A page that is read from the disk goes as a folder and a glob that names that page
 * alone: Pagefind reads it there, as it reads a folder's pages. Given the page's text
 * instead (`addHTMLFile`), it took about 2.8 s of a core for the 1 000-module program's
 * 1 011 pages, against 1.8 s by glob (one core each, `taskset`): the text goes as base64 of
 * JSON. A page handed in while Astro renders goes as text, as the disk may not have it
 * yet; one still queued when `build` starts goes by glob. The index is the same bytes
 * either way.
 *
 * On a machine with two cores, reading the pages as they come pays only when a core is
 * free: not while the packages' worker makes packages beside the site (see `lead`).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from './move-output.ts';

export interface SearchIndexOptions {
  /** The languages of the pages; see `SearchIndex.start`. */
  readonly languages: ReadonlySet<string>;
  /** Used for every page when the programs are in several languages. */
  readonly catalogLanguage: string;
  /** Characters of pages handed in and not yet sent, at most (`PENDING_LIMIT` when not given). */
  readonly pendingLimit?: number;
}

/**
 * Pages sent and not yet answered, at most: Pagefind reads one at a time, so a few queued
 * keep it busy, and the pipe to it holds no more than a few messages.
 */
const IN_FLIGHT_LIMIT = 16;
/**
 * Characters of pages handed in and not yet sent, at most: held ahead of their turn, or
 * waiting for Pagefind, which reads more slowly than Astro renders when the packages take
 * the other core (at 10 000 modules, 27 s of its work were left when Astro was done). Past
 * it a page handed in is not kept; it is read from the disk when the site is built, as are
 * the pages after it.
 */
const PENDING_LIMIT = 64 * 1024 * 1024;
/** The site's folder of Pagefind's files: its index, and the scripts that search it (site/pages/search.astro loads them). */
export const searchFolder = 'pagefind';

/** Whether a site file (`/`-separated) is an HTML page of the site, not one of Pagefind's own files. */
export function isPage(file: string): boolean {
  return file.endsWith('.html') && !file.startsWith(`${searchFolder}/`);
}

/** What tells Pagefind to index a page's marked part only, and to leave out the pages without one. */
const bodyMarker = /data-pagefind-body/i;

type Pagefind = typeof import('pagefind');
type PagefindIndex = NonNullable<Awaited<ReturnType<Pagefind['createIndex']>>['index']>;
type Answer = { readonly file: string; readonly errors: readonly string[] };

export class SearchIndex {
  readonly #pagefind: Pagefind;
  readonly #forceLanguage: string | undefined;
  readonly #pendingLimit: number;
  #index: PagefindIndex;
  /** The lead pages, and where each is in their order; see `lead`. */
  #lead: readonly string[] = [];
  #leadAt: ReadonlyMap<string, number> = new Map();
  /** The lead pages before this one were taken. */
  #next = 0;
  /** Lead pages handed in ahead of their turn. */
  readonly #held = new Map<string, string>();
  /** The length of the pages handed in and not yet sent: held, or taken and waiting for their turn to be sent. */
  #pending = 0;
  /** Pages handed in from now on are left for `build` to read from the disk. */
  #streaming = true;
  /** Set when `build` starts: every page is on the disk there, and Pagefind reads it there rather than from its text. */
  #siteDir: string | undefined;
  /** Lets the pages taken be sent; see `lead`. */
  #start!: () => void;
  #started = false;
  #closed = false;
  /** The pages taken, in order: sent, or passed over for want of the marker. */
  readonly #taken: string[] = [];
  /** Pagefind's answers, in the order the pages were sent. */
  #answers: Promise<Answer>[] = [];
  #marked = false;
  /** The last page's send: each waits for the one before, so that the pages keep their order. The first waits for `#start`. */
  #sending: Promise<void> = new Promise<void>((resolve) => {
    this.#start = () => {
      this.#started = true;
      resolve();
    };
  });
  #streamed = 0;

  private constructor(pagefind: Pagefind, index: PagefindIndex, forceLanguage: string | undefined, pendingLimit: number) {
    this.#pagefind = pagefind;
    this.#index = index;
    this.#forceLanguage = forceLanguage;
    this.#pendingLimit = pendingLimit;
  }

  /** Starts Pagefind (a process of its own), which then waits for the pages; `close` ends it. */
  static async start(options: SearchIndexOptions): Promise<SearchIndex> {
    const pagefind = await import('pagefind');
    // Pagefind splits pages by language and a search page searches its own language only.
    // To search across all programs when they are in different languages, the whole site
    // is indexed as one language (the catalog's); stemming is then that language's.
    const forceLanguage = options.languages.size > 1 ? baseLanguage(options.catalogLanguage) : undefined;
    return new SearchIndex(pagefind, await newIndex(pagefind, forceLanguage), forceLanguage, options.pendingLimit ?? PENDING_LIMIT);
  }

  /**
   * The pages that go first, in this order (site files: `crisis-scro/modules/m1/index.html`),
   * told before any is handed in. One the site does not have in the end is left out.
   *
   * If `startAfter` is given (work that takes a core while Astro renders), no page handed in
   * before it has settled is kept, and those after it go when `build` starts. With Pagefind
   * reading the pages during that work as well, three processes shared two cores and all
   * went slower: a cold build of 10 000 modules took 105 and 110 s against 97 s, Astro's
   * stage 53 s against 31 s, while Pagefind's work after Astro fell only from 41 s to 27
   * and 31 s.
   */
  lead(files: readonly string[], startAfter?: Promise<unknown>): void {
    if (this.#taken.length > 0 || this.#held.size > 0) throw new Error('The lead pages are told before any page is handed in.');
    this.#lead = [...new Set(files)];
    this.#leadAt = new Map(this.#lead.map((f, i) => [f, i]));
    if (startAfter) startAfter.then(this.#start, this.#start);
    else this.#start();
  }

  /**
   * A lead page, exactly as the site will have it, handed in as soon as the build has it:
   * Pagefind reads it now if its turn has come, or once the lead pages before it are in.
   * Any other page, and any handed in after `build` started, is read from the disk there.
   */
  page(file: string, html: Buffer | string): void {
    const at = this.#leadAt.get(file);
    if (!this.#streaming || at === undefined || at < this.#next || this.#held.has(file)) return;
    // A page not kept is one the order cannot pass until `build`: none is kept from then on.
    const text = typeof html === 'string' ? html : html.toString('utf8');
    if (!this.#started || this.#pending + text.length > this.#pendingLimit) return this.#stopStreaming();
    this.#held.set(file, text);
    this.#pending += text.length;
    for (let next = this.#lead[this.#next]; next !== undefined && this.#held.has(next); next = this.#lead[++this.#next]) {
      const content = this.#held.get(next)!;
      this.#held.delete(next);
      this.#streamed++;
      this.#take(next, { content });
    }
  }

  /**
   * Pages taken as the build handed them in, rather than found on the disk by `build`: sent
   * as text while Astro renders, or by glob if still queued when `build` starts.
   */
  get streamed(): number {
    return this.#streamed;
  }

  /**
   * Indexes the HTML files of `siteDir` (but `pagefind/`), the lead pages first, and writes
   * the index into `outputDir`: `read`, then `write`.
   */
  async build(siteDir: string, outputDir: string): Promise<void> {
    await this.read(siteDir);
    await this.write(outputDir);
  }

  /**
   * Indexes the HTML files of `siteDir` (but `pagefind/`), the lead pages first. The pages
   * handed in were sent already; the rest are read here. `files`: the site's files as
   * `listFiles` gives them, if the caller has listed them already.
   */
  async read(siteDir: string, files?: readonly string[]): Promise<void> {
    this.#stopStreaming();
    this.#siteDir = siteDir;
    this.#start();
    const pages = (files ?? (await listFiles(siteDir))).filter(isPage).sort(byCodeUnit);
    const present = new Set(pages);
    const order = [...this.#lead.filter((f) => present.has(f)), ...pages.filter((f) => !this.#leadAt.has(f))];
    if (this.#taken.every((f, i) => order[i] === f)) {
      for (const file of order.slice(this.#taken.length)) this.#take(file, { siteDir });
      await this.#sending;
      // A site where no page has the marker: Pagefind indexes every page's body, those passed over too.
      if (!this.#marked) await this.#again(order, siteDir);
    } else {
      // A page handed in that the site does not have where it was expected (the build's
      // pages are not those it announced): what Pagefind read is of no use.
      this.#streamed = 0;
      await this.#again(order, siteDir);
    }
    const added = await Promise.all(this.#answers);
    const failed = added.flatMap((a) => a.errors.map((e) => `${a.file}: ${e}`));
    if (failed.length > 0) throw new Error(`Pagefind could not index the site: ${failed.slice(0, 5).join('; ')}`);
  }

  /** Writes the index of the pages `read` into `outputDir`, Pagefind's own scripts with it. */
  async write(outputDir: string): Promise<void> {
    const written = await this.#index.writeFiles({ outputPath: outputDir });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  }

  async close(): Promise<void> {
    // Pagefind's API starts its process again for a page sent after `close`: none is. The
    // sends under way are not awaited: `close` fails their answers (a Pagefind that died
    // would never give them).
    this.#closed = true;
    this.#streaming = false;
    await this.#pagefind.close();
  }

  #stopStreaming(): void {
    this.#streaming = false;
    for (const text of this.#held.values()) this.#pending -= text.length;
    this.#held.clear();
  }

  /** Takes the next page of the order: sent once the pages taken before it are. */
  #take(file: string, from: { readonly content: string } | { readonly siteDir: string }): void {
    this.#taken.push(file);
    this.#sending = this.#sending.then(async () => {
      try {
        if (this.#closed) return;
        const content = 'content' in from ? from.content : await readFile(path.join(from.siteDir, ...file.split('/')), 'utf8');
        if (!bodyMarker.test(content)) return;
        this.#marked = true;
        // Once the pages are on the disk, Pagefind reads them there: a page's text costs it
        // half as much again (see above), and this thread the encoding.
        const siteDir = 'siteDir' in from ? from.siteDir : this.#siteDir;
        await this.#send(file, siteDir === undefined ? { content } : { siteDir, content });
      } finally {
        if ('content' in from) this.#pending -= from.content.length;
      }
    });
    // A failure is raised by `build`, which waits for the last send; not left unhandled meanwhile.
    this.#sending.catch(() => undefined);
  }

  async #send(file: string, from: { readonly content?: string; readonly siteDir?: string }): Promise<void> {
    const i = this.#answers.length;
    if (i >= IN_FLIGHT_LIMIT) await this.#answers[i - IN_FLIGHT_LIMIT]!.catch(() => undefined);
    // Read from the disk, a page goes as a glob, but one with a backslash in its name (not a
    // page's: a program's file), which no glob can name.
    const byGlob = from.siteDir !== undefined && !file.includes('\\');
    const content = byGlob ? undefined : (from.content ?? (await readFile(path.join(from.siteDir!, ...file.split('/')), 'utf8')));
    if (this.#closed) return;
    const answer: Promise<Answer> =
      content === undefined
        ? this.#index.addDirectory({ path: from.siteDir!, glob: literalGlob(file) }).then((a) => ({ file, errors: a.errors.length > 0 ? a.errors : a.page_count === 1 ? [] : ['not read'] }))
        : this.#index.addHTMLFile({ sourcePath: file, content }).then((a) => ({ file, errors: a.errors }));
    // Failures are reported once all are sent; not left unhandled meanwhile.
    answer.catch(() => undefined);
    this.#answers.push(answer);
  }

  /** Indexes `order` into a new index, every page read from the disk and sent. */
  async #again(order: readonly string[], siteDir: string): Promise<void> {
    await this.#sending.catch(() => undefined);
    await Promise.allSettled(this.#answers);
    await this.#index.deleteIndex();
    this.#index = await newIndex(this.#pagefind, this.#forceLanguage);
    this.#answers = [];
    for (const file of order) await this.#send(file, { siteDir });
  }
}

async function newIndex(pagefind: Pagefind, forceLanguage: string | undefined): Promise<PagefindIndex> {
  const { index, errors } = await pagefind.createIndex(forceLanguage ? { forceLanguage } : {});
  if (!index) {
    await pagefind.close();
    throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  }
  return index;
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
