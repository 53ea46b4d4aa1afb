/**
 * Korean particles (조사) that change with the sound they follow: 을/를, 이/가, 은/는,
 * 과/와, 으로/로. The dictionary writes them after titles, names and numbers that come from
 * the program, so the form is chosen from how the word ends when read aloud.
 */

/** How a word's last syllable ends: with a final consonant (받침), with ㄹ, or open. */
type Ending = 'consonant' | 'rieul' | 'vowel' | 'unknown';

/** Sino-Korean readings of a final digit: 영, 일, 이, 삼, 사, 오, 육, 칠, 팔, 구. */
const digitEndings: readonly Ending[] = ['consonant', 'rieul', 'vowel', 'consonant', 'vowel', 'vowel', 'consonant', 'rieul', 'rieul', 'vowel'];

/**
 * Latin letters read by their Korean names when a word is an abbreviation (SCORM → 스콤/에스…엠,
 * LMS → 엘엠에스): only L (엘), M (엠) and N (엔) end in a consonant.
 */
function letterName(letter: string): Ending {
  const l = letter.toUpperCase();
  return l === 'L' ? 'rieul' : l === 'M' || l === 'N' ? 'consonant' : 'vowel';
}

/**
 * An English word as Korean writes it: a final l is ㄹ (Moodle → 무들), m, n and ng end in a
 * consonant (Zoom → 줌), as do p, t, k after a vowel (Facebook → 페이스북); other endings
 * take a vowel (Canvas → 캔버스, Brightspace → 브라이트스페이스).
 */
function englishWord(word: string): Ending {
  let w = word.toLowerCase();
  if (w.length > 2 && w.endsWith('e') && !/[aeiouy]e$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('l')) return 'rieul';
  if (/(m|n|ng)$/.test(w)) return 'consonant';
  if (/(ck|[aeiou][ptk]|[aeiou](pp|tt))$/.test(w)) return 'consonant';
  return 'vowel';
}

function ending(text: string): Ending {
  // A trailing parenthesis glosses the word before it ("서울(Seoul)을"); quotes and
  // punctuation are not read.
  const word = text.replace(/\s*\([^()]*\)\s*$/, '').replace(/[^\p{L}\p{N}]+$/u, '');
  const last = word.at(-1);
  if (!last) return 'unknown';
  const code = last.codePointAt(0)!;
  if (code >= 0xac00 && code <= 0xd7a3) {
    const final = (code - 0xac00) % 28;
    return final === 0 ? 'vowel' : final === 8 ? 'rieul' : 'consonant';
  }
  if (/[0-9]/.test(last)) return digitEndings[Number(last)]!;
  if (/[A-Za-z]/.test(last)) {
    const token = /[A-Za-z]+$/.exec(word)![0];
    return token === token.toUpperCase() ? letterName(last) : englishWord(token);
  }
  return 'unknown';
}

type Pair = '을/를' | '이/가' | '은/는' | '과/와' | '으로/로';

/** `word` followed by the particle's right form; both forms ("을(를)") when the ending cannot be told. */
export function josa(word: string, pair: Pair): string {
  const [afterConsonant, afterVowel] = pair.split('/') as [string, string];
  const e = ending(word);
  if (e === 'unknown') return `${word}${afterConsonant}(${afterVowel})`;
  // 으로 is the one particle that treats ㄹ as open: 서울로, not 서울으로.
  const consonant = pair === '으로/로' ? e === 'consonant' : e !== 'vowel';
  return `${word}${consonant ? afterConsonant : afterVowel}`;
}

/** "A, B과 C" with the particle each last-but-one item needs: 월요일과 수요일, 화요일·목요일. */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -2).map((i) => `${i}, `).join('')}${josa(items.at(-2)!, '과/와')} ${items.at(-1)}`;
}

/** "A, B 또는 C": 또는 takes no particle. */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} 또는 ${items.at(-1)}`;
}
