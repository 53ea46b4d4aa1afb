/**
 * The third bundled program, MIT 6.08 Spring 2018, is a real university subject: its
 * syllabus states weights, a per-item weight, penalties in half letters and an evening
 * midterm, and its term crosses the start of daylight saving time. These tests hold the
 * resolved model to what the sources state (SOURCE.md in the program folder quotes them),
 * and to the dates that follow from MIT's academic calendar.
 */
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitCalendars } from '../src/emit/ics/index.ts';
import { check, type CheckResult } from '../src/index.ts';
import type { Curriculum } from '../src/model/types.ts';

const folder = 'curriculum/mit-608-spring-2018/';
let result: CheckResult;
let course: Curriculum;

beforeAll(async () => {
  result = await check('curriculum');
  course = result.curricula.find((c) => c.program.id === 'mit-608-spring-2018')!;
});

const labs = Array.from({ length: 10 }, (_, i) => `lab-${String(i + 1).padStart(2, '0')}`);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('mit-608-spring-2018', () => {
  it('checks without errors, and every warning of the folder is accepted with a reason', () => {
    expect(course).toBeDefined();
    const mine = result.diagnostics.filter((d) => d.file?.startsWith(folder));
    expect(mine.filter((d) => d.severity === 'error')).toEqual([]);
    expect(mine.filter((d) => !d.accepted).map((d) => `${d.code} ${d.file}:${d.range?.start.line}`)).toEqual([]);
  });

  it('runs in Cambridge time from Registration Day to the last day of classes', () => {
    expect(course.program.timeZone).toBe('America/New_York');
    expect(course.program.dates).toEqual({ start: '2018-02-05', end: '2018-05-17' });
    expect(course.identity).toEqual({ namespace: 'tag:mit.edu,2018:6.08-spring-2018', declared: true });
  });

  describe('grading', () => {
    it('has the six weighted components of the grading page, adding up to 100 %', () => {
      const g = course.policy.grading!;
      expect(g.scale).toBe('percent');
      expect(g.components.map((c) => [c.id, c.weight])).toEqual([
        ['tutor-exercises', 20],
        ['design-exercises', 10],
        ['labs', 15],
        ['midterm', 15],
        ['peer-grading', 5],
        ['final-project', 35],
      ]);
      expect(sum(g.components.map((c) => c.percent))).toBeCloseTo(100, 10);
    });

    it('gives every graded item an effective weight, the items adding up to 100 %', () => {
      const g = course.policy.grading!;
      // 10 exercise sets, 4 design exercises, 10 labs, the midterm, peer grading, the project.
      expect(g.items).toHaveLength(27);
      expect(sum(g.items.map((i) => i.weight))).toBeCloseTo(100, 10);
      const weight = (id: string) => g.items.find((i) => i.id === id)!.weight;
      // "Each Design exercise is worth 2.5% of your final grade."
      for (const n of [1, 2, 3, 4]) expect(weight(`design-exercise-${n}`)).toBeCloseTo(2.5, 10);
      expect(g.components.find((c) => c.id === 'design-exercises')!.statedEach).toBe(2.5);
      for (const lab of labs) expect(weight(lab)).toBeCloseTo(1.5, 10);
      expect(weight('exercises-01')).toBeCloseTo(2, 10);
      expect(g.items.find((i) => i.id === 'midterm')).toMatchObject({ category: 'exam', weight: 15 });
      expect(weight('final-project')).toBe(35);
      // Nothing is dropped in 6.08: an item counts with the weight it has.
      for (const i of g.items) expect(i.countedWeight).toBeCloseTo(i.weight, 10);
    });

    it('lowers the final grade by half a letter for each lab not completed at the end of the semester', () => {
      const g = course.policy.grading!;
      const unfinished = g.adjustments.find((a) => a.id === 'labs-not-completed')!;
      expect(unfinished.per).toEqual(labs.map((id) => ({ category: 'assignment', id })));
      expect(unfinished.when).toBe('not-done');
      expect(unfinished.change).toEqual({ unit: 'bands', amount: -0.5, written: '-1/2' });
      expect(unfinished.byDeadlineId).toBe('end-of-semester');
      expect(course.schedule.deadlines.find((d) => d.id === 'end-of-semester')!.due.date).toBe('2018-05-17');
      const missed = g.adjustments.find((a) => a.id === 'midterm-missed')!;
      expect(missed.per).toEqual([{ category: 'exam', id: 'midterm' }]);
      expect(missed.change).toEqual({ unit: 'bands', amount: -0.5, written: '-1/2' });
    });

    it('has letter bands down to F, passes at D, and awards credit for a passing grade', () => {
      const g = course.policy.grading!;
      expect(g.bands.map((b) => [b.grade, b.min])).toEqual([
        ['A', 90],
        ['B', 80],
        ['C', 70],
        ['D', 60],
        ['F', 0],
      ]);
      expect(g.pass).toEqual({ total: 60, grade: 'D' });
      expect(g.late).toBeUndefined();
      expect(course.policy.certificate.requires).toEqual({ type: 'grade', grade: 'D', min: 60 });
    });
  });

  describe('schedule', () => {
    it('holds the midterm in the evening of Tuesday 10 April, 23:30–01:30 UTC in daylight saving time', () => {
      const midterm = course.schedule.exams.find((e) => e.id === 'midterm')!;
      expect([midterm.start.local, midterm.start.offset, midterm.start.utc, midterm.end.utc]).toEqual([
        '2018-04-10T19:30:00',
        '-04:00',
        '2018-04-10T23:30:00Z',
        '2018-04-11T01:30:00Z',
      ]);
      expect(midterm.kind).toBe('written');
      // "all materials contained in lectures, online tutor problems, and labs, up to the date of the exam"
      expect(midterm.moduleIds).toEqual(course.modules.map((m) => m.id));
    });

    it('has twelve Monday lectures: Presidents Day’s held on Tuesday, the two vacations skipped', () => {
      const lecture = course.schedule.series.find((s) => s.id === 'lecture')!;
      const sessions = lecture.sessionIds.map((id) => course.schedule.sessions.find((s) => s.id === id)!);
      // Mondays from 12 February to 14 May 2018 are 14; 26 March and 16 April fall in vacations.
      expect(sessions).toHaveLength(12);
      expect(sessions[0]!.start.local).toBe('2018-02-12T13:00:00');
      expect(sessions.at(-1)!.start.local).toBe('2018-05-14T13:00:00');
      expect(lecture.skipped.map((s) => [s.date, s.reason, s.breakId])).toEqual([
        ['2018-03-26', 'break', 'spring-vacation'],
        ['2018-04-16', 'break', 'patriots-day'],
      ]);
      const moved = course.schedule.sessions.find((s) => s.id === 'lecture-2018-02-19')!;
      expect([moved.start.local, moved.start.utc, moved.movedFrom?.local]).toEqual(['2018-02-20T13:00:00', '2018-02-20T18:00:00Z', '2018-02-19T13:00:00']);
    });

    it('keeps 1 p.m. across the change to daylight saving time on 11 March, an hour earlier in UTC', () => {
      const at = (date: string) => course.schedule.sessions.find((s) => s.id === `lecture-${date}`)!.start;
      expect([at('2018-03-05').utc, at('2018-03-05').offset]).toEqual(['2018-03-05T18:00:00Z', '-05:00']);
      expect([at('2018-03-12').utc, at('2018-03-12').offset]).toEqual(['2018-03-12T17:00:00Z', '-04:00']);
    });

    it('offers four lab sections on Tuesday and Thursday, of which a learner attends one', () => {
      const group = course.schedule.sections.find((g) => g.id === 'lab-sections')!;
      expect(group.seriesIds).toEqual(['lab-section-1', 'lab-section-2', 'lab-section-3', 'lab-section-4']);
      for (const id of group.seriesIds) {
        const series = course.schedule.series.find((s) => s.id === id)!;
        expect(series.days).toEqual(['tuesday', 'thursday']);
        // 15 Tuesdays and 15 Thursdays from 6 February to 17 May; none on 20 February (Monday
        // schedule), 27 and 29 March (spring vacation) or 17 April (Patriots Day vacation).
        expect(series.sessionIds).toHaveLength(26);
        expect(series.skipped.map((s) => [s.date, s.reason])).toEqual([
          ['2018-02-20', 'except'],
          ['2018-03-27', 'break'],
          ['2018-03-29', 'break'],
          ['2018-04-17', 'break'],
        ]);
        for (const sid of series.sessionIds) expect(course.schedule.sessions.find((s) => s.id === sid)!.sectionId).toBe('lab-sections');
      }
      // Sections are alternatives: the four, which meet at the same days, are not reported as
      // overlapping one another (nor the lecture, which meets on other days).
      expect(result.diagnostics.filter((d) => d.code === 'session_overlap' && d.file?.startsWith(folder))).toEqual([]);
    });

    it('places the weekly exercises and labs in weeks 1 to 10 and the final project in the last four', () => {
      const weeks = course.schedule.weeks;
      expect(weeks.map((w) => w.first)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      expect(weeks.find((w) => w.first === 8)!.span.start).toBe('2018-04-02');
      const last = weeks.at(-1)!;
      expect([last.first, last.last, last.span.start, last.span.end]).toEqual([11, 14, '2018-04-23', '2018-05-17']);
      expect(course.assignments.find((a) => a.id === 'final-project')!.scheduled?.weekNumbers).toEqual([11, 12, 13, 14]);
      expect(weeks.find((w) => w.first === 9)!.examIds).toEqual(['midterm']);
    });
  });

  describe('calendar', () => {
    /**
     * Every occurrence of every event of the program's calendar as ical.js reads it: a
     * recurring event is expanded with its exceptions (EXDATE, RECURRENCE-ID), a single
     * one stands for itself. The summary and the UTC start of each.
     */
    function occurrences(text: string): { summary: string; start: string }[] {
      const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      const iso = (t: ICAL.Time) => t.toJSDate().toISOString().replace('.000Z', 'Z');
      const out: { summary: string; start: string }[] = [];
      for (const master of events.filter((e) => !e.isRecurrenceException())) {
        for (const ex of events.filter((e) => e.isRecurrenceException() && e.uid === master.uid)) master.relateException(ex);
        if (!master.isRecurring()) {
          out.push({ summary: master.summary, start: iso(master.startDate) });
          continue;
        }
        const it = master.iterator();
        for (let next = it.next(), n = 0; next && n < 500; next = it.next(), n++) {
          const details = master.getOccurrenceDetails(next);
          out.push({ summary: details.item.summary, start: iso(details.startDate) });
        }
      }
      return out.sort((a, b) => a.start.localeCompare(b.start));
    }

    let all: { summary: string; start: string }[];
    beforeAll(() => {
      const files = emitCalendars(course, { catalog: result.catalog, curricula: result.curricula });
      all = occurrences(files.find((f) => f.path === 'mit-608-spring-2018/calendar.ics')!.contents as string);
    });

    it('has the twelve lectures at 1 p.m. Cambridge time: 18:00 UTC before 11 March, 17:00 UTC after', () => {
      expect(all.filter((o) => o.summary === 'Lecture').map((o) => o.start)).toEqual([
        '2018-02-12T18:00:00Z',
        '2018-02-20T18:00:00Z',
        '2018-02-26T18:00:00Z',
        '2018-03-05T18:00:00Z',
        '2018-03-12T17:00:00Z',
        '2018-03-19T17:00:00Z',
        '2018-04-02T17:00:00Z',
        '2018-04-09T17:00:00Z',
        '2018-04-23T17:00:00Z',
        '2018-04-30T17:00:00Z',
        '2018-05-07T17:00:00Z',
        '2018-05-14T17:00:00Z',
      ]);
    });

    it('has each lab section’s 26 meetings, and none on 20 February', () => {
      for (const n of [1, 2, 3, 4]) {
        const starts = all.filter((o) => o.summary === `Lab, section ${n}`).map((o) => o.start);
        expect(starts).toHaveLength(26);
        expect(starts.filter((s) => s.startsWith('2018-02-20'))).toEqual([]);
      }
    });

    it('has the midterm at 23:30 UTC on 10 April', () => {
      expect(all.filter((o) => /midterm/i.test(o.summary)).map((o) => o.start)).toEqual(['2018-04-10T23:30:00Z']);
    });
  });
});
