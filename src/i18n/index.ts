import { en } from './en/index.ts';

/** The interface strings of one language; every language provides the same keys as English. */
export type Messages = typeof en;

const dictionaries: Readonly<Record<string, Messages>> = { en };

/** The strings for a program's language (a BCP 47 tag), falling back to its base language, then English. */
export function messagesFor(language: string): Messages {
  return dictionaries[language] ?? dictionaries[language.split('-')[0]!.toLowerCase()] ?? en;
}

/** Which languages have their own strings. */
export const supportedLanguages = Object.keys(dictionaries);
