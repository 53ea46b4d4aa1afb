import type { Reporter } from '../diagnostics/reporter.ts';
import { displayPath } from '../load/discover.ts';
import { singletonKinds, type DocumentKind, type SingletonKind } from '../load/document-kinds.ts';
import type { Assignment, Curriculum, Deadline, ItemCategory, Phase, RequiredItems } from '../model/types.ts';
import { maxDate, minDate } from '../time/dates.ts';
import { defineAssignments, defineCompetences, resolveAssignments, resolveCompetences } from './assignments.ts';
import { createRegistries, type ProgramSources, type Registries } from './context.ts';
import { defineModules, resolveModules } from './modules.ts';
import { resolveModulePass, resolvePolicy } from './policy.ts';
import { resolveProgramDocument } from './program.ts';
import { defineQuestionBanks, resolveQuestionBanks } from './question-banks.ts';
import { defineScheduleIds, placeInWeeks, resolveSchedule, type ResolvedSchedule } from './schedule.ts';
import { orderExamModules } from './series.ts';
import { checkStatedFacts } from './stated-facts.ts';
import { checkLocalDateTime } from './time-checks.ts';

export interface ResolveOptions {
  /** UTC timestamp standing for "when the sources were written" (see `Curriculum.sourceDate`). */
  readonly sourceDate: string;
  /** `catalog.yaml`'s namespace, for a program that declares none. */
  readonly catalogNamespace?: string;
}

/** Documents without which no program can be built. */
const requiredKinds = ['program', 'schedule', 'policy'] as const satisfies readonly SingletonKind[];

/**
 * Resolves one program's documents into the model, reporting every problem of meaning
 * on the way. Returns the model only when no error was found, so that no emitter ever
 * sees an inconsistent program.
 */
