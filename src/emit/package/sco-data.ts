/**
 * The shape of the data a SCO page hands to its runtime script (as JSON in the page).
 * The compiler writes it (quiz-data.ts) and the runtime reads it (runtime/): both import
 * these types, so a change on one side fails the type check of the other. Types only,
 * so that the runtime's own type check (browser globals, no Node) can read this file.
 */
import type { lmsPackage } from '../../i18n/en/package.ts';

export interface QuizOptionData {
  readonly id: string;
  readonly html: string;
  readonly correct: boolean;
  readonly feedback: string | null;
}

export interface QuizQuestionData {
  readonly id: string;
  /** True/false questions are two options that are never shuffled. */
  readonly type: 'single' | 'multiple' | 'true-false';
  readonly points: number;
  readonly prompt: string;
  readonly options: readonly QuizOptionData[];
  readonly feedback: { readonly correct: string | null; readonly incorrect: string | null };
}

export interface QuizData {
  readonly title: string;
  readonly display: 'one-at-a-time' | 'all-at-once';
  readonly shuffle: boolean;
  /** Questions drawn for each take. */
  readonly count: number;
  /** The pass mark in ten-thousandths of the maximum score (6000 = 60 %). */
  readonly passMark: number;
  /** The attempt limit, or null when retries are allowed. */
  readonly attempts: number | null;
  /** When explanations are shown: after every take, or once no take is left (passed, or the last attempt used). */
  readonly feedback: 'after-each-take' | 'after-last-take';
  /** Changes whenever the questions change, so that a take saved by an older package is not resumed. */
  readonly fingerprint: string;
  readonly questions: readonly QuizQuestionData[];
}

/**
 * The texts the runtime shows, as `{name}` templates. Taken from English's keys alone (every
 * language has the same), not from `Messages`: the runtime's own type check
 * (runtime/tsconfig.json, the browsers' ES2017) would otherwise read every dictionary, which may
 * use newer Intl and string methods on the compiler's side.
 */
export type RuntimeMessages = { readonly [K in keyof (typeof lmsPackage)['runtime']]: string };

export interface ScoData {
  readonly module: { readonly id: string; readonly title: string };
  readonly assessment: QuizData | null;
  readonly messages: RuntimeMessages;
}
