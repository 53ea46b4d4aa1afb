import type { Reporter } from '../diagnostics/reporter.ts';
import { idFromFileName } from '../load/document-kinds.ts';
import type { LoadedDocument } from '../load/parse-yaml.ts';
import type { Assessment, Deadline, DefaultPassRule, Module, ModuleAssessment, ModuleContent, PassRule } from '../model/types.ts';
import type { ModuleDocument, PassRuleDocument, ValidatedDocument } from '../validate/documents.ts';
import type { ProgramSources, Registries } from './context.ts';
import { pick } from './program.ts';
import { checkFileName } from './question-banks.ts';
import type { Slot } from './schedule.ts';

export function defineModules(sources: readonly ValidatedDocument<'module'>[], registries: Registries, reporter: Reporter): void {
  // A module whose id matches its file name owns the id: a copy with a stale id is the duplicate.
  for (const source of [...sources].sort((a, b) => Number(!matchesFileName(a)) - Number(!matchesFileName(b)))) {
    const doc = source.data;
    checkFileName(source, doc.id, reporter);
    registries.modules.define(doc.id, { doc, source }, source.at(['id']));
    // References by the file's name are as plausible as by the id: the mismatch itself is the report.
    if (!matchesFileName(source)) registries.modules.withhold(idFromFileName(source.file.path));
  }
}

function matchesFileName(source: ValidatedDocument<'module'>): boolean {
  return source.data.id === idFromFileName(source.file.path);
}

export interface ModuleInputs {
  readonly registries: Registries;
  readonly files: ProgramSources['files'];
  readonly links?: ProgramSources['links'];
  readonly slots: ReadonlyMap<string, Slot>;
  readonly deadlines: readonly Deadline[];
  /** The policy's pass rule, which an assessment's own rule completes. */
  readonly defaultPass: DefaultPassRule;
  /** Whether the schedule could be read; without it, "unscheduled" is not reported. */
  readonly scheduleKnown: boolean;
  /** Whether the policy, where the default pass mark is written, could be read. */
  readonly policyKnown: boolean;
  /** Modules listed in a week or period whose dates are invalid (already reported). */
  readonly listedModules?: ReadonlySet<string>;
}

/** Resolves every module, in the order learners meet them (schedule order, then id). */
export function resolveModules(inputs: ModuleInputs, reporter: Reporter): Module[] {
  const { registries, slots } = inputs;
  const entries = registries.modules.values;
  const appearance = new Map([...slots.keys()].map((id, i) => [id, i]));
  const ordered = [...entries].sort((a, b) => {
    const sa = slots.get(a.doc.id);
    const sb = slots.get(b.doc.id);
    if (sa && sb) return compare(sa.span?.start ?? '', sb.span?.start ?? '') || appearance.get(a.doc.id)! - appearance.get(b.doc.id)!;
    if (sa || sb) return sa ? -1 : 1;
    return compare(a.doc.id, b.doc.id);
  });

  const assessmentIds = new Map<string, ReturnType<LoadedDocument['at']>>();
  const modules = ordered.map(({ doc, source }): Module => {
    const slot = slots.get(doc.id);
    if (!slot && inputs.scheduleKnown && !inputs.listedModules?.has(doc.id) && matchesFileName(source)) {
      reporter.report('module_unscheduled', { id: doc.id }, source.at(['id']));
    }
    let phaseId = doc.phase && registries.phases.refer(doc.phase, source.at(['phase'])) ? doc.phase : undefined;
    if (phaseId && slot && slot.phaseIds.length > 0 && !slot.phaseIds.includes(phaseId)) {
      reporter.report('module_phase_mismatch', { id: doc.id, phase: phaseId, weekPhase: slot.phaseIds[0]! }, source.at(['phase']), {
        related: [{ role: 'scheduled', first: false, ...slot.firstAt }],
      });
    }
    phaseId ??= slot?.phaseIds[0];
    const content = resolveContent(doc, inputs.files);
    const links = inputs.links?.get(doc.id);
    const assessments = doc.assessments ? resolveAssessmentList(doc, source, inputs, assessmentIds, reporter) : undefined;
    const assessment = doc.assessment ? resolveAssessment(doc, doc.assessment, ['assessment'], source, inputs, reporter) : assessments?.find((a) => a.quiz)?.quiz;
    return {
      id: doc.id,
      title: doc.title,
      shortTitle: doc.shortTitle ?? doc.title,
      ...pick(doc, ['label', 'summary', 'workload']),
      kind: doc.kind ?? 'module',
      ...(phaseId ? { phaseId } : {}),
      description: doc.description,
      ...(content ? { content } : {}),
      ...(links ? { links } : {}),
      competenceIds: registries.competences.referAll(doc.competences, (i) => source.at(['competences', i])),
      prerequisiteIds: registries.modules.referAll(doc.prerequisites, (i) => source.at(['prerequisites', i])),
      outcomes: doc.outcomes ?? [],
      topics: doc.topics ?? [],
      presenters: doc.presenters ?? [],
      resources: (doc.resources ?? []).map((l) => ({ ...l, kind: l.kind ?? 'website' })),
      ...(assessment ? { assessment } : {}),
      ...(assessments ? { assessments } : {}),
      ...(slot?.span ? { scheduled: { weekNumbers: slot.weekNumbers, periodIds: slot.periodIds, span: slot.span } } : {}),
    };
  });
  checkPrerequisiteCycles(modules, registries, reporter);
  return modules.map((m, i) => ({
    ...m,
    ...(i > 0 ? { previousId: modules[i - 1]!.id } : {}),
    ...(i < modules.length - 1 ? { nextId: modules[i + 1]!.id } : {}),
  }));
}

