import type { Reporter } from '../diagnostics/reporter.ts';
import type { LoadedDocument } from '../load/parse-yaml.ts';
import type { Assignment, DefaultPassRule, Grading, ItemCategory, LiveSession, Module, Policy, RequiredItems, Requirement } from '../model/types.ts';
import { closest } from '../util/suggest.ts';
import type { RequirementDocument, SelectorDocument, ValidatedDocument } from '../validate/documents.ts';
import type { Registries } from './context.ts';
import { findBand, maxBonus, resolveGrading, type GradablePoolItem } from './grading.ts';
import { checkPassMark } from './modules.ts';
import type { Registry } from './registry.ts';

interface Items {
  readonly modules: readonly Module[];
  readonly assignments: readonly Assignment[];
  readonly sessions: readonly LiveSession[];
  /** The exams of the schedule, which grading components can select. */
  readonly exams?: readonly GradablePoolItem[];
  /** Categories some of whose items were left out for their own errors: selections over them are not checked. */
  readonly incomplete: ReadonlySet<ItemCategory>;
}

/**
 * The pass rule modules inherit, resolved once (its pass mark checked where it is
 * written): modules apply this rule and the policy in the model states it.
 */
export function resolveModulePass(source: ValidatedDocument<'policy'> | undefined, reporter: Reporter): DefaultPassRule {
  const pass = source?.data.modules?.pass;
  if (source && pass?.minScore !== undefined) checkPassMark(pass.minScore, source.at(['modules', 'pass', 'minScore']), reporter);
  return { ...(pass?.minScore !== undefined ? { minScore: Math.min(pass.minScore, 100) } : {}), attempts: pass?.attempts ?? 'unlimited' };
}

export function resolvePolicy(source: ValidatedDocument<'policy'>, items: Items, modulePass: DefaultPassRule, registries: Registries, reporter: Reporter): Policy | undefined {
  const doc = source.data;
  const grading = doc.grading ? resolveGrading(source, gradablePools(items), registries, reporter) : undefined;
  // A grading with errors is not there for the requirements: their grades are not checked against it.
  const normalizer = new RequirementNormalizer(source, items, registries, reporter, doc.grading ? (grading ?? 'invalid') : undefined);
  const requires = normalizer.normalize(doc.certificate.requires, ['certificate', 'requires'], false);
  const benefits = (doc.benefits ?? []).flatMap((b, i) => {
    const r = normalizer.normalize(b.requires, ['benefits', i, 'requires'], true);
    return r ? [{ id: b.id, title: b.title, requires: r, requiredItems: requiredItemsOf(r), ...(b.description ? { description: b.description } : {}) }] : [];
  });
  const benefitIds = new Set<string>();
  (doc.benefits ?? []).forEach((b, i) => {
    if (benefitIds.has(b.id)) {
      const first = (doc.benefits ?? []).findIndex((other) => other.id === b.id);
      reporter.report('id_duplicate', { noun: 'benefit', id: b.id }, source.at(['benefits', i, 'id']), {
        related: [{ role: 'first-defined', id: b.id, ...source.at(['benefits', first, 'id']) }],
      });
    }
    benefitIds.add(b.id);
  });
  const issuerIds = registries.organizers.referAll(doc.certificate.issuedBy, (i) => source.at(['certificate', 'issuedBy', i]));
  if (!requires) return undefined;
  return {
    modulePass,
    ...(doc.modules?.note ? { modulesNote: doc.modules.note } : {}),
    certificate: {
      title: doc.certificate.title,
      issuerIds,
      requires,
      requiredItems: requiredItemsOf(requires),
      ...(doc.certificate.brings ? { brings: doc.certificate.brings } : {}),
      ...(doc.certificate.recognition ? { recognition: doc.certificate.recognition } : {}),
      ...(doc.certificate.note ? { note: doc.certificate.note } : {}),
    },
    ...(doc.attendance ? { attendance: { minShare: doc.attendance.minShare } } : {}),
    benefits,
    ...(grading ? { grading } : {}),
  };
}

