import { id, idPattern, ids, markdown, positiveInteger, text } from './common.ts';
import { array, doc, object, type JsonSchema } from './define.ts';

/**
 * Which items of one category a grading component (or an adjustment) covers: `all`, a
 * list of ids, or `{ kind, ids }`. Unlike a requirement's selector there is no
 * `atLeast`: every selected item is graded, and `dropLowest` says which ones stop counting.
 */
const gradedSelector = (category: string, example: string, kindExample: string): JsonSchema =>
  doc(
    category.charAt(0).toUpperCase() + category.slice(1),
    `Which ${category} are graded here: \`all\`, a list of ids, or \`{ kind, ids }\`.`,
    {
      oneOf: [
        { const: 'all' },
        array({ type: 'string', pattern: idPattern }, { minItems: 1, uniqueItems: true }),
        object(
          {
            kind: text('Kind', `Only ${category} of this kind.`, [kindExample]),
            ids: ids('Ids', `Only these ${category}.`, [[example]]),
          },
          [],
          { minProperties: 1 },
        ),
      ],
      'x-message': 'use `all`, a list of ids, or an object with `kind` and/or `ids`',
    },
    ['all', [example]],
  );

/** Graded items: one or more categories, each selected like a requirement's items. */
export const gradedItems = (title: string, description: string): JsonSchema =>
  object(
    {
      modules: gradedSelector('modules', 'lecture-1', 'lecture'),
      assignments: gradedSelector('assignments', 'problem-set-1', 'submission'),
      sessions: gradedSelector('sessions', 'recitation-1', 'seminar'),
      exams: gradedSelector('exams', 'final-exam', 'written'),
      assessments: gradedSelector('assessments', 'lab-report-1', 'external'),
    },
    [],
    {
      title,
      description: `${description} A module stands for its assessment; \`assessments\` names the entries of a module’s \`assessments\` list.`,
      minProperties: 1,
      'x-message': 'name the graded items with one or more of `modules`, `assignments`, `sessions`, `exams` and `assessments`',
      examples: [{ assignments: { kind: 'submission' } }, { exams: ['final-exam'] }],
    },
  );

const weightNumber = { type: 'number', exclusiveMinimum: 0 };

const component = object(
  {
    id: id('Id', 'The component’s permanent id (gradebook categories are named after it).', ['problem-sets']),
    title: text('Title', 'The component as the syllabus names it.', ['Problem sets']),
    weight: doc('Weight', 'Its share of the final grade: a percentage (`scale: percent`) or points (`scale: points`).', weightNumber, [25]),
    items: gradedItems('Items', 'The items graded in this component.'),
    split: doc(
      'Split',
      'How the weight is shared among the items: `equal` (the default), or the weight of each item by its id (the weights add up to the component’s).',
      {
        oneOf: [{ const: 'equal' }, { type: 'object', additionalProperties: weightNumber, minProperties: 1 }],
        'x-message': 'use `equal`, or a mapping from each item’s id to its weight',
      },
      ['equal', { midterm: 10, final: 20 }],
    ),
    each: doc(
      'Each',
      'The weight of each item as the syllabus states it (“each problem set 5 %”); checked against the component’s weight shared equally among its counted items.',
      weightNumber,
      [5],
    ),
    dropLowest: doc('Drop lowest', 'How many of the lowest-scored items do not count; the others share the weight equally (so not with a per-item `split`).', { type: 'integer', minimum: 1 }, [1]),
    description: markdown('Description', 'The component as the syllabus describes it.', ['Five problem sets, one every two weeks; the lowest score is dropped.']),
  },
  ['id', 'title', 'weight', 'items'],
);

const band = object(
  {
    grade: text('Grade', 'The grade’s name (a letter, a word, a number).', ['A']),
    min: doc('From', 'The lowest final total that earns this grade, on the grading’s scale.', { type: 'number', minimum: 0 }, [90]),
    description: text('Description', 'What the grade means, as the syllabus says.', ['Excellent']),
  },
  ['grade', 'min'],
);

/** A signed amount of grade bands: a number, or a fraction written as the syllabus does (`-1/3`). */
const bandsAmount = doc(
  'Bands',
  'How many grade bands the final grade moves: negative lowers it, positive raises it; a fraction such as `-1/3` moves the total by that part of its band’s width.',
  {
    oneOf: [
      { type: 'number' },
      { type: 'string', pattern: '^[+-]?[1-9][0-9]*/[1-9][0-9]*$' },
    ],
    'x-message': 'give a non-zero number of bands, or a fraction such as `-1/3`',
  },
  [-1, '-1/3'],
);

