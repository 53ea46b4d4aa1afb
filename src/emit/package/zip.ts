/**
 * Deterministic ZIP archives. The same files always give the same bytes: entries are
 * sorted, every entry carries the same timestamp (the sources' date, never the clock),
 * attributes are fixed and compression is deterministic. fflate's own zip writer reads
 * the timestamp through the machine's time zone, so the container is written here and
 * fflate only deflates.
 */
import { createHash } from 'node:crypto';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { deflateSync } from 'fflate';
import { memoFor } from '../../util/memo.ts';

/** A file to put in an archive; `path` is relative, `/`-separated. */
export interface ZipEntry {
  readonly path: string;
  readonly contents: string | Uint8Array | Deflated;
}

/**
 * Contents already compressed by `deflated`, for a file that goes into many archives
 * (a module's page is in the program's package and in the module's own, in every format).
 */
export interface Deflated {
  /** Stored (0) when deflating would not make it smaller, else deflated (8). */
  readonly method: 0 | 8;
  /** CRC-32 and length of the uncompressed contents. */
  readonly crc: number;
  readonly size: number;
  readonly data: Uint8Array;
}

/**
 * CRC-32 (ISO 3309), as ZIP stores it: Node's own (zlib's), which takes a tenth to a
 * fifteenth of the time of the table-driven loop in JavaScript it replaces (46 MB of
 * buffers: 150 ms against 9–16 ms); a cold build at 1 000 modules spent 165 ms in that loop.
 */
export function crc32(data: Uint8Array): number {
  return zlibCrc32(data);
}

/**
 * Rejects paths an LMS would refuse or resolve outside the package: absolute, with
 * `..` or `.` segments, backslashes, empty segments or control characters.
 */
export function assertSafeArchivePath(path: string): void {
  const bad =
    path.length === 0 ||
    path.startsWith('/') ||
    /^[A-Za-z]:/.test(path) ||
    path.includes('\\') ||
    /[\u0000-\u001F\u007F]/.test(path) ||
    path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..');
  if (bad) throw new Error(`Unsafe path in archive: ${JSON.stringify(path)}`);
}

/** MS-DOS date and time of an ISO instant, read in UTC (ZIP has no zone; UTC keeps it the same on every machine). */
export function dosDateTime(iso: string): { date: number; time: number } {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`Not a date: ${iso}`);
  // DOS dates start in 1980 and end in 2107.
  const year = Math.min(Math.max(d.getUTCFullYear(), 1980), 2107);
  const atFloor = d.getUTCFullYear() < 1980;
  const month = atFloor ? 1 : d.getUTCMonth() + 1;
  const day = atFloor ? 1 : d.getUTCDate();
  const [h, m, s] = atFloor ? [0, 0, 0] : [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
  return { date: ((year - 1980) << 9) | (month << 5) | day, time: (h << 11) | (m << 5) | (s >> 1) };
}

const encoder = new TextEncoder();

interface Prepared extends Deflated {
  readonly name: Uint8Array;
  readonly directory: boolean;
}

function deflateContents(contents: Uint8Array): Deflated {
  const deflated = deflateSync(contents, { level: 6 });
  const useDeflate = deflated.length < contents.length;
  return { method: useDeflate ? 8 : 0, crc: crc32(contents), size: contents.length, data: useDeflate ? deflated : contents };
}

/** Compresses `contents` once, for a file that many archives hold. */
export function deflated(contents: string | Uint8Array): Deflated {
  return compress(typeof contents === 'string' ? encoder.encode(contents) : contents);
}

/**
 * Compressed contents by their SHA-1. Every package of a format carries the same runtime
 * script, stylesheet and schemas, and each module's page is in both the program's package
 * and the module's own: deflating each distinct content once took a 1 000-module build's
 * packaging from about 20 s to a fraction of it. Deflate is deterministic, so reuse
 * changes no byte.
 */
const compressed = new Map<string, Deflated>();
let compressedBytes = 0;
const CACHE_LIMIT_BYTES = 128 * 1024 * 1024;

