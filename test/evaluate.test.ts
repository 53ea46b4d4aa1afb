/**
 * `curriculum evaluate` on generated cohorts of the bundled programs: each scripted
 * learner's decision is checked against the decision worked out by hand from the policy
 * (written here, not computed), the others against what their records were generated for;
 * then property tests that the evaluator agrees with the policy as the completion page
 * describes it.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/check.ts';
import { describeRequirement, type ChecklistItem } from '../src/describe/policy.ts';
import { evaluate, type Evaluation, type LearnerResult } from '../src/evaluate/index.ts';
import { readTime } from '../src/evaluate/times.ts';
import { cmi5Iris } from '../src/model/identity.ts';
import type { Curriculum, ItemCategory, Requirement } from '../src/model/types.ts';
import { caringCitiesCohort, crisisCohort, type Cohort } from './support/cohorts.ts';

let caring: Curriculum;
let crisis: Curriculum;

beforeAll(async () => {
  caring = (await check('curriculum/caring-cities')).curricula[0]!;
  crisis = (await check('curriculum/crisis-scro')).curricula[0]!;
});

function run(curriculum: Curriculum, cohort: Cohort) {
  return evaluate({
    curriculum,
    records: cohort.records.map((f) => ({ path: f.name, text: f.text, ...(f.kind ? { kind: f.kind } : {}) })),
    ...(cohort.mapping ? { mapping: { path: cohort.mapping.name, text: cohort.mapping.text } } : {}),
  });
}

const learner = (evaluation: Evaluation, id: string): LearnerResult => {
  const found = evaluation.learners.find((l) => l.id === id);
  expect(found, `learner ${id}`).toBeDefined();
  return found!;
};

const earned = (l: LearnerResult) => l.benefits.filter((b) => b.earned).map((b) => b.id);

describe('a Caring Cities cohort of 25', () => {
  let evaluation: Evaluation;
  let cohort: Cohort;
  beforeAll(() => {
    cohort = caringCitiesCohort(caring);
    const result = run(caring, cohort);
    expect(result.diagnostics).toEqual([]);
    evaluation = result.evaluation;
  });

  it('evaluates the 25 learners of the mapping, and no one else (the Zoom host is ignored by name)', () => {
    expect(evaluation.learners.map((l) => l.id)).toEqual(Array.from({ length: 25 }, (_, i) => `cc${String(i + 1).padStart(2, '0')}`));
  });

  // Worked out by hand from policy.yaml: every live session (75 % of its 2 hours = 90 minutes),
  // every quiz at 60 % or more (retries allowed) by 19 July 23:59:59 in Madrid, the essay,
  // selfies (by 19 July) and survey; the Seoul priority needs the certificate and the action plan.
  it('Ana López, present throughout (renamed in one meeting): completed, no action plan so no priority', () => {
    const l = learner(evaluation, 'cc01');
    expect([l.completed, l.unmet, earned(l), l.notes]).toEqual([true, [], [], []]);
  });

  it('Min-jun Kim, everything and the action plan: completed, with the Seoul priority', () => {
    const l = learner(evaluation, 'cc02');
    expect([l.completed, earned(l)]).toEqual([true, ['offline-training-priority']]);
  });

  it('Maria Santos, 55 minutes late on 13 July (65 of 120 minutes): not completed, and why', () => {
    const l = learner(evaluation, 'cc03');
    expect(l.completed).toBe(false);
    expect(l.unmet).toEqual(['Attend every live session (4): attended 3 of 4 live sessions: missed 13 July (present 54.2 %, 75 % needed)']);
  });

  it('Van An Nguyen, dropped out twice on 6 July and rejoined from two devices: 118 of 120 minutes counted once', () => {
    const l = learner(evaluation, 'cc04');
    expect(l.sessions.find((s) => s.id === 'caring-city-services')!.share).toBeCloseTo(118 / 120, 10);
    expect([l.completed, earned(l)]).toEqual([true, ['offline-training-priority']]);
  });

  it('José García, a guest "Jose Garcia" on Zoom, matched through the mapping’s `also`', () => {
    const l = learner(evaluation, 'cc05');
    expect(l.sessions.map((s) => s.done)).toEqual([true, true, true, true]);
    expect(l.completed).toBe(true);
  });

  it('Fatima Zahra, 40 % then 75 % on quiz 4 in Moodle: passed on the second attempt', () => {
    const l = learner(evaluation, 'cc06');
    expect(l.modules.find((m) => m.id === 'social-mobility-and-inclusion-through-seoul-learn')).toEqual({ id: 'social-mobility-and-inclusion-through-seoul-learn', done: true, best: 75, attemptsCounted: 2 });
    expect(l.completed).toBe(true);
  });

  it('Ji-woo Lee, 50 % on quiz 2 (a cmi5 failed statement): not completed', () => {
    const l = learner(evaluation, 'cc07');
    expect(l.unmet).toEqual(['Pass every module (4): passed 3 of 4 modules: not passed “Safe and Healthy Caring City” (best score 50 %, 60 % needed)']);
  });

  it('Priya Sharma, selfies sent ten hours after the deadline: not counted, with the reason', () => {
    const l = learner(evaluation, 'cc08');
    expect(l.unmet).toEqual([
      'Complete each of these 3 assignments: completed 2 of 3 assignments: missing “Learning selfies” (submitted 20 July 2023 09:59, after the deadline of 19 July 2023 23:59)',
    ]);
    expect(l.notes).toEqual(['“Learning selfies”: submitted 20 July 2023 09:59, after the deadline of 19 July 2023 23:59; not counted']);
  });

  it('Tomás Silva, an action plan but no essay: neither certificate nor priority', () => {
    const l = learner(evaluation, 'cc09');
    expect(l.unmet).toEqual(['Complete each of these 3 assignments: completed 2 of 3 assignments: missing “Essay on the lessons learned” (not submitted)']);
    expect(l.benefits).toEqual([{ id: 'offline-training-priority', title: 'Priority in the selection for an offline training program in Seoul', earned: false, unmet: ['Earn the Certificate of Completion: not earned'] }]);
  });

  it('decides every other learner as their records were written', () => {
    expect(cohort.intended.size).toBe(16);
    for (const [id, want] of cohort.intended) {
      const l = learner(evaluation, id);
      expect({ id, completed: l.completed, benefits: earned(l) }).toEqual({ id, ...want });
      // A learner who did not complete is told why; one who did is told nothing.
      expect(l.unmet.length > 0).toBe(!want.completed);
    }
  });

  it('sums up the cohort', () => {
    const completed = evaluation.learners.filter((l) => l.completed).length;
    expect(evaluation.summary.learners).toBe(25);
    expect(evaluation.summary.completed).toBe(completed);
    // The scripted learners alone: five complete (cc01, cc02, cc04, cc05, cc06), two with the priority.
    const scripted = evaluation.learners.filter((l) => !cohort.intended.has(l.id));
    expect(scripted.filter((l) => l.completed).map((l) => l.id)).toEqual(['cc01', 'cc02', 'cc04', 'cc05', 'cc06']);
    expect(scripted.filter((l) => earned(l).length > 0).map((l) => l.id)).toEqual(['cc02', 'cc04']);
  });

  it('is the same for another seed’s records of the scripted learners, and deterministic', () => {
    const again = run(caring, caringCitiesCohort(caring));
    expect(JSON.stringify(again.evaluation)).toBe(JSON.stringify(evaluation));
    const other = run(caring, caringCitiesCohort(caring, 99));
    expect(other.diagnostics).toEqual([]);
    expect(learner(other.evaluation, 'cc03').unmet).toEqual(learner(evaluation, 'cc03').unmet);
  });
});

describe('a CRISIS cohort with module results', () => {
  let evaluation: Evaluation;
  let cohort: Cohort;
  beforeAll(() => {
    cohort = crisisCohort(crisis);
    const result = run(crisis, cohort);
    expect(result.diagnostics).toEqual([]);
    evaluation = result.evaluation;
  });

  // policy.yaml: every module at 60 % in at most 2 attempts, and the three practical assignments.
  it('Eleni Papadopoulou, every test passed at once and every assignment graded: completed', () => {
    expect(learner(evaluation, 'eleni.p@example.gr').completed).toBe(true);
  });

  it('Nikos Georgiou, crisis management passed only on a third attempt: that attempt does not count', () => {
    const l = learner(evaluation, 'nikos.g@example.gr');
    expect(l.unmet).toEqual(['Pass every module (20): passed 19 of 20 modules: not passed “Crisis Management” (best score 55 %, 60 % needed)']);
    expect(l.notes).toEqual(['“Crisis Management”: 3 attempts recorded; only the first 2 count']);
  });

  it('Sofia Ioannou, 40 % then 70 % on one test: passed in the two attempts allowed', () => {
    const l = learner(evaluation, 'sofia.i@example.gr');
    expect(l.modules.find((m) => m.id === 'geoservices-and-digital-twins')).toMatchObject({ done: true, best: 70, attemptsCounted: 2 });
    expect(l.completed).toBe(true);
  });

  it('Dimitris Pappas, practical assignment 2 left empty in Canvas: not completed', () => {
    expect(learner(evaluation, 'dimitris.p@example.gr').unmet).toEqual(['Complete every required assignment (3): completed 2 of 3 assignments: missing “Practical assignment 2” (not submitted)']);
  });

  it('takes the roster from the Canvas gradebook, names written "Last, First"', () => {
    expect(evaluation.learners).toHaveLength(12);
    expect(learner(evaluation, 'eleni.p@example.gr').name).toBe('Eleni Papadopoulou');
  });

  it('decides every other learner as their records were written', () => {
    for (const [id, want] of cohort.intended) expect({ id, completed: learner(evaluation, id).completed }).toEqual({ id, completed: want.completed });
  });
});

describe('records', () => {
  const zoomHeader = 'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\r\n';
  const mapping = (extra = '') => ({ path: 'mapping.yaml', text: `learners:\n  - id: ana\n    name: Ana López\n    email: ana@example.org\n${extra}` });

  it('read local Zoom times in the zone given, and refuse them without one', () => {
    // 6 July 2023, 16:00–18:00 in Seoul is 09:00–11:00 in Madrid: the second session.
    const zoom = { path: 'zoom.csv', text: `${zoomHeader}Ana López,ana@example.org,07/06/2023 04:00:00 PM,07/06/2023 06:00:00 PM,120,No\r\n` };
    const withZone = evaluate({ curriculum: caring, records: [zoom], mapping: mapping(), zone: 'Asia/Seoul' });
    expect(withZone.diagnostics).toEqual([]);
    expect(withZone.evaluation.learners[0]!.sessions.filter((s) => s.done).map((s) => s.id)).toEqual(['caring-city-services']);
    const without = evaluate({ curriculum: caring, records: [zoom], mapping: mapping() });
    expect(without.diagnostics.map((d) => `${d.code} ${d.range!.start.line}:${d.range!.start.column}`)).toEqual(['records_time_zone_missing 2:27', 'records_time_zone_missing 2:50']);
    expect(without.evaluation.learners[0]!.sessions.every((s) => !s.done)).toBe(true);
  });

  it('read times as instants: an offset, Z, or a zone name after the time', () => {
    expect(readTime('2023-07-19T23:59:59+02:00', undefined)).toEqual({ ms: Date.parse('2023-07-19T21:59:59Z') });
    expect(readTime('2023-07-19 23:59 Europe/Madrid', undefined)).toEqual({ ms: Date.parse('2023-07-19T21:59:00Z') });
    expect(readTime('07/03/2023 04:02:15 PM', 'Asia/Seoul')).toEqual({ ms: Date.parse('2023-07-03T07:02:15Z') });
    expect(readTime('3 July 2023, 3:05 PM', 'Asia/Seoul')).toEqual({ ms: Date.parse('2023-07-03T06:05:00Z') });
    expect(readTime('2023-07-19 23:59', undefined)).toEqual({ problem: 'no-zone' });
    expect(readTime('2023-02-30 10:00', 'UTC')).toEqual({ problem: 'invalid' });
  });

  it('count a session at the policy’s share: exactly 75 % is enough, a minute less is not', () => {
    const at = (minutes: number) => ({ path: 'zoom.csv', text: `${zoomHeader}Ana López,ana@example.org,2023-07-03T07:00:00Z,${new Date(Date.parse('2023-07-03T07:00:00Z') + minutes * 60_000).toISOString()},${minutes},No\r\n` });
    const done = (minutes: number) => evaluate({ curriculum: caring, records: [at(minutes)], mapping: mapping() }).evaluation.learners[0]!.sessions[0]!.done;
    expect([done(90), done(89)]).toEqual([true, false]);
    // A policy that asks for half of each session.
    const lenient = { ...caring, policy: { ...caring.policy, attendance: { minShare: 0.5 } } };
    expect(evaluate({ curriculum: lenient, records: [at(60)], mapping: mapping() }).evaluation.learners[0]!.sessions[0]!.done).toBe(true);
  });

  it('read Canvas scores against the Points Possible row', () => {
    const canvas = {
      path: 'grades.csv',
      text: 'Student,ID,SIS User ID,SIS Login ID,Section,Essay on the lessons learned (501),Current Score\r\n    Points Possible,,,,,20.00,(read only)\r\n"López, Ana",11,S1,ana@example.org,Cohort,13.00,65\r\n',
    };
    const result = evaluate({ curriculum: caring, records: [canvas] });
    expect(result.diagnostics).toEqual([]);
    expect(result.evaluation.learners.map((l) => [l.id, l.name, l.assignments.find((a) => a.id === 'essay')])).toEqual([['ana@example.org', 'Ana López', { id: 'essay', done: true, score: 65 }]]);
  });

  it('read a Moodle gradebook: a quiz column by its title, points against the mapping’s maximum, "-" as no grade', () => {
    const grades = {
      path: 'grades.csv',
      text:
        '"First name","Last name","ID number",Institution,Department,"Email address","Quiz: Quiz on Lecture 1 (Real)","Quiz: Quiz on Lecture 2 (Real)","Quiz: Quiz on Lecture 3 (Real)","Course total (Real)","Last downloaded from this course"\r\n' +
        'Ana,López,,,,ana@example.org,7.00,-,11.00,18.00,1690000000\r\n',
    };
    const map = mapping('items:\n  "Quiz: Quiz on Lecture 1 (Real)": { module: what-is-a-caring-city, max: 10 }\n  "Quiz: Quiz on Lecture 3 (Real)": { module: caring-mobility-and-public-space, max: 10 }\n');
    const result = evaluate({ curriculum: caring, records: [grades], mapping: map });
    expect(result.diagnostics.map((d) => `${d.code} ${d.range!.start.line}:${d.range!.start.column}`)).toEqual(['records_score_out_of_range 2:37']);
    expect(result.evaluation.learners[0]!.modules.map((m) => [m.id, m.done, m.best])).toEqual([
      ['what-is-a-caring-city', true, 70],
      ['safe-and-healthy-caring-city', false, undefined],
      ['caring-mobility-and-public-space', false, undefined],
      ['social-mobility-and-inclusion-through-seoul-learn', false, undefined],
    ]);
  });

  it('read an LRS’s result pages, report a statement met twice and one of another course', () => {
    const statement = (id: string, object: string) => ({
      id,
      actor: { mbox: 'mailto:ana@example.org', name: 'Ana López' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/passed' },
      object: { id: object },
      result: { score: { scaled: 0.7 }, success: true },
      timestamp: '2023-07-10T10:00:00Z',
    });
    const au = cmi5Iris.au(caring, 'what-is-a-caring-city');
    const pages = [
      { statements: [statement('a1', au), statement('a2', 'https://other.example/course/au')], more: '/xapi/statements?more=2' },
      { statements: [statement('a1', au)], more: '' },
    ];
    const result = evaluate({ curriculum: caring, records: [{ path: 'lrs.json', text: JSON.stringify(pages, null, 2) }] });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['records_other_course', 'records_row_duplicate']);
    expect(result.evaluation.learners[0]!.modules[0]).toEqual({ id: 'what-is-a-caring-city', done: true, best: 70, attemptsCounted: 1 });
  });

  it('do not count a quiz taken after the deadline’s instant, and say so', () => {
    const sheet = {
      path: 'results.csv',
      text: 'learner,item,submitted at,score\r\nana@example.org,what-is-a-caring-city,2023-07-19T23:59:59+02:00,40\r\nana@example.org,what-is-a-caring-city,2023-07-20T00:00:00+02:00,90\r\n',
    };
    const l = evaluate({ curriculum: caring, records: [sheet], mapping: mapping() }).evaluation.learners[0]!;
    expect(l.modules[0]).toEqual({ id: 'what-is-a-caring-city', done: false, best: 40, attemptsCounted: 1, why: 'best score 40 %, 60 % needed' });
    expect(l.notes).toEqual(['“What is a Caring City? – Leaving No One Behind & Going Together With The Socially Neglected”: a result of 20 July 2023 00:00 is after the deadline of 19 July 2023 23:59 and does not count']);
  });

  it('report people who are not among the learners, once per file, and guess no one', () => {
    const zoom = { path: 'zoom.csv', text: `${zoomHeader}Anna Lopes,,2023-07-03T07:00:00Z,2023-07-03T09:00:00Z,120,Yes\r\nAnna Lopes,,2023-07-06T07:00:00Z,2023-07-06T09:00:00Z,120,Yes\r\n` };
    const result = evaluate({ curriculum: caring, records: [zoom], mapping: mapping() });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['records_learner_unknown']);
    expect(result.evaluation.learners[0]!.sessions.every((s) => !s.done)).toBe(true);
  });

  it('show control characters from the records in the table instead of sending them to the terminal', async () => {
    const { formatEvaluation } = await import('../src/evaluate/index.ts');
    const hostile = { path: 'm.yaml', text: 'learners:\n  - id: ana\n    name: "Ana \\e[31mRed\\e[0m"\n    email: ana@example.org\n' };
    const table = formatEvaluation(evaluate({ curriculum: caring, records: [], mapping: hostile }).evaluation, 'table');
    expect(table).toContain('Ana \\u001b[31mRed\\u001b[0m');
    expect(table).not.toContain('\u001b');
  });

  it('report a CSV file that does not parse at the place it breaks', () => {
    const result = evaluate({ curriculum: caring, records: [{ path: 'broken.csv', text: 'learner,item,submitted at,score\r\n"ana@example.org,essay,2023-07-18T10:00Z,80\r\n' }] });
    expect(result.diagnostics.map((d) => `${d.code} ${d.range!.start.line}:${d.range!.start.column} ${d.message}`)).toEqual(['records_value_invalid 2:1 The records are not valid CSV: a quoted cell is not closed']);
  });

  it('escape a formula in a CSV cell of the results', async () => {
    const { formatEvaluation } = await import('../src/evaluate/index.ts');
    const sheet = { path: 's.csv', text: 'learner,item,submitted at,score\r\n=HYPERLINK(1),essay,2023-07-18T10:00Z,\r\n' };
    const result = evaluate({ curriculum: caring, records: [sheet] });
    expect(formatEvaluation(result.evaluation, 'csv')).toContain("\r\n'=HYPERLINK(1),");
  });
});

/** The items a requirement names, each with its category. */
function itemsOf(r: Requirement): { category: ItemCategory; id: string }[] {
  if (r.type === 'group') return r.of.flatMap(itemsOf);
  if (r.type === 'items') return r.ids.map((id) => ({ category: r.category, id }));
  return [];
}

