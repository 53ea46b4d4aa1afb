/**
 * The two bundled programs are the acceptance bar: they check without errors, report the
 * source documents' real inconsistencies as warnings, and resolve to the facts the
 * documents state.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { check, type CheckResult } from '../src/index.ts';
import type { Curriculum, Requirement } from '../src/model/types.ts';

let result: CheckResult;
let crisis: Curriculum;
let caring: Curriculum;

beforeAll(async () => {
  result = await check('curriculum');
  crisis = result.curricula.find((c) => c.program.id === 'crisis-scro')!;
  caring = result.curricula.find((c) => c.program.id === 'caring-cities')!;
});

const warningsOf = (file: string) =>
  result.diagnostics
    .filter((d) => d.file?.startsWith(file))
    .map((d) => `${d.severity} ${d.code} ${d.file?.slice(file.length)}:${d.range?.start.line}${d.accepted ? ' accepted' : ''}`);

describe('the bundled programs', () => {
  it('check without errors and resolve', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // The third, a university subject, has its own tests in university-program.test.ts.
    expect(result.curricula.map((c) => c.program.id).sort()).toEqual(['caring-cities', 'crisis-scro', 'mit-608-spring-2018']);
  });
});

describe('crisis-scro', () => {
  it('reports the brochure’s inconsistencies as warnings', () => {
    expect(warningsOf('curriculum/crisis-scro/')).toEqual([
      'warning end_date_before_last_item program.yaml:25 accepted',
      'warning week_start_irregular schedule.yaml:37 accepted',
      'warning week_start_irregular schedule.yaml:47 accepted',
      'warning week_start_irregular schedule.yaml:53 accepted',
    ]);
    const end = result.diagnostics.find((d) => d.code === 'end_date_before_last_item')!;
    expect(end.message).toContain('2023-06-12');
    expect(end.message).toContain('2023-07-17');
  });

  it('has the facts at a glance', () => {
    const p = crisis.program;
    expect(p.dates).toEqual({ start: '2023-03-20', end: '2023-06-12' });
    expect(p.level).toBe('beginner');
    expect(p.language).toBe('en');
    expect(p.fees?.amount).toBe(0);
    expect(p.effort).toEqual({ hoursPerWeek: { min: 5, max: 10 }, totalHours: 80, approximate: true });
    expect(p.funding?.projectNumber).toBe('2021-1-EL01-KA220-HED000032257');
    expect(p.registration?.url).toBe('https://crisisproject.eu/registration/');
    expect(p.contact?.email).toBe('info@crisisproject.eu');
    expect(p.organizers.map((o) => o.name)).toContain('Universidade do Minho');
  });

  it('has 20 modules in 4 phases over 16 weeks with the brochure’s dates', () => {
    expect(crisis.modules).toHaveLength(20);
    expect(crisis.competences).toHaveLength(20);
    expect(crisis.schedule.phases.map((ph) => [ph.id, ph.span?.start, ph.span?.end, ph.moduleIds.length])).toEqual([
      ['core', '2023-03-20', '2023-04-23', 6],
      ['advanced', '2023-04-24', '2023-05-21', 6],
      ['elective', '2023-05-22', '2023-06-18', 8],
      ['final', '2023-06-19', '2023-07-17', 0],
    ]);
    const starts = Object.fromEntries(crisis.schedule.weeks.map((w) => [w.first, w.span.start]));
    expect(starts).toEqual({
      1: '2023-03-20', 2: '2023-03-27', 3: '2023-04-03', 4: '2023-04-17', 5: '2023-04-24', 6: '2023-05-02',
      7: '2023-05-08', 8: '2023-05-15', 9: '2023-05-22', 10: '2023-05-29', 11: '2023-06-05', 12: '2023-06-12', 13: '2023-06-19',
    });
    const last = crisis.schedule.weeks.at(-1)!;
    expect([last.first, last.last, last.span.end]).toEqual([13, 16, '2023-07-17']);
    expect(crisis.modules[0]!.id).toBe('transforming-cities-through-digital-innovation');
    expect(crisis.modules.at(-1)!.id).toBe('decision-making-and-problem-solving');
    const identifying = crisis.modules.find((m) => m.id === 'identifying-risks-in-scs')!;
    expect(identifying.scheduled).toEqual({ weekNumbers: [3], periodIds: [], span: { start: '2023-04-03', end: '2023-04-09' } });
    expect(crisis.modules.filter((m) => m.kind === 'elective')).toHaveLength(8);
  });

  it('passes a module at 60 % with two attempts', () => {
    expect(crisis.policy.modulePass).toEqual({ minScore: 60, attempts: 2 });
    for (const m of crisis.modules) expect(m.assessment?.pass).toEqual({ minScore: 60, attempts: 2 });
  });

  it('has three practical assignments, the last a choice of one from three', () => {
    expect(crisis.assignments.map((a) => [a.id, a.scheduled?.weekNumbers])).toEqual([
      ['practical-assignment-1', [4]],
      ['practical-assignment-2', [8]],
      ['practical-assignment-3', [13, 14, 15, 16]],
    ]);
    expect(crisis.assignments[2]!.choice).toEqual({ select: 1, from: 3, options: [] });
  });

  it('awards the certificate for all modules and assignments, qualifying for a second round', () => {
    const requires = crisis.policy.certificate.requires as Extract<Requirement, { type: 'group' }>;
    expect(requires.atLeast).toBe(2);
    expect(requires.of).toEqual([
      { type: 'items', category: 'module', selection: 'all', ids: crisis.modules.map((m) => m.id), atLeast: 20 },
      { type: 'items', category: 'assignment', selection: 'all', ids: ['practical-assignment-1', 'practical-assignment-2', 'practical-assignment-3'], atLeast: 3 },
    ]);
    expect(crisis.policy.certificate.requiredItems).toEqual({
      modules: crisis.modules.map((m) => m.id),
      assignments: ['practical-assignment-1', 'practical-assignment-2', 'practical-assignment-3'],
      sessions: [],
    });
    expect(crisis.policy.certificate.brings).toMatch(/second round of specialized training/);
  });
});

describe('caring-cities', () => {
  it('reports the documents’ inconsistencies and gaps as warnings', () => {
    expect(warningsOf('curriculum/caring-cities/')).toEqual([
      'warning deadline_implicit assignments.yaml:3 accepted',
      'warning deadline_implicit assignments.yaml:20 accepted',
      'warning stated_count_mismatch program.yaml:201 accepted',
    ]);
  });

  it('has four live sessions at 09:00–11:00 CEST, 07:00–09:00 UTC', () => {
    expect(caring.schedule.sessions.map((s) => [s.id, s.start.utc, s.end.utc, s.start.local, s.start.offset])).toEqual([
      ['orientation', '2023-07-03T07:00:00Z', '2023-07-03T09:00:00Z', '2023-07-03T09:00:00', '+02:00'],
      ['caring-city-services', '2023-07-06T07:00:00Z', '2023-07-06T09:00:00Z', '2023-07-06T09:00:00', '+02:00'],
      ['health-and-mobility-perspectives', '2023-07-13T07:00:00Z', '2023-07-13T09:00:00Z', '2023-07-13T09:00:00', '+02:00'],
      ['accessible-infrastructure-and-public-spaces', '2023-07-20T07:00:00Z', '2023-07-20T09:00:00Z', '2023-07-20T09:00:00', '+02:00'],
    ]);
    expect(caring.schedule.sessions.map((s) => s.organizerIds)).toEqual([['shrdc'], ['metropolis'], ['uclg-aspac'], ['uclg']]);
    for (const s of caring.schedule.sessions) {
      expect(s.start.date).toBe(s.start.local.slice(0, 10));
      expect(s.start.resolution).toEqual({ kind: 'exact' });
    }
  });

  it('has four lectures with quizzes of 10 questions, passed at 60/100 with retries, due 19 July', () => {
    expect(caring.modules.map((m) => m.label)).toEqual(['Lecture 1', 'Lecture 2', 'Lecture 3', 'Lecture 4']);
    for (const m of caring.modules) {
      expect(m.assessment).toMatchObject({ questionCount: 10, pass: { minScore: 60, attempts: 'unlimited' }, deadlineId: 'quizzes-due' });
      expect(caring.questionBanks.find((b) => b.id === m.assessment!.bankId)!.questions).toHaveLength(10);
    }
    const due = caring.schedule.deadlines.find((d) => d.id === 'quizzes-due')!;
    expect(due.due.date).toBe('2023-07-19');
    expect(caring.modules[0]!.resources[0]!.url).toBe('https://youtu.be/bqD5sIGYB_A');
  });

  it('limits participants to 25 and runs 3 to 21 July 2023', () => {
    expect(caring.program.capacity?.max).toBe(25);
    expect(caring.program.dates).toEqual({ start: '2023-07-03', end: '2023-07-21' });
    expect(caring.program.organizers.map((o) => o.shortName)).toEqual(['SHRDC', 'Metropolis', 'UCLG', 'UCLG-ASPAC']);
  });

  it('requires sessions, quizzes, essay, selfies and survey; the action plan brings priority', () => {
    const requires = caring.policy.certificate.requires as Extract<Requirement, { type: 'group' }>;
    expect(requires.of.map((r) => (r.type === 'items' ? [r.category, r.ids.length] : r.type))).toEqual([
      ['session', 4],
      ['module', 4],
      ['assignment', 3],
    ]);
    expect(caring.assignments.find((a) => a.id === 'action-plan')!.optional).toBe(true);
    expect(caring.policy.benefits[0]!.requires).toEqual({
      type: 'group',
      atLeast: 2,
      of: [{ type: 'certificate' }, { type: 'items', category: 'assignment', selection: 'list', ids: ['action-plan'], atLeast: 1 }],
    });
    const implicit = caring.schedule.deadlines.filter((d) => d.implicit).map((d) => [d.assignmentIds[0], d.due.date]);
    expect(implicit).toEqual([['essay', '2023-07-21'], ['survey', '2023-07-21']]);
    // The program's last day is in its last week, which lists the implicit deadlines with the stated ones.
    expect(caring.schedule.weeks.at(-1)!.deadlineIds).toEqual(expect.arrayContaining(['essay-due', 'survey-due']));
    expect(caring.policy.certificate.requiredItems).toEqual({
      modules: caring.modules.map((m) => m.id),
      assignments: ['essay', 'selfies', 'survey'],
      sessions: caring.schedule.sessions.map((s) => s.id),
    });
  });
});