export function resolveProgram(sources: ProgramSources, reporter: Reporter, options: ResolveOptions): Curriculum | undefined {
  const errorsBefore = reporter.errorCount;
  const withheldKinds = new Set(sources.withheld.map((w) => w.kind));
  // Documents withheld whole or in part: checks over what they define are not made.
  const partial = new Set([...withheldKinds, ...sources.pruned]);
  for (const kind of requiredKinds) {
    if (!sources[kind] && !withheldKinds.has(kind)) {
      const folder = displayPath(sources.folder.absolutePath);
      reporter.report('document_missing', { kind, folder, file: singletonKinds[kind] }, { file: folder });
    }
  }
  if (!sources.program) return undefined;

  const registries = createRegistries(reporter);
  withhold(sources, registries);
  const program = resolveProgramDocument(sources.program, sources, registries, reporter, options.catalogNamespace);
  if (sources.competences) defineCompetences(sources.competences, registries);
  defineQuestionBanks(sources.assessments, registries, reporter);
  defineModules(sources.modules, registries, reporter);
  if (sources.assignments) defineAssignments(sources.assignments, registries);
  if (sources.schedule) defineScheduleIds(sources.schedule, registries);

  const zone = program.program.timeZone;
  const schedule = sources.schedule && program.datesUsable ? resolveSchedule(sources.schedule, zone, registries, reporter) : emptySchedule(zone);
  const modulePass = resolveModulePass(sources.policy, reporter);
  const modules = resolveModules(
    {
      registries,
      files: sources.files,
      ...(sources.links ? { links: sources.links } : {}),
      slots: schedule.moduleSlots,
      deadlines: schedule.deadlines,
      defaultPass: modulePass,
      // Without a readable policy, a module's pass mark may well be written there.
      policyKnown: sources.policy !== undefined && !partial.has('policy'),
      // A week or period left out for its own error may be the one that lists a module.
      scheduleKnown: sources.schedule !== undefined && program.datesUsable && !sources.dropped?.some((d) => d.kind === 'schedule'),
      listedModules: schedule.listedModules,
    },
    reporter,
  );
  const questionBanks = resolveQuestionBanks(registries, reporter);
  let assignments = resolveAssignments(sources.assignments, registries, schedule.assignmentSlots, schedule.deadlines, reporter);
  const { competences, areas, framework } = resolveCompetences(sources.competences, registries, modules, assignments);
  const phases = resolvePhases(sources, registries, schedule, modules);
  // Items left out for an error of their own: counting or selecting over their category would
  // report that error again in other words, so those checks are skipped.
  const incomplete = new Set<ItemCategory>([
    ...(partial.has('module') || registries.modules.duplicated ? ['module' as const] : []),
    ...(partial.has('assignments') || registries.assignments.duplicated ? ['assignment' as const] : []),
    ...(schedule.incomplete || partial.has('schedule') || registries.sessions.duplicated ? ['session' as const] : []),
  ]);
  const policy = sources.policy
    ? resolvePolicy(sources.policy, { modules, assignments, sessions: schedule.sessions, exams: schedule.exams, incomplete }, modulePass, registries, reporter)
    : undefined;

  let deadlines = schedule.deadlines;
  // A deadline or week left out for its own error may be the one an assignment has.
  if (policy && program.datesUsable && !schedule.incomplete && !partial.has('schedule') && !incomplete.has('assignment')) {
    const implicit = implicitDeadlines(policy.certificate.requiredItems, assignments, deadlines, program.program, sources, registries, reporter);
    if (implicit.length > 0) {
      deadlines = [...deadlines, ...implicit];
      assignments = assignments.map((a) => {
        const added = implicit.filter((d) => d.assignmentIds.includes(a.id)).map((d) => d.id);
        return added.length > 0 ? { ...a, deadlineIds: [...a.deadlineIds, ...added] } : a;
      });
    }
  }

  const scheduleModel: Curriculum['schedule'] = {
    timeZone: schedule.timeZone,
    phases,
    weeks: placeInWeeks(schedule.weeks, schedule.sessions, deadlines, schedule.exams),
    periods: schedule.periods,
    breaks: schedule.breaks,
    sessions: schedule.sessions,
    series: schedule.series,
    sections: schedule.sections,
    exams: orderExamModules(schedule.exams, modules.map((m) => m.id)),
    deadlines,
    span: scheduleSpan(schedule, deadlines, program.program.dates),
  };
  if (program.datesUsable && sources.schedule) {
    checkStatedFacts({ program: program.program, modules, assignments, competences, schedule: scheduleModel }, schedule, sources.program, reporter, {
      // With its start after its end, every scheduled item would be "outside" the program: one report is enough.
      dates: program.program.dates.start <= program.program.dates.end,
      incomplete: new Set([...incomplete, ...(partial.has('competences') ? ['competence' as const] : [])]),
    });
  }
  if (reporter.errorCount > errorsBefore || !policy || !sources.schedule || !program.datesUsable) return undefined;

  return {
    modelVersion: 1,
    program: program.program,
    ...(framework ? { framework } : {}),
    competenceAreas: areas,
    competences,
    modules,
    questionBanks,
    assignments,
    schedule: scheduleModel,
    policy,
    ...(sources.linkedFiles?.length ? { files: sources.linkedFiles } : {}),
    site: program.site,
    calendar: program.calendar,
    identity: program.identity,
    lms: program.lms,
    sourceDate: options.sourceDate,
  };
}

/** The registry of the things each top-level list of a document defines. */
const listRegistries: Partial<Record<DocumentKind, Readonly<Record<string, keyof Registries>>>> = {
  program: { organizers: 'organizers' },
  competences: { competences: 'competences', areas: 'areas' },
  assignments: { assignments: 'assignments' },
  schedule: { phases: 'phases', periods: 'periods', breaks: 'breaks', sessions: 'sessions', series: 'series', sections: 'sections', exams: 'exams', deadlines: 'deadlines' },
};

/** Ids in documents that failed their schema are known to exist; references to them are not reported. */
function withhold(sources: ProgramSources, registries: Registries): void {
  const withheld: { kind: DocumentKind; id?: string }[] = [...sources.withheld];
  // A list item left out for its own errors: references to its id are not reported. One
  // without an id, or in a list that defines no registry's things, may have defined what
  // anything of its document defines.
  for (const { kind, list, id } of sources.dropped ?? []) {
    const registry = list.length === 1 && typeof list[0] === 'string' ? listRegistries[kind]?.[list[0]] : undefined;
    if (registry && id) registries[registry].withhold(id);
    else withheld.push({ kind });
  }
  for (const { kind, id } of withheld) {
    if (kind === 'module' && id) registries.modules.withhold(id);
    if (kind === 'assessment' && id) registries.banks.withhold(id);
    if (kind === 'competences') {
      registries.competences.withholdAll();
      registries.areas.withholdAll();
    }
    if (kind === 'assignments') registries.assignments.withholdAll();
    if (kind === 'program') registries.organizers.withholdAll();
    if (kind === 'schedule') {
      for (const r of [registries.phases, registries.sessions, registries.periods, registries.breaks, registries.deadlines, registries.series, registries.sections, registries.exams]) r.withholdAll();
    }
  }
}

