import type { en } from '../en/index.ts';

/**
 * The shape every dictionary has: English's, with its literal strings widened to `string`.
 * The same as `Messages` in ../index.ts, written here because importing it from there would
 * close an import cycle (that file imports this dictionary to register it). The registration
 * there types this dictionary as that `Messages`, so the two cannot drift apart unnoticed.
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
