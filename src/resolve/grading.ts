import type { Location, Reporter } from '../diagnostics/reporter.ts';
import type { LoadedDocument } from '../load/parse-yaml.ts';
import type {
  GradeBand,
  GradeChange,
  GradedCategory,
  GradedItem,
  GradedItemRef,
  Grading,
  GradingAdjustment,
  GradingComponent,
  ItemCategory,
  LateRule,
} from '../model/types.ts';
import { closest } from '../util/suggest.ts';
import type { PolicyDocument, ValidatedDocument } from '../validate/documents.ts';
import type { Registries } from './context.ts';
import type { Registry } from './registry.ts';

type GradingDocument = NonNullable<PolicyDocument['grading']>;
type ItemsDocument = GradingDocument['components'][number]['items'];
type Path = (string | number)[];

/** A thing that can be graded, as the selectors see it. */
export interface GradablePoolItem {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly optional?: boolean;
  /** The item whose score this one is (a module with a list of assessments stands for its first one run here). */
  readonly sameAs?: GradedItemRef;
}

/** Everything a grading selector can select, by category. */
export interface GradablePools {
  readonly modules: readonly GradablePoolItem[];
  readonly assignments: readonly GradablePoolItem[];
  readonly sessions: readonly GradablePoolItem[];
  /** The exams of `schedule.yaml`. */
  readonly exams: readonly GradablePoolItem[];
  /** The entries of modules' `assessments` lists; their kind is `local` or `external`. */
  readonly assessments: readonly GradablePoolItem[];
  /** Categories some of whose items were left out for their own errors: selections over them are not checked. */
  readonly incomplete: ReadonlySet<GradedCategory>;
}

const selectorKeys = [
  ['modules', 'module'],
  ['assignments', 'assignment'],
  ['sessions', 'session'],
  ['exams', 'exam'],
  ['assessments', 'assessment'],
] as const satisfies readonly (readonly [keyof ItemsDocument, GradedCategory])[];

const nouns: Record<GradedCategory, string> = { module: 'module', assignment: 'assignment', session: 'live session', exam: 'exam', assessment: 'assessment' };

/** Weights that agree to this much are equal: weights are written with a few decimals at most. */
const epsilon = 1e-6;

/**
 * Resolves `grading:` into the normalized grading of the model: every item's share of the
 * final grade (adding up to 100), the bands with their upper bounds, the pass as a total.
 * Each check is reported where it is written; returns undefined after any error.
 */
