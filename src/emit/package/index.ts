/**
 * The LMS outputs of a program, in one place for `src/build.ts`:
 * `<program>/{scorm-1.2,scorm-2004,cmi5}.zip`, `<program>/modules/<module>/{…}.zip` and
 * `<program>/lms-import-notes.txt`. `importNotes` gives the notes as data for the site.
 */
import { emitCmi5 } from '../cmi5/index.ts';
import { emitImportNotes } from '../lms-notes/index.ts';
import { emitScorm12 } from '../scorm12/index.ts';
import { emitScorm2004 } from '../scorm2004/index.ts';
import type { Curriculum } from '../../model/types.ts';
import { outputPaths, packageFormats } from '../paths.ts';
import type { ProgramEmitter } from '../types.ts';
import { packagePath } from './assemble.ts';
import { packageScopes } from './outline.ts';

export { emitCmi5, emitImportNotes, emitScorm12, emitScorm2004 };
export { importNotes } from '../lms-notes/index.ts';
export type { ImportNotes, LmsNotes, FormatNotes, SettingGroup, LmsSetting, ModuleRule, PackageFiles, LmsId, Support } from '../lms-notes/index.ts';

/** The emitters, named as `build.ts` lists them. */
export const lmsEmitters: readonly { readonly name: string; readonly emit: ProgramEmitter }[] = [
  { name: 'scorm-1.2', emit: emitScorm12 },
  { name: 'scorm-2004', emit: emitScorm2004 },
  { name: 'cmi5', emit: emitCmi5 },
  { name: 'lms-import-notes', emit: emitImportNotes },
];

/**
 * The paths the LMS emitters write for a program, from the same functions they use, known
 * before any package is built: the site links them while the packages are still being made.
 */
export function lmsOutputPaths(curriculum: Curriculum): string[] {
  const scopes = packageScopes(curriculum);
  return [
    ...packageFormats.flatMap((format) => scopes.map((scope) => packagePath(curriculum, scope, format))),
    outputPaths.importNotes(curriculum.program.id),
  ];
}