function resolveContent(doc: ModuleDocument, files: ProgramSources['files']): ModuleContent | undefined {
  if (doc.content === undefined) return undefined;
  if (typeof doc.content === 'string') return { format: 'markdown', source: doc.content };
  const file = files.get(doc.content.file);
  if (!file?.text) return undefined;
  return { format: /\.mdx$/i.test(file.relativePath) ? 'mdx' : 'markdown', source: file.text, file: file.relativePath };
}

type AssessmentFields = Omit<NonNullable<ModuleDocument['assessment']>, 'bank'> & { readonly bank?: string };

/**
 * The list form: each entry run here from its bank, or graded elsewhere. Ids are unique
 * in the program because grading components select entries by id alone.
 */
function resolveAssessmentList(
  doc: ModuleDocument,
  source: LoadedDocument,
  inputs: ModuleInputs,
  assessmentIds: Map<string, ReturnType<LoadedDocument['at']>>,
  reporter: Reporter,
): ModuleAssessment[] {
  const deadline = inputs.deadlines.find((d) => d.moduleIds.includes(doc.id));
  return doc.assessments!.map((entry, i): ModuleAssessment => {
    const first = assessmentIds.get(entry.id);
    if (first) {
      reporter.report('id_duplicate', { noun: 'assessment', id: entry.id }, source.at(['assessments', i, 'id']), {
        related: [{ role: 'first-defined', id: entry.id, ...first }],
      });
    } else {
      assessmentIds.set(entry.id, source.at(['assessments', i, 'id']));
    }
    const quiz = entry.bank !== undefined ? resolveAssessment(doc, entry, ['assessments', i], source, inputs, reporter) : undefined;
    return {
      id: entry.id,
      title: entry.title ?? entry.id,
      ...(entry.description ? { description: entry.description } : {}),
      ...(quiz ? { quiz } : {}),
      ...(entry.external ? { external: entry.external } : {}),
      ...(deadline ? { deadlineId: deadline.id } : {}),
    };
  });
}

