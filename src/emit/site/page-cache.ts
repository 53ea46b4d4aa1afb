/**
 * The site's pages kept between builds, each under the hash of what it read, so that a
 * build after an edit renders only the pages the edit reaches. Astro's routes leave the
 * others out (site/lib/static-paths.ts) and they are written from here; site/middleware.ts
 * tells the cache what each page Astro renders reads.
 *
 * What a page reads is recorded as it renders, not declared: a declared list would be a
 * second copy of every page's lookups, wrong as soon as a page shows one more field. A
 * page's key is the hash of
 * - the compiler (its fingerprint: src/, site/, schemas/, the locked dependencies, Node);
 * - the *shell*: the whole site data except the module records, which stand in it as
 *   their id and kind only (the order, the count and what a program calls its modules are
 *   then in every key); for a program with MDX content, every file of its folder too,
 *   since MDX imports components and images from there;
 * - the page's path;
 * - each module record the page read, whole (site/lib/data.ts hands the pages records
 *   that report every read but of `id` and `kind`), and each record read by work whose
 *   result all pages share (`forEveryPage`); or, for a page that shows every module of its
 *   program (its route says so, site/middleware.ts), every record of that program.
 * A page that reads the same shell and the same records renders the same HTML (the pages
 * are deterministic), and a page reads the same records as long as the records it read
 * are the same. So a page whose key is unchanged is served as it was, and any change of
 * something it read gives it a new key.
 *
 * On disk, in `dir`: `index.json` (per page: its key, what it read, where its HTML is)
 * and one file of HTML per build, appended to as pages render, so that a 10 000-page site
 * is two files written rather than 10 000, and no page's HTML is held in memory. The
 * index is renamed into place last, so a build stopped half-way leaves the previous one;
 * a page whose bytes do not match the hash the index records is rendered again.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { readFile, rename, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pageFile } from '../../addresses/index.ts';
import { compilerFingerprint, folderHash } from '../../cache/index.ts';
import { processIsAlive } from '../../util/process-alive.ts';
import { moduleSkeletonFields, type PageListener, type PageRecorder } from './page-recorder.ts';
import type { SiteData } from './site-data.ts';

/** Raised when what a key covers changes meaning. */
const scheme = 'site-pages-2';
/** Every program, as a page that shows the modules of every program names them (`rendering`). */
const allPrograms = '*';
/** Among a page's reads: every module record of `program` (`<program>/*`), or of every program (`/*`). */
const everyRecordOf = (program: string) => (program === allPrograms ? `/${allPrograms}` : `${program}/${allPrograms}`);
const indexName = 'index.json';

/**
 * The files of HTML this process has open for writing, one per open cache. A save deletes
 * the files no index names, but never one of these, nor one another live process is
 * writing: two builds that share a cache folder (a terminal and an editor's build, two CI
 * jobs) must not delete each other's pages half-way, or the index the last one writes
 * names a file that is gone and the next build renders everything.
 */
const openHere = new Set<string>();

/** A page being rendered: what it has read so far. */
interface PageReads {
  readonly pathname: string;
  readonly reads: Set<string>;
  readonly everyModuleOf: string | undefined;
}

/** Where a page's HTML is in a file of HTML, and the hash of its bytes. */
interface Stored {
  readonly offset: number;
  readonly length: number;
  readonly sha256: string;
}

/** A page in the index, as the next build reads it. */
interface Entry extends Stored {
  readonly key: string;
  /** The module records the page read, and those read for every page (`<program>/<module>`). */
  readonly reads: readonly string[];
}

interface IndexFile {
  readonly scheme: string;
  readonly fingerprint: string;
  /** The file of HTML the entries point into, in the same folder. */
  readonly html: string;
  readonly pages: Readonly<Record<string, Entry>>;
}

/** A page this build wrote, before the save adds the reads every page shares and keys it. */
interface Written extends Stored {
  readonly reads: ReadonlySet<string>;
}

export interface PageCacheStats {
  /** Pages served from the cache. */
  readonly reused: number;
  /** Pages Astro rendered (and the cache kept). */
  readonly rendered: number;
}

