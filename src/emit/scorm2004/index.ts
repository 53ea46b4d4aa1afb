/**
 * SCORM 2004 4th edition packages: `<program>/scorm-2004.zip` with every module, and
 * `<program>/modules/<module>/scorm-2004.zip` with one module each.
 */
import { packageEmitter, type PackageFormatWriter } from '../package/assemble.ts';
import { readSchemaFolder } from '../package/control-files.ts';
import type { ProgramEmitter } from '../types.ts';
import { scorm2004Manifest } from './manifest.ts';

/** The official ADL SCORM 2004 4th edition schema files, shipped at the root of every package. */
const schemas = readSchemaFolder(new URL('./schemas/', import.meta.url));

export const scorm2004Writer: PackageFormatWriter = {
  format: 'scorm-2004',
  controlFiles: (curriculum, scope, modules) => [{ path: 'imsmanifest.xml', contents: scorm2004Manifest(curriculum, scope, modules) }, ...schemas],
};

/** Writes the SCORM 2004 packages of a program. */
export const emitScorm2004: ProgramEmitter = packageEmitter(scorm2004Writer);

export { scorm2004Manifest } from './manifest.ts';
