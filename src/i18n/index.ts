import { en } from './en/index.ts';
import { pseudoEnglish } from './pseudo.ts';

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

// `en-XA` is the pseudo-locale (English accented and bracketed): a build in it shows which
// texts bypass the dictionary. It ships, as in Chrome and Android, so that anyone can try it.
const dictionaries: Readonly<Record<string, Messages>> = { en, 'en-XA': pseudoEnglish };

/** The strings for a program's language (a BCP 47 tag), falling back to its base language, then English. */
export function messagesFor(language: string): Messages {
  return dictionaries[language] ?? dictionaries[language.split('-')[0]!.toLowerCase()] ?? en;
}

/** Which languages have their own strings. */
export const supportedLanguages = Object.keys(dictionaries);
