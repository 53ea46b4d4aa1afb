/**
 * Which events go into a phase's own calendar. A learner who follows one phase should
 * see what they study in it and what falls due for it:
 *
 * - the phase's modules (by `phase`, or scheduled in one of its weeks);
 * - assignments scheduled in one of its weeks;
 * - its weeks that become events (titled or with a note);
 * - live sessions that start, and deadlines that fall, within the phase's days; a series
 *   (with its moved occurrences) when one of its occurrences does; exams that start in it;
 * - deadlines for one of the phase's modules or assignments, wherever they fall (work of
 *   a phase is often due after its last week);
 * - breaks and periods that share a day with the phase.
 *
 * Days are compared as written in the sources (the schedule's own calendar), like the
 * weeks that list the sessions and deadlines they contain.
 */
import type { Curriculum, DateSpan, Phase } from '../../model/types.ts';
import { spansOverlap } from '../../time/dates.ts';
import type { CalendarEvent } from './events.ts';
import { weekId } from './uid.ts';

/** The events of `events` that belong to `phase`, in their given order. */
export function phaseEvents(curriculum: Curriculum, phase: Phase, events: readonly CalendarEvent[]): CalendarEvent[] {
  const { schedule } = curriculum;
  const weeks = new Set(phase.weekNumbers);
  const inWeeks = (s: { readonly weekNumbers: readonly number[] } | undefined) => s?.weekNumbers.some((n) => weeks.has(n)) ?? false;
  const modules = new Set(curriculum.modules.filter((m) => m.phaseId === phase.id || phase.moduleIds.includes(m.id) || inWeeks(m.scheduled)).map((m) => m.id));
  const assignments = new Set(curriculum.assignments.filter((a) => inWeeks(a.scheduled)).map((a) => a.id));
  const within = (day: string) => phase.span !== undefined && day >= phase.span.start && day <= phase.span.end;
  const overlaps = (span: DateSpan) => phase.span !== undefined && spansOverlap(span, phase.span);

  const belongs = (e: CalendarEvent): boolean => {
    switch (e.kind) {
      case 'module':
        return modules.has(e.itemId);
      case 'assignment':
        return assignments.has(e.itemId);
      case 'week': {
        const week = schedule.weeks.find((w) => weekId(w) === e.itemId);
        return week !== undefined && week.phaseId === phase.id;
      }
      case 'session': {
        const session = schedule.sessions.find((s) => s.id === e.itemId);
        return session !== undefined && within(session.start.date);
      }
      case 'series': {
        const series = schedule.series.find((x) => x.id === e.itemId);
        return series !== undefined && schedule.sessions.some((x) => x.seriesId === series.id && within(x.start.date));
      }
      case 'exam': {
        const exam = schedule.exams.find((x) => x.id === e.itemId);
        return exam !== undefined && within(exam.start.date);
      }
      case 'deadline': {
        const d = schedule.deadlines.find((x) => x.id === e.itemId);
        return d !== undefined && (within(d.due.date) || d.moduleIds.some((id) => modules.has(id)) || d.assignmentIds.some((id) => assignments.has(id)));
      }
      case 'break': {
        const b = schedule.breaks.find((x) => x.id === e.itemId);
        return b !== undefined && overlaps(b.span);
      }
      case 'period': {
        const p = schedule.periods.find((x) => x.id === e.itemId);
        return p !== undefined && overlaps(p.span);
      }
    }
  };
  return events.filter(belongs);
}
