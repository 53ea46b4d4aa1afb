import { lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Reporter } from '../diagnostics/reporter.ts';
import { SourceFile } from './source-file.ts';

/** Larger sources are refused before they are parsed: no curriculum document comes near this. */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Reads a text source, refusing files that are too large or not UTF-8.
 * Returns undefined (with a diagnostic) when the file cannot be used.
 */
export async function readSource(
  absolutePath: string,
  displayPath: string,
  reporter: Reporter,
): Promise<SourceFile | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(absolutePath);
  } catch (error) {
    return reportUnreadable(absolutePath, displayPath, error, reporter);
  }
  return decodeSource(bytes, absolutePath, displayPath, reporter);
}

/**
 * `readSource` without the event loop, for a worker thread that does nothing else: each
 * asynchronous read is an open, a stat, a read and a close, each a round trip through
 * libuv's thread pool, and over thousands of small files those cost more than parsing.
 */
export function readSourceSync(absolutePath: string, displayPath: string, reporter: Reporter): SourceFile | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolutePath);
  } catch (error) {
    return reportUnreadable(absolutePath, displayPath, error, reporter);
  }
  return decodeSource(bytes, absolutePath, displayPath, reporter);
}

/** A file that could not be read: a link to nowhere is named as one, anything else by the system's error. */
function reportUnreadable(absolutePath: string, displayPath: string, error: unknown, reporter: Reporter): undefined {
  const target = danglingLinkTarget(absolutePath);
  reporter.report('file_unreadable', target === undefined ? { kind: 'file', reason: describeIoError(error) } : { kind: 'dangling-link', target }, { file: displayPath });
  return undefined;
}

/** The target of a symbolic link that points nowhere; undefined for anything else. Only after a failed read, so it blocks. */
function danglingLinkTarget(absolutePath: string): string | undefined {
  try {
    return lstatSync(absolutePath).isSymbolicLink() ? readlinkSync(absolutePath) : undefined;
  } catch {
    return undefined;
  }
}

export function decodeSource(
  bytes: Uint8Array,
  absolutePath: string,
  displayPath: string,
  reporter: Reporter,
): SourceFile | undefined {
  if (bytes.byteLength > MAX_SOURCE_BYTES) {
    const [size, limit] = formatSizes(bytes.byteLength, MAX_SOURCE_BYTES);
    reporter.report('file_too_large', { size, limit }, { file: displayPath });
    return undefined;
  }
  const wide = wideEncoding(bytes);
  if (wide) {
    reporter.report('file_not_utf8', { kind: 'wide', ...wide }, { file: displayPath });
    return undefined;
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    // A NUL byte never occurs in text: this is an image, an archive or another binary file,
    // and the whole file is the problem (a code frame of binary bytes would help no one).
    reporter.report('file_not_utf8', { kind: 'binary' }, { file: displayPath });
    return undefined;
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = lenientUtf8(bytes.subarray(0, offset));
    const file = new SourceFile(displayPath, absolutePath, before);
    const at = file.position(before.length);
    reporter.report('file_not_utf8', { kind: 'invalid-byte', byte: bytes[offset] ?? 0 }, { file: displayPath, range: { start: at, end: at } });
    return undefined;
  }
  return new SourceFile(displayPath, absolutePath, text);
}

/**
 * UTF-16 and UTF-32 text, by its byte-order mark or, without one, by the NUL bytes that pad
 * its first character (a YAML document starts with a character below U+0080: `#`, a letter,
 * `-`). Such files are text in the wrong encoding, not binary, and say so.
 */
function wideEncoding(bytes: Uint8Array): { encoding: 'UTF-16' | 'UTF-32'; order: 'little-endian' | 'big-endian' } | undefined {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { encoding: 'UTF-32', order: 'little-endian' };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { encoding: 'UTF-32', order: 'big-endian' };
  if (a === 0xff && b === 0xfe) return { encoding: 'UTF-16', order: 'little-endian' };
  if (a === 0xfe && b === 0xff) return { encoding: 'UTF-16', order: 'big-endian' };
  if (bytes.length < 4) return undefined;
  const ascii = (x: number | undefined) => x !== undefined && x > 0 && x < 0x80;
  if (ascii(a) && b === 0 && c === 0 && d === 0) return { encoding: 'UTF-32', order: 'little-endian' };
  if (a === 0 && b === 0 && c === 0 && ascii(d)) return { encoding: 'UTF-32', order: 'big-endian' };
  if (ascii(a) && b === 0 && ascii(c) && d === 0) return { encoding: 'UTF-16', order: 'little-endian' };
  if (a === 0 && ascii(b) && c === 0 && ascii(d)) return { encoding: 'UTF-16', order: 'big-endian' };
  return undefined;
}

function lenientUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      utf8.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Number((n / 1024 / 1024).toFixed(1))} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

/** Two sizes in the same words, exact to the byte when rounding would make them look equal. */
function formatSizes(size: number, limit: number): [string, string] {
  const [a, b] = [formatBytes(size), formatBytes(limit)];
  return a === b ? [`${size.toLocaleString('en')} bytes`, `${limit.toLocaleString('en')} bytes`] : [a, b];
}

export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return error instanceof Error ? error.message : String(error);
}
