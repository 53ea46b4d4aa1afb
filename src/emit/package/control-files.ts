/**
 * The XML Schema files a SCORM package carries at its root, next to its manifest, as
 * the ADL content packaging rules ask. They are copies of the official ADL files (see
 * the format folders' `schemas/`), read once when this module loads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { ZipEntry } from './zip.ts';

/** Every file of a schema folder, by name, in name order. */
export function readSchemaFolder(folder: URL): readonly ZipEntry[] {
  return readdirSync(folder)
    .filter((name) => /\.(xsd|dtd)$/.test(name))
    .sort()
    .map((name) => ({ path: name, contents: readFileSync(new URL(name, folder)) }));
}
