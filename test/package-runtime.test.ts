/**
 * The runtime script's pure parts, imported from the same TypeScript modules the
 * packages bundle: the saved-state codec at SCORM 1.2's 4096-character
 * limit, seeded draws and shuffles, scoring, and the time formats each standard wants.
 */
import { describe, expect, it } from 'vitest';
import { runtimeScript } from '../src/emit/package/runtime.ts';
import { drawNthTake, drawTake, hashString, scoreTake } from '../src/emit/package/runtime/draw.ts';
import { decodeState, emptyState, encodeState } from '../src/emit/package/runtime/state.ts';
import { isoDuration, percentText, scaledText, scorm12Timespan } from '../src/emit/package/runtime/text.ts';

/** The parts under test; the tests pass partial data where a part reads only some of it. */
const rt = { encodeState, decodeState, emptyState, drawTake, scoreTake, isoDuration, scorm12Timespan, percentText, scaledText, hashString } as unknown as {
  encodeState(state: unknown, limit: number): string;
  decodeState(text: string, fingerprint: string): any;
  emptyState(fingerprint: string): any;
  drawTake(quiz: unknown, seed: string): { index: number; order: number[]; question: any }[];
  scoreTake(take: unknown, answers: unknown[]): { earned: number; total: number; tenThousandths: number; results: { right: boolean }[] };
  isoDuration(ms: number): string;
  scorm12Timespan(ms: number): string;
  percentText(tt: number): string;
  scaledText(tt: number): string;
  hashString(text: string): number;
};


function quiz(questions: number, options = 4, extra: Record<string, unknown> = {}) {
  return {
    shuffle: true,
    count: questions,
    questions: Array.from({ length: questions }, (_, q) => ({
      id: `q${q}`,
      type: 'single',
      points: 1,
      options: Array.from({ length: options }, (_, o) => ({ id: `o${o}`, correct: o === 0 })),
    })),
    ...extra,
  };
}

describe('saved state at SCORM 1.2’s 4096-character limit', () => {
  const base = { ...rt.emptyState('abc123def456'), n: 1, b: 4000, d: 1 };

  it('keeps a state of exactly 4096 characters as it is, and trims one of 4097', () => {
    // Each further answer [1] adds 4 characters; the last answer's number pads the rest.
    const empty = rt.encodeState({ ...base, t: { i: 0, a: [] } }, Infinity).length;
    const count = Math.floor((4096 - empty + 1) / 4);
    const rest = 4096 - (empty + 4 * count - 1);
    const answers = [...Array.from({ length: count - 1 }, () => [1]), [10 ** rest]];
    const full = rt.encodeState({ ...base, t: { i: 0, a: answers } }, Infinity);
    expect(full.length).toBe(4096);
    expect(rt.encodeState({ ...base, t: { i: 0, a: answers } }, 4096)).toBe(full);
    const longer = [...answers.slice(0, -1), [10 ** (rest + 1)]];
    expect(rt.encodeState({ ...base, t: { i: 0, a: longer } }, Infinity).length).toBe(4097);
    const trimmed = rt.encodeState({ ...base, t: { i: 0, a: longer } }, 4096);
    expect(trimmed.length).toBeLessThanOrEqual(4096);
    expect(JSON.parse(trimmed).t.a).toEqual(longer.slice(0, -1));
  });

  it('drops the last answers of a take in progress, never the attempts, when the state would pass the limit', () => {
    const answers = Array.from({ length: 1500 }, (_, k) => [k % 7, (k + 3) % 7]);
    const state = { ...base, t: { i: 1499, a: answers } };
    expect(rt.encodeState(state, Infinity).length).toBeGreaterThan(4096);
    const text = rt.encodeState(state, 4096);
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(text.length).toBeGreaterThan(4096 - 20);
    const back = rt.decodeState(text, 'abc123def456');
    expect(back).toMatchObject({ n: 1, b: 4000, p: 0, d: 1 });
    expect(back.t.a).toEqual(answers.slice(0, back.t.a.length));
    // The learner goes on from the first answer that was dropped.
    expect(back.t.i).toBe(back.t.a.length);
  });

  it('drops the take in progress at worst, keeping the counts', () => {
    const text = rt.encodeState({ ...base, t: { i: 0, a: [] } }, 70);
    expect(JSON.parse(text)).toEqual({ v: 1, f: 'abc123def456', n: 1, b: 4000, p: 0, d: 0 + 1 });
  });

  it('starts afresh from unreadable or foreign data, and resumes a take only with the same questions', () => {
    expect(rt.decodeState('', 'x')).toEqual(rt.emptyState('x'));
    expect(rt.decodeState('not json', 'x')).toEqual(rt.emptyState('x'));
    expect(rt.decodeState('{"v":2,"n":5}', 'x')).toEqual(rt.emptyState('x'));
    expect(rt.decodeState('{"v":1,"n":-1,"b":20000,"p":"yes"}', 'x')).toEqual(rt.emptyState('x'));
    const saved = JSON.stringify({ v: 1, f: 'old', n: 1, b: 5000, p: 0, d: 1, t: { i: 2, a: [[1], [0]] } });
    expect(rt.decodeState(saved, 'old').t).toEqual({ i: 2, a: [[1], [0]] });
    const changed = rt.decodeState(saved, 'new');
    expect(changed.t).toBeNull();
    expect(changed).toMatchObject({ n: 1, b: 5000, d: 1 });
  });
});

