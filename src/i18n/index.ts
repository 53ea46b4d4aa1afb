import { en } from './en/index.ts';
import { es } from './es/index.ts';
import { fr } from './fr/index.ts';
import { ko } from './ko/index.ts';
import { pseudoEnglish } from './pseudo.ts';

export type { Messages } from './messages.ts';
import type { Messages } from './messages.ts';

// `en-XA` is the pseudo-locale (English accented and bracketed): a build in it shows which
// texts bypass the dictionary. It ships, as in Chrome and Android, so that anyone can try it.
const dictionaries: Readonly<Record<string, Messages>> = { en, es, fr, ko, 'en-XA': pseudoEnglish };

/** The strings for a program's language (a BCP 47 tag), falling back to its base language, then English. */
export function messagesFor(language: string): Messages {
  return dictionaries[language] ?? dictionaries[language.split('-')[0]!.toLowerCase()] ?? en;
}

/** Which languages have their own strings. */
export const supportedLanguages = Object.keys(dictionaries);
