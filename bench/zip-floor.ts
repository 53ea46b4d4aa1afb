/**
 * The floor of the package stage: deflating the bytes the packages hold with the same
 * library and level as the zip writer (fflate, level 6), and nothing else: no rendering,
 * no zip structure, no writing. Reads the packages a build wrote, unzips them to get
 * those bytes, then times the deflation alone.
 *
 *   node bench/zip-floor.ts <output-dir>
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateSync, unzipSync } from 'fflate';

const dir = process.argv[2]!;
const zips = (await readdir(dir, { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile() && e.name.endsWith('.zip'))
  .map((e) => path.join(e.parentPath, e.name));
const contents: Uint8Array[] = [];
for (const zip of zips) contents.push(...Object.values(unzipSync(await readFile(zip))));
const bytes = contents.reduce((sum, c) => sum + c.length, 0);
const started = performance.now();
for (const c of contents) deflateSync(c, { level: 6 });
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ packages: zips.length, entries: contents.length, bytes, ms })}\n`);
