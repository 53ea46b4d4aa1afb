/**
 * The floor of `curriculum check`: read every YAML file of a folder and parse it with
 * `yaml` keeping positions (parseDocument), and nothing else. Reads are bounded like the
 * compiler's so that both pay the same I/O.
 *
 *   node bench/floor.ts <dir>
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { mapLimit } from '../src/util/concurrency.ts';

async function yamlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await yamlFiles(full)));
    else if (entry.name.endsWith('.yaml')) out.push(full);
  }
  return out;
}

const files = await yamlFiles(process.argv[2]!);
let errors = 0;
await mapLimit(files, 64, async (file) => {
  errors += parseDocument(await readFile(file, 'utf8')).errors.length;
});
process.stdout.write(`${JSON.stringify({ files: files.length, errors })}\n`);