function resolveAssessment(
  doc: ModuleDocument,
  a: AssessmentFields,
  path: (string | number)[],
  source: LoadedDocument,
  inputs: ModuleInputs,
  reporter: Reporter,
): Assessment | undefined {
  if (a.bank === undefined) return undefined;
  const bank = inputs.registries.banks.refer(a.bank, source.at([...path, 'bank']));
  const bankSize = bank?.doc.questions.length;
  const questionCount = a.questions ?? bankSize ?? 0;
  if (bankSize !== undefined && questionCount > bankSize) {
    reporter.report('question_bank_too_small', { bank: a.bank, drawn: questionCount, size: bankSize }, source.at([...path, 'questions']), {
      related: [{ role: 'bank-size', bank: a.bank, size: bankSize, ...bank!.source.at(['questions'], 'key') }],
    });
  }
  const pass = passRule(a.pass, inputs.defaultPass, reporter, () => source.at([...path, 'pass', 'minScore']));
  if (!pass) {
    if (inputs.policyKnown) reporter.report('pass_mark_missing', { module: doc.id }, source.at(path, typeof path[path.length - 1] === 'number' ? 'value' : 'key'));
    return undefined;
  }
  if (!bank) return undefined;
  const deadline = inputs.deadlines.find((d) => d.moduleIds.includes(doc.id));
  return {
    title: a.title ?? bank.doc.title,
    ...(a.description ? { description: a.description } : {}),
    bankId: a.bank,
    questionCount: Math.min(questionCount, bankSize ?? questionCount),
    pass,
    display: a.display ?? 'one-at-a-time',
    shuffle: a.shuffle ?? true,
    ...(a.feedback ? { feedback: a.feedback } : {}),
    ...(a.external ? { external: a.external } : {}),
    ...(deadline ? { deadlineId: deadline.id } : {}),
  };
}

/** Merges a module's own pass rule over the policy's default; the mark itself is checked where it is written. */
function passRule(
  own: PassRuleDocument | undefined,
  fallback: ModuleInputs['defaultPass'],
  reporter: Reporter,
  ownAt: () => ReturnType<LoadedDocument['at']>,
): PassRule | undefined {
  const minScore = own?.minScore ?? fallback.minScore;
  if (minScore === undefined) return undefined;
  if (own?.minScore !== undefined) checkPassMark(own.minScore, ownAt(), reporter);
  return { minScore: Math.min(minScore, 100), attempts: own?.attempts ?? fallback.attempts };
}

export function checkPassMark(minScore: number, at: ReturnType<LoadedDocument['at']>, reporter: Reporter): void {
  if (minScore > 100) {
    reporter.report('pass_mark_unreachable', { minScore }, at);
  } else if (minScore > 0 && minScore < 1) {
    reporter.report('pass_mark_fraction', { minScore }, at);
  }
}

/** Reports each cycle of prerequisites once, at the module where it is first entered. */
function checkPrerequisiteCycles(modules: readonly Module[], registries: Registries, reporter: Reporter): void {
  const byId = new Map(modules.map((m) => [m.id, m]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const reported = new Set<string>();
  const visit = (id: string): void => {
    state.set(id, 'visiting');
    stack.push(id);
    for (const next of byId.get(id)?.prerequisiteIds ?? []) {
      if (state.get(next) === 'visiting') {
        const cycle = stack.slice(stack.indexOf(next));
        const key = [...cycle].sort().join('>');
        if (!reported.has(key)) {
          reported.add(key);
          reportCycle(cycle, registries, reporter);
        }
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const m of modules) if (!state.has(m.id)) visit(m.id);
}

function reportCycle(cycle: readonly string[], registries: Registries, reporter: Reporter): void {
  const first = cycle[0]!;
  if (cycle.length === 1) {
    const entry = registries.modules.get(first)!;
    reporter.report('prerequisite_cycle', { cycle: [first] }, entry.source.at(['prerequisites', (entry.doc.prerequisites ?? []).indexOf(first)]));
    return;
  }
  const at = (from: string, to: string) => {
    const entry = registries.modules.get(from)!;
    return entry.source.at(['prerequisites', (entry.doc.prerequisites ?? []).indexOf(to)]);
  };
  const last = cycle[cycle.length - 1]!;
  reporter.report('prerequisite_cycle', { cycle: [first, ...cycle.slice(1)] }, at(last, first), {
    related: cycle.slice(0, -1).map((id, i) => ({ role: 'requires', id, next: cycle[i + 1]!, ...at(id, cycle[i + 1]!) })),
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