export function resolveGrading(source: ValidatedDocument<'policy'>, pools: GradablePools, registries: Registries, reporter: Reporter): Grading | undefined {
  const doc = source.data.grading;
  if (!doc) return undefined;
  const errorsBefore = reporter.errorCount;
  const at = (path: Path, part?: 'key' | 'value') => source.at(['grading', ...path], part);
  const scale = doc.scale ?? 'percent';
  const total = scale === 'points' ? (doc.total ?? 100) : 100;
  const selector = new GradedSelector(source, pools, registries, reporter);

  const sum = doc.components.reduce((s, c) => s + c.weight, 0);
  if (Math.abs(sum - total) > epsilon) reporter.report('grading_weights_sum', { scale, sum, expected: total }, at(['components'], 'key'));

  const components: GradingComponent[] = [];
  const items: GradedItem[] = [];
  const gradedIn = new Map<string, { component: string; at: Location }>();
  const componentIds = new Map<string, number>();
  doc.components.forEach((c, i) => {
    const first = componentIds.get(c.id);
    if (first !== undefined) {
      reporter.report('id_duplicate', { noun: 'grading component', id: c.id }, at(['components', i, 'id']), {
        related: [{ role: 'first-defined', id: c.id, ...at(['components', first, 'id']) }],
      });
      return;
    }
    componentIds.set(c.id, i);
    const selected = selector.select(c.items, ['grading', 'components', i, 'items'], 'component');
    if (!selected) return;
    const itemsAt = at(['components', i, 'items'], 'key');
    const unique = selected.filter((item) => {
      const same = item.sameAs ?? item;
      const key = `${same.category}:${same.id}`;
      const earlier = gradedIn.get(key);
      if (earlier) {
        const through = item.sameAs ? { through: item.sameAs.id } : {};
        reporter.report('grading_item_twice', { noun: nouns[item.category], id: item.id, ...through, component: c.id, first: earlier.component }, itemsAt, {
          related: [{ role: 'graded-in', item: item.id, component: earlier.component, ...earlier.at }],
        });
        return false;
      }
      gradedIn.set(key, { component: c.id, at: itemsAt });
      return true;
    });
    if (unique.length === 0) return;
    const drop = c.dropLowest ?? 0;
    if (drop >= unique.length) {
      reporter.report('grading_drop_too_many', { component: c.id, drop, count: unique.length }, at(['components', i, 'dropLowest']));
      return;
    }
    const counted = unique.length - drop;
    const percent = (c.weight / total) * 100;
    const split = typeof c.split === 'object' ? c.split : undefined;
    if (c.each !== undefined && !statedMatches(c.each, c.weight / counted)) {
      reporter.report(
        'grading_item_weight_mismatch',
        { kind: 'each', component: c.id, each: c.each, weight: c.weight, counted, dropped: drop, scale },
        at(['components', i, 'each']),
      );
    }
    if (split && drop > 0) {
      // Which item is "lowest", and what the others then weigh, is clear only when they weigh the same.
      reporter.report('grading_item_weight_mismatch', { kind: 'split-drop', component: c.id }, at(['components', i, 'dropLowest']));
    }
    if (split) {
      const ids = new Set(unique.map((item) => item.id));
      for (const id of Object.keys(split)) {
        if (!ids.has(id)) reporter.report('grading_item_weight_mismatch', { kind: 'split-unknown', component: c.id, item: id, items: [...ids] }, at(['components', i, 'split', id], 'key'));
      }
      for (const item of unique) {
        if (split[item.id] === undefined) reporter.report('grading_item_weight_mismatch', { kind: 'split-missing', component: c.id, item: item.id }, at(['components', i, 'split'], 'key'));
      }
      const splitSum = Object.values(split).reduce((s, w) => s + w, 0);
      if (Math.abs(splitSum - c.weight) > epsilon) {
        reporter.report('grading_item_weight_mismatch', { kind: 'split-sum', component: c.id, sum: splitSum, weight: c.weight, scale }, at(['components', i, 'split'], 'key'));
      }
    }
    components.push({
      id: c.id,
      title: c.title,
      ...(c.description ? { description: c.description } : {}),
      weight: c.weight,
      percent,
      split: split ? 'per-item' : 'equal',
      ...(c.each !== undefined ? { statedEach: c.each } : {}),
      dropLowest: drop,
      items: unique.map(({ category, id }) => ({ category, id })),
    });
    for (const item of unique) {
      const weight = split ? ((split[item.id] ?? 0) / total) * 100 : percent / unique.length;
      const { sameAs: _same, ...ref } = item;
      items.push({ ...ref, componentId: c.id, weight, countedWeight: split ? weight : percent / counted });
    }
  });

  const bands = resolveBands(doc, scale, total, at, reporter);
  const adjustments = (doc.adjustments ?? []).flatMap((a, i): GradingAdjustment[] => {
    const per = selector.select(a.per, ['grading', 'adjustments', i, 'per'], 'adjustment');
    if (a.by !== undefined) registries.deadlines.refer(a.by, at(['adjustments', i, 'by']));
    const change: GradeChange = a.points !== undefined ? { unit: 'points', amount: a.points } : bandsChange(a.bands!);
    if (!per) return [];
    return [
      {
        id: a.id,
        title: a.title,
        ...(a.description ? { description: a.description } : {}),
        per: per.map(({ category, id }) => ({ category, id })),
        when: a.when,
        ...(a.by !== undefined ? { byDeadlineId: a.by } : {}),
        change,
        ...(a.max !== undefined ? { max: a.max } : {}),
      },
    ];
  });
  const late = doc.late ? resolveLate(doc.late, items, selector, at, reporter) : undefined;

  const maxReachable = total + maxBonus(adjustments, bands);
  const bonuses = maxReachable > total;
  let pass: Grading['pass'];
  if (doc.pass?.grade !== undefined) {
    const band = findBand(doc.pass.grade, bands, at(['pass', 'grade']), reporter);
    if (band) pass = { total: band.min, grade: band.grade };
  } else if (doc.pass?.total !== undefined) {
    pass = { total: doc.pass.total };
  }
  if (pass && pass.total > maxReachable + epsilon) {
    reporter.report('grading_pass_unreachable', { what: 'pass', min: pass.total, max: maxReachable, bonuses, scale }, at(['pass', doc.pass?.grade !== undefined ? 'grade' : 'total']));
  }

  if (reporter.errorCount > errorsBefore) return undefined;
  return {
    scale,
    total,
    components,
    items,
    bands,
    ...(pass ? { pass } : {}),
    adjustments,
    ...(late ? { late } : {}),
    ...(doc.note ? { note: doc.note } : {}),
  };
}