/** What grading selectors choose from: modules stand for their assessment, a list entry is graded on its own. */
function gradablePools(items: Items): Parameters<typeof resolveGrading>[1] {
  return {
    modules: items.modules.map((m) => {
      const first = m.assessments?.find((a) => a.quiz);
      return { id: m.id, title: m.title, kind: m.kind, ...(first ? { sameAs: { category: 'assessment' as const, id: first.id } } : {}) };
    }),
    assignments: items.assignments.map((a) => ({ id: a.id, title: a.title, kind: a.kind, optional: a.optional })),
    sessions: items.sessions.map((s) => ({ id: s.id, title: s.title, kind: s.kind })),
    exams: items.exams ?? [],
    assessments: items.modules.flatMap((m) => (m.assessments ?? []).map((a) => ({ id: a.id, title: a.title, kind: a.quiz ? 'local' : 'external' }))),
    incomplete: new Set([
      ...items.incomplete,
      ...(items.incomplete.has('module') ? ['assessment' as const] : []),
      // Exams are read with the sessions, from the schedule: what leaves those out leaves exams out too.
      ...(items.incomplete.has('session') ? ['exam' as const] : []),
    ]),
  };
}

/** The items a requirement names, walked once here so that no reader walks the tree for them. */
function requiredItemsOf(requirement: Requirement): RequiredItems {
  const ids: Record<ItemCategory, Set<string>> = { module: new Set(), assignment: new Set(), session: new Set() };
  const visit = (r: Requirement): void => {
    if (r.type === 'group') r.of.forEach(visit);
    else if (r.type === 'items') r.ids.forEach((id) => ids[r.category].add(id));
  };
  visit(requirement);
  return { modules: [...ids.module], assignments: [...ids.assignment], sessions: [...ids.session] };
}

type Path = (string | number)[];

class RequirementNormalizer {
  readonly #source: LoadedDocument;
  readonly #items: Items;
  readonly #registries: Registries;
  readonly #reporter: Reporter;
  readonly #grading: Grading | 'invalid' | undefined;

  constructor(source: LoadedDocument, items: Items, registries: Registries, reporter: Reporter, grading: Grading | 'invalid' | undefined) {
    this.#source = source;
    this.#items = items;
    this.#registries = registries;
    this.#reporter = reporter;
    this.#grading = grading;
  }

  normalize(req: RequirementDocument, path: Path, allowCertificate: boolean): Requirement | undefined {
    const at = (...more: Path) => this.#source.at([...path, ...more]);
    if (req.all || req.any || req.of) {
      const key = req.all ? 'all' : req.any ? 'any' : 'of';
      const children = (req.all ?? req.any ?? req.of ?? []).map((c, i) => this.normalize(c, [...path, key, i], allowCertificate));
      if (children.some((c) => c === undefined)) return undefined;
      const of = children as Requirement[];
      const atLeast = req.all ? of.length : req.any ? 1 : req.atLeast!;
      if (atLeast > of.length) {
        this.#reporter.report('requirement_unmeetable', { kind: 'group', atLeast, listed: of.length }, at('atLeast'));
        return undefined;
      }
      return { type: 'group', atLeast, of };
    }
    if (req.certificate) {
      if (!allowCertificate) {
        this.#reporter.report('requirement_unmeetable', { kind: 'certificate-requires-itself' }, at('certificate'));
        return undefined;
      }
      return { type: 'certificate' };
    }
    if (req.grade !== undefined || req.total !== undefined) return this.#grade(req.grade, req.total, at(req.grade !== undefined ? 'grade' : 'total'));
    if (req.modules !== undefined) return this.#items_('module', req.modules, [...path, 'modules']);
    if (req.assignments !== undefined) return this.#items_('assignment', req.assignments, [...path, 'assignments']);
    if (req.sessions !== undefined) return this.#items_('session', req.sessions, [...path, 'sessions']);
    return undefined;
  }

  /** A requirement on the final grade: a band, or a minimum total that a learner can reach. */
  #grade(grade: string | undefined, total: number | undefined, at: ReturnType<LoadedDocument['at']>): Requirement | undefined {
    const grading = this.#grading;
    if (grading === undefined) {
      this.#reporter.report('grading_missing', { what: grade !== undefined ? 'grade' : 'total' }, at);
      return undefined;
    }
    if (grading === 'invalid') return undefined;
    if (grade !== undefined) {
      const band = findBand(grade, grading.bands, at, this.#reporter);
      return band ? { type: 'grade', grade: band.grade, min: band.min } : undefined;
    }
    const max = grading.total + maxBonus(grading.adjustments, grading.bands);
    if (total! > max) {
      this.#reporter.report('grading_pass_unreachable', { what: 'requirement', min: total!, max, bonuses: max > grading.total, scale: grading.scale }, at);
      return undefined;
    }
    return { type: 'total', min: total! };
  }

