/**
 * The pseudo-locale `en-XA` ("English, pseudo-accents", reserved for this use by CLDR and
 * used the same way by Chrome and Android): English's dictionary with every letter accented
 * and every string bracketed, "⟦Ŝķîƥ ţö çöñţéñţ⟧". It is derived mechanically, so it is
 * always complete. A program built with `language: en-XA` shows at a glance, and to the
 * leak test, which texts do not come from the dictionary: they stay plain ASCII.
 */
import { en } from './en/index.ts';

const accented: Readonly<Record<string, string>> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'åƀçðéƒĝĥîĵķļɱñöƥʠŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]!]),
);

/** Accents the letters of `text`, but not the `{name}` slots that a script fills in. */
function accentText(text: string): string {
  return text
    .split(/(\{[a-zA-Z]+\})/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[a-zA-Z]/g, (c) => accented[c]!)))
    .join('');
}

export const pseudoOpen = '⟦';
export const pseudoClose = '⟧';

/** Accents and brackets one string. */
export function pseudoString(text: string): string {
  return text === '' ? text : `${pseudoOpen}${accentText(text)}${pseudoClose}`;
}

/** Every string an argument carries, the program's own words that the output must keep as they are. */
function argumentStrings(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const v of value) argumentStrings(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) argumentStrings(v, into);
}

/**
 * A function's output accented except where it repeats an argument (a module's title, a
 * formatted date passed in), so that only the dictionary's own words change.
 */
function pseudoOutput(output: string, args: readonly unknown[]): string {
  const kept: string[] = [];
  argumentStrings(args, kept);
  const pieces = [...new Set(kept.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  if (pieces.length === 0) return pseudoString(output);
  const escaped = pieces.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = output.split(new RegExp(`(${escaped.join('|')})`, 'i'));
  return output === '' ? output : `${pseudoOpen}${parts.map((part, i) => (i % 2 === 1 ? part : accentText(part))).join('')}${pseudoClose}`;
}

/** Values that are settings rather than words, kept as English has them. */
const settings = new Set(['site.hourCycle']);

function pseudo(value: unknown, key: string): unknown {
  if (settings.has(key)) return value;
  if (typeof value === 'string') return pseudoString(value);
  if (typeof value === 'function') {
    const f = value as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => {
      const out = f(...args);
      return typeof out === 'string' ? pseudoOutput(out, args) : pseudo(out, key);
    };
  }
  if (Array.isArray(value)) return value.map((v) => pseudo(v, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pseudo(v, key ? `${key}.${k}` : k)]));
  return value;
}

/** English, accented and bracketed, with the same keys and signatures. */
export const pseudoEnglish = pseudo(en, '') as typeof en;