export class PageCache implements PageRecorder {
  readonly #dir: string;
  readonly #shell: string;
  readonly #records: ReadonlyMap<string, unknown>;
  readonly #recordHashes = new Map<string, string>();
  readonly #previous: IndexFile | undefined;
  readonly #previousFd: number | undefined;
  readonly #htmlName: string;
  readonly #htmlFd: number;
  #htmlLength = 0;
  readonly #pages = new Map<string, Written>();
  /** Records read outside any page, or by work every page shares. */
  readonly #everyPage = new Set<string>();
  /**
   * The page whose rendering the running code belongs to. Astro renders several pages at
   * once (astro.config.mjs), interleaved at every await: the asynchronous context, not
   * the order of calls, tells whose read a read is.
   */
  readonly #page = new AsyncLocalStorage<PageReads>();
  /** Set when a page was rendered twice, or ended outside its own rendering: what it read is not known, and nothing is kept. */
  #untrustworthy = false;
  /** Pages of the last build whose key holds. */
  readonly #reusable = new Map<string, Entry>();
  /** Those a route took (and left out of what Astro renders). */
  readonly #reused = new Set<string>();
  #closed = false;
  #listener: PageListener | undefined;

  private constructor(dir: string, shell: string, records: ReadonlyMap<string, unknown>, previous: IndexFile | undefined, previousFd: number | undefined) {
    this.#dir = dir;
    this.#shell = shell;
    this.#records = records;
    this.#previous = previous;
    this.#previousFd = previousFd;
    this.#htmlName = `pages-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}.html`;
    this.#htmlFd = openSync(path.join(dir, this.#htmlName), 'w+');
    openHere.add(this.#htmlName);
  }

  /**
   * The cache in `dir` for a site built from `data` under `base` (the site's path, `/` or
   * `/courses/`); `programDirs` are read for programs with MDX content.
   */
  static async open(dir: string, data: SiteData, base: string, programDirs: ReadonlyMap<string, string>): Promise<PageCache> {
    await mkdir(dir, { recursive: true });
    const records = new Map<string, unknown>();
    for (const p of data.programs) for (const m of p.curriculum.modules) records.set(`${p.curriculum.program.id}/${m.id}`, m);
    const shell = createHash('sha256').update(scheme).update('\0').update(compilerFingerprint()).update('\0').update(JSON.stringify(shellOf(data)));
    for (const p of data.programs) {
      if (!p.curriculum.modules.some((m) => m.content?.format === 'mdx')) continue;
      const dir = programDirs.get(p.curriculum.program.id);
      shell.update(`\0mdx ${p.curriculum.program.id}\0${dir ? await folderHash(dir) : 'no folder'}`);
    }
    let previous: IndexFile | undefined;
    let previousFd: number | undefined;
    try {
      const read = JSON.parse(await readFile(path.join(dir, indexName), 'utf8')) as IndexFile;
      if (read.scheme === scheme && read.fingerprint === compilerFingerprint() && !read.html.includes('/')) {
        previousFd = openSync(path.join(dir, read.html), 'r');
        previous = read;
      }
    } catch {
      // No cache yet, or one this build cannot read: every page is rendered.
    }
    const cache = new PageCache(dir, shell.digest('hex'), records, previous, previousFd);
    cache.#findReusable(base);
    return cache;
  }

  /**
   * Finds the pages of the last build whose key still holds. Only pages at a folder path
   * under `base` (where Astro writes `index.html`) are candidates; a route takes one by
   * asking `reuses` (site/lib/static-paths.ts), which reads its bytes and checks them: a
   * page whose bytes are damaged is then rendered after all.
   */
  #findReusable(base: string): void {
    for (const [pathname, entry] of Object.entries(this.#previous?.pages ?? {})) {
      if (!pathname.startsWith(base) || !pathname.endsWith('/') || !wellFormed(entry)) continue;
      if (this.#keyOf(pathname, entry.reads) !== entry.key) continue;
      this.#reusable.set(pathname, entry);
    }
  }

  /** An entry's bytes from the last build's file, when they are all there and match their hash. */
  #readPrevious(entry: Entry): Buffer | undefined {
    if (this.#previousFd === undefined) return undefined;
    const bytes = Buffer.alloc(entry.length);
    try {
      if (readSync(this.#previousFd, bytes, 0, entry.length, entry.offset) !== entry.length) return undefined;
    } catch {
      return undefined;
    }
    return sha256(bytes) === entry.sha256 ? bytes : undefined;
  }

  reuses(pathname: string): boolean {
    // A route may be asked for its paths more than once.
    if (this.#reused.has(pathname)) return true;
    const entry = this.#reusable.get(pathname);
    const bytes = entry && this.#readPrevious(entry);
    if (!entry || !bytes) return false;
    this.#append(pathname, new Set(entry.reads), bytes, entry.sha256);
    this.#reused.add(pathname);
    this.#listener?.written(pathname, bytes);
    return true;
  }

  /** Tells `listener` each page a route takes from the cache, as it takes it (`writeReused` writes these bytes). */
  listen(listener: PageListener): void {
    this.#listener = listener;
  }

  /**
   * The site paths of the pages this build may take from the cache, for the sitemap,
   * which Astro writes from the pages it renders; told before Astro runs. A page among
   * them that Astro renders after all (a static route's, or one whose bytes were damaged)
   * is in the sitemap once.
   */
  get reusablePaths(): readonly string[] {
    return [...this.#reusable.keys()];
  }

  /** The site paths of the pages a route took from the cache (and `writeReused` writes). */
  get reusedPaths(): readonly string[] {
    return [...this.#reused];
  }

  /**
   * Writes the pages taken from the cache into `outDir`, where Astro wrote the others
   * (`<path under base>/index.html`).
   */
  writeReused(outDir: string, base: string): void {
    for (const pathname of this.#reusable.keys()) {
      if (!this.#reused.has(pathname) && !this.#pages.has(pathname)) {
        throw new Error(`The page cache holds ${pathname}, which no route of the site made: its key should have changed. Delete ${this.#dir} and build again.`);
      }
    }
    for (const pathname of this.#reused) {
      const page = this.#pages.get(pathname)!;
      const bytes = Buffer.alloc(page.length);
      if (readSync(this.#htmlFd, bytes, 0, page.length, page.offset) !== page.length) throw new Error(`The page cache could not read back ${pathname}.`);
      const file = path.join(outDir, ...pageFile(pathname, base).split('/'));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, bytes, { flag: 'wx' });
    }
  }

  rendering<T>(pathname: string, everyModuleOf: string | undefined, render: () => Promise<T>): Promise<T> {
    return this.#page.run({ pathname, reads: new Set(everyModuleOf === undefined ? [] : [everyRecordOf(everyModuleOf)]), everyModuleOf }, render);
  }

  recordsEachRead(program?: string): boolean {
    const every = this.#page.getStore()?.everyModuleOf;
    return every === undefined || (every !== allPrograms && every !== program);
  }

  read(record: string): void {
    (this.#page.getStore()?.reads ?? this.#everyPage).add(record);
  }

  end(pathname: string, html: Buffer): void {
    const current = this.#page.getStore();
    if (current?.pathname !== pathname) {
      // Not called from the page's own rendering: what it read is not known.
      this.#untrustworthy = true;
      return;
    }
    this.#append(pathname, current.reads, html);
  }

  fail(pathname: string): void {
    this.#pages.delete(pathname);
  }

  forEveryPage<T>(work: () => T): T {
    return this.#page.exit(work);
  }

  get stats(): PageCacheStats {
    return { reused: this.#reused.size, rendered: this.#pages.size - this.#reused.size };
  }

  /** After a successful build: the pages of this build become the cache, and files of HTML no index names any more are deleted (not those other builds are writing). */
  async save(): Promise<void> {
    this.#close();
    if (this.#untrustworthy) return this.discard();
    const pages: Record<string, Entry> = {};
    for (const [pathname, page] of [...this.#pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const reads = [...new Set([...page.reads, ...this.#everyPage])].sort();
      pages[pathname] = { key: this.#keyOf(pathname, reads), reads, offset: page.offset, length: page.length, sha256: page.sha256 };
    }
    const index: IndexFile = { scheme, fingerprint: compilerFingerprint(), html: this.#htmlName, pages };
    const temporary = path.join(this.#dir, `${indexName}.${process.pid}.tmp`);
    await writeFile(temporary, JSON.stringify(index));
    await rename(temporary, path.join(this.#dir, indexName));
    // The file the index this build read named (this build's index replaces it), and any
    // left by builds that stopped half-way or were replaced since; not those being written.
    const superseded = this.#previous?.html;
    this.#removeHtmlFiles((name) => name !== this.#htmlName && (name === superseded || !beingWritten(name)));
  }

  /** After a failed build: the previous build's pages stay the cache. */
  discard(): void {
    this.#close();
    this.#removeHtmlFiles((name) => name === this.#htmlName);
  }

  /** `hash`: the bytes' SHA-256, when the caller has checked it already. */
  #append(pathname: string, reads: ReadonlySet<string>, bytes: Buffer, hash = sha256(bytes)): void {
    if (this.#pages.has(pathname)) this.#untrustworthy = true;
    writeSync(this.#htmlFd, bytes, 0, bytes.length, this.#htmlLength);
    this.#pages.set(pathname, { reads, offset: this.#htmlLength, length: bytes.length, sha256: hash });
    this.#htmlLength += bytes.length;
  }

  #keyOf(pathname: string, reads: readonly string[]): string {
    const hash = createHash('sha256').update(this.#shell).update(`\0${pathname}`);
    for (const record of reads) hash.update(`\0${record}\0${this.#recordHash(record)}`);
    return hash.digest('hex');
  }

  #recordHash(record: string): string {
    let hash = this.#recordHashes.get(record);
    if (hash === undefined) {
      if (record.endsWith(`/${allPrograms}`)) {
        const prefix = record.slice(0, -allPrograms.length);
        const all = createHash('sha256');
        for (const [name, value] of this.#records) if (prefix === '/' || name.startsWith(prefix)) all.update(`${name}\0${JSON.stringify(value)}\0`);
        hash = all.digest('hex');
      } else {
        const value = this.#records.get(record);
        hash = value === undefined ? 'absent' : sha256(JSON.stringify(value));
      }
      this.#recordHashes.set(record, hash);
    }
    return hash;
  }

  #close(): void {
    // Once only: a file descriptor closed twice may by then be another file's.
    if (this.#closed) return;
    this.#closed = true;
    openHere.delete(this.#htmlName);
    closeSync(this.#htmlFd);
    if (this.#previousFd !== undefined) closeSync(this.#previousFd);
  }

  #removeHtmlFiles(which: (name: string) => boolean): void {
    for (const name of readdirSync(this.#dir)) {
      if (!/^pages-.*\.html$/.test(name) || !which(name)) continue;
      try {
        rmSync(path.join(this.#dir, name), { force: true });
      } catch {
        // Open in another process on a system that refuses to delete open files: a later save deletes it.
      }
    }
  }
}

/**
 * Whether a file of HTML (`pages-<pid>-…`) may still be written to: it is open in this
 * process, or the process that made it is alive. Files of this process's own closed caches,
 * and of processes that have ended, are leftovers.
 */
function beingWritten(name: string): boolean {
  if (openHere.has(name)) return true;
  const pid = Number(/^pages-(\d+)-/.exec(name)?.[1]);
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return false;
  return processIsAlive(pid);
}

/** The site data with each module record reduced to the fields every page may read freely. */
function shellOf(data: SiteData): unknown {
  return {
    ...data,
    programs: data.programs.map((p) => ({
      ...p,
      curriculum: { ...p.curriculum, modules: p.curriculum.modules.map((m) => Object.fromEntries(moduleSkeletonFields.map((f) => [f, m[f]]))) },
    })),
  };
}

/** An index entry as this compiler writes it (an index is read from disk, where anything may have happened to it). */
function wellFormed(entry: Entry): boolean {
  const { key, reads, offset, length, sha256 } = entry as Partial<Entry>;
  return (
    typeof key === 'string' &&
    Array.isArray(reads) &&
    reads.every((r) => typeof r === 'string') &&
    Number.isSafeInteger(offset) &&
    Number.isSafeInteger(length) &&
    offset! >= 0 &&
    length! >= 0 &&
    typeof sha256 === 'string'
  );
}

function sha256(bytes: string | Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
