/** Small facts about a page that the layout needs: text direction, Open Graph locale. */

const rightToLeft = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'yi', 'dv', 'ug', 'ckb']);

export function textDirection(language: string): 'ltr' | 'rtl' {
  return rightToLeft.has(language.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/** BCP 47 `en-GB` → Open Graph `en_GB`. */
export function openGraphLocale(language: string): string {
  return language.replace('-', '_');
}

/** A page description of at most ~160 characters, cut at a word. */
export function shortDescription(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 160) return flat;
  const cut = flat.slice(0, 157);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 100 ? cut.lastIndexOf(' ') : 157)}…`;
}
