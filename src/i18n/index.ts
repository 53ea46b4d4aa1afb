import { en } from './en/index.ts';
import { es } from './es/index.ts';
import { fr } from './fr/index.ts';
import { ko } from './ko/index.ts';

export type { Messages } from './messages.ts';
import type { Messages } from './messages.ts';

const dictionaries: Readonly<Record<string, Messages>> = { en, es, fr, ko };

/** The strings for a program's language (a BCP 47 tag), falling back to its base language, then English. */
export function messagesFor(language: string): Messages {
  return dictionaries[language] ?? dictionaries[language.split('-')[0]!.toLowerCase()] ?? en;
}

/** Which languages have their own strings. */
export const supportedLanguages = Object.keys(dictionaries);
