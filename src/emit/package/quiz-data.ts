/**
 * The data a SCO page hands to the runtime: the module, its assessment with the
 * question bank (Markdown already rendered to sanitized HTML), the pass rule, and the
 * runtime's texts. It travels in the page as JSON.
 */
import { createHash } from 'node:crypto';
import type { Messages } from '../../i18n/index.ts';
import type { Curriculum, Module, Question, QuestionBank } from '../../model/types.ts';
import { blockHtml, inlineHtml } from './markdown.ts';
import { attemptLimit, passMarkTenThousandths } from './pass-mark.ts';
import type { QuizData, QuizQuestionData, ScoData } from './sco-data.ts';

export type { QuizData, QuizOptionData, QuizQuestionData, ScoData } from './sco-data.ts';

const optional = (markdown: string | undefined) => (markdown ? blockHtml(markdown) : null);

function questionData(question: Question, messages: Messages): QuizQuestionData {
  const feedback = { correct: optional(question.feedback.correct), incorrect: optional(question.feedback.incorrect) };
  if (question.type === 'true-false') {
    const r = messages.lmsPackage.runtime;
    return {
      id: question.id,
      type: 'true-false',
      points: question.points,
      prompt: blockHtml(question.prompt),
      options: [
        { id: 'true', html: inlineHtml(r.trueLabel), correct: question.answer, feedback: null },
        { id: 'false', html: inlineHtml(r.falseLabel), correct: !question.answer, feedback: null },
      ],
      feedback,
    };
  }
  return {
    id: question.id,
    type: question.type,
    points: question.points,
    prompt: blockHtml(question.prompt),
    options: question.options.map((o) => ({ id: o.id, html: inlineHtml(o.text), correct: o.correct, feedback: optional(o.feedback) })),
    feedback,
  };
}

function fingerprint(questions: readonly QuizQuestionData[], count: number, shuffle: boolean): string {
  const shape = questions.map((q) => [q.id, q.type, q.points, q.options.map((o) => [o.id, o.correct])]);
  return createHash('sha256').update(JSON.stringify([count, shuffle, shape])).digest('hex').slice(0, 12);
}

const banksById = new WeakMap<readonly QuestionBank[], ReadonlyMap<string, QuestionBank>>();

/**
 * The program's question banks by id: a search per module made packaging quadratic in the
 * module count. Kept by the list, not by the model: each module's package is made from a
 * model of its own (emit/piece-model.ts) that shares the program's list.
 */
function banksOf(curriculum: Curriculum): ReadonlyMap<string, QuestionBank> {
  let banks = banksById.get(curriculum.questionBanks);
  if (!banks) {
    banks = new Map(curriculum.questionBanks.map((b) => [b.id, b]));
    banksById.set(curriculum.questionBanks, banks);
  }
  return banks;
}

/** The assessment of a module as the runtime needs it, or null when the module has none. */
export function quizData(curriculum: Curriculum, module: Module, messages: Messages): QuizData | null {
  const assessment = module.assessment;
  if (!assessment) return null;
  const bank = banksOf(curriculum).get(assessment.bankId);
  if (!bank) throw new Error(`Module ${module.id}: no question bank ${assessment.bankId}`);
  const questions = bank.questions.map((q) => questionData(q, messages));
  const count = Math.min(assessment.questionCount, questions.length);
  return {
    title: assessment.title,
    display: assessment.display,
    shuffle: assessment.shuffle,
    count,
    passMark: passMarkTenThousandths(assessment),
    attempts: attemptLimit(assessment) ?? null,
    feedback: assessment.feedback ?? 'after-each-take',
    fingerprint: fingerprint(questions, count, assessment.shuffle),
    questions,
  };
}

/**
 * Everything the runtime reads from a SCO page. Nothing in it depends on the format (the
 * package's script carries the format's adapter), so one page serves every package.
 */
export function scoData(curriculum: Curriculum, module: Module, messages: Messages): ScoData {
  return {
    module: { id: module.id, title: module.title },
    assessment: quizData(curriculum, module, messages),
    messages: messages.lmsPackage.runtime,
  };
}
