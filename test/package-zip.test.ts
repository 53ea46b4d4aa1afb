/**
 * The ZIP writer on its own: archives that Info-ZIP and fflate read back, byte for byte
 * the same for the same input, with UTF-8 names, folder entries, the given timestamp in
 * UTC, and no way to write a path that escapes the package.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { assertSafeArchivePath, crc32, dosDateTime, writeZip } from '../src/emit/package/zip.ts';

const entries = [
  { path: 'b/second.txt', contents: 'second' },
  { path: 'a.txt', contents: 'first '.repeat(200) },
  { path: 'b/c/한국어 🎓.html', contents: '<p>한국어</p>' },
  { path: 'bytes.bin', contents: new Uint8Array([0, 1, 2, 255]) },
];

describe('writeZip', () => {
  it('writes archives Info-ZIP tests clean and lists in sorted order with folders', () => {
    const folder = mkdtempSync(join(tmpdir(), 'zip-'));
    try {
      const file = join(folder, 'test.zip');
      writeFileSync(file, writeZip(entries, '2023-11-14T22:13:20Z'));
      // A UTF-8 locale, so that Info-ZIP prints the UTF-8 names it read as such.
      const options = { encoding: 'utf8' as const, env: { ...process.env, LC_ALL: 'C.UTF-8' } };
      expect(execFileSync('unzip', ['-t', file], options)).toContain('No errors detected in compressed data');
      const listing = execFileSync('unzip', ['-Z1', file], options).trim().split('\n');
      expect(listing).toEqual(['a.txt', 'b/', 'b/c/', 'b/c/한국어 🎓.html', 'b/second.txt', 'bytes.bin']);
      // The modification time as Info-ZIP reads it (it has no zone either): the UTC wall clock given.
      expect(execFileSync('unzip', ['-Z', '-T', file], options)).toContain('20231114.221320');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('round-trips contents through fflate, compressed or stored', () => {
    const files = unzipSync(writeZip(entries, '2023-11-14T22:13:20Z'));
    expect(strFromU8(files['a.txt']!)).toBe('first '.repeat(200));
    expect(strFromU8(files['b/c/한국어 🎓.html']!)).toBe('<p>한국어</p>');
    expect([...files['bytes.bin']!]).toEqual([0, 1, 2, 255]);
  });

  it('gives the same bytes for the same files in any order, and other bytes for another date', () => {
    const one = writeZip(entries, '2023-11-14T22:13:20Z');
    const two = writeZip([...entries].reverse(), '2023-11-14T22:13:20Z');
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(true);
    expect(Buffer.from(writeZip(entries, '2024-01-01T00:00:00Z')).equals(Buffer.from(one))).toBe(false);
  });

  it('refuses unsafe and duplicate paths', () => {
    for (const path of ['/etc/passwd', '../up.txt', 'a/../../b', 'a//b', './a', 'a\\b', 'C:/x', '', 'a/\u0000']) {
      expect(() => assertSafeArchivePath(path), JSON.stringify(path)).toThrow();
      expect(() => writeZip([{ path, contents: 'x' }], '2023-01-01T00:00:00Z')).toThrow();
    }
    expect(() => writeZip([{ path: 'a', contents: 'x' }, { path: 'a', contents: 'y' }], '2023-01-01T00:00:00Z')).toThrow(/Two files/);
  });

  it('computes CRC-32 and DOS times as the format defines them', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(dosDateTime('1979-06-01T12:00:00Z')).toEqual({ date: (0 << 9) | (1 << 5) | 1, time: 0 });
    expect(dosDateTime('2023-11-14T22:13:21Z')).toEqual({ date: (43 << 9) | (11 << 5) | 14, time: (22 << 11) | (13 << 5) | 10 });
  });
});
