import type { Reporter } from '../diagnostics/reporter.ts';
import type { Assignment, Competence, CompetenceArea, Deadline, Module } from '../model/types.ts';
import type { CompetencesDocument, ValidatedDocument } from '../validate/documents.ts';
import type { Registries } from './context.ts';
import { pick } from './program.ts';
import type { Slot } from './schedule.ts';

export function defineAssignments(source: ValidatedDocument<'assignments'>, registries: Registries): void {
  source.data.assignments.forEach((a, i) =>
    registries.assignments.define(a.id, { doc: a, index: i }, source.at(['assignments', i, 'id'])),
  );
}

export function resolveAssignments(
  source: ValidatedDocument<'assignments'> | undefined,
  registries: Registries,
  slots: ReadonlyMap<string, Slot>,
  deadlines: readonly Deadline[],
  reporter: Reporter,
): Assignment[] {
  if (!source) return [];
  return registries.assignments.values.map(({ doc: a, index: i }): Assignment => {
    const at = (...path: (string | number)[]) => source.at(['assignments', i, ...path]);
    let choice: Assignment['choice'];
    if (a.choice) {
      const options = a.choice.options ?? [];
      const optionIds = new Set<string>();
      options.forEach((o, j) => {
        if (optionIds.has(o.id)) {
          const first = options.findIndex((other) => other.id === o.id);
          reporter.report('id_duplicate', { noun: 'option', id: o.id, among: 'assignment-options' }, at('choice', 'options', j, 'id'), {
            related: [{ role: 'first-defined', id: o.id, ...at('choice', 'options', first, 'id') }],
          });
        }
        optionIds.add(o.id);
      });
      const from = a.choice.from ?? options.length;
      if (a.choice.from !== undefined && a.choice.options && options.length !== a.choice.from) {
        reporter.report('stated_count_mismatch', { kind: 'choice', stated: a.choice.from, listed: options.length }, at('choice', 'from'));
      }
      if (a.choice.select > from) {
        reporter.report('requirement_unmeetable', { kind: 'choice', assignment: a.id, select: a.choice.select, offered: from }, at('choice', 'select'));
      }
      choice = { select: a.choice.select, from, options };
    }
    const slot = slots.get(a.id);
    return {
      id: a.id,
      title: a.title,
      kind: a.kind,
      ...pick(a, ['description', 'deliverable', 'submission']),
      optional: a.optional ?? false,
      ...(choice ? { choice } : {}),
      competenceIds: registries.competences.referAll(a.competences, (j) => at('competences', j)),
      moduleIds: registries.modules.referAll(a.modules, (j) => at('modules', j)),
      ...(slot?.span ? { scheduled: { weekNumbers: slot.weekNumbers, periodIds: slot.periodIds, span: slot.span } } : {}),
      deadlineIds: deadlines.filter((d) => d.assignmentIds.includes(a.id)).map((d) => d.id),
    };
  });
}

export function defineCompetences(source: ValidatedDocument<'competences'>, registries: Registries): void {
  const doc = source.data;
  doc.areas?.forEach((a, i) => registries.areas.define(a.id, { id: a.id }, source.at(['areas', i, 'id'])));
  doc.competences.forEach((c, i) => registries.competences.define(c.id, c, source.at(['competences', i, 'id'])));
}

export function resolveCompetences(
  source: ValidatedDocument<'competences'> | undefined,
  registries: Registries,
  modules: readonly Module[],
  assignments: readonly Assignment[],
): { competences: Competence[]; areas: CompetenceArea[]; framework?: NonNullable<CompetencesDocument['framework']> } {
  if (!source) return { competences: [], areas: [] };
  const doc = source.data;
  const modulesOf = indexBy(modules, (m) => m.competenceIds);
  const assignmentsOf = indexBy(assignments, (a) => a.competenceIds);
  const competences = doc.competences.flatMap((c, i): Competence[] => {
    if (registries.competences.get(c.id) !== c) return []; // a duplicate id, already reported
    const areaId = c.area && registries.areas.refer(c.area, source.at(['competences', i, 'area'])) ? c.area : undefined;
    return [
      {
        id: c.id,
        title: c.title,
        description: c.description,
        ...(areaId ? { areaId } : {}),
        ...pick(c, ['esco', 'eqfLevel']),
        moduleIds: modulesOf.get(c.id) ?? [],
        assignmentIds: assignmentsOf.get(c.id) ?? [],
      },
    ];
  });
  return {
    competences,
    areas: (doc.areas ?? []).map((a) => ({ id: a.id, title: a.title, ...(a.description ? { description: a.description } : {}) })),
    ...(doc.framework ? { framework: doc.framework } : {}),
  };
}

/** Ids of the items that name each key, in item order. */
function indexBy<T extends { id: string }>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const list = index.get(key);
      if (list) list.push(item.id);
      else index.set(key, [item.id]);
    }
  }
  return index;
}
