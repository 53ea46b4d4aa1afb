import { id, idPattern, ids, markdown, positiveInteger, text } from './common.ts';
import { array, doc, documentSchema, object } from './define.ts';
import { gradingSchema } from './grading.ts';
import { passRule } from './module.ts';

const ref = (name: string) => ({ $ref: `#/$defs/${name}` });

/** Which items of one category a requirement names: all of them, a list, or a filtered selection. */
const selector = (category: string, example: string) =>
  doc(
    category.charAt(0).toUpperCase() + category.slice(1),
    `Which ${category} are required: \`all\`, a list of ids, or \`{ kind, ids, atLeast }\`.`,
    {
      oneOf: [
        { const: 'all' },
        array({ type: 'string', pattern: idPattern }, { minItems: 1, uniqueItems: true }),
        object(
          {
            kind: text('Kind', `Only ${category} of this kind.`, ['elective']),
            ids: ids('Ids', `Only these ${category}.`, [[example]]),
            atLeast: positiveInteger('At least', `How many of the selected ${category} are required; all when omitted.`, [2]),
          },
          [],
          { minProperties: 1 },
        ),
      ],
      'x-message': 'use `all`, a list of ids, or an object with `kind`, `ids` and/or `atLeast`',
    },
    ['all', [example]],
  );

const requirement = {
  title: 'Requirement',
  description:
    'What must be done: `all:` or `any:` of several requirements, `atLeast: N` with `of:`, or items: `modules:` (passed), `assignments:` (completed), `sessions:` (attended), `certificate: true`, or a final grade: `grade:` (a band of `grading`) or `total:` (a minimum weighted total).',
  type: 'object',
  properties: {
    all: doc('All of', 'Every one of these requirements.', array(ref('requirement'), { minItems: 1 })),
    any: doc('Any of', 'At least one of these requirements.', array(ref('requirement'), { minItems: 1 })),
    atLeast: positiveInteger('At least', 'How many of the requirements in `of` must be met.', [2]),
    of: doc('Of', 'The requirements counted by `atLeast`.', array(ref('requirement'), { minItems: 1 })),
    modules: selector('modules', 'crisis-management'),
    assignments: selector('assignments', 'essay'),
    sessions: selector('sessions', 'orientation'),
    certificate: doc('Certificate', 'Having earned the certificate.', { const: true }, [true]),
    grade: text('Grade', 'A final grade of this band or better (a `grade` of `grading.bands`).', ['D']),
    total: doc('Total', 'A final weighted total of at least this much, on the grading’s scale (percent or points).', { type: 'number', minimum: 0 }, [60]),
  },
  additionalProperties: false,
  oneOf: [
    { required: ['all'] },
    { required: ['any'] },
    { required: ['atLeast', 'of'] },
    { required: ['modules'] },
    { required: ['assignments'] },
    { required: ['sessions'] },
    { required: ['certificate'] },
    { required: ['grade'] },
    { required: ['total'] },
  ],
  'x-message':
    'a requirement has exactly one of `all`, `any`, `atLeast` with `of`, `modules`, `assignments`, `sessions`, `certificate`, `grade` or `total`',
  examples: [{ all: [{ modules: 'all' }, { assignments: ['essay'] }] }, { atLeast: 2, of: [{ sessions: 'all' }, { modules: { kind: 'elective', atLeast: 2 } }] }],
};

export const policySchema = documentSchema(
  'Completion policy',
  'How modules are passed and what earns the certificate and other benefits. One `policy.yaml` per program; the site writes it out as a checklist and the LMS packages enforce it.',
  object(
    {
      modules: object(
        {
          pass: passRule,
          note: markdown('Note', 'The rule as the documents state it.', ['A module is passed with a grade of 60% or higher in its assessment test.']),
        },
        [],
        { title: 'Modules', description: 'How every module with an assessment is passed, unless its assessment says otherwise.' },
      ),
      certificate: object(
        {
          title: text('Title', 'The certificate’s name.', ['Certificate of Completion']),
          issuedBy: ids('Issued by', 'The ids of the organizers who issue it.', [['shrdc', 'metropolis', 'uclg', 'uclg-aspac']]),
          requires: ref('requirement'),
          brings: markdown('What it brings', 'What holders of the certificate qualify for.', ['Qualifies for a second round of specialized training (again without fees).']),
          recognition: markdown('Recognition', 'How the certificate is recognized (qualification frameworks, credits).', ['Certification in accordance with the European and national qualification frameworks.']),
          note: markdown('Note', 'The rule as the documents state it.', ['A participant who completes all modules and assignments is awarded a Certificate of Completion.']),
        },
        ['title', 'requires'],
        { title: 'Certificate', description: 'What earns the certificate.' },
      ),
      attendance: object(
        {
          minShare: doc('Minimum share', 'The share of a live session (0 to 1) a learner must be present for to have attended it.', { type: 'number', exclusiveMinimum: 0, maximum: 1 }, [0.75]),
        },
        ['minShare'],
        { title: 'Attendance', description: 'When a learner counts as attending a live session; `curriculum evaluate` applies it to attendance reports. Without it, 75 % of the session.' },
      ),
      grading: gradingSchema,
      benefits: doc(
        'Benefits',
        'What else learners can earn, such as priority for a later programme for submitting an optional action plan.',
        array(
          object(
            {
              id: id('Id', 'The benefit’s id.', ['offline-training-priority']),
              title: text('Title', 'What the learner gets.', ['Priority for the offline training in Seoul']),
              requires: ref('requirement'),
              description: markdown('Description', 'The benefit as the documents state it.', ['Participants who submit an action plan are prioritized for the offline training in Seoul.']),
            },
            ['id', 'title', 'requires'],
          ),
        ),
      ),
    },
    ['certificate'],
  ),
  { requirement },
);
