import type { en } from './en/index.ts';

/**
 * A dictionary's shape with English's literal strings widened to `string`: English is written
 * `as const` (so that its keys and function signatures are exact), but another language must be
 * free to say each thing in its own words. It lives apart from ./index.ts, which imports every
 * dictionary to register it, so that a dictionary can import its type without an import cycle.
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

/** The interface strings of one language; every language provides the same keys as English. */
export type Messages = Widen<typeof en>;
