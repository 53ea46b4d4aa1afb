/** The files of a program folder that its Markdown shows or links, copied where the pages point to them. */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { outputPaths } from '../../addresses/index.ts';
import type { Curriculum } from '../../model/types.ts';
import type { OutputFile } from '../types.ts';
import type { SiteData } from './site-data.ts';

export async function copyProgramFiles(data: SiteData, programDirs: ReadonlyMap<string, string>, siteDir: string): Promise<void> {
  for (const { curriculum } of data.programs) {
    const files = curriculum.files ?? [];
    if (files.length === 0) continue;
    const programDir = programDirs.get(curriculum.program.id);
    if (!programDir) throw new Error(`buildSite: no source folder given for program ${curriculum.program.id}, whose Markdown links ${files[0]}`);
    for (const file of files) {
      const target = path.join(siteDir, ...outputPaths.programFile(curriculum.program.id, file).split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(path.join(programDir, ...file.split('/')), target);
    }
  }
}

/** The same files read into memory, for the dev server, which serves them without writing a site. */
export async function readProgramFiles(curricula: readonly Curriculum[], programDirs: ReadonlyMap<string, string>): Promise<OutputFile[]> {
  const out: OutputFile[] = [];
  for (const curriculum of curricula) {
    const programDir = programDirs.get(curriculum.program.id);
    if (!programDir) continue;
    for (const file of curriculum.files ?? []) {
      // A file removed since the last check is simply not served; the next check reports the link.
      const contents = await readFile(path.join(programDir, ...file.split('/'))).catch(() => undefined);
      if (contents) out.push({ path: outputPaths.programFile(curriculum.program.id, file), contents });
    }
  }
  return out;
}
