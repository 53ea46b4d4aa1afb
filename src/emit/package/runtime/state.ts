/**
 * The saved state: what the SCO keeps between sessions (SCORM suspend_data, a cmi5 state
 * document). Compact JSON with one-letter keys, because SCORM 1.2 allows only 4096
 * characters:
 *   v  format version
 *   f  fingerprint of the question set; a take in progress belongs to that set only
 *   n  attempts used (submitted takes)
 *   b  best score in ten-thousandths, -1 before the first take
 *   p  1 once the assessment was passed (and, in cmi5, the passed statement sent)
 *   d  1 once the module's completion was reported
 *   t  the take in progress: i = question shown, a = answers (per drawn question, the
 *      chosen option indexes, or null)
 */
import type { Answers } from './draw.ts';

export const STATE_VERSION = 1;

export interface TakeInProgress {
  i: number;
  a: Answers;
}

export interface SavedState {
  v: number;
  f: string;
  n: number;
  b: number;
  p: 0 | 1;
  d: 0 | 1;
  t: TakeInProgress | null;
}

export function emptyState(fingerprint: string): SavedState {
  return { v: STATE_VERSION, f: fingerprint, n: 0, b: -1, p: 0, d: 0, t: null };
}

function isCount(value: unknown, max: number): value is number {
  return typeof value === 'number' && value === Math.floor(value) && value >= 0 && value <= max;
}

/** Reads saved state; anything unreadable or from another format version starts afresh. */
export function decodeState(text: string, fingerprint: string): SavedState {
  const state = emptyState(fingerprint);
  if (!text) return state;
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return state;
  }
  if (!raw || typeof raw !== 'object' || raw.v !== STATE_VERSION) return state;
  if (isCount(raw.n, 1e6)) state.n = raw.n;
  if (raw.b === -1 || isCount(raw.b, 10000)) state.b = raw.b as number;
  state.p = raw.p === 1 ? 1 : 0;
  state.d = raw.d === 1 ? 1 : 0;
  // A take in progress only survives if the questions are the same as when it began.
  const t = raw.t as { i?: unknown; a?: unknown } | null | undefined;
  if (raw.f === fingerprint && t && typeof t === 'object' && isCount(t.i, 1e6) && Array.isArray(t.a)) {
    state.t = {
      i: t.i,
      a: (t.a as unknown[]).map((x) => (Array.isArray(x) && x.every((k) => isCount(k, 1000)) ? (x as number[]) : null)),
    };
  }
  return state;
}

function serialize(state: SavedState, answers: Answers): string {
  const out: Record<string, unknown> = { v: state.v, f: state.f, n: state.n, b: state.b, p: state.p, d: state.d };
  if (state.t) {
    const a = answers.slice();
    while (a.length && !a[a.length - 1]) a.pop();
    out.t = { i: state.t.i, a };
  }
  return JSON.stringify(out);
}

/**
 * Writes state within `limit` characters. The counts always fit; when the answers of a
 * take in progress do not, the last ones are dropped (the learner answers them again),
 * and at worst the take in progress itself.
 */
export function encodeState(state: SavedState, limit: number): string {
  const answers = state.t ? state.t.a : [];
  let text = serialize(state, answers);
  if (text.length <= limit || !state.t) return text;
  let low = 0;
  let high = answers.length;
  // The longest prefix of the answers that fits.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (serialize(state, answers.slice(0, mid)).length <= limit) low = mid;
    else high = mid - 1;
  }
  const kept: SavedState = { ...state, t: { i: Math.min(state.t.i, low), a: answers.slice(0, low) } };
  text = serialize(kept, kept.t!.a);
  if (text.length <= limit) return text;
  kept.t = null;
  return serialize(kept, []);
}
