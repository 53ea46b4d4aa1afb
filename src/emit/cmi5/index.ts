/**
 * cmi5 packages: `<program>/cmi5.zip` with every module, and
 * `<program>/modules/<module>/cmi5.zip` with one module each; `cmi5.xml` at the root.
 */
import { packageEmitter, type PackageFormatWriter } from '../package/assemble.ts';
import type { ProgramEmitter } from '../types.ts';
import { cmi5CourseStructure } from './course-structure.ts';

export const cmi5Writer: PackageFormatWriter = {
  format: 'cmi5',
  controlFiles: (curriculum, scope, modules) => [{ path: 'cmi5.xml', contents: cmi5CourseStructure(curriculum, scope, modules) }],
};

/** Writes the cmi5 packages of a program. */
export const emitCmi5: ProgramEmitter = packageEmitter(cmi5Writer);

export { cmi5CourseStructure, cmi5Iris, moveOnOf, reservedLaunchParameters } from './course-structure.ts';