/** The band of `grade` (reported when there is none), for a pass or a requirement. */
export function findBand(grade: string, bands: readonly GradeBand[], at: Location, reporter: Reporter): GradeBand | undefined {
  const band = bands.find((b) => b.grade === grade);
  if (!band) {
    const grades = bands.map((b) => b.grade);
    reporter.report('grade_unknown', { grade, grades, suggestion: closest(grade, grades) }, at);
  }
  return band;
}

/** The highest total a learner can reach above the maximum: every bonus, each as often as it can apply. */
export function maxBonus(adjustments: readonly GradingAdjustment[], bands: readonly GradeBand[]): number {
  const widest = bands.reduce((w, b) => Math.max(w, b.below - b.min), 0);
  return adjustments.reduce((sum, a) => {
    if (a.change.amount <= 0) return sum;
    const each = a.change.unit === 'points' ? a.change.amount : a.change.amount * widest;
    const all = each * a.per.length;
    return sum + (a.max !== undefined ? Math.min(all, a.change.unit === 'points' ? a.max : a.max * widest) : all);
  }, 0);
}

/**
 * A stated per-item weight written with decimals is the true one rounded to them (8.33 for
 * 25 / 3); a whole number is meant exactly ("each homework 4 %" with six sharing 25 % is wrong).
 */
function statedMatches(stated: number, actual: number): boolean {
  const decimals = (String(stated).split('.')[1] ?? '').length;
  return Math.abs(stated - actual) <= (decimals === 0 ? 0 : 0.5 * 10 ** -decimals) + epsilon;
}

function bandsChange(written: number | string): GradeChange {
  if (typeof written === 'number') return { unit: 'bands', amount: written, written: String(written) };
  const [num, den] = written.split('/').map(Number) as [number, number];
  return { unit: 'bands', amount: num / den, written };
}

function resolveBands(doc: GradingDocument, scale: 'percent' | 'points', total: number, at: (path: Path, part?: 'key' | 'value') => Location, reporter: Reporter): GradeBand[] {
  const written = doc.bands ?? [];
  const seen = new Map<string, number>();
  written.forEach((b, i) => {
    const first = seen.get(b.grade);
    if (first !== undefined) {
      reporter.report('id_duplicate', { noun: 'grade', id: b.grade }, at(['bands', i, 'grade']), {
        related: [{ role: 'first-defined', id: b.grade, ...at(['bands', first, 'grade']) }],
      });
    }
    seen.set(b.grade, i);
    const previous = written[i - 1];
    if (previous && b.min >= previous.min) {
      reporter.report('grading_bands_order', { grade: b.grade, min: b.min, previous: previous.grade, previousMin: previous.min, scale }, at(['bands', i, 'min']));
    }
    if (b.min > total) reporter.report('grading_bands_gap', { kind: 'top', grade: b.grade, min: b.min, total, scale }, at(['bands', i, 'min']));
  });
  const last = written[written.length - 1];
  if (last && last.min > 0) reporter.report('grading_bands_gap', { kind: 'bottom', grade: last.grade, min: last.min, scale }, at(['bands', written.length - 1, 'min']));
  return written.map((b, i) => ({
    grade: b.grade,
    min: b.min,
    below: i === 0 ? total : written[i - 1]!.min,
    ...(b.description ? { description: b.description } : {}),
  }));
}

function resolveLate(
  doc: NonNullable<GradingDocument['late']>,
  items: readonly GradedItem[],
  selector: GradedSelector,
  at: (path: Path, part?: 'key' | 'value') => Location,
  reporter: Reporter,
): LateRule | undefined {
  let refs: GradedItemRef[] | undefined;
  if (doc.items) {
    refs = selector.select(doc.items, ['grading', 'late', 'items'], 'late');
    if (!refs) return undefined;
  } else {
    refs = items.filter((item) => item.category === 'assignment');
    if (refs.length === 0) {
      reporter.report('grading_selector_empty', { noun: 'graded assignment', where: 'late' }, at(['late'], 'key'));
      return undefined;
    }
  }
  return {
    perDay: doc.perDay,
    ...(doc.cap !== undefined ? { cap: doc.cap } : {}),
    graceHours: doc.graceHours ?? 0,
    ...(doc.acceptedForDays !== undefined ? { acceptedForDays: doc.acceptedForDays } : {}),
    items: refs.map(({ category, id }) => ({ category, id })),
    ...(doc.description ? { description: doc.description } : {}),
  };
}

