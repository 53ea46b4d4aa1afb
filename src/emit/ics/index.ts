/**
 * The ICS calendars of a program (RFC 5545), written by hand rather than with a
 * calendar library: ready-made generators format plain dates in the building machine's
 * zone, leave out VTIMEZONEs, or stamp the build time, and each of those breaks
 * learners' calendars or reproducible builds.
 *
 * model → events (model-events.ts, phase-events.ts) → VCALENDAR tree
 * (calendar-document.ts, vtimezone.ts, date-times.ts) → text (components.ts,
 * content-lines.ts, values.ts).
 */
import { messagesFor } from '../../i18n/index.ts';
import type { Curriculum } from '../../model/types.ts';
import { outputPaths } from '../../addresses/index.ts';
import type { EmitContext, OutputFile } from '../types.ts';
import { calendarText, type CalendarOptions } from './calendar-document.ts';
import { occurrenceEvents, programEvents } from './model-events.ts';
import { phaseEvents } from './phase-events.ts';
import { calendarLockText, reviseEvents } from './revisions.ts';

export { calendarLockFileName, parseCalendarLock, type CalendarLock } from './revisions.ts';

/**
 * `<program>/calendar.ics` (the whole program, to subscribe to), one calendar per
 * phase (`calendars/<phase>.ics`), and one file per live session, series, exam and
 * deadline (`calendars/sessions/<session>.ics`, `calendars/series/<series>.ics`,
 * `calendars/exams/<exam>.ics`, `calendars/deadlines/<deadline>.ics`, to add that event
 * alone). The same item has the same UID in every file; an occurrence of a series has
 * its own UID in its own file, since a lone instance of a recurring event is not
 * something every client can add.
 */
export const emitCalendars = (curriculum: Curriculum, context: EmitContext): OutputFile[] => {
  const { program, schedule } = curriculum;
  const m = messagesFor(program.language).calendar;
  const { events, occurrences } = revisedEvents(curriculum, context);
  const base = baseOptions(curriculum);
  const subscription = (name: string) => ({
    name,
    ...(program.summary ? { description: program.summary } : {}),
    timeZone: schedule.timeZone,
    refreshHours: curriculum.calendar.refreshHours,
  });

  const files: OutputFile[] = [
    { path: outputPaths.calendar(program.id), contents: calendarText(events, { ...base, subscription: subscription(m.programCalendar(program.shortTitle)) }) },
  ];
  for (const phase of schedule.phases) {
    files.push({
      path: outputPaths.phaseCalendar(program.id, phase.id),
      contents: calendarText(phaseEvents(curriculum, phase, events), {
        ...base,
        subscription: subscription(m.phaseCalendar(program.shortTitle, phase.title)),
        ...(phase.span ? { emptyZone: { zone: schedule.timeZone, at: Date.parse(`${phase.span.start}T12:00:00Z`) } } : {}),
      }),
    });
  }
  for (const session of schedule.sessions) {
    const event = (session.seriesId ? occurrences : events).find((e) => e.kind === 'session' && e.itemId === session.id)!;
    files.push({ path: outputPaths.sessionCalendar(program.id, session.id), contents: calendarText([event], base) });
  }
  for (const series of schedule.series) {
    files.push({ path: outputPaths.seriesCalendar(program.id, series.id), contents: calendarText(events.filter((e) => e.kind === 'series' && e.itemId === series.id), base) });
  }
  for (const exam of schedule.exams) {
    const event = events.find((e) => e.kind === 'exam' && e.itemId === exam.id)!;
    files.push({ path: outputPaths.examCalendar(program.id, exam.id), contents: calendarText([event], base) });
  }
  for (const deadline of schedule.deadlines) {
    const event = events.find((e) => e.kind === 'deadline' && e.itemId === deadline.id)!;
    files.push({ path: outputPaths.deadlineCalendar(program.id, deadline.id), contents: calendarText([event], base) });
  }
  return files;
};

/**
 * The program's events with their revisions, and the lock that records them; the
 * occurrences of series as events of their own (for their own files) are revised too.
 */
function revisedEvents(curriculum: Curriculum, context: EmitContext) {
  const main = programEvents(curriculum, context.catalog.url);
  const occurrences = occurrenceEvents(curriculum, context.catalog.url);
  const revised = reviseEvents([...main, ...occurrences], context.calendarLocks?.get(curriculum.program.id), curriculum.sourceDate);
  return { events: revised.events.slice(0, main.length), occurrences: revised.events.slice(main.length), lock: revised.lock };
}

/** The text of the program's calendar lock after this build (revisions.ts): what `build` writes beside the sources. */
export function calendarLock(curriculum: Curriculum, context: EmitContext): string {
  return calendarLockText(revisedEvents(curriculum, context).lock);
}

function baseOptions(curriculum: Curriculum): CalendarOptions {
  return {
    stamp: curriculum.sourceDate,
    sequence: curriculum.calendar.sequence,
    emptyZone: { zone: curriculum.schedule.timeZone, at: Date.parse(`${curriculum.schedule.span.start}T12:00:00Z`) },
  };
}
