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
    reporter.report('file_unreadable', `Cannot read \`${displayPath}\`: ${describeIoError(error)}`, { file: displayPath });
    return undefined;
  }
  return decodeSource(bytes, absolutePath, displayPath, reporter);
}

export function decodeSource(
  bytes: Uint8Array,
  absolutePath: string,
  displayPath: string,
  reporter: Reporter,
): SourceFile | undefined {
  if (bytes.byteLength > MAX_SOURCE_BYTES) {
    reporter.report(
      'file_too_large',
      `\`${displayPath}\` is ${formatBytes(bytes.byteLength)}; sources may be at most ${formatBytes(MAX_SOURCE_BYTES)}`,
      { file: displayPath },
    );
    return undefined;
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const file = new SourceFile(displayPath, absolutePath, before);
    const at = file.position(before.length);
    reporter.report(
      'file_not_utf8',
      `\`${displayPath}\` is not UTF-8: byte 0x${bytes[offset]?.toString(16).padStart(2, '0')} at byte offset ${offset} is not valid UTF-8`,
      { file: displayPath, range: { start: at, end: at } },
      { hint: 'Re-save the file with the UTF-8 encoding.' },
    );
    return undefined;
  }
  return new SourceFile(displayPath, absolutePath, text);
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
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return error instanceof Error ? error.message : String(error);
}
