/**
 * Without the site's public address (no `--site-url`, no `url` in catalog.yaml) nobody
 * said where the site will live: under a host's root, in a sub-folder
 * (`https://uni.example/courses/2026/`), or opened from the disk. A link that starts at
 * the site root (`/crisis-scro/schedule/`) works only in the first case, so every link of
 * the built site is made relative to the file that holds it. With an address, the links
 * stay as Astro wrote them (under that address's path) and this pass does not run.
 *
 * Why a rewrite of each finished page rather than relative paths in `src/addresses`: the
 * addresses module hands out site paths, and the pages build their links once per
 * program (site/lib/program.ts), not once per page, so they do not know which page a link
 * will sit in; and Astro writes links of its own (the scripts and stylesheets it bundles,
 * always under its `base`, which cannot be relative). A page's whole HTML, as Astro is
 * about to write it (site/middleware.ts), has every link, whoever wrote it, and its own
 * path; the files that are not rendered pages get the same rewrite in one pass afterwards.
 *
 * A link to a page (a path ending with `/`) gets `index.html`: a static host serves a
 * folder's index.html for the folder, but a browser reading the disk shows the folder's
 * listing instead.
 *
 * The 404 page cannot be right everywhere: a host serves it for any missing address, at
 * any depth, and nothing in a relative link knows that depth. Its links are relative to
 * where the file is, the site's top folder, which is right for a missing page there.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pageFile } from '../../addresses/index.ts';
import { listFiles } from './move-output.ts';
import type { PageFinisher } from './page-recorder.ts';

/**
 * Attributes that hold the address of a file or page. `data-calendar-file` (the .ics a
 * subscribe link is built from, site/scripts/calendar-links.ts) and `data-pagefind` (the
 * search bundle, site/scripts/search.ts) are read by the site's scripts as addresses
 * relative to the page.
 */
const fileAttributes = ['href', 'src', 'action', 'poster', 'data-calendar-file', 'data-pagefind'];
/** Attributes that hold a folder, used as a base for other addresses: no `index.html` is added. */
const folderAttributes = ['data-base'];

const attributePattern = new RegExp(`(\\s(${[...fileAttributes, ...folderAttributes, 'srcset'].join('|')}))="([^"]*)"`, 'g');
/** The data islands of the pages (`<script type="application/json">`): their `href`s are links too (site/scripts/edition-status.ts). */
const jsonIslandPattern = /(<script type="application\/json"[^>]*>)([\s\S]*?)(<\/script>)/g;
const jsonHrefPattern = /"href":"(\/(?!\/)(?:[^"\\]|\\.)*)"/g;
const cssUrlPattern = /url\((["']?)(\/(?!\/)[^"')]*)\1\)/g;

/**
 * Makes the links of each page relative as Astro renders it (site/middleware.ts), rather
 * than in a pass over the written files: the page is then read and written once, and the
 * page cache keeps it as published, so a page taken from the cache needs nothing more.
 * The files it did not see (Astro's stylesheets, the 404 page) are left to
 * `makeLinksRelative`.
 */
export class RelativeLinks implements PageFinisher {
  readonly #base: string;
  readonly #finished = new Set<string>();

  /** `base`: the site's path, `/` without an address. */
  constructor(base: string) {
    this.#base = base;
  }

  finish(pathname: string, html: string): string {
    const file = pageFile(pathname, this.#base);
    this.#finished.add(file);
    return relativeHtml(html, file);
  }

  /** Marks the pages written as they were kept (page-cache.ts), already relative: at site paths, with the base. */
  finishedAlready(pathnames: Iterable<string>): void {
    for (const pathname of pathnames) this.#finished.add(pageFile(pathname, this.#base));
  }

  /** Site files whose links are relative already (`crisis-scro/schedule/index.html`). */
  get finished(): ReadonlySet<string> {
    return this.#finished;
  }
}

/**
 * Rewrites the built site in `siteDir` in place, but for the files in `finished` (made
 * relative as they were rendered, `RelativeLinks`); returns how many files changed.
 * `files`: the site's files as `listFiles` gives them, if the caller has listed them already.
 */
export async function makeLinksRelative(siteDir: string, finished: ReadonlySet<string> = new Set(), files?: readonly string[]): Promise<number> {
  let changed = 0;
  for (const file of files ?? (await listFiles(siteDir))) {
    const rewrite = file.endsWith('.html') ? relativeHtml : file.endsWith('.css') ? relativeCss : undefined;
    if (!rewrite || finished.has(file)) continue;
    const absolute = path.join(siteDir, ...file.split('/'));
    // Blocking calls: a site is thousands of small files, and each asynchronous call is a round trip through libuv's thread pool.
    const before = readFileSync(absolute, 'utf8');
    const after = rewrite(before, file);
    if (after === before) continue;
    writeFileSync(absolute, after);
    changed++;
  }
  return changed;
}

/** An HTML file's links, relative to `file` (its path in the site, `crisis-scro/schedule/index.html`). */
export function relativeHtml(html: string, file: string): string {
  const withAttributes = html.replace(attributePattern, (whole, prefix: string, name: string, value: string) => {
    if (name === 'srcset') return `${prefix}="${value.replace(/(^|,\s*)(\/(?!\/)[^\s,]+)/g, (_m, lead: string, url: string) => lead + relativeLink(file, url, 'file'))}"`;
    if (!isSitePath(value)) return whole;
    return `${prefix}="${relativeLink(file, value, folderAttributes.includes(name) ? 'folder' : 'file')}"`;
  });
  return withAttributes.replace(jsonIslandPattern, (_whole, open: string, json: string, close: string) => {
    return open + json.replace(jsonHrefPattern, (_m, url: string) => `"href":"${relativeLink(file, url, 'file')}"`) + close;
  });
}

/** A stylesheet's `url(/…)`s, relative to the stylesheet (as CSS resolves them). */
export function relativeCss(css: string, file: string): string {
  return css.replace(cssUrlPattern, (_whole, quote: string, url: string) => `url(${quote}${relativeLink(file, url, 'file')}${quote})`);
}

/** A path from the site root (`/…`, not a `//host` address). */
function isSitePath(value: string): boolean {
  return value.startsWith('/') && !value.startsWith('//');
}

/**
 * `target` (from the site root, maybe with `?query` and `#fragment`) as seen from the
 * site file `from`. As a `file`, a page's folder becomes its index.html; as a `folder`,
 * the result ends with `/`.
 */
export function relativeLink(from: string, target: string, as: 'file' | 'folder'): string {
  const split = /[?#]/.exec(target);
  const pathPart = split ? target.slice(0, split.index) : target;
  const rest = split ? target.slice(split.index) : '';
  const fromFolder = path.posix.dirname(`/${from}`);
  if (as === 'folder') {
    const relative = path.posix.relative(fromFolder, pathPart);
    return `${relative === '' ? '.' : relative}/${rest}`;
  }
  return path.posix.relative(fromFolder, pathPart.endsWith('/') ? `${pathPart}index.html` : pathPart) + rest;
}
