import { messagesFor, type Messages } from '../i18n/index.ts';
import type { Curriculum, ItemCategory, Module, Requirement } from '../model/types.ts';

/** One line of a completion checklist, with the lines it breaks down into. */
export interface ChecklistItem {
  readonly text: string;
  /** The module, assignment or session the line is about, for links and check boxes. */
  readonly ref?: { readonly category: ItemCategory; readonly id: string };
  /** How the item is met, where there is more to say (a pass mark, a choice). */
  readonly detail?: string;
  readonly children: readonly ChecklistItem[];
}

/**
 * Writes a normalized requirement out as a checklist. Every output that explains the
 * policy (site, LMS import notes, packages) uses this, so the rule is stated once, by
 * code, from the model.
 */
export function describeRequirement(requirement: Requirement, curriculum: Curriculum, messages: Messages = messagesFor(curriculum.program.language)): ChecklistItem {
  const p = messages.policy;
  switch (requirement.type) {
    case 'certificate':
      return { text: p.earnCertificate(curriculum.policy.certificate.title), children: [] };
    case 'group': {
      const text = requirement.atLeast === requirement.of.length ? p.allOf : requirement.atLeast === 1 ? p.anyOf : p.atLeastOf(requirement.atLeast);
      // "All of" one thing is just that thing.
      if (requirement.of.length === 1 && requirement.atLeast === 1) return describeRequirement(requirement.of[0]!, curriculum, messages);
      return { text, children: requirement.of.map((r) => describeRequirement(r, curriculum, messages)) };
    }
    case 'items':
      return describeItems(requirement, curriculum, messages);
    case 'grade':
      return { text: p.earnGrade(requirement.grade), children: [] };
    case 'total': {
      const grading = curriculum.policy.grading;
      return { text: p.earnTotal(requirement.min, grading?.scale ?? 'percent'), children: [] };
    }
  }
}

function describeItems(r: Extract<Requirement, { type: 'items' }>, curriculum: Curriculum, messages: Messages): ChecklistItem {
  const p = messages.policy;
  const n = r.ids.length;
  const all = r.atLeast === n;
  const kind = r.kind ? (messages.common.moduleKinds[r.kind] ?? r.kind) : '';
  let text: string;
  switch (r.category) {
    case 'module':
      text = !all ? p.passAtLeastModules(r.atLeast, n) : r.selection === 'all' ? p.passEveryModule(n) : r.selection === 'kind' ? p.passModulesOfKind(kind, n) : p.passModules(n);
      break;
    case 'assignment':
      text = !all
        ? p.completeAtLeastAssignments(r.atLeast, n)
        : r.selection === 'all'
          ? p.completeEveryAssignment(n)
          : r.selection === 'kind'
            ? p.completeAssignmentsOfKind(messages.common.assignmentKinds[r.kind ?? ''] ?? r.kind ?? '', n)
            : p.completeAssignments(n);
      break;
    case 'session': {
      const series = all && r.selection === 'list' ? wholeSeries(r.ids, curriculum) : undefined;
      text = series
        ? p.attendSeries(series.title, n)
        : !all
          ? p.attendAtLeastSessions(r.atLeast, n)
          : r.selection === 'all'
            ? p.attendEverySession(n)
            : r.selection === 'kind'
              ? p.attendSessionsOfKind(messages.common.sessionKinds[r.kind ?? ''] ?? r.kind ?? '', n)
              : p.attendSessions(n);
      break;
    }
  }
  const children = r.ids.map((id) => describeItem(r.category, id, curriculum, messages));
  // A single named item needs no heading line above it.
  if (n === 1 && all && r.selection === 'list') return children[0]!;
  return { text, children };
}

function describeItem(category: ItemCategory, id: string, curriculum: Curriculum, messages: Messages): ChecklistItem {
  const p = messages.policy;
  const ref = { category, id };
  if (category === 'module') {
    const module = curriculum.modules.find((m) => m.id === id)!;
    return module.assessment
      ? { text: p.passModule(module.title), ref, detail: modulePassText(module, messages), children: [] }
      : { text: p.completeModule(module.title), ref, detail: p.viewToComplete, children: [] };
  }
  if (category === 'assignment') {
    const a = curriculum.assignments.find((x) => x.id === id)!;
    return { text: p.completeAssignment(a.title), ref, ...(a.choice ? { detail: p.chooseOptions(a.choice.select, a.choice.from) } : {}), children: [] };
  }
  const s = curriculum.schedule.sessions.find((x) => x.id === id)!;
  // The sessions of a series share their title: the day tells them apart.
  return { text: p.attendSession(s.title), ref, ...(s.seriesId !== undefined ? { detail: dayFormat(curriculum.program.language).format(new Date(`${s.start.date}T00:00:00Z`)) } : {}), children: [] };
}

/** One formatter per language: a program's series can name a hundred sessions, on every page that states the policy. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(language: string): Intl.DateTimeFormat {
  let format = dayFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dayFormats.set(language, format);
  }
  return format;
}

/** The series whose sessions are exactly `ids` (every session of one section, say), if any. */
function wholeSeries(ids: readonly string[], curriculum: Curriculum): { readonly title: string } | undefined {
  const first = curriculum.schedule.sessions.find((s) => s.id === ids[0]);
  if (first?.seriesId === undefined) return undefined;
  const members = curriculum.schedule.sessions.filter((s) => s.seriesId === first.seriesId).map((s) => s.id);
  if (members.length !== ids.length || !members.every((id) => ids.includes(id))) return undefined;
  return curriculum.schedule.series.find((s) => s.id === first.seriesId);
}

/** "score at least 60 %, 2 attempts" for a module's assessment; the completion rule for one without. */
export function modulePassText(module: Module, messages: Messages): string {
  const p = messages.policy;
  if (!module.assessment) return p.viewToComplete;
  const { minScore, attempts } = module.assessment.pass;
  return `${p.passRule(minScore)}, ${attempts === 'unlimited' ? p.retriesAllowed : p.attempts(attempts)}`;
}

/**
 * Each assessment of a module's list, with how it is passed or where it is graded
 * ("Quiz 1: score at least 60 %, 2 attempts"); empty for a module with the single form.
 */
export function moduleAssessmentsText(module: Module, messages: Messages): string[] {
  const p = messages.policy;
  return (module.assessments ?? []).map((a) => {
    const how = a.quiz ? `${p.passRule(a.quiz.pass.minScore)}, ${a.quiz.pass.attempts === 'unlimited' ? p.retriesAllowed : p.attempts(a.quiz.pass.attempts)}` : p.gradedElsewhere;
    return `${a.title}: ${how}`;
  });
}

/** The certificate's checklist. */
export function certificateChecklist(curriculum: Curriculum): ChecklistItem {
  return describeRequirement(curriculum.policy.certificate.requires, curriculum);
}
