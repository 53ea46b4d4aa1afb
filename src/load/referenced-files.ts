import { readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Location, Reporter } from '../diagnostics/reporter.ts';
import { mapLimit } from '../util/concurrency.ts';
import { closest } from '../util/suggest.ts';
import { displayPath } from './discover.ts';
import { decodeSource, describeIoError } from './read-source.ts';

/** A file that a document points to (module content, a logo). */
export interface FileReference {
  /** The path as written in the document. */
  readonly written: string;
  readonly at: Location;
  readonly purpose: 'content' | 'asset';
}

export interface ReferencedFile {
  /** Relative to the program folder, normalized, `/`-separated. */
  readonly relativePath: string;
  readonly bytes: Uint8Array;
  /** The text, for content files (which must be UTF-8). */
  readonly text?: string;
}

const contentExtensions = /\.(md|mdx)$/i;

/**
 * Reads the files that documents refer to, refusing any path that leaves the program
 * folder, whether by `..`, by being absolute, or through a symbolic link. Returns the
 * files that could be read, keyed by the path as written.
 */
export async function readReferencedFiles(
  programDir: string,
  references: readonly FileReference[],
  reporter: Reporter,
  /** File contents by real path, kept between runs by a watcher that invalidates changed files. */
  cache?: Map<string, Uint8Array>,
): Promise<Map<string, ReferencedFile>> {
  const out = new Map<string, ReferencedFile>();
  const root = await realpath(programDir);
  await mapLimit(references, 64, async (ref) => {
    const file = await readOne(root, ref, reporter, cache);
    if (file) out.set(ref.written, file);
  });
  return out;
}

async function readOne(root: string, ref: FileReference, reporter: Reporter, cache: Map<string, Uint8Array> | undefined): Promise<ReferencedFile | undefined> {
  const normalized = path.posix.normalize(ref.written.replace(/\\/g, '/'));
  if (path.posix.isAbsolute(normalized) || /^[a-zA-Z]:/.test(normalized) || normalized === '..' || normalized.startsWith('../')) {
    reportOutside(ref, reporter);
    return undefined;
  }
  if (ref.purpose === 'content' && !contentExtensions.test(normalized)) {
    reporter.report('content_file_kind', { written: ref.written }, ref.at);
    return undefined;
  }
  const absolute = path.join(root, ...normalized.split('/'));
  let real: string;
  try {
    real = await realpath(absolute);
  } catch (error) {
    const code = ref.purpose === 'content' ? 'content_file_missing' : 'asset_missing';
    const missing = (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
    const suggestion = missing ? await similarFile(root, normalized) : undefined;
    reporter.report(code, { problem: missing ? 'missing' : 'unreadable', written: ref.written, resolved: displayPath(absolute), reason: describeIoError(error), suggestion }, ref.at);
    return undefined;
  }
  if (real !== root && !real.startsWith(root + path.sep)) {
    reportOutside(ref, reporter, true);
    return undefined;
  }
  let bytes: Uint8Array;
  try {
    const cached = cache?.get(real);
    bytes = cached ?? (await readFile(real));
    if (!cached) cache?.set(real, bytes);
  } catch (error) {
    const code = ref.purpose === 'content' ? 'content_file_missing' : 'asset_missing';
    reporter.report(code, { problem: 'read-failed', written: ref.written, reason: describeIoError(error) }, ref.at);
    return undefined;
  }
  if (ref.purpose === 'asset') return { relativePath: normalized, bytes };
  const source = decodeSource(bytes, real, displayPath(real), reporter);
  if (!source) return undefined;
  return { relativePath: normalized, bytes, text: source.text };
}

function reportOutside(ref: FileReference, reporter: Reporter, throughLink = false): void {
  reporter.report('content_path_outside', { written: ref.written, throughLink }, ref.at);
}

/** A file in the same folder whose name is close to the one written (a typo or a wrong case), as a path like the one written. */
async function similarFile(root: string, written: string): Promise<string | undefined> {
  const folder = path.posix.dirname(written);
  try {
    const names = await readdir(path.join(root, ...folder.split('/')));
    const match = closest(path.posix.basename(written), names);
    return match === undefined ? undefined : folder === '.' ? match : `${folder}/${match}`;
  } catch {
    return undefined;
  }
}
