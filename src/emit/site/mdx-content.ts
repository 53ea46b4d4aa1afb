/**
 * MDX module content, written out for Astro's MDX support to compile. The text comes
 * from the model (never re-read from the sources); only relative imports inside it are
 * resolved against the source folder (see vite-plugin.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Curriculum } from '../../model/types.ts';
import type { MdxEntry } from './vite-plugin.ts';

/** Whether any module of these programs has MDX content (the site then needs Astro's MDX support). */
export function hasMdxContent(curricula: readonly Curriculum[]): boolean {
  return curricula.some((c) => c.modules.some((m) => m.content?.format === 'mdx'));
}

export async function writeMdxContents(
  curricula: readonly Curriculum[],
  programDirs: ReadonlyMap<string, string>,
  mdxDir: string,
): Promise<MdxEntry[]> {
  const entries: MdxEntry[] = [];
  for (const curriculum of curricula) {
    const programId = curriculum.program.id;
    for (const module of curriculum.modules) {
      const content = module.content;
      if (content?.format !== 'mdx') continue;
      const programDir = programDirs.get(programId);
      if (!programDir) throw new Error(`buildSite: no source folder given for program ${programId}, whose module ${module.id} has MDX content`);
      const file = path.join(mdxDir, programId, `${module.id}.mdx`);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content.source);
      const sourceDir = content.file ? path.dirname(path.join(programDir, content.file)) : programDir;
      entries.push({ key: `${programId}/${module.id}`, file, sourceDir });
    }
  }
  return entries;
}
