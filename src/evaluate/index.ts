/**
 * `curriculum evaluate`: a program's policy applied to the records of a cohort (gradebook
 * exports, xAPI statements, an attendance report, submissions) → who completed, with the
 * reason for every unmet requirement. Pure: files come in as text, results and
 * diagnostics go out; the CLI reads and writes.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { Reporter } from '../diagnostics/reporter.ts';
import type { Curriculum } from '../model/types.ts';
import { checkZone } from '../time/zones.ts';
import { evaluateLearner, type Evaluation } from './evaluate.ts';
import { emptyEvidence } from './evidence.ts';
import { emptyMapping, readMapping } from './mapping.ts';
import { matchPeople } from './people.ts';
import { readRecords } from './readers.ts';
import type { RecordsFile } from './source.ts';

export type { Evaluation, LearnerResult } from './evaluate.ts';
export { defaultAttendanceShare, presentShare } from './evaluate.ts';
export { recordKinds, type RecordKind } from './readers.ts';
export type { RecordsFile } from './source.ts';
export { formatEvaluation, evaluationFormats, type EvaluationFormat } from './output.ts';

export interface EvaluateInput {
  readonly curriculum: Curriculum;
  readonly records: readonly RecordsFile[];
  readonly mapping?: { readonly path: string; readonly text: string };
  /** The zone of local times without an offset; overrides the mapping's `timeZone`. */
  readonly zone?: string;
}

export interface EvaluateResult {
  readonly evaluation: Evaluation;
  /** Problems in the records and the mapping, each located in its file. */
  readonly diagnostics: readonly Diagnostic[];
}

export function evaluate(input: EvaluateInput): EvaluateResult {
  const reporter = new Reporter();
  const { curriculum } = input;
  const mapping = input.mapping ? readMapping(input.mapping.path, input.mapping.text, curriculum, reporter) : emptyMapping;
  const evidence = emptyEvidence();
  let order = 0;
  const zone = input.zone ?? mapping.timeZone;
  for (const file of input.records) {
    readRecords(file, { curriculum, mapping, reporter, ...(zone ? { zone } : {}), evidence, nextOrder: () => order++ });
  }
  const learners = matchPeople(evidence, mapping, reporter);
  const results = learners.map((l) => evaluateLearner(curriculum, l, evidence)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const evaluation: Evaluation = {
    program: { id: curriculum.program.id, title: curriculum.program.title },
    certificate: curriculum.policy.certificate.title,
    learners: results,
    summary: {
      learners: results.length,
      completed: results.filter((r) => r.completed).length,
      benefits: curriculum.policy.benefits.map((b) => ({ id: b.id, title: b.title, earned: results.filter((r) => r.benefits.some((x) => x.id === b.id && x.earned)).length })),
    },
  };
  return { evaluation, diagnostics: reporter.diagnostics };
}

/** The canonical name of an IANA zone given for the records, or undefined when it is none. */
export function canonicalZone(name: string): string | undefined {
  const check = checkZone(name);
  return check.ok ? check.zone : undefined;
}