  #items_(category: ItemCategory, selector: SelectorDocument, path: Path): Requirement | undefined {
    const at = (...more: Path) => this.#source.at([...path, ...more]);
    const pool = this.#pool(category);
    const registry = this.#registry(category);
    const noun = { module: 'module', assignment: 'assignment', session: 'live session' }[category];
    if (selector === 'all') {
      const ids = pool.filter((item) => !('optional' in item && item.optional)).map((item) => item.id);
      if (category === 'session') {
        const withSections = this.#everySessionWithSections(ids);
        if (withSections) return withSections;
      }
      return { type: 'items', category, selection: 'all', ids, atLeast: ids.length };
    }
    if (Array.isArray(selector)) {
      const ids = registry.referAll(selector, (i) => at(i));
      if (ids.length !== selector.length) return undefined;
      return { type: 'items', category, selection: 'list', ids, atLeast: ids.length };
    }
    let selected = pool;
    if (selector.kind !== undefined) {
      selected = pool.filter((item) => item.kind === selector.kind);
      if (selected.length === 0) {
        if (this.#items.incomplete.has(category)) return undefined;
        const kinds = [...new Set(pool.map((item) => item.kind))].sort();
        const suggestion = closest(selector.kind, kinds);
        this.#reporter.report('reference_unknown', { kind: 'kind', noun, itemKind: selector.kind, kindsInUse: kinds, suggestion }, at('kind'));
        return undefined;
      }
    }
    if (selector.ids) {
      const ids = registry.referAll(selector.ids, (i) => at('ids', i));
      if (ids.length !== selector.ids.length) return undefined;
      selected = selected.filter((item) => ids.includes(item.id));
    }
    const ids = selected.map((item) => item.id);
    const atLeast = selector.atLeast ?? ids.length;
    if (atLeast > ids.length) {
      if (!this.#items.incomplete.has(category)) this.#reporter.report('requirement_unmeetable', { kind: 'selection', noun, atLeast, matching: ids.length }, at('atLeast'));
      return undefined;
    }
    return {
      type: 'items',
      category,
      selection: selector.kind !== undefined && !selector.ids ? 'kind' : 'list',
      ...(selector.kind !== undefined ? { kind: selector.kind } : {}),
      ids,
      atLeast,
    };
  }

  /**
   * "Every live session" where the schedule has sections: a learner attends one section of
   * each group (every session of that section), and every session outside the sections.
   * Undefined when no session belongs to a section.
   */
  #everySessionWithSections(ids: readonly string[]): Requirement | undefined {
    const sessions = new Map(this.#items.sessions.map((s) => [s.id, s]));
    /** Section group → alternative (its series, or the single session) → the sessions it holds. */
    const groups = new Map<string, Map<string, string[]>>();
    const outside: string[] = [];
    for (const id of ids) {
      const session = sessions.get(id);
      if (session?.sectionId === undefined) {
        outside.push(id);
        continue;
      }
      const alternatives = groups.get(session.sectionId) ?? new Map<string, string[]>();
      groups.set(session.sectionId, alternatives);
      const key = session.seriesId ?? session.id;
      alternatives.set(key, [...(alternatives.get(key) ?? []), id]);
    }
    if (groups.size === 0) return undefined;
    const parts: Requirement[] = [];
    if (outside.length > 0) parts.push({ type: 'items', category: 'session', selection: 'list', ids: outside, atLeast: outside.length });
    for (const alternatives of groups.values()) {
      parts.push({
        type: 'group',
        atLeast: 1,
        of: [...alternatives.values()].map((alternative): Requirement => ({ type: 'items', category: 'session', selection: 'list', ids: alternative, atLeast: alternative.length })),
      });
    }
    return parts.length === 1 ? parts[0] : { type: 'group', atLeast: parts.length, of: parts };
  }

  #pool(category: ItemCategory): readonly { id: string; kind: string; optional?: boolean }[] {
    if (category === 'module') return this.#items.modules;
    if (category === 'assignment') return this.#items.assignments;
    return this.#items.sessions;
  }

  #registry(category: ItemCategory): Registry<unknown> {
    if (category === 'module') return this.#registries.modules;
    if (category === 'assignment') return this.#registries.assignments;
    return this.#registries.sessions;
  }
}

