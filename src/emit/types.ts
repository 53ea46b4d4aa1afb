import type { ResolvedCatalog } from '../model/catalog.ts';
import type { Curriculum } from '../model/types.ts';
import type { CalendarLock } from './ics/revisions.ts';

/** A file an emitter produces, in memory; `path` is relative to the output folder and `/`-separated. */
export interface OutputFile {
  readonly path: string;
  readonly contents: string | Uint8Array;
}

/**
 * The bytes of the files a program's Markdown shows or links (`Curriculum.files`), by
 * their path relative to the program folder. Read by the compiler, not by the emitters,
 * which never touch the disk; the LMS packages carry them.
 */
export type ProgramFiles = ReadonlyMap<string, Uint8Array>;

export interface EmitContext {
  readonly catalog: ResolvedCatalog;
  /** Every program being built, for emitters that link across programs. */
  readonly curricula: readonly Curriculum[];
  /** Each program's calendar lock (by program id), as read from its folder; absent: none yet. */
  readonly calendarLocks?: ReadonlyMap<string, CalendarLock>;
  /** Each program's shown and linked files (by program id); absent: the program has none. */
  readonly programFiles?: ReadonlyMap<string, ProgramFiles>;
}

/**
 * Turns the resolved model of one program into files. Pure: no disk access, no clock.
 * An emitter may produce its files one at a time (a generator), so that a writer can
 * store each before the next is made: a large program's packages do not fit in memory at once.
 */
export type ProgramEmitter = (curriculum: Curriculum, context: EmitContext) => Iterable<OutputFile>;

/**
 * An emitter that reads one program and the catalog, nothing of the other programs: its
 * files depend on that program alone, so they can be cached per program.
 */
export type SingleProgramEmitter = (curriculum: Curriculum, context: Pick<EmitContext, 'catalog' | 'programFiles'>) => Iterable<OutputFile>;
