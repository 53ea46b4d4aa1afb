import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OutputFile } from './types.ts';

const schemasDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schemas');

/** The JSON Schemas of the sources and of `curriculum.json`, published beside the outputs as `schemas/`. */
export async function emitSchemas(): Promise<OutputFile[]> {
  const names = (await readdir(schemasDir)).filter((n) => n.endsWith('.schema.json')).sort();
  return Promise.all(names.map(async (name) => ({ path: `schemas/${name}`, contents: await readFile(path.join(schemasDir, name)) })));
}
