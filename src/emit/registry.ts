/**
 * Every output the compiler makes from the resolved model, in one list. A new output
 * joins by adding one entry here: `compile()` runs the list, `build` writes what it
 * makes, `dev` serves the light entries, and the site links what they wrote.
 *
 * The Astro site is not in this list: it is the one stage that needs a folder on disk
 * (src/emit/site), and it runs after these, linking their files.
 */
import { packageFormats, type PackageFormat } from '../addresses/index.ts';
import type { Curriculum } from '../model/types.ts';
import { emitAchievements } from './achievements/index.ts';
import { cmi5Writer } from './cmi5/index.ts';
import { emitCalendars } from './ics/index.ts';
import { emitCurriculumJson } from './json/index.ts';
import { emitImportNotes } from './lms-notes/index.ts';
import { packagePiece, packagePieces, type PackageFormatWriter } from './package/assemble.ts';
import { pieceModel, type HeavyPiece } from './piece-model.ts';
import { emitSchemas } from './schemas.ts';
import { scorm12Writer } from './scorm12/index.ts';
import { scorm2004Writer } from './scorm2004/index.ts';
import type { EmitContext, OutputFile, ProgramEmitter, SingleProgramEmitter } from './types.ts';

/** Made once for the whole build (the published schemas). */
export interface BuildEmitter {
  readonly name: string;
  readonly scope: 'build';
  emit(context: EmitContext): Iterable<OutputFile>;
}

/** Cheap enough to make on every save of `curriculum dev`, and to hold in memory. */
export interface LightEmitter {
  readonly name: string;
  readonly scope: 'program';
  readonly weight: 'light';
  readonly emit: ProgramEmitter;
}

/**
 * Large or slow outputs (LMS packages): `dev` leaves them out and `build` makes them
 * one file at a time beside the site, or takes them from the output cache. They read
 * one program alone (so the cache can key them by it), and name their files (pieces)
 * before they are made, so that the site can link them while they are being built.
 * Each file is a piece made from the model `pieceModel` gives for it (piece-model.ts),
 * so that the cache can also keep each apart (`heavyFiles` makes them all).
 */
export interface HeavyEmitter {
  readonly name: string;
  readonly scope: 'program';
  readonly weight: 'heavy';
  /** Its files, in the order they are made. */
  pieces(curriculum: Curriculum): HeavyPiece[];
  /** One file, made from `pieceModel(curriculum, piece)`. */
  makePiece(model: Curriculum, piece: HeavyPiece, context: Pick<EmitContext, 'catalog' | 'programFiles'>): OutputFile;
}

/** A heavy emitter's files for one program, one at a time. */
export function* heavyFiles(emitter: HeavyEmitter, curriculum: Curriculum, context: Pick<EmitContext, 'catalog' | 'programFiles'>): Generator<OutputFile> {
  for (const piece of emitter.pieces(curriculum)) yield emitter.makePiece(pieceModel(curriculum, piece), piece, context);
}

export type Emitter = BuildEmitter | LightEmitter | HeavyEmitter;
export type ProgramEmitterEntry = LightEmitter | HeavyEmitter;

function packageEntry(writer: PackageFormatWriter): HeavyEmitter {
  return {
    name: writer.format,
    scope: 'program',
    weight: 'heavy',
    pieces: (curriculum) => packagePieces(curriculum, writer.format),
    makePiece: (model, piece, context) => packagePiece(writer, model, piece, context.programFiles?.get(model.program.id)),
  };
}

const formatWriters: Readonly<Record<PackageFormat, PackageFormatWriter>> = {
  'scorm-1.2': scorm12Writer,
  'scorm-2004': scorm2004Writer,
  cmi5: cmi5Writer,
};

/** The emitters, in the order their files are made. */
export const emitters: readonly Emitter[] = [
  { name: 'schemas', scope: 'build', emit: emitSchemas },
  { name: 'json', scope: 'program', weight: 'light', emit: emitCurriculumJson },
  { name: 'ics', scope: 'program', weight: 'light', emit: emitCalendars },
  { name: 'lms-import-notes', scope: 'program', weight: 'light', emit: emitImportNotes },
  { name: 'achievements', scope: 'program', weight: 'light', emit: emitAchievements },
  ...packageFormats.map((format) => packageEntry(formatWriters[format])),
];

export function isHeavy(emitter: Emitter): emitter is HeavyEmitter {
  return emitter.scope === 'program' && emitter.weight === 'heavy';
}

/** The files of `selected` emitters for every program of `context`, made one at a time. */
export function* emitFiles(selected: readonly Emitter[], context: EmitContext, onDone?: (emitter: string, ms: number) => void): Generator<OutputFile> {
  for (const emitter of selected) {
    const started = performance.now();
    if (emitter.scope === 'build') yield* emitter.emit(context);
    else for (const curriculum of context.curricula) yield* isHeavy(emitter) ? heavyFiles(emitter, curriculum, context) : emitter.emit(curriculum, context);
    onDone?.(emitter.name, performance.now() - started);
  }
}

/** Looks a heavy emitter up by name (the output worker receives names, not functions). */
export function heavyEmitterNamed(name: string): HeavyEmitter {
  const found = emitters.find((e) => e.name === name);
  if (!found || !isHeavy(found)) throw new Error(`no heavy emitter named ${name}`);
  return found;
}

