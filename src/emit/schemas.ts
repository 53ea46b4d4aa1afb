import { readdirSync, readFileSync } from 'node:fs';
import { outputPaths } from '../addresses/index.ts';
import type { OutputFile } from './types.ts';

/** The published schemas ship with the compiler (`npm run schemas` writes them from src/schemas). */
const schemasDir = new URL('../../schemas/', import.meta.url);

/** The JSON Schemas of the sources and of `curriculum.json`, published beside the outputs as `schemas/`. */
export function emitSchemas(): OutputFile[] {
  const names = readdirSync(schemasDir).filter((n) => n.endsWith('.schema.json')).sort();
  return names.map((name) => ({ path: outputPaths.schema(name), contents: readFileSync(new URL(name, schemasDir)) }));
}
