/**
 * The grading language from the sources to the model: `test/samples/programs/graded` uses
 * every part of it (weights, a per-item split, a drop, bands, a penalty in fractions of a
 * band, a bonus, a late rule, assessments graded elsewhere). The checks' own samples are
 * under test/samples/diagnostics/grading_* and grade_unknown.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type AnySchema } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitCurriculumJson } from '../src/emit/json/index.ts';
import { check } from '../src/index.ts';
import type { Curriculum, Grading } from '../src/model/types.ts';

let graded: Curriculum;
let grading: Grading;

beforeAll(async () => {
  const result = await check('test/samples/programs/graded');
  expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  graded = result.curricula[0]!;
  grading = graded.policy.grading!;
});

const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

describe('the normalized grading', () => {
  it('gives every graded item its share of the final grade, adding up to 100', () => {
    expect(sum(grading.items.map((i) => i.weight))).toBeCloseTo(100, 9);
    expect(sum(grading.components.map((c) => c.percent))).toBeCloseTo(100, 9);
    // Each component's items add up to the component.
    for (const c of grading.components) {
      expect(sum(grading.items.filter((i) => i.componentId === c.id).map((i) => i.weight))).toBeCloseTo(c.percent, 9);
    }
    const byId = new Map(grading.items.map((i) => [i.id, i]));
    expect(byId.get('project-report')?.weight).toBe(25);
    expect(byId.get('project-proposal')?.weight).toBe(10);
    expect(byId.get('lab-2')?.weight).toBe(5);
  });

  it('weighs the items that count more when the lowest are dropped', () => {
    const sets = grading.items.filter((i) => i.componentId === 'problem-sets');
    expect(sets.map((i) => i.id)).toEqual(['problem-set-1', 'problem-set-2', 'problem-set-3', 'problem-set-4', 'problem-set-5']);
    expect(sets.every((i) => i.weight === 5 && i.countedWeight === 6.25)).toBe(true);
    const component = grading.components.find((c) => c.id === 'problem-sets')!;
    expect(component).toMatchObject({ dropLowest: 1, statedEach: 6.25, split: 'equal' });
    // What counts after the drop is the component's weight again.
    expect(sets[0]!.countedWeight * (sets.length - component.dropLowest)).toBe(component.percent);
  });

  it('grades a module’s list of assessments one by one, those graded elsewhere included', () => {
    const quizzes = grading.items.filter((i) => i.componentId === 'quizzes');
    expect(quizzes.map((i) => `${i.category}:${i.id}`)).toEqual(['module:inference', 'assessment:quiz-describing', 'assessment:plots-review']);
    const module = graded.modules.find((m) => m.id === 'describing-data')!;
    expect(module.assessments?.map((a) => [a.id, a.quiz?.bankId, a.external?.url])).toEqual([
      ['quiz-describing', 'describing-quiz', undefined],
      ['plots-review', undefined, 'https://peer.example.org/plots'],
    ]);
    // The packages keep running one assessment per module: the first with a bank.
    expect(module.assessment?.bankId).toBe('describing-quiz');
    expect(module.assessment?.pass).toEqual({ minScore: 50, attempts: 'unlimited' });
    // The single form is unchanged and has no list.
    expect(graded.modules.find((m) => m.id === 'inference')!.assessments).toBeUndefined();
  });

  it('grades the exams of the schedule, each with its own weight', () => {
    const exams = grading.items.filter((i) => i.category === 'exam');
    expect(exams.map((i) => [i.id, i.title, i.weight])).toEqual([
      ['final-exam', 'Final exam', 10],
      ['oral-exam', 'Oral exam on the project', 5],
    ]);
    expect(graded.schedule.exams.map((e) => e.id)).toEqual(['final-exam', 'oral-exam']);
  });

  it('has contiguous bands, best first, and the pass as a total', () => {
    expect(grading.bands.map((b) => [b.grade, b.min, b.below])).toEqual([
      ['A', 90, 100],
      ['B', 80, 90],
      ['C', 70, 80],
      ['D', 60, 70],
      ['F', 0, 60],
    ]);
    expect(grading.pass).toEqual({ total: 60, grade: 'D' });
  });

  it('keeps the penalty, the bonus and the late rule', () => {
    const labs = grading.adjustments.find((a) => a.id === 'unfinished-labs')!;
    expect(labs.change).toEqual({ unit: 'bands', amount: -1 / 3, written: '-1/3' });
    expect(labs.per.map((p) => p.id)).toEqual(['lab-1', 'lab-2', 'lab-3']);
    expect(labs).toMatchObject({ when: 'not-done', byDeadlineId: 'end-of-term' });
    expect(grading.adjustments.find((a) => a.id === 'survey-bonus')!.change).toEqual({ unit: 'points', amount: 1 });
    expect(grading.late).toMatchObject({ perDay: 10, cap: 50, graceHours: 2, acceptedForDays: 5 });
    // Without `items`, the late rule covers the graded assignments.
    expect(grading.late!.items.map((i) => i.id)).toEqual(grading.items.filter((i) => i.category === 'assignment').map((i) => i.id));
  });

  it('lets the certificate and benefits require a grade or a total', () => {
    const requires = graded.policy.certificate.requires;
    expect(requires.type === 'group' && requires.of[0]).toEqual({ type: 'grade', grade: 'D', min: 60 });
    expect(graded.policy.benefits[0]!.requires).toEqual({ type: 'total', min: 95 });
  });
});

describe('curriculum.json', () => {
  // ajv-formats is CommonJS; under Node's ESM interop its function may sit on `.default`.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;
  const validator = () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
    addFormats(ajv);
    return ajv.compile(JSON.parse(readFileSync('schemas/curriculum.schema.json', 'utf8')) as AnySchema);
  };

  it('carries the normalized grading, and its schema describes it', () => {
    const [file] = [...emitCurriculumJson(graded, {} as never)];
    const json = JSON.parse(String(file!.contents)) as { policy: { grading: Grading } };
    expect(json.policy.grading).toEqual(JSON.parse(JSON.stringify(grading)));
    expect(sum(json.policy.grading.items.map((i) => i.weight))).toBeCloseTo(100, 9);
    const validate = validator();
    expect(validate(json) ? [] : validate.errors).toEqual([]);
    // The schema holds the grading to its shape: an item without its weight, or an unknown unit, is refused.
    const broken = structuredClone(json);
    delete (broken.policy.grading.items[0] as { weight?: number }).weight;
    expect(validate(broken)).toBe(false);
    const unit = structuredClone(json) as unknown as { policy: { grading: { adjustments: { change: { unit: string } }[] } } };
    unit.policy.grading.adjustments[0]!.change.unit = 'letters';
    expect(validate(unit)).toBe(false);
  });
});

describe('a points scale', () => {
  it('turns points into shares of the final grade', async () => {
    const result = await check('test/samples/diagnostics/grading_weights_sum/valid-points');
    const points = result.curricula[0]!.policy.grading!;
    expect(points.scale).toBe('points');
    expect(points.total).toBe(500);
    expect(points.components.map((c) => [c.id, c.weight, c.percent])).toEqual([
      ['homework', 300, 60],
      ['project', 200, 40],
    ]);
    expect(points.items.map((i) => i.weight)).toEqual([20, 20, 20, 40]);
    expect(points.pass).toEqual({ total: 300 });
  });
});

describe('programs without grading', () => {
  it('have no grading in the model', async () => {
    const result = await check('test/samples/programs/minimal');
    expect(result.curricula[0]!.policy.grading).toBeUndefined();
    expect('grading' in result.curricula[0]!.policy).toBe(false);
  });
});
