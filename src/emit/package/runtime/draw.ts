/**
 * Drawing a take (seeded, so a learner sees the same take again after a reload and a
 * different one on the next take) and scoring it. No DOM: the tests run these in Node.
 */
import type { QuizData, QuizQuestionData } from '../sco-data.ts';

/** A 32-bit hash of a string (cyrb53's mixing, truncated): the seed of a learner's shuffles. */
export function hashString(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  return h1 >>> 0;
}

/** mulberry32: a small seeded generator, the same sequence in every browser. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = out[i]!;
    out[i] = out[j]!;
    out[j] = tmp;
  }
  return out;
}

/** One question of a take: its place in the bank and the order its options are shown in. */
export interface DrawnQuestion {
  readonly index: number;
  readonly question: QuizQuestionData;
  readonly order: readonly number[];
}

export type Take = readonly DrawnQuestion[];

/** What drawing needs of the quiz data (the tests draw from partial data). */
export type DrawableQuiz = Pick<QuizData, 'shuffle' | 'count' | 'questions'>;

/**
 * The questions of one take, in the order shown, each with its options' order.
 * `seedText` names the module, the learner and the take. When the bank holds more
 * questions than a take, those in `seen` (shown in earlier takes) are drawn only when
 * the others do not fill the take.
 */
export function drawTake(quiz: DrawableQuiz, seedText: string, seen: ReadonlySet<number> = new Set()): Take {
  const random = seededRandom(hashString(seedText));
  const indexes = quiz.questions.map((_q, i) => i);
  let chosen = indexes;
  if (quiz.count < indexes.length) {
    const order = shuffled(indexes, random);
    const fresh = order.filter((i) => !seen.has(i));
    chosen = fresh.concat(order.filter((i) => seen.has(i))).slice(0, quiz.count);
    // A draw without shuffling keeps the bank's order.
    if (!quiz.shuffle) chosen.sort((a, b) => a - b);
  } else if (quiz.shuffle) {
    chosen = shuffled(indexes, random);
  }
  return chosen.map((index) => {
    const question = quiz.questions[index]!;
    let order = question.options.map((_o, i) => i);
    if (quiz.shuffle && question.type !== 'true-false') order = shuffled(order, random);
    return { index, question, order };
  });
}

/**
 * The learner's `n`th take (1 for the first): `seedBase` names the module and the
 * learner. Each earlier take is drawn again the same way to know which questions the
 * learner has seen, so nothing needs saving and a take is the same after a reload.
 */
export function drawNthTake(quiz: DrawableQuiz, seedBase: string, n: number): Take {
  const seen = new Set<number>();
  for (let k = 1; k < n; k++) drawTake(quiz, seedBase + '\n' + k, seen).forEach((d) => seen.add(d.index));
  return drawTake(quiz, seedBase + '\n' + n, seen);
}

/** The chosen option indexes of each question of a take, or null where none is chosen yet. */
export type Answers = (number[] | null)[];

export function isAnswered(answer: readonly number[] | null | undefined): answer is number[] {
  return Array.isArray(answer) && answer.length > 0;
}

export interface QuestionResult {
  readonly right: boolean;
  /** The chosen options, sorted. */
  readonly chosen: readonly number[];
}

export interface Score {
  readonly earned: number;
  readonly total: number;
  /** The score in ten-thousandths of the maximum, rounded down. */
  readonly tenThousandths: number;
  readonly results: readonly QuestionResult[];
}

/** What scoring needs of a drawn question (the tests score partial data). */
export interface ScorableQuestion {
  readonly question: { readonly points: number; readonly options: readonly { readonly correct: boolean }[] };
}

/** The indexes of a question's correct options. */
export function correctOptions(question: ScorableQuestion['question']): number[] {
  const correct: number[] = [];
  question.options.forEach((o, i) => {
    if (o.correct) correct.push(i);
  });
  return correct;
}

/** Scores a take: a question counts when exactly its correct options are chosen. */
export function scoreTake(take: readonly ScorableQuestion[], answers: readonly (readonly number[] | null)[]): Score {
  let earned = 0;
  let total = 0;
  const results = take.map((drawn, k) => {
    const q = drawn.question;
    total += q.points;
    const answer = answers[k];
    const chosen = (isAnswered(answer) ? answer : []).slice().sort((a, b) => a - b);
    const correct = correctOptions(q);
    const right = chosen.length === correct.length && chosen.every((v, i) => v === correct[i]);
    if (right) earned += q.points;
    return { right, chosen };
  });
  // Rounded down, so that the score shown and reported is never above the real one.
  const tenThousandths = total > 0 ? Math.floor((earned * 10000) / total) : 0;
  return { earned, total, tenThousandths, results };
}
