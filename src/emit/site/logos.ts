/** Program logos, copied from the sources next to the pages that show them; returns their paths in the site. */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { SiteData } from './site-data.ts';

export async function copyLogos(data: SiteData, programDirs: ReadonlyMap<string, string>, siteDir: string): Promise<string[]> {
  const copied: string[] = [];
  for (const { curriculum, logo } of data.programs) {
    const source = curriculum.site.logo;
    if (!logo || !source) continue;
    const programDir = programDirs.get(curriculum.program.id);
    if (!programDir) throw new Error(`buildSite: no source folder given for program ${curriculum.program.id}, whose logo is ${source.file}`);
    const target = path.join(siteDir, ...logo.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(programDir, source.file), target);
    copied.push(logo.path);
  }
  return copied;
}
