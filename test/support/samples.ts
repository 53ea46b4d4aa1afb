/**
 * The diagnostic samples under `test/samples/diagnostics/<code>/<valid|invalid>-<case>/`:
 * finding them, checking one with the real compiler and rendering the result the way the
 * CLI does. The layout is described in `test/samples/README.md`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from '../../src/index.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import type { CheckOptions } from '../../src/check.ts';
import { renderDiagnostics } from '../../src/diagnostics/render.ts';
import { recordsArgument } from '../../src/cli/evaluate.ts';
import { evaluate } from '../../src/evaluate/index.ts';
import type { Curriculum } from '../../src/model/types.ts';

/** The repository root: diagnostics show paths relative to it, as the CLI does when run there. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the samples live, relative to the repository root. */
export const samplesDir = 'test/samples/diagnostics';

/** A sample folder's name: whether it must (`invalid-`) or must not (`valid-`) produce its code. */
export const sampleNamePattern = /^(valid|invalid)-[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface Sample {
  /** The diagnostic code the sample is about: its parent folder's name. */
  readonly code: string;
  /** The folder's name, e.g. `invalid-competence`. */
  readonly name: string;
  readonly expectation: 'valid' | 'invalid';
  /** The folder, relative to the repository root: what `curriculum check` is given. */
  readonly dir: string;
}

/** A file too large to commit, written into a sample just before it is checked (`generated.json`). */
interface GeneratedFile {
  readonly path: string;
  readonly bytes: number;
  /** Repeated (and cut) to fill the file. */
  readonly line: string;
}

/** Every sample folder, by code then name. Folders whose names do not fit the pattern are listed too, so that a test can reject them. */
export function listSamples(): Sample[] {
  const root = path.join(repoRoot, samplesDir);
  const samples: Sample[] = [];
  for (const code of readdirSync(root).sort()) {
    if (!statSync(path.join(root, code)).isDirectory()) continue;
    for (const name of readdirSync(path.join(root, code)).sort()) {
      if (!statSync(path.join(root, code, name)).isDirectory()) continue;
      samples.push({ code, name, expectation: name.startsWith('valid-') ? 'valid' : 'invalid', dir: `${samplesDir}/${code}/${name}` });
    }
  }
  return samples;
}

/** The code folders under `test/samples/diagnostics/`. */
export function listCodeFolders(): string[] {
  const root = path.join(repoRoot, samplesDir);
  return readdirSync(root).filter((name) => statSync(path.join(root, name)).isDirectory()).sort();
}

export interface SampleRun {
  readonly diagnostics: readonly Diagnostic[];
  /** How many programs resolved to a model (only programs without errors do). */
  readonly models: number;
  /** How many program folders the sample holds. */
  readonly programs: number;
  /** The diagnostics in the pretty format, without colour: what `expected.txt` holds. */
  readonly rendered: string;
}

/** Checks a sample with `check()` and renders its diagnostics as `curriculum check` would. */
export async function runSample(sample: Sample): Promise<SampleRun> {
  assertRepoRoot();
  const generated = readGenerated(sample);
  try {
    for (const file of generated) {
      const target = path.join(repoRoot, sample.dir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, fill(file));
    }
    const result = await check(sample.dir, checkOptions(sample));
    // Sample programs are throwaway and declare no namespace; that warning has samples of its own.
    const checked = sample.code === 'namespace_missing' ? result.diagnostics : result.diagnostics.filter((d) => d.code !== 'namespace_missing');
    const diagnostics = [...checked, ...evaluateSample(sample, result.curricula)];
    return { diagnostics, models: result.curricula.length, programs: result.programDirs.size, rendered: renderPretty(diagnostics) };
  } finally {
    // The folders were created for the generated files only when the sample has no other file in them.
    for (const file of generated) await rm(path.join(repoRoot, sample.dir, file.path), { force: true });
    for (const file of generated) await removeEmptyParents(path.join(repoRoot, sample.dir), path.dirname(file.path));
  }
}

/**
 * A sample that needs an option of `check` (`--check-external`) holds a `check.json` beside
 * its program: `{ "checkExternal": true }`.
 */
function checkOptions(sample: Sample): CheckOptions {
  const file = path.join(repoRoot, sample.dir, 'check.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CheckOptions) : {};
}

/**
 * A sample about records (`records_*` codes) holds an `evaluate.json` beside its program:
 * `{ "records": ["records/zoom.csv", "records/x.csv:moodle"], "map"?: "records/mapping.yaml",
 * "zone"?: "Europe/Paris" }`, paths relative to the sample. The program is evaluated on
 * them and the diagnostics of the records join those of the check.
 */
function evaluateSample(sample: Sample, curricula: readonly Curriculum[]): readonly Diagnostic[] {
  const file = path.join(repoRoot, sample.dir, 'evaluate.json');
  if (!existsSync(file) || curricula.length !== 1) return [];
  const spec = JSON.parse(readFileSync(file, 'utf8')) as { records: string[]; map?: string; zone?: string };
  const read = (relative: string) => ({ path: `${sample.dir}/${relative}`, text: readFileSync(path.join(repoRoot, sample.dir, relative), 'utf8') });
  const records = spec.records.map((argument) => {
    const { path: relative, kind } = recordsArgument(argument);
    return { ...read(relative), ...(kind ? { kind } : {}) };
  });
  return evaluate({ curriculum: curricula[0]!, records, ...(spec.map ? { mapping: read(spec.map) } : {}), ...(spec.zone ? { zone: spec.zone } : {}) }).diagnostics;
}

/** Renders diagnostics in the pretty format without colour, reading code frames from disk. */
export function renderPretty(diagnostics: readonly Diagnostic[]): string {
  return renderDiagnostics(diagnostics, 'pretty', { color: false, readText: readTextOrUndefined });
}

function readTextOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(path.resolve(repoRoot, file), 'utf8');
  } catch {
    return undefined;
  }
}

export function expectedPath(sample: Sample): string {
  return path.join(repoRoot, sample.dir, 'expected.txt');
}

export function readExpected(sample: Sample): string | undefined {
  const file = expectedPath(sample);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

function readGenerated(sample: Sample): GeneratedFile[] {
  const file = path.join(repoRoot, sample.dir, 'generated.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as GeneratedFile[]) : [];
}

async function removeEmptyParents(root: string, relative: string): Promise<void> {
  for (let dir = relative; dir !== '.' && dir !== ''; dir = path.dirname(dir)) {
    const absolute = path.join(root, dir);
    if (!existsSync(absolute) || readdirSync(absolute).length > 0) return;
    await rm(absolute, { recursive: true });
  }
}

function fill(file: GeneratedFile): string {
  return file.line.repeat(Math.ceil(file.bytes / file.line.length)).slice(0, file.bytes);
}

/** Diagnostics name files relative to the working directory; the expectations assume the repository root. */
function assertRepoRoot(): void {
  if (path.resolve(process.cwd()) !== repoRoot) {
    throw new Error(`Run the sample tests from the repository root (${repoRoot}), not ${process.cwd()}: expected outputs show paths relative to it.`);
  }
}
