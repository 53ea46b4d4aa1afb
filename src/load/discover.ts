import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Reporter } from '../diagnostics/reporter.ts';
import { catalogFileName, classifyProgramFile, isYamlFile, type DocumentKind } from './document-kinds.ts';
import { describeIoError } from './read-source.ts';

/** A YAML file found in a program folder, with the kind its place gives it. */
export interface SourceEntry {
  readonly kind: DocumentKind;
  readonly absolutePath: string;
  /** Relative to the program folder, `/`-separated. */
  readonly relativePath: string;
}

export interface ProgramFolder {
  readonly absolutePath: string;
  /** The folder's name: the program's id must equal it. */
  readonly name: string;
  readonly entries: readonly SourceEntry[];
}

export interface Discovery {
  /** `catalog.yaml` beside the program folders, when the input is a folder of programs. */
  readonly catalog?: SourceEntry;
  readonly programs: readonly ProgramFolder[];
}

/** Shows a path as the user would type it: relative to the working directory, with `/`. */
export function displayPath(absolutePath: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, absolutePath);
  const shown = relative === '' ? '.' : relative.startsWith('..') ? absolutePath : relative;
  return shown.split(path.sep).join('/');
}

/**
 * Finds the programs under `input`: the folder itself when it holds `program.yaml`,
 * otherwise each sub-folder that does. Every YAML file of a program is classified by
 * its place; one that fits no kind is reported, not silently skipped.
 */
export async function discover(input: string, reporter: Reporter): Promise<Discovery> {
  const root = path.resolve(input);
  let rootStat;
  try {
    rootStat = await stat(root);
  } catch (error) {
    reporter.report('file_unreadable', { kind: 'root', path: displayPath(root), reason: describeIoError(error) }, undefined);
    return { programs: [] };
  }
  if (!rootStat.isDirectory()) {
    reporter.report('file_unreadable', { kind: 'root-is-file', path: displayPath(root) }, undefined);
    return { programs: [] };
  }
  const names = await readdir(root, { withFileTypes: true });
  if (names.some((e) => e.isFile() && (e.name === 'program.yaml' || e.name === 'program.yml'))) {
    return { programs: [await scanProgram(root, reporter)] };
  }
  const folders = names
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
    .map((e) => e.name)
    .sort();
  const programs: ProgramFolder[] = [];
  for (const name of folders) {
    const dir = path.join(root, name);
    const inner = await readdir(dir);
    if (inner.includes('program.yaml') || inner.includes('program.yml')) programs.push(await scanProgram(dir, reporter));
  }
  if (programs.length === 0) {
    reporter.report('program_missing', {}, { file: displayPath(root) });
  }
  const catalogPath = path.join(root, catalogFileName);
  const hasCatalog = names.some((e) => e.isFile() && e.name === catalogFileName);
  return {
    programs,
    ...(hasCatalog ? { catalog: { kind: 'catalog', absolutePath: catalogPath, relativePath: catalogFileName } } : {}),
  };
}

async function scanProgram(dir: string, reporter: Reporter): Promise<ProgramFolder> {
  const entries: SourceEntry[] = [];
  for (const relativePath of await listYamlFiles(dir)) {
    const absolutePath = path.join(dir, ...relativePath.split('/'));
    const kind = classifyProgramFile(relativePath);
    if (kind) {
      entries.push({ kind, absolutePath, relativePath });
    } else {
      reporter.report('document_unknown', {}, { file: displayPath(absolutePath) });
    }
  }
  return { absolutePath: dir, name: path.basename(dir), entries };
}

/** YAML files below `dir`, sorted, as `/`-separated relative paths; dot-folders are skipped. */
async function listYamlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(dir, relative), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      // A linked file is read like any other (a dangling link is then reported as unreadable,
      // not skipped); linked folders are not followed, so that a link cannot make a loop.
      else if ((entry.isFile() || entry.isSymbolicLink()) && isYamlFile(entry.name)) out.push(child);
    }
  };
  await walk('');
  return out.sort();
}