function compress(contents: Uint8Array): Deflated {
  const key = createHash('sha1').update(contents).digest('hex');
  // Kept between builds by `build` (util/memo.ts): deflate is a pure function of the bytes.
  const memo = memoFor<Deflated>('deflate');
  const entry = memo?.get(key) ?? compressed.get(key) ?? deflateContents(contents);
  memo?.keep(key, entry);
  if (!compressed.has(key)) {
    if (compressedBytes > CACHE_LIMIT_BYTES) {
      compressed.clear();
      compressedBytes = 0;
    }
    compressed.set(key, entry);
    compressedBytes += entry.data.length;
  }
  return entry;
}

function prepare(path: string, contents: Uint8Array | Deflated | undefined): Prepared {
  const name = encoder.encode(path);
  if (!contents) return { name, directory: true, method: 0, crc: 0, size: 0, data: new Uint8Array(0) };
  return { name, directory: false, ...(contents instanceof Uint8Array ? compress(contents) : contents) };
}

/** The folders that hold the files, each as its own entry (`a/`, `a/b/`): some LMS unzippers need them. */
function folders(paths: readonly string[]): string[] {
  const out = new Set<string>();
  for (const p of paths) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) out.add(`${parts.slice(0, i).join('/')}/`);
  }
  return [...out];
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Writes a ZIP archive. Entries are sorted by path; `timestamp` (an ISO instant,
 * normally `curriculum.sourceDate`) is the modification time of every entry. Names are
 * UTF-8 (flag bit 11). Throws on unsafe or duplicate paths.
 */
export function writeZip(entries: readonly ZipEntry[], timestamp: string): Uint8Array {
  const files = new Map<string, Uint8Array | Deflated>();
  for (const e of entries) {
    assertSafeArchivePath(e.path);
    if (files.has(e.path)) throw new Error(`Two files at ${e.path} in one archive`);
    files.set(e.path, typeof e.contents === 'string' ? encoder.encode(e.contents) : e.contents);
  }
  const paths = [...files.keys(), ...folders([...files.keys()])].sort(byCodeUnit);
  if (paths.length > 0xffff) throw new Error('Too many files for a ZIP archive without ZIP64');
  const { date, time } = dosDateTime(timestamp);
  const prepared = paths.map((p) => prepare(p, files.get(p)));

  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const f of prepared) {
    const local = new Uint8Array(30 + f.name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true); // version needed: 2.0
    lv.setUint16(6, 0x0800, true); // UTF-8 names
    lv.setUint16(8, f.method, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, f.crc, true);
    lv.setUint32(18, f.data.length, true);
    lv.setUint32(22, f.size, true);
    lv.setUint16(26, f.name.length, true);
    lv.setUint16(28, 0, true);
    local.set(f.name, 30);

    const header = new Uint8Array(46 + f.name.length);
    const cv = new DataView(header.buffer);
    cv.setUint32(0, 0x02014b50, true);
    // Made by Unix, version 2.0: tools then read the UTF-8 names as UTF-8 (Info-ZIP converts
    // names from an OEM code page when the maker is MS-DOS) and extract with fixed modes.
    cv.setUint16(4, (3 << 8) | 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, f.method, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, f.crc, true);
    cv.setUint32(20, f.data.length, true);
    cv.setUint32(24, f.size, true);
    cv.setUint16(28, f.name.length, true);
    // extra length, comment length, disk number, internal attributes: 0
    // External attributes: Unix mode in the high half (rwxr-xr-x folders, rw-r--r-- files), MS-DOS directory bit.
    cv.setUint32(38, f.directory ? ((0o040755 << 16) | 0x10) >>> 0 : (0o100644 << 16) >>> 0, true);
    cv.setUint32(42, offset, true);
    header.set(f.name, 46);

    chunks.push(local, f.data);
    central.push(header);
    offset += local.length + f.data.length;
    if (offset > 0xffffffff) throw new Error('Archive too large for ZIP without ZIP64');
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, prepared.length, true);
  ev.setUint16(10, prepared.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);

  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const c of [...chunks, ...central, end]) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
