/**
 * The model each piece of a heavy output is made from, and the model's hashes for the
 * pieces' keys in the output cache. A piece that belongs to one module (that module's own
 * package) is made from its program without the other modules: what it reads is then that
 * module and the program's other facts, and nothing else, whatever the emitter's code looks
 * at. Its key (build.ts) hashes exactly those two, so an edit to another module leaves it in
 * the cache and cannot make it stale; an edit to anything else of the program changes every
 * piece's key.
 */
import { createHash } from 'node:crypto';
import type { Curriculum, Module } from '../model/types.ts';

/** One file of a heavy emitter, made and cached on its own. */
export interface HeavyPiece {
  /** Where it goes in the output. */
  readonly path: string;
  /** The one module it belongs to, if any: it is made from the program restricted to it. */
  readonly module?: Module;
}

/** Made once per module and program, so that the three formats share it (and what is memoized by model). */
const restricted = new WeakMap<Curriculum, Map<string, Curriculum>>();

/** The model `piece` is made from: the program, or the program with `piece.module` as its only module. */
export function pieceModel(curriculum: Curriculum, piece: HeavyPiece): Curriculum {
  return piece.module ? moduleModel(curriculum, piece.module) : curriculum;
}

/** The program with `module` as its only module, one object per program and module (itself when it is already that). */
export function moduleModel(curriculum: Curriculum, module: Module): Curriculum {
  if (curriculum.modules.length === 1 && curriculum.modules[0] === module) return curriculum;
  let models = restricted.get(curriculum);
  if (!models) restricted.set(curriculum, (models = new Map()));
  let model = models.get(module.id);
  if (!model) models.set(module.id, (model = withOnly(curriculum, module)));
  return model;
}

/** The program with `module` as its only module: `modelDigests` hashes the same halves. */
export function withOnly(curriculum: Curriculum, module: Module): Curriculum {
  return { ...curriculum, modules: [module] };
}

export interface ModelDigests {
  /** The whole model. */
  readonly whole: string;
  /** The model without its modules (an empty list in their place): with one module's hash, all that `withOnly` gives. */
  readonly rest: string;
  /** Each module, by id. */
  readonly modules: ReadonlyMap<string, string>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A program's model as hashes. Each module is serialized once (a 10 000-module model's JSON
 * is about 50 MB, which kept as one text stayed in memory through the whole build); the
 * whole model's hash is made from the halves' hashes, which determine it.
 */
export function modelDigests(curriculum: Curriculum): ModelDigests {
  const rest = sha256(JSON.stringify({ ...curriculum, modules: [] }));
  const modules = new Map(curriculum.modules.map((m) => [m.id, sha256(JSON.stringify(m))]));
  const whole = createHash('sha256').update(`${rest}\0`);
  for (const [id, digest] of modules) whole.update(`${id}\0${digest}\0`);
  return { whole: whole.digest('hex'), rest, modules };
}