/** Records that show exactly `done` for one learner: scores from the submissions sheet, presence from a Zoom report with offsets. */
function recordsFor(curriculum: Curriculum, done: readonly { category: ItemCategory; id: string }[], noise: { lateMinutes: number; failedFirst: boolean; scoreAbove: number }) {
  const sheet = ['learner,item,submitted at,score'];
  const zoom = ['Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest'];
  const before = (id: string | undefined) => {
    const d = curriculum.schedule.deadlines.find((x) => x.id === id);
    return new Date((d ? Date.parse(d.due.at.utc) : Date.parse(`${curriculum.program.dates.end}T00:00:00Z`)) - 86_400_000).toISOString();
  };
  for (const item of done) {
    if (item.category === 'module') {
      const m = curriculum.modules.find((x) => x.id === item.id)!;
      const pass = m.assessment!.pass;
      const at = before(m.assessment!.deadlineId);
      if (noise.failedFirst && pass.attempts !== 1) sheet.push(`learner@example.org,${m.id},${new Date(Date.parse(at) - 3_600_000).toISOString()},${Math.max(0, pass.minScore - 1)}`);
      sheet.push(`learner@example.org,${m.id},${at},${Math.min(100, pass.minScore + noise.scoreAbove)}`);
    } else if (item.category === 'assignment') {
      const a = curriculum.assignments.find((x) => x.id === item.id)!;
      sheet.push(`learner@example.org,${a.id},${before(a.deadlineIds.at(-1))},`);
    } else {
      const s = curriculum.schedule.sessions.find((x) => x.id === item.id)!;
      const start = Date.parse(s.start.utc) + noise.lateMinutes * 60_000;
      zoom.push(`Learner,learner@example.org,${new Date(start).toISOString()},${s.end.utc},${s.durationMinutes},No`);
    }
  }
  return [
    { path: 'sheet.csv', text: `${sheet.join('\r\n')}\r\n` },
    ...(zoom.length > 1 ? [{ path: 'zoom.csv', text: `${zoom.join('\r\n')}\r\n` }] : []),
  ];
}

