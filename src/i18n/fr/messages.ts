/**
 * The shape of every French area: English's, with its literal strings widened. It is the
 * `Messages` type of src/i18n/index.ts, derived here from English directly because
 * importing it from there would close an import cycle (index.ts imports this dictionary).
 * index.ts checks the finished dictionary against its own `Messages`, so a change to that
 * type cannot pass unnoticed.
 */
import type { en } from '../en/index.ts';

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
