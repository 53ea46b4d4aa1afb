/** `<program>/lms-import-notes.txt`: settings for LMS administrators, per LMS and package. */
import { outputPaths } from '../../addresses/index.ts';
import type { ProgramEmitter } from '../types.ts';
import { importNotes } from './notes.ts';
import { importNotesText } from './text.ts';

/** Writes the import notes of a program as text. */
export const emitImportNotes: ProgramEmitter = (curriculum) => [
  { path: outputPaths.importNotes(curriculum.program.id), contents: importNotesText(importNotes(curriculum), curriculum) },
];

export { importNotes, moduleRules } from './notes.ts';
export { moodleActivitySettings, scormCloudPackageProperties } from './notes.ts';
export type { FormatNotes, ImportNotes, LmsId, LmsNotes, LmsSetting, MoodleActivitySettings, ModuleRule, PackageFiles, SettingGroup, Support } from './notes.ts';
export { importNotesText } from './text.ts';