const oneLearner = { path: 'mapping.yaml', text: 'learners:\n  - id: learner\n    name: Learner\n    email: learner@example.org\n' };

/** How the completion page's checklist reads: a line with a reference is one item; others need all their lines, or "at least N" / "at least one" of them. */
function metByChecklist(item: ChecklistItem, done: (ref: { category: ItemCategory; id: string }) => boolean): boolean {
  if (item.ref) return done(item.ref);
  const results = item.children.map((c) => metByChecklist(c, done));
  const atLeast = /at least (\d+|one)\b/i.exec(item.text)?.[1];
  const needed = atLeast === undefined ? results.length : atLeast === 'one' ? 1 : Number(atLeast);
  return results.filter(Boolean).length >= needed;
}

describe('the evaluator agrees with the policy as the completion page describes it', () => {
  const programs = () => [caring, crisis];

  it('a learner who did every required item completes; without any one of them they do not, and the reason names it', () => {
    fc.assert(
      fc.property(fc.nat(1), fc.nat(1000), fc.integer({ min: 0, max: 25 }), fc.boolean(), fc.integer({ min: 0, max: 40 }), (which, pick, lateMinutes, failedFirst, scoreAbove) => {
        const curriculum = programs()[which]!;
        const required = itemsOf(curriculum.policy.certificate.requires);
        const noise = { lateMinutes, failedFirst, scoreAbove };
        const all = evaluate({ curriculum, records: recordsFor(curriculum, required, noise), mapping: oneLearner });
        expect(all.diagnostics).toEqual([]);
        expect(all.evaluation.learners[0]!.completed).toBe(true);
        const missing = required[pick % required.length]!;
        const without = evaluate({ curriculum, records: recordsFor(curriculum, required.filter((r) => r !== missing), noise), mapping: oneLearner });
        const l = without.evaluation.learners[0]!;
        expect(l.completed).toBe(false);
        const name =
          missing.category === 'module'
            ? `“${curriculum.modules.find((m) => m.id === missing.id)!.title}”`
            : missing.category === 'assignment'
              ? `“${curriculum.assignments.find((a) => a.id === missing.id)!.title}”`
              : `${Number(curriculum.schedule.sessions.find((s) => s.id === missing.id)!.start.date.slice(8))} July`;
        expect(l.unmet).toHaveLength(1);
        expect(l.unmet[0]).toContain(name);
      }),
      { numRuns: 40, seed: 15 },
    );
  });

  it('whatever the requirement tree (all, any, at least N), the learner completes exactly when the checklist is met', () => {
    const modules = () => caring.modules.map((m) => m.id);
    const assignments = () => caring.assignments.map((a) => a.id);
    const sessions = () => caring.schedule.sessions.map((s) => s.id);
    const itemsArb = fc.constantFrom<ItemCategory>('module', 'assignment', 'session').chain((category) => {
      const ids = category === 'module' ? modules() : category === 'assignment' ? assignments() : sessions();
      return fc.subarray(ids, { minLength: 1 }).chain((chosen) =>
        fc.integer({ min: 1, max: chosen.length }).map((atLeast): Requirement => ({ type: 'items', category, selection: 'list', ids: chosen, atLeast })),
      );
    });
    const { tree } = fc.letrec<{ tree: Requirement }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        itemsArb,
        fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).chain((of) => fc.integer({ min: 1, max: of.length }).map((atLeast): Requirement => ({ type: 'group', atLeast, of }))),
      ),
    }));
    fc.assert(
      fc.property(tree, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (requires, flags) => {
        const curriculum: Curriculum = { ...caring, policy: { ...caring.policy, certificate: { ...caring.policy.certificate, requires } } };
        const everything = [
          ...modules().map((id) => ({ category: 'module' as const, id })),
          ...assignments().map((id) => ({ category: 'assignment' as const, id })),
          ...sessions().map((id) => ({ category: 'session' as const, id })),
        ];
        const done = everything.filter((_, i) => flags[i]);
        const result = evaluate({ curriculum, records: recordsFor(curriculum, done, { lateMinutes: 0, failedFirst: false, scoreAbove: 10 }), mapping: oneLearner });
        expect(result.diagnostics).toEqual([]);
        const expected = metByChecklist(describeRequirement(requires, curriculum), (ref) => done.some((d) => d.category === ref.category && d.id === ref.id));
        const l = result.evaluation.learners[0]!;
        expect(l.completed).toBe(expected);
        expect(l.unmet.length > 0).toBe(!expected);
      }),
      { numRuns: 60, seed: 15 },
    );
  });
});