describe('seeded takes and scoring', () => {
  it('draw the same take for the same module, learner and attempt, and another one for the next attempt', () => {
    const q = quiz(10, 4);
    const first = rt.drawTake(q, 'module\nlearner\n1').map((d) => [d.index, d.order]);
    expect(rt.drawTake(q, 'module\nlearner\n1').map((d) => [d.index, d.order])).toEqual(first);
    expect(rt.drawTake(q, 'module\nlearner\n2').map((d) => [d.index, d.order])).not.toEqual(first);
    expect(rt.drawTake(q, 'module\nsomeone else\n1').map((d) => [d.index, d.order])).not.toEqual(first);
    // A permutation of the bank, each question's options a permutation too.
    expect(first.map(([i]) => i).sort((a, b) => (a as number) - (b as number))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('draw `count` questions; without shuffling, in the bank’s order with options unshuffled', () => {
    const drawn = rt.drawTake({ ...quiz(10, 4), count: 4, shuffle: false }, 'seed');
    expect(drawn).toHaveLength(4);
    const indexes = drawn.map((d) => d.index);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    for (const d of drawn) expect(d.order).toEqual([0, 1, 2, 3]);
  });

  it('draw a later take from the questions not seen yet, as far as the bank allows, the same after a reload', () => {
    for (const shuffle of [true, false]) {
      const q = { ...quiz(10, 4), count: 4, shuffle } as unknown as Parameters<typeof drawNthTake>[0];
      for (let learner = 0; learner < 30; learner++) {
        const base = `module\nlearner-${learner}`;
        const ids = (n: number) => drawNthTake(q, base, n).map((d) => d.index);
        const [first, second, third] = [ids(1), ids(2), ids(3)];
        // The first take is the draw of old: a learner's take in progress is not changed by this rule.
        expect(first).toEqual(rt.drawTake(q, `${base}\n1`).map((d) => d.index));
        expect(second.filter((i) => first.includes(i))).toEqual([]);
        // Two questions are left unseen for the third take; both are in it, with two seen ones.
        const unseen = [...Array(10).keys()].filter((i) => !first.includes(i) && !second.includes(i));
        expect(unseen.every((i) => third.includes(i))).toBe(true);
        expect(new Set(third).size).toBe(4);
        expect(ids(3)).toEqual(third);
        if (!shuffle) expect(third).toEqual([...third].sort((a, b) => a - b));
      }
    }
  });

  it('never shuffle true/false options', () => {
    const q = { shuffle: true, count: 1, questions: [{ id: 'tf', type: 'true-false', points: 1, options: [{ id: 'true', correct: true }, { id: 'false', correct: false }] }] };
    for (let seed = 0; seed < 20; seed++) expect(rt.drawTake(q, `s${seed}`)[0]!.order).toEqual([0, 1]);
  });

  it('spread the questions: over many learners, every question comes first', () => {
    const firsts = new Set<number>();
    for (let learner = 0; learner < 200; learner++) firsts.add(rt.drawTake(quiz(10), `m\n${learner}\n1`)[0]!.index);
    expect(firsts.size).toBe(10);
  });

  it('score all or nothing per question, by points, rounded down', () => {
    const take = [
      { question: { points: 1, options: [{ correct: true }, { correct: false }] } },
      { question: { points: 2, options: [{ correct: true }, { correct: true }, { correct: false }] } },
      { question: { points: 4, options: [{ correct: false }, { correct: true }] } },
    ];
    // 1 + 2 of 7 points: 42.857…% → 4285 ten-thousandths.
    const score = rt.scoreTake(take, [[0], [1, 0], [0]]);
    expect(score).toMatchObject({ earned: 3, total: 7, tenThousandths: 4285 });
    expect(score.results.map((r) => r.right)).toEqual([true, true, false]);
    // Half of the correct options is wrong; a wrong extra option is wrong.
    expect(rt.scoreTake(take, [[0, 1], [0], null]).earned).toBe(0);
    expect(rt.percentText(4285)).toBe('42.85');
    expect(rt.scaledText(4285)).toBe('0.4285');
    expect(rt.percentText(6000)).toBe('60');
    expect(rt.scaledText(6000)).toBe('0.6');
    expect(rt.scaledText(10000)).toBe('1');
  });
});

describe('time formats', () => {
  it('ISO 8601 durations for SCORM 2004 and xAPI', () => {
    expect(rt.isoDuration(0)).toBe('PT0S');
    expect(rt.isoDuration(2500)).toBe('PT2.5S');
    expect(rt.isoDuration(3_723_040)).toBe('PT1H2M3.04S');
    expect(rt.isoDuration(60_000)).toBe('PT1M0S');
  });

  it('CMITimespan for SCORM 1.2', () => {
    expect(rt.scorm12Timespan(0)).toBe('00:00:00.00');
    expect(rt.scorm12Timespan(3_723_040)).toBe('01:02:03.04');
    expect(rt.scorm12Timespan(100 * 3_600_000)).toBe('100:00:00.00');
  });
});

describe('the shipped script', () => {
  it('is one strict-mode script per format, with only its own adapter, and nothing of the machine that built it', () => {
    for (const format of ['scorm-1.2', 'scorm-2004', 'cmi5'] as const) {
      const script = runtimeScript(format);
      expect(() => new Function(script)).not.toThrow();
      expect(script.split('\n')[1]).toBe("'use strict';");
      expect(script.includes('"API"')).toBe(format === 'scorm-1.2');
      expect(script.includes('"API_1484_11"')).toBe(format === 'scorm-2004');
      expect(script.includes('LMS.LaunchData')).toBe(format === 'cmi5');
      // Nothing of the machine that built it: no absolute path, no source map.
      expect(script).not.toMatch(/sourceMappingURL|\/work\/|\/home\/|[A-Z]:\\/);
    }
  });
});
