import { Reporter } from '../diagnostics/reporter.ts';
import { idFromFileName } from '../load/document-kinds.ts';
import type { LoadedDocument } from '../load/parse-yaml.ts';
import type { Question, QuestionBank } from '../model/types.ts';
import type { AssessmentDocument, ValidatedDocument } from '../validate/documents.ts';
import type { Registries } from './context.ts';
import { Registry } from './registry.ts';

/** Defines the question banks; their questions are checked when the banks are resolved. */
export function defineQuestionBanks(sources: readonly ValidatedDocument<'assessment'>[], registries: Registries, reporter: Reporter): void {
  for (const source of sources) {
    const doc = source.data;
    checkFileName(source, doc.id, reporter);
    registries.banks.define(doc.id, { doc, source }, source.at(['id']));
    // A module may name the bank by its file's name; the mismatch is reported once, here.
    const fileId = idFromFileName(source.file.path);
    if (fileId !== doc.id) registries.banks.withhold(fileId);
  }
}

export function checkFileName(source: LoadedDocument, id: string, reporter: Reporter): void {
  const expected = idFromFileName(source.file.path);
  if (id !== expected) {
    reporter.report('id_filename_mismatch', { kind: 'file', id, fileId: expected }, source.at(['id']));
  }
}

/**
 * A bank's resolution depends on its own document only, so it is kept per parsed
 * document: a watcher that re-checks after one edit reuses every unchanged bank (and
 * replays its diagnostics) instead of resolving thousands of questions again.
 */
const resolvedBanks = new WeakMap<LoadedDocument, { readonly bank: QuestionBank; readonly diagnostics: Reporter['diagnostics'] }>();

export function resolveQuestionBanks(registries: Registries, reporter: Reporter): QuestionBank[] {
  return registries.banks.values.map(({ doc, source }) => {
    let resolved = resolvedBanks.get(source);
    if (!resolved) {
      const own = new Reporter();
      resolved = { bank: resolveBank(doc, source, own), diagnostics: own.diagnostics };
      resolvedBanks.set(source, resolved);
    }
    reporter.diagnostics.push(...resolved.diagnostics);
    return resolved.bank;
  });
}

function resolveBank(doc: AssessmentDocument, source: LoadedDocument, reporter: Reporter): QuestionBank {
  const questionIds = new Registry<true>('question', `\`${doc.id}\``, reporter);
  const questions = doc.questions.map((q, qi): Question => {
    questionIds.define(q.id, true, source.at(['questions', qi, 'id']));
    const feedback = q.feedback ?? {};
    const points = q.points ?? 1;
    if (q.type === 'true-false') {
      return { id: q.id, type: 'true-false', prompt: q.prompt, answer: q.answer ?? false, feedback, points };
    }
    const optionIds = new Registry<true>('option', `question \`${q.id}\``, reporter);
    const options = (q.options ?? []).map((o, oi) => {
      optionIds.define(o.id, true, source.at(['questions', qi, 'options', oi, 'id']));
      return { id: o.id, text: o.text, correct: o.correct ?? false, ...(o.feedback ? { feedback: o.feedback } : {}) };
    });
    const correct = options.filter((o) => o.correct).length;
    if (q.type === 'single' && correct !== 1) {
      reporter.report('question_answer_invalid', { question: q.id, type: q.type, correct }, source.at(['questions', qi, 'type']));
    } else if (q.type === 'multiple' && correct === 0) {
      reporter.report('question_answer_invalid', { question: q.id, type: q.type, correct }, source.at(['questions', qi, 'type']));
    }
    return { id: q.id, type: q.type, prompt: q.prompt, options, feedback, points };
  });
  return { id: doc.id, title: doc.title, ...(doc.description ? { description: doc.description } : {}), questions };
}
