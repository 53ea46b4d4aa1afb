/**
 * The floor of `curriculum check`: read every YAML file of a folder and parse it with
 * `yaml` keeping positions (parseDocument), and nothing else, on one thread. Files are
 * read as the compiler's check workers read them, without the event loop (see
 * readSourceSync): an asynchronous read costs more than the parse of a small file, and a
 * floor that paid it would flatter every ratio taken against it.
 *
 *   node bench/floor.ts <dir>
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(full));
    else if (entry.name.endsWith('.yaml')) out.push(full);
  }
  return out;
}

const files = yamlFiles(process.argv[2]!);
let errors = 0;
for (const file of files) errors += parseDocument(readFileSync(file, 'utf8')).errors.length;
process.stdout.write(`${JSON.stringify({ files: files.length, errors })}\n`);
