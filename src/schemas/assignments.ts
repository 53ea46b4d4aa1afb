import { id, ids, markdown, positiveInteger, text, url } from './common.ts';
import { array, doc, documentSchema, object } from './define.ts';

const option = object(
  {
    id: id('Id', 'The option’s id.', ['option-1']),
    title: text('Title', 'The option’s title.', ['Resilience plan for a district']),
    description: markdown('Description', 'What the option asks for.', ['Draft a resilience plan for one district of your city.']),
  },
  ['id', 'title'],
);

const assignment = object(
  {
    id: id('Id', 'The assignment’s permanent id.', ['practical-assignment-1', 'essay']),
    title: text('Title', 'The assignment’s title.', ['Practical assignment 1', 'Essay on lessons learned']),
    kind: doc(
      'Kind',
      'What the learner hands in or does.',
      { enum: ['practical', 'project', 'essay', 'submission', 'survey', 'action-plan', 'presentation', 'other'] },
      ['practical', 'essay', 'survey'],
    ),
    description: markdown('Description', 'What to do, and how it is judged.', ['A one-page essay about the lessons learned and their applicability in your own city.']),
    deliverable: text('Deliverable', 'What is handed in, as stated.', ['A one-page essay', '2 to 3 learning selfies']),
    optional: doc('Optional', 'Whether the assignment is optional (what it brings is stated in `policy.yaml`).', { type: 'boolean' }, [true]),
    choice: object(
      {
        select: positiveInteger('Select', 'How many options the learner carries out.', [1]),
        from: positiveInteger('From', 'How many options there are; may be stated without the options being described.', [3]),
        options: doc('Options', 'The options, where they are described.', array(option, { minItems: 1 })),
      },
      ['select'],
      {
        title: 'Choice',
        description: 'The learner chooses some of several options ("select from 3 choices").',
        anyOf: [{ required: ['from'] }, { required: ['options'] }],
        'x-message': 'state how many options there are with `from`, or list them in `options`',
      },
    ),
    competences: ids('Competences', 'The competences the assignment develops.', [['crisis-management']]),
    modules: ids('Modules', 'The modules the assignment builds on.', [['identifying-risks']]),
    submission: object(
      {
        url: url('URL', 'Where to submit.', ['https://hrd.seoul.go.kr/shrdc/']),
        note: markdown('Note', 'How to submit.', ['Send it by email to the SHRDC team.']),
      },
      [],
      { title: 'Submission', description: 'How the work is handed in.', minProperties: 1 },
    ),
  },
  ['id', 'title', 'kind'],
);

export const assignmentsSchema = documentSchema(
  'Assignments',
  'Work that learners do outside modules: practical assignments, essays, submissions, surveys, action plans. Their dates are in `schedule.yaml`, what they count for in `policy.yaml`.',
  object({ assignments: doc('Assignments', 'The assignments, in order.', array(assignment, { minItems: 1 })) }, ['assignments']),
);
