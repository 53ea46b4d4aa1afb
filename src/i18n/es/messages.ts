import type { en } from '../en/index.ts';

/**
 * The shape every area of this dictionary is checked against: English's, with its literal
 * strings widened to `string`. It is the same type as `Messages` in ../index.ts, declared
 * again here because ../index.ts imports this dictionary, and importing the type from there
 * would close an import cycle (which the architecture test forbids, type-only imports included).
 */
type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends readonly (infer U)[]
      ? readonly Widen<U>[]
      : T extends object
        ? { readonly [K in keyof T]: Widen<T[K]> }
        : T;

export type Messages = Widen<typeof en>;
