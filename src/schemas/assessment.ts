import { id, markdown, text } from './common.ts';
import { array, doc, documentSchema, object } from './define.ts';

const feedback = object(
  {
    correct: markdown('When correct', 'Shown after a correct answer.', ['Correct.']),
    incorrect: markdown('When incorrect', 'Shown after a wrong answer; say why the right answer is right.', ['Effective responses can only be developed once the risks are known and ranked.']),
  },
  [],
  { title: 'Feedback', description: 'What the learner sees after submitting.', minProperties: 1 },
);

const option = object(
  {
    id: id('Id', 'The option’s permanent id (LMS interaction responses use it).', ['a', 'resilience-office']),
    text: markdown('Text', 'The option as the learner reads it.', ['So that effective responses can be developed']),
    correct: doc('Correct', 'Whether this option is a correct answer.', { type: 'boolean' }, [true]),
    feedback: markdown('Feedback', 'Shown when the learner chose this option.', ['No: a risk assessment never proves that a city is free of risk.']),
  },
  ['id', 'text'],
);

const question = object(
  {
    id: id('Id', 'The question’s permanent id within its bank.', ['q1', 'guide-helpers']),
    type: doc(
      'Type',
      '`single`: one correct option; `multiple`: one or more correct options, all must be chosen; `true-false`: a statement with `answer`.',
      { enum: ['single', 'multiple', 'true-false'] },
      ['single'],
    ),
    prompt: markdown('Prompt', 'The question or statement.', ['Why must a Smart City Resilience Officer prioritize risks?']),
    options: doc('Options', 'The options of a `single` or `multiple` question.', array(option, { minItems: 2 })),
    answer: doc('Answer', 'Whether the statement of a `true-false` question is true.', { type: 'boolean' }, [true]),
    feedback,
    points: doc('Points', 'How much the question weighs in the score.', { type: 'number', exclusiveMinimum: 0 }, [1]),
  },
  ['id', 'type', 'prompt'],
  {
    allOf: [
      {
        if: { properties: { type: { const: 'true-false' } }, required: ['type'] },
        then: { required: ['answer'], not: { required: ['options'] } },
        else: { required: ['options'], not: { required: ['answer'] } },
      },
    ],
    'x-message': 'a `true-false` question has `answer` and no `options`; `single` and `multiple` questions have `options` and no `answer`',
  },
);

export const assessmentSchema = documentSchema(
  'Question bank',
  'A bank of questions that a module’s assessment draws from. One file per bank in `assessments/`, named by its id.',
  object(
    {
      id: id('Id', 'The bank’s permanent id; equal to the file name.', ['lecture-1-quiz']),
      title: text('Title', 'The bank’s name.', ['Quiz on Lecture 1']),
      description: markdown('Description', 'What the questions cover, and where they come from.', ['Questions on the first lecture, written from its description in the brochure.']),
      questions: doc('Questions', 'The questions, in their unshuffled order.', array(question, { minItems: 1 })),
    },
    ['id', 'title', 'questions'],
  ),
);
