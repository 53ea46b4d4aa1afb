/**
 * SCORM 1.2 packages: `<program>/scorm-1.2.zip` with every module, and
 * `<program>/modules/<module>/scorm-1.2.zip` with one module each.
 */
import { packageEmitter, type PackageFormatWriter } from '../package/assemble.ts';
import { readSchemaFolder } from '../package/control-files.ts';
import type { ProgramEmitter } from '../types.ts';
import { scorm12Manifest } from './manifest.ts';

/** The official ADL SCORM 1.2 schema files, shipped at the root of every package. */
const schemas = readSchemaFolder(new URL('./schemas/', import.meta.url));

export const scorm12Writer: PackageFormatWriter = {
  format: 'scorm-1.2',
  controlFiles: (curriculum, scope, modules) => [{ path: 'imsmanifest.xml', contents: scorm12Manifest(curriculum, scope, modules) }, ...schemas],
};

/** Writes the SCORM 1.2 packages of a program. */
export const emitScorm12: ProgramEmitter = packageEmitter(scorm12Writer);

export { scorm12Manifest } from './manifest.ts';