function emptySchedule(zone: string): ResolvedSchedule {
  return {
    incomplete: true,
    timeZone: zone,
    weeks: [],
    periods: [],
    breaks: [],
    sessions: [],
    series: [],
    sections: [],
    exams: [],
    deadlines: [],
    moduleSlots: new Map(),
    assignmentSlots: new Map(),
    itemLocations: new Map(),
    listedModules: new Set(),
  };
}

function resolvePhases(sources: ProgramSources, registries: Registries, schedule: ResolvedSchedule, modules: Curriculum['modules']): Phase[] {
  if (!sources.schedule) return [];
  return registries.phases.values.map((p) => {
    const weeks = schedule.weeks.filter((w) => w.phaseId === p.id);
    const weekNumbers = weeks.flatMap((w) => Array.from({ length: w.last - w.first + 1 }, (_, i) => w.first + i));
    const span = weeks.length > 0 ? { start: weeks[0]!.span.start, end: weeks.reduce((e, w) => maxDate(e, w.span.end), weeks[0]!.span.end) } : undefined;
    return {
      id: p.id,
      title: p.title,
      ...(p.number !== undefined ? { number: p.number } : {}),
      ...(p.description ? { description: p.description } : {}),
      ...(span ? { span } : {}),
      weekNumbers,
      moduleIds: modules.filter((m) => m.phaseId === p.id).map((m) => m.id),
    };
  });
}

function scheduleSpan(schedule: ResolvedSchedule, deadlines: readonly Deadline[], fallback: { start: string; end: string }): { start: string; end: string } {
  const days: [string, string][] = [
    ...schedule.weeks.map((w) => [w.span.start, w.span.end] as [string, string]),
    ...schedule.periods.map((p) => [p.span.start, p.span.end] as [string, string]),
    ...schedule.sessions.map((s) => [s.start.date, s.end.date] as [string, string]),
    ...schedule.exams.map((e) => [e.start.date, e.end.date] as [string, string]),
    ...deadlines.map((d) => [d.due.date, d.due.date] as [string, string]),
  ];
  if (days.length === 0) return { start: fallback.start, end: fallback.end };
  return days.reduce((span, [s, e]) => ({ start: minDate(span.start, s), end: maxDate(span.end, e) }), { start: days[0]![0], end: days[0]![1] });
}

/**
 * A required assignment without a deadline is due, as far as anyone can tell, by the
 * end of the program. Say so (a warning) and make that explicit in the model, marked
 * as implicit, so that the site and calendars do not invent certainty.
 */
function implicitDeadlines(
  requiredItems: RequiredItems,
  assignments: readonly Assignment[],
  deadlines: readonly Deadline[],
  program: Curriculum['program'],
  sources: ProgramSources,
  registries: Registries,
  reporter: Reporter,
): Deadline[] {
  const required = new Set(requiredItems.assignments);
  const taken = new Set(deadlines.map((d) => d.id));
  const out: Deadline[] = [];
  for (const a of assignments) {
    if (!required.has(a.id) || a.optional || a.deadlineIds.length > 0 || a.scheduled) continue;
    const at = registries.assignments.locationOf(a.id);
    reporter.report('deadline_implicit', { assignment: a.id, end: program.dates.end, scheduleKnown: sources.schedule !== undefined }, at);
    const due = checkLocalDateTime(`${program.dates.end}T23:59:59`, program.timeZone, at ?? { file: '' }, reporter);
    if (!due) continue;
    let id = `${a.id}-due`;
    while (taken.has(id)) id += '-implicit';
    taken.add(id);
    out.push({ id, title: a.title, due: { date: program.dates.end, endOfDay: true, at: due }, moduleIds: [], assignmentIds: [a.id], implicit: true });
  }
  return out;
}
