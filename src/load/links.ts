import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Location, Reporter } from '../diagnostics/reporter.ts';
import { mapLimit } from '../util/concurrency.ts';
import { closest } from '../util/suggest.ts';
import { displayPath } from './discover.ts';

/** A relative link or image written in a module's Markdown, to be checked against the program folder. */
export interface LinkToCheck {
  readonly kind: 'link' | 'image';
  /** The destination as written. */
  readonly url: string;
  /** The absolute folder of the file that holds the Markdown: destinations are relative to it. */
  readonly fromFolder: string;
  /** Where the destination is written (the Markdown's own line and column). */
  readonly at: Location;
}

/** A link or image whose target exists inside the program folder. */
export interface CheckedLink {
  readonly kind: 'link' | 'image';
  readonly url: string;
  /** The link as it was handed in. */
  readonly link: LinkToCheck;
  /** The target, relative to the program folder, `/`-separated. */
  readonly target: string;
  readonly bytes: number;
}

/**
 * Images larger than this are refused: every page and every LMS package that shows one
 * carries it, and learners on slow or metered connections download it each time.
 */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/** The image formats every browser and LMS player shows. */
export const imageExtensions = /\.(png|jpe?g|gif|svg|webp|avif)$/i;

/**
 * Checks that each relative destination names a file inside the program folder (not
 * through a symbolic link out of it), and that each image is an image of a sensible
 * size. Reports one located diagnostic per problem; returns the links that are sound.
 */
export async function checkLinks<L extends LinkToCheck>(programDir: string, links: readonly L[], reporter: Reporter): Promise<CheckedLink[]> {
  const root = await realpath(programDir);
  const checked = await mapLimit(links, 64, (link) => checkOne(root, link, reporter));
  return checked.filter((c): c is CheckedLink => c !== undefined);
}

async function checkOne(root: string, link: LinkToCheck, reporter: Reporter): Promise<CheckedLink | undefined> {
  const written = link.url.replace(/[?#].*$/s, '');
  if (written === '') return undefined;
  let decoded = written;
  try {
    decoded = decodeURI(written);
  } catch {
    // A stray `%` is a file name character, not an escape.
  }
  const inside = (p: string) => p === root || p.startsWith(root + path.sep);
  const programRelative = (p: string) => path.relative(root, p).split(path.sep).join('/');
  // The folder of the Markdown is inside the program folder, but may be reached through its unresolved path.
  const realFrom = await realpath(link.fromFolder).catch(() => link.fromFolder);
  const lexical = path.resolve(realFrom, ...decoded.replace(/\\/g, '/').split('/'));
  if (!inside(lexical)) {
    reporter.report('link_outside_program', { kind: link.kind, written: link.url, throughLink: false }, link.at);
    return undefined;
  }
  let real: string;
  try {
    real = await realpath(lexical);
  } catch {
    const suggestion = await similarFile(realFrom, decoded);
    const code = link.kind === 'image' ? 'image_missing' : 'link_target_missing';
    reporter.report(code, { written: link.url, resolved: displayPath(lexical), fromFolder: displayPath(realFrom), ...(suggestion ? { suggestion } : {}) }, link.at);
    return undefined;
  }
  if (!inside(real)) {
    reporter.report('link_outside_program', { kind: link.kind, written: link.url, throughLink: true }, link.at);
    return undefined;
  }
  const stats = await stat(real);
  if (stats.isFile() && /\.svg$/i.test(real) && stats.size <= MAX_IMAGE_BYTES) {
    const active = activeContent(await readFile(real, 'utf8'));
    if (active) {
      reporter.report('svg_active_content', { kind: link.kind, written: link.url, found: active.found, line: active.line }, link.at);
      return undefined;
    }
  }
  if (link.kind === 'link') {
    if (stats.isDirectory()) return undefined;
    return { kind: 'link', url: link.url, link, target: programRelative(real), bytes: stats.size };
  }
  if (!stats.isFile() || !imageExtensions.test(real)) {
    reporter.report('image_missing', { written: link.url, resolved: displayPath(real), fromFolder: displayPath(realFrom), notAnImage: true }, link.at);
    return undefined;
  }
  if (stats.size > MAX_IMAGE_BYTES) {
    reporter.report('image_too_large', { written: link.url, bytes: stats.size, limit: MAX_IMAGE_BYTES }, link.at);
    return undefined;
  }
  return { kind: 'image', url: link.url, link, target: programRelative(real), bytes: stats.size };
}

/**
 * What in an SVG would run or load on the page's origin when the file is opened by itself
 * (a learner opens the image in a tab, or follows a link to it): the site has no header
 * that could stop it, and inside an LMS package a script runs beside the SCORM API and
 * could report a pass. Shown through `<img>` an SVG runs nothing, but the file is also
 * reachable on its own. The first such thing, and its line, or undefined.
 */
export function activeContent(svg: string): { readonly found: string; readonly line: number } | undefined {
  const patterns: readonly [RegExp, string][] = [
    [/<script\b/i, 'a <script> element'],
    [/<foreignObject\b/i, 'a <foreignObject> element (HTML inside the SVG)'],
    [/<(?:iframe|embed|object)\b/i, 'an embedded document'],
    [/\son[a-z]+\s*=/i, 'an event handler attribute (on…=)'],
    [/(?:href|src)\s*=\s*["']?\s*(?:javascript|data:text\/html|vbscript):?/i, 'a script address (javascript:)'],
    [/<!ENTITY\b/i, 'an XML entity declaration'],
  ];
  let first: { index: number; found: string } | undefined;
  for (const [pattern, found] of patterns) {
    const match = pattern.exec(svg);
    if (match && (first === undefined || match.index < first.index)) first = { index: match.index, found };
  }
  if (first === undefined) return undefined;
  return { found: first.found, line: svg.slice(0, first.index).split('\n').length };
}

/** A file in the named folder whose name is close to the one written, as a path like the one written. */
async function similarFile(fromFolder: string, written: string): Promise<string | undefined> {
  const folder = path.posix.dirname(written.replace(/\\/g, '/'));
  try {
    const names = await readdir(path.resolve(fromFolder, ...folder.split('/')));
    const match = closest(path.posix.basename(written), names);
    return match === undefined ? undefined : folder === '.' ? match : `${folder}/${match}`;
  } catch {
    return undefined;
  }
}
