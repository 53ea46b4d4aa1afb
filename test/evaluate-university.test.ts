/**
 * The third bundled program, MIT 6.08 (Spring 2018), graded from a plain submissions sheet.
 * The totals below are worked by hand from its grading page: tutor exercises 20 % (ten sets,
 * 2 % each), design exercises 10 % (four, 2.5 % each), labs 15 % (ten, 1.5 % each), midterm
 * 15 %, peer grading 5 %, final project 35 %; bands A 90, B 80, C 70, D 60; half a letter
 * (half a band's width, 5 points here) off for every lab not completed by the end of the
 * semester and for a missed midterm; credit for a D or better.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/check.ts';
import { evaluate, type Evaluation, type LearnerResult } from '../src/evaluate/index.ts';

const exercises = Array.from({ length: 10 }, (_, i) => `exercises-${String(i + 1).padStart(2, '0')}`);
const labs = Array.from({ length: 10 }, (_, i) => `lab-${String(i + 1).padStart(2, '0')}`);
const designs = [1, 2, 3, 4].map((i) => `design-exercise-${i}`);
// Early in term (Boston, EST): before every item's own deadline.
const early = '2018-02-10T12:00:00-05:00';

let evaluation: Evaluation;

const learner = (id: string): LearnerResult => {
  const found = evaluation.learners.find((l) => l.id === id);
  expect(found, id).toBeDefined();
  return found!;
};

beforeAll(async () => {
  const checked = await check('curriculum/mit-608-spring-2018');
  const course = checked.curricula[0]!;
  const row = (who: string, item: string, score: number) => [who, item, early, score].join(',');
  const full = (who: string, except: readonly string[] = []) => [...exercises, ...designs, ...labs, 'peer-grading'].filter((i) => !except.includes(i)).map((i) => row(who, i, 100));
  const rows = [
    // Ada: everything done; midterm 70, project 80. 20 + 10 + 15 + 10.5 + 5 + 28 = 88.5: B.
    ...full('ada@mit.example'),
    row('ada@mit.example', 'midterm', 70),
    row('ada@mit.example', 'final-project', 80),
    // Ben: labs 9 and 10 never done; midterm 80, project 90. 20 + 10 + 12 + 12 + 5 + 31.5 = 90.5 (A),
    // then a letter off for the two labs (2 × 5): 80.5, B.
    ...full('ben@mit.example', ['lab-09', 'lab-10']),
    row('ben@mit.example', 'midterm', 80),
    row('ben@mit.example', 'final-project', 90),
    // Cy: missed the midterm; project 90. 20 + 10 + 15 + 0 + 5 + 31.5 = 81.5, half a letter off: 76.5, C.
    ...full('cy@mit.example'),
    row('cy@mit.example', 'final-project', 90),
    // Dee: half the exercise sets and labs, no design exercise, midterm 50, project 60:
    // 10 + 0 + 7.5 + 7.5 + 5 + 21 = 51, and five labs missing (−25): 26, F, no credit.
    ...[...exercises.slice(0, 5), ...labs.slice(0, 5), 'peer-grading'].map((i) => row('dee@mit.example', i, 100)),
    row('dee@mit.example', 'midterm', 50),
    row('dee@mit.example', 'final-project', 60),
  ];
  const text = `learner,item,submitted at,score\n${rows.join('\n')}\n`;
  const result = evaluate({ curriculum: course, records: [{ path: 'marks.csv', text }] });
  expect(result.diagnostics).toEqual([]);
  evaluation = result.evaluation;
});

describe('MIT 6.08, graded from a submissions sheet', () => {
  it('Ada: 88.5, B, credit', () => {
    expect(learner('ada@mit.example').grade).toMatchObject({ total: 88.5, grade: 'B', passed: true });
    expect(learner('ada@mit.example').completed).toBe(true);
  });

  it('Ben: 90.5 before penalties, a half letter off for each of two unfinished labs: 80.5, B', () => {
    const l = learner('ben@mit.example');
    expect(l.grade).toMatchObject({ total: 80.5, grade: 'B', passed: true });
    expect(l.grade!.adjustments.map((a) => [a.id, a.times])).toEqual([['labs-not-completed', 2]]);
  });

  it('Cy: missed the midterm, so 0 on it and half a letter off: 76.5, C', () => {
    const l = learner('cy@mit.example');
    expect(l.grade).toMatchObject({ total: 76.5, grade: 'C', passed: true });
    expect(l.grade!.adjustments.map((a) => [a.id, a.times])).toEqual([['midterm-missed', 1]]);
  });

  it('Dee: F, no credit, and the reason is the grade', () => {
    const l = learner('dee@mit.example');
    expect(l.grade).toMatchObject({ grade: 'F', passed: false });
    expect(l.completed).toBe(false);
    expect(l.unmet.join('\n')).toMatch(/D or better/);
  });
});