// A fixed copy of a graded course (test/fixtures/records/graded), so that the hand-worked totals
// stay true while the sample programs of the grading language evolve.
describe('grading (a graded course: problem sets 25 % with the lowest dropped, labs 15 %, project 10 + 25 %, quizzes 10 %, final 15 %)', () => {
  let graded: Curriculum;
  let evaluation: Evaluation;
  beforeAll(async () => {
    graded = (await check('test/fixtures/records/graded')).curricula[0]!;
    const rows = [
      // Alex: problem sets 80, 90, 70, 60, 100 (60 dropped); labs 100, 90 and none; proposal 80; the report
      // at 70 but 30 hours late (two days begun: −20); quiz 90, plots review 80; final module 75; the survey.
      ['alex@example.org', 'problem-set-1', '2025-12-01T10:00+01:00', 80],
      ['alex@example.org', 'problem-set-2', '2025-12-01T10:00+01:00', 90],
      ['alex@example.org', 'problem-set-3', '2025-12-01T10:00+01:00', 70],
      ['alex@example.org', 'problem-set-4', '2025-12-01T10:00+01:00', 60],
      ['alex@example.org', 'problem-set-5', '2025-12-01T10:00+01:00', 100],
      ['alex@example.org', 'lab-1', '2025-12-01T10:00+01:00', 100],
      ['alex@example.org', 'lab-2', '2025-12-01T10:00+01:00', 90],
      ['alex@example.org', 'project-proposal', '2025-12-01T10:00+01:00', 80],
      ['alex@example.org', 'project-report', '2025-12-07T04:59:59Z', 70],
      ['alex@example.org', 'quiz-describing', '2025-10-01T10:00+02:00', 90],
      ['alex@example.org', 'plots-review', '2025-10-01T10:00+02:00', 80],
      ['alex@example.org', 'inference', '2025-11-01T10:00+01:00', 75],
      ['alex@example.org', 'survey', '2025-12-01T10:00+01:00', ''],
      // Blake: everything at 100 in time, and the survey.
      ...['problem-set-1', 'problem-set-2', 'problem-set-3', 'problem-set-4', 'problem-set-5', 'lab-1', 'lab-2', 'lab-3', 'project-proposal', 'project-report', 'quiz-describing', 'plots-review', 'inference'].map((item) => ['blake@example.org', item, '2025-12-01T10:00+01:00', 100]),
      ['blake@example.org', 'survey', '2025-12-01T10:00+01:00', ''],
      // Casey: the report is in, but not marked yet.
      ['casey@example.org', 'project-report', '2025-12-01T10:00+01:00', ''],
    ];
    const text = `learner,item,submitted at,score\r\n${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
    const result = evaluate({ curriculum: graded, records: [{ path: 'marks.csv', text }] });
    expect(result.diagnostics).toEqual([]);
    evaluation = result.evaluation;
  });

  it('Alex: 71.0 before adjustments; a lab missing by the end of term costs a third of band C (−3.33), the survey adds 1: D at 68.67', () => {
    // 21.25 (problem sets) + 9.5 (labs) + 8 + 12.5 (project) + 4.5 + 4 (quizzes) + 11.25 (final) = 71
    const l = learner(evaluation, 'alex@example.org');
    expect(l.grade).toMatchObject({ scale: 'percent', total: 68.67, grade: 'D', passed: true, unscored: [] });
    expect(l.grade!.dropped).toEqual([{ category: 'assignment', id: 'problem-set-4' }]);
    expect(l.grade!.adjustments.map((a) => [a.id, a.times])).toEqual([['unfinished-labs', 1], ['survey-bonus', 1]]);
    expect(l.notes).toContain('“Project report”: submitted 7 December 2025 05:59, after the deadline of 5 December 2025 23:59; 20 % deducted');
    expect([l.completed, l.unmet]).toEqual([true, []]);
    expect(l.benefits[0]!.unmet).toEqual(['Reach a final total of at least 95 %: final grade D, total 68.67 %']);
  });

  it('Blake: 100 and the survey’s point, 101: A, on the honours list', () => {
    const l = learner(evaluation, 'blake@example.org');
    expect(l.grade).toMatchObject({ total: 101, grade: 'A', passed: true });
    expect(earned(l)).toEqual(['honours']);
  });

  it('Casey: a report without a mark leaves the grade open, and says which', () => {
    const l = learner(evaluation, 'casey@example.org');
    expect(l.grade).toMatchObject({ unscored: ['Project report'] });
    expect(l.grade!.total).toBeUndefined();
    expect(l.unmet[0]).toBe('Earn a final grade of D or better: no final grade yet (no score for “Project report”)');
  });
});

describe('exams of the schedule, graded', () => {
  it('read an exam mark by the exam’s title and count it at the exam’s weight', async () => {
    const course = (await check('test/samples/programs/graded')).curricula[0]!;
    const exam = course.policy.grading!.items.find((i) => i.category === 'exam')!;
    const sheet = (withExam: boolean) => ({
      path: 'marks.csv',
      // The labs are in, so that no penalty (and no floor at 0) bends the comparison.
      text: `learner,item,submitted at,score\r\nkim@example.org,problem-set-1,2025-09-05T10:00+02:00,100\r\n${['lab-1', 'lab-2', 'lab-3'].map((l) => `kim@example.org,${l},2025-09-05T10:00+02:00,100\r\n`).join('')}${withExam ? `kim@example.org,${exam.title},${course.schedule.exams.find((e) => e.id === exam.id)!.end.utc},80\r\n` : ''}`,
    });
    const total = (withExam: boolean) => {
      const result = evaluate({ curriculum: course, records: [sheet(withExam)] });
      expect(result.diagnostics).toEqual([]);
      return result.evaluation.learners[0]!.grade!.total!;
    };
    expect(total(true) - total(false)).toBeCloseTo((80 * exam.countedWeight) / 100, 2);
  });
});