/** Turns a graded-items selection into the items it names, reporting what matches nothing. */
class GradedSelector {
  readonly #source: LoadedDocument;
  readonly #pools: GradablePools;
  readonly #registries: Registries;
  readonly #reporter: Reporter;

  constructor(source: LoadedDocument, pools: GradablePools, registries: Registries, reporter: Reporter) {
    this.#source = source;
    this.#pools = pools;
    this.#registries = registries;
    this.#reporter = reporter;
  }

  select(doc: ItemsDocument, path: Path, where: 'component' | 'adjustment' | 'late'): (GradedItemRef & { title: string; sameAs?: GradedItemRef })[] | undefined {
    const out: (GradedItemRef & { title: string; sameAs?: GradedItemRef })[] = [];
    let ok = true;
    for (const [key, category] of selectorKeys) {
      const selection = doc[key];
      if (selection === undefined) continue;
      const found = this.#category(category, selection, [...path, key], where);
      if (!found) ok = false;
      else out.push(...found.map((item) => ({ category, id: item.id, title: item.title, ...(item.sameAs ? { sameAs: item.sameAs } : {}) })));
    }
    return ok ? out : undefined;
  }

  #category(category: GradedCategory, selection: NonNullable<ItemsDocument['modules']>, path: Path, where: 'component' | 'adjustment' | 'late'): GradablePoolItem[] | undefined {
    const at = (...more: Path) => this.#source.at([...path, ...more]);
    const pool = this.#pool(category);
    const incomplete = this.#pools.incomplete.has(category);
    const noun = nouns[category];
    if (selection === 'all') {
      const all = pool.filter((item) => !item.optional);
      if (all.length === 0) {
        if (!incomplete) this.#reporter.report('grading_selector_empty', { noun, where }, at());
        return undefined;
      }
      return all;
    }
    if (Array.isArray(selection)) return this.#refer(category, selection, (i) => at(i));
    let selected: readonly GradablePoolItem[] = pool;
    if (selection.kind !== undefined) {
      selected = pool.filter((item) => item.kind === selection.kind);
      if (selected.length === 0) {
        if (!incomplete) this.#reporter.report('grading_selector_empty', { noun, kind: selection.kind, where }, at('kind'));
        return undefined;
      }
    }
    if (selection.ids) {
      const named = this.#refer(category, selection.ids, (i) => at('ids', i));
      if (!named) return undefined;
      const ids = new Set(named.map((item) => item.id));
      selected = selected.filter((item) => ids.has(item.id));
      if (selected.length === 0) {
        if (!incomplete) this.#reporter.report('grading_selector_empty', { noun, ...(selection.kind !== undefined ? { kind: selection.kind } : {}), where }, at('ids'));
        return undefined;
      }
    }
    return [...selected];
  }

  /** The items of a list of ids, each reported where it is written when unknown. */
  #refer(category: GradedCategory, ids: readonly string[], at: (i: number) => Location): GradablePoolItem[] | undefined {
    const pool = this.#pool(category);
    const byId = new Map(pool.map((item) => [item.id, item]));
    const registry = this.#registry(category);
    const found: GradablePoolItem[] = [];
    let ok = true;
    ids.forEach((id, i) => {
      const item = byId.get(id);
      if (item) {
        found.push(item);
        return;
      }
      ok = false;
      if (registry) {
        // Defined but left out of the pool for an error of its own (already reported).
        if (!registry.has(id)) registry.refer(id, at(i));
      } else if (!this.#pools.incomplete.has(category)) {
        const defined = pool.map((p) => p.id);
        const home = '`assessments` of the modules';
        this.#reporter.report('reference_unknown', { kind: 'id', noun: nouns[category], id, home, defined, suggestion: closest(id, defined) }, at(i));
      }
    });
    return ok ? found : undefined;
  }

  #pool(category: GradedCategory): readonly GradablePoolItem[] {
    switch (category) {
      case 'module':
        return this.#pools.modules;
      case 'assignment':
        return this.#pools.assignments;
      case 'session':
        return this.#pools.sessions;
      case 'exam':
        return this.#pools.exams;
      case 'assessment':
        return this.#pools.assessments;
    }
  }

  #registry(category: GradedCategory): Registry<unknown> | undefined {
    const registries: Partial<Record<ItemCategory, Registry<unknown>>> = {
      module: this.#registries.modules,
      assignment: this.#registries.assignments,
      session: this.#registries.sessions,
    };
    if (category === 'exam') return this.#registries.exams;
    return registries[category as ItemCategory];
  }
}
