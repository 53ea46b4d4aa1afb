/** The files of a program folder that its Markdown shows or links, copied where the pages point to them; returns their paths in the site. */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { outputPaths } from '../../addresses/index.ts';
import type { OutputFile, ProgramFiles } from '../types.ts';
import type { SiteData } from './site-data.ts';

export async function copyProgramFiles(data: SiteData, programDirs: ReadonlyMap<string, string>, siteDir: string): Promise<string[]> {
  const copied: string[] = [];
  for (const { curriculum } of data.programs) {
    const files = curriculum.files ?? [];
    if (files.length === 0) continue;
    const programDir = programDirs.get(curriculum.program.id);
    if (!programDir) throw new Error(`buildSite: no source folder given for program ${curriculum.program.id}, whose Markdown links ${files[0]}`);
    for (const file of files) {
      const sitePath = outputPaths.programFile(curriculum.program.id, file);
      const target = path.join(siteDir, ...sitePath.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(path.join(programDir, ...file.split('/')), target);
      copied.push(sitePath);
    }
  }
  return copied;
}

/** Files read by `readProgramFiles` (emit/program-files.ts), at the addresses a build copies them to: for the dev server, which writes no site. */
export function programFileOutputs(byProgram: ReadonlyMap<string, ProgramFiles>): OutputFile[] {
  return [...byProgram].flatMap(([program, files]) => [...files].map(([file, contents]) => ({ path: outputPaths.programFile(program, file), contents })));
}
