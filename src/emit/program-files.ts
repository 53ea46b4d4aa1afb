/**
 * The bytes of the files each program's Markdown shows or links (images, PDFs), read from
 * its folder: the packages carry them, and the dev server serves them where a build
 * copies them. One reader for both, so that they agree on which files those are.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Curriculum } from '../model/types.ts';
import type { ProgramFiles } from './types.ts';

/**
 * By program id. The check found each file a moment ago; one removed since then either fails
 * with the system's error (`fail`: a build must not make a package that lacks it) or is left
 * out (`skip`: the dev server's next check reports the link).
 */
export async function readProgramFiles(
  curricula: readonly Curriculum[],
  programDirs: ReadonlyMap<string, string>,
  ifMissing: 'fail' | 'skip',
): Promise<Map<string, ProgramFiles>> {
  const out = new Map<string, ProgramFiles>();
  for (const curriculum of curricula) {
    const dir = programDirs.get(curriculum.program.id);
    if (!dir || !curriculum.files?.length) continue;
    const files = new Map<string, Uint8Array>();
    for (const file of curriculum.files) {
      const read = readFile(path.join(dir, ...file.split('/')));
      const bytes = ifMissing === 'fail' ? await read : await read.catch(() => undefined);
      if (bytes) files.set(file, new Uint8Array(bytes));
    }
    out.set(curriculum.program.id, files);
  }
  return out;
}
