/**
 * Assembling packages: the content every format shares (SCO pages, the stylesheet and
 * the runtime script, once per package), the format's control files (manifest, course
 * structure, schemas), one deterministic zip per scope.
 */
import type { Curriculum, Module } from '../../model/types.ts';
import { darkenToContrast } from '../../util/contrast.ts';
import { outputPaths, type PackageFormat } from '../../addresses/index.ts';
import { moduleModel, pieceModel, type HeavyPiece } from '../piece-model.ts';
import type { OutputFile, ProgramFiles, SingleProgramEmitter } from '../types.ts';
import { packageFiles } from './files.ts';
import { programFilePath, scoPagePath, scriptPath, stylesheetPath } from './layout.ts';
import { packageScopes, scopeModules, type PackageScope } from './outline.ts';
import { runtimeScript, scoStylesheet } from './runtime.ts';
import { scoPage } from './sco-page.ts';
import { deflated, writeZip, type Deflated, type ZipEntry } from './zip.ts';

/** What a format adds to the shared content: its control files for one package. */
export interface PackageFormatWriter {
  readonly format: PackageFormat;
  controlFiles(curriculum: Curriculum, scope: PackageScope, modules: readonly Module[]): ZipEntry[];
}

const pages = new WeakMap<Curriculum, Deflated>();

/**
 * A module's page, rendered and compressed once per program: the same page is in the
 * program's package and the module's own, in all three formats. It is made from the program
 * with that module alone (piece-model.ts) in both, so that the module's own package, which is
 * made from that model, holds the page the program's package holds, whichever made it first.
 * Kept compressed, a 10 000-module program's pages take tens of megabytes.
 */
function compressedPage(curriculum: Curriculum, module: Module): Deflated {
  const model = moduleModel(curriculum, module);
  let page = pages.get(model);
  if (!page) pages.set(model, (page = deflated(scoPage(model, module))));
  return page;
}

/** A program file's bytes compressed once, for the program's package and each module's, in every format. */
const deflatedFiles = new WeakMap<Uint8Array, Deflated>();

function compressedFile(bytes: Uint8Array): Deflated {
  let file = deflatedFiles.get(bytes);
  if (!file) deflatedFiles.set(bytes, (file = deflated(bytes)));
  return file;
}

/**
 * The runtime script and the stylesheet compressed once per build: every module's own
 * package holds them too, and each was encoded and hashed again for each of a 1 000-module
 * program's 3 000 packages only to find its compressed bytes (zip.ts). Without that, the
 * package stage's median fell from 10.8 s to 9.5 s in three alternating builds.
 */
const deflatedTexts = new Map<string, Deflated>();

function compressedText(text: string): Deflated {
  let compressed = deflatedTexts.get(text);
  if (!compressed) {
    // A few formats and accents per build; the bound only keeps a long-lived process small.
    if (deflatedTexts.size >= 64) deflatedTexts.clear();
    deflatedTexts.set(text, (compressed = deflated(text)));
  }
  return compressed;
}

/**
 * The files every format's package holds for `modules`: shared assets once, one page per
 * module, and once each the program files their pages show or link.
 */
export function contentFiles(curriculum: Curriculum, modules: readonly Module[], format: PackageFormat, files?: ProgramFiles): ZipEntry[] {
  // Links and buttons are drawn in the accent on white: keep them at 4.5:1 even when the program's colour is lighter.
  const accent = darkenToContrast(curriculum.site.accent, '#ffffff', 4.5);
  const shown = [...packageFiles(modules).keys()].map((file) => {
    const bytes = files?.get(file);
    // The check found the file; the compiler reads every file the model lists before packaging.
    if (!bytes) throw new Error(`package of ${curriculum.program.id}: the bytes of ${file}, which a module shows or links, were not given`);
    return { path: programFilePath(file), contents: compressedFile(bytes) };
  });
  return [
    { path: stylesheetPath, contents: compressedText(scoStylesheet(accent)) },
    { path: scriptPath, contents: compressedText(runtimeScript(format)) },
    ...modules.map((m) => ({ path: scoPagePath(m.id), contents: compressedPage(curriculum, m) })),
    ...shown,
  ];
}

/** Every file of one package, before zipping. */
export function packageEntries(writer: PackageFormatWriter, curriculum: Curriculum, scope: PackageScope, files?: ProgramFiles): ZipEntry[] {
  const modules = scopeModules(curriculum, scope);
  return [...writer.controlFiles(curriculum, scope, modules), ...contentFiles(curriculum, modules, writer.format, files)];
}

/** Where a package goes in the output. */
export function packagePath(curriculum: Curriculum, scope: PackageScope, format: PackageFormat): string {
  const program = curriculum.program.id;
  return scope.kind === 'program' ? outputPaths.programPackage(program, format) : outputPaths.modulePackage(program, scope.moduleId, format);
}

/**
 * The packages of one format for a program, one piece each: the program's, made from the
 * whole program, then each module's, made from the program without its other modules
 * (piece-model.ts), so that the output cache can keep a module's package across edits to
 * the others.
 */
export function packagePieces(curriculum: Curriculum, format: PackageFormat): HeavyPiece[] {
  const byId = new Map(curriculum.modules.map((m) => [m.id, m]));
  return packageScopes(curriculum).map((scope) => ({
    path: packagePath(curriculum, scope, format),
    ...(scope.kind === 'module' ? { module: byId.get(scope.moduleId)! } : {}),
  }));
}

/** One package, made from `model` (pieceModel of the program and the piece). */
export function packagePiece(writer: PackageFormatWriter, model: Curriculum, piece: HeavyPiece, files?: ProgramFiles): OutputFile {
  const scope: PackageScope = piece.module ? { kind: 'module', moduleId: piece.module.id } : { kind: 'program' };
  return { path: piece.path, contents: writeZip(packageEntries(writer, model, scope, files), model.sourceDate) };
}

/**
 * An emitter writing the program package and one package per module in the writer's
 * format, one at a time: each zip can be stored before the next is built.
 */
export function packageEmitter(writer: PackageFormatWriter): SingleProgramEmitter {
  return function* (curriculum, context): Generator<OutputFile> {
    const files = context.programFiles?.get(curriculum.program.id);
    for (const piece of packagePieces(curriculum, writer.format)) yield packagePiece(writer, pieceModel(curriculum, piece), piece, files);
  };
}
