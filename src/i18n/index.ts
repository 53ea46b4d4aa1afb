import { en } from './en/index.ts';
import { fr } from './fr/index.ts';

/**
 * A dictionary's shape with English's literal strings widened to `string`: English is written
 * `as const` (so that its keys and function signatures are exact), but another language must be
 * free to say each thing in its own words.
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

const dictionaries: Readonly<Record<string, Messages>> = { en, fr };

/** The strings for a program's language (a BCP 47 tag), falling back to its base language, then English. */
export function messagesFor(language: string): Messages {
  return dictionaries[language] ?? dictionaries[language.split('-')[0]!.toLowerCase()] ?? en;
}

/** Which languages have their own strings. */
export const supportedLanguages = Object.keys(dictionaries);