const adjustment = object(
  {
    id: id('Id', 'The adjustment’s id.', ['unfinished-labs']),
    title: text('Title', 'What it is, in the learner’s words.', ['Labs not completed by the end of term']),
    per: gradedItems('Per item', 'The items it counts: it applies once for each of them that meets the condition.'),
    when: doc(
      'When',
      '`not-done` (the item is not completed by `by`) or `done` (it is completed by `by`, or at all without `by`).',
      { enum: ['not-done', 'done'] },
      ['not-done'],
    ),
    by: id('By', 'The id of the deadline (in `schedule.yaml`) that the condition is judged at.', ['end-of-term']),
    points: doc('Points', 'How much the final total changes each time, on the grading’s scale: negative for a penalty, positive for a bonus.', { type: 'number' }, [-5, 2]),
    bands: bandsAmount,
    max: doc('At most', 'The largest total change, in the same unit, however often it applies.', { type: 'number', exclusiveMinimum: 0 }, [10]),
    description: markdown('Description', 'The rule as the syllabus states it.', ['Each lab not completed by the end of term lowers the final grade by one third of a letter.']),
  },
  ['id', 'title', 'per', 'when'],
  {
    oneOf: [{ required: ['points'] }, { required: ['bands'] }],
    'x-message': 'an adjustment changes the final grade by `points` or by `bands`, one of the two',
  },
);

const late = object(
  {
    perDay: doc('Per day', 'The deduction for each day (or part of a day) late, as a percentage of the item’s maximum score.', { type: 'number', exclusiveMinimum: 0, maximum: 100 }, [10]),
    cap: doc('Cap', 'The largest deduction, as a percentage of the item’s maximum score.', { type: 'number', exclusiveMinimum: 0, maximum: 100 }, [50]),
    graceHours: doc('Grace', 'Hours after the deadline during which nothing is deducted.', { type: 'number', minimum: 0 }, [2]),
    acceptedForDays: positiveInteger('Accepted for', 'How many days after the deadline late work is still accepted; always, up to the cap, when omitted.', [7]),
    items: gradedItems('Items', 'The items the rule applies to; every graded assignment when omitted.'),
    description: markdown('Description', 'The rule as the syllabus states it.', ['Late work loses 10 % per day, up to 50 %.']),
  },
  ['perDay'],
  { title: 'Late work', description: 'What late work costs.' },
);

export const gradingSchema = object(
  {
    scale: doc('Scale', '`percent` (weights add up to 100) or `points` (weights are points and add up to `total`).', { enum: ['percent', 'points'] }, ['percent']),
    total: doc('Total points', 'With `scale: points`: the points of the whole course, which the components’ weights add up to.', { type: 'number', exclusiveMinimum: 0 }, [1000]),
    components: doc('Components', 'The parts of the final grade, each with its weight and its items.', array(component, { minItems: 1 })),
    pass: object(
      {
        total: doc('Total', 'The lowest final total that passes, on the grading’s scale.', { type: 'number', minimum: 0 }, [60]),
        grade: text('Grade', 'The lowest grade (a `grade` of `bands`) that passes.', ['D']),
      },
      [],
      {
        title: 'Pass',
        description: 'What final total or grade passes the course.',
        oneOf: [{ required: ['total'] }, { required: ['grade'] }],
        'x-message': 'give the pass as `total:` (a minimum weighted total) or `grade:` (a band), one of the two',
      },
    ),
    bands: doc('Grade bands', 'The grades, best first, each from its lowest total; the last starts at 0.', array(band, { minItems: 1 })),
    adjustments: doc('Adjustments', 'Penalties and bonuses applied to the final total.', array(adjustment)),
    late,
    note: markdown('Note', 'The grading as the syllabus states it.', ['Problem sets 25 %, project 35 %, mid-term 15 %, final exam 25 %.']),
  },
  ['components'],
  {
    title: 'Grading',
    description: 'How the final grade is computed: weighted components, bands, adjustments and the late rule.',
    allOf: [{ if: { properties: { scale: { const: 'points' } }, required: ['scale'] }, then: { required: ['total'] }, else: { not: { required: ['total'] } } }],
    'x-message': '`total` is given with `scale: points`, and only then',
  },
);
