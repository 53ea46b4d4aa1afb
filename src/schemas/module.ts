import { hours, id, ids, links, markdown, positiveInteger, programFile, text, url } from './common.ts';
import { array, doc, documentSchema, object } from './define.ts';

/** The pass rule, shared by the policy (the default) and a module's assessment (an override). */
export const passRule = object(
  {
    minScore: doc(
      'Pass mark',
      'The lowest score that passes, as a percentage of the maximum (60 means 60 %, or 60/100).',
      { type: 'number', minimum: 0 },
      [60],
    ),
    attempts: doc(
      'Attempts',
      'How many times an assessment may be taken; `unlimited` when retries are allowed without limit.',
      { oneOf: [{ type: 'integer', minimum: 1 }, { const: 'unlimited' }], 'x-message': 'give a whole number of attempts (1 or more), or `unlimited`' },
      [2, 'unlimited'],
    ),
  },
  [],
  { title: 'Pass rule', description: 'How an assessment is passed.', minProperties: 1 },
);

const assessment = object(
  {
    bank: id('Question bank', 'The id of the question bank (a file in `assessments/`).', ['lecture-1-quiz']),
    title: text('Title', 'The assessment’s name.', ['Quiz on Lecture 1']),
    description: markdown('Description', 'What the assessment covers, shown before it starts.', ['Ten multiple-choice questions on the lecture.']),
    questions: positiveInteger('Questions per attempt', 'How many questions each attempt draws from the bank; all of them when omitted.', [10]),
    pass: passRule,
    display: doc('Display', 'Whether the learner sees one question at a time or all at once.', { enum: ['one-at-a-time', 'all-at-once'] }, ['one-at-a-time']),
    shuffle: doc('Shuffle', 'Whether questions and options are shuffled (with a seed derived from the ids, so every build is the same).', { type: 'boolean' }, [true]),
    feedback: doc(
      'Explanations',
      'When learners see the questions’ explanations (their feedback): `after-each-take`, or `after-last-take`, once no take is left (passed, or the last attempt used), so that explanations do not hand the answers to the next take. Right or wrong is shown after every take. `after-each-take` when omitted.',
      { enum: ['after-each-take', 'after-last-take'] },
      ['after-last-take'],
    ),
    external: object(
      {
        url: url('URL', 'Where the assessment is taken.', ['https://forms.gle/example']),
        note: markdown('Note', 'How learners reach it.', ['The quiz link is given in My Classroom on the SHRDC website.']),
      },
      ['note'],
      { title: 'Taken elsewhere', description: 'Where the program’s own assessment is taken outside the course site (a form, another platform).' },
    ),
  },
  ['bank'],
  { title: 'Assessment', description: 'How the module is assessed. Without one, a module is completed by viewing it.' },
);

export const moduleSchema = documentSchema(
  'Module',
  'One module of a program: what it teaches, which competences it develops, its content and its assessment. One file per module in `modules/`, named by its id.',
  object(
    {
      id: id('Id', 'The module’s permanent id; equal to the file name. It is its URL path and its LMS identifier.', ['identifying-risks']),
      title: text('Title', 'The module’s title.', ['Identifying Risks in SCs']),
      shortTitle: text('Short title', 'A short title for navigation and calendars.', ['Identifying Risks']),
      label: text('Label', 'How the documents number or label the module.', ['Lecture 1']),
      kind: id('Kind', 'What kind of module this is; programs may use their own kinds.', ['core', 'advanced', 'elective', 'lecture']),
      phase: id('Phase', 'The id of the phase (in `schedule.yaml`) the module belongs to.', ['core']),
      summary: text('Summary', 'One sentence for lists and link previews.', ['How to find and rank the risks a smart city faces.']),
      description: markdown('Description', 'What the module is about.', ['This module develops the SCRO competence “Identifying Risks in a SC”.']),
      content: doc(
        'Content',
        'The module’s learning content: Markdown written here, or `{ file: content/<name>.md }` (Markdown or MDX) inside the program folder.',
        {
          oneOf: [
            { type: 'string', minLength: 1 },
            object({ file: programFile('File', 'The content file.', ['content/identifying-risks.md']) }, ['file']),
          ],
          'x-message': 'give Markdown text, or `file:` with a path inside the program folder',
        },
      ),
      competences: ids('Competences', 'The ids of the competences (in `competences.yaml`) the module develops.', [['identifying-risks']]),
      prerequisites: ids('Prerequisites', 'The ids of modules to complete first.', [['learning-sc-enabling-technologies']]),
      outcomes: doc('Learning outcomes', 'What learners can do after the module, one per item.', array({ type: 'string', minLength: 1 })),
      topics: doc('Topics', 'The topics covered, one per item.', array({ type: 'string', minLength: 1 }), [["Introducing Seoul Learn, Seoul's Social Mobility Ladder"]]),
      presenters: doc('Presenters', 'Who teaches the module.', array({ type: 'string', minLength: 1 }), [['Seoul Metropolitan Government officials']]),
      workload: object(
        {
          hours: hours('Hours', 'The estimated study time.', [4]),
          note: text('Note', 'How the time is spent.', ['2 hours of video, 2 hours of exercises']),
        },
        ['hours'],
        { title: 'Workload', description: 'How long the module takes.' },
      ),
      resources: links,
      assessment,
    },
    ['id', 'title', 'description'],
  ),
);
