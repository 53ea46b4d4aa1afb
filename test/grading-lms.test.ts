/**
 * The grading in the LMS packages: the program-level SCORM 2004 package of
 * `test/samples/programs/graded` weighs each SCO's measure by its module's share of the
 * final grade (`objectiveMeasureWeight`), validates against the ADL XSDs, and the bundled
 * programs, which have no grading, keep the default weights.
 */
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { scormIds } from '../src/emit/package/scorm-structure.ts';
import { emitImportNotes } from '../src/emit/lms-notes/index.ts';
import { emitScorm2004 } from '../src/emit/scorm2004/index.ts';
import type { EmitContext, OutputFile } from '../src/emit/types.ts';
import { check } from '../src/index.ts';
import type { Curriculum } from '../src/model/types.ts';
import { scorm2004Schema, validateAgainst } from './support/scorm-xsd.ts';

let graded: Curriculum;
let bundled: readonly Curriculum[];

const manifestOf = (curriculum: Curriculum, program = true): string => {
  const files = [...emitScorm2004(curriculum, {} as EmitContext)] as OutputFile[];
  const file = files.find((f) => (program ? !/\/modules\//.test(f.path) : /\/modules\//.test(f.path)))!;
  return new TextDecoder().decode(unzipSync(file.contents as Uint8Array)['imsmanifest.xml']);
};

/** The `objectiveMeasureWeight` of a cluster: in its own sequencing, the one with a control mode (SCOs have none). */
const clusterWeightOf = (manifest: string, identifier: string): string | undefined => {
  const start = manifest.indexOf(`<item identifier="${identifier}">`);
  if (start < 0) return undefined;
  const own = manifest.slice(manifest.indexOf('<imsss:controlMode', start));
  return /objectiveMeasureWeight="([^"]+)"/.exec(own.slice(0, own.indexOf('</imsss:sequencing>')))?.[1];
};

beforeAll(async () => {
  graded = (await check('test/samples/programs/graded')).curricula[0]!;
  // The bundled programs without a grading (the third one grades).
  bundled = (await check('curriculum')).curricula.filter((c) => c.policy.grading === undefined);
});

describe('the program-level SCORM 2004 package', () => {
  it('weighs each graded SCO by its share of the final grade', () => {
    const manifest = manifestOf(graded);
    const items = graded.policy.grading!.items;
    // `inference` is graded as a module (one third of 10 %); `describing-data` through its first
    // assessment, the one its SCO runs (one third of 10 %); the peer review is graded elsewhere.
    const share = (id: string) => String(Math.round((items.find((i) => i.id === id)!.weight / 100) * 10000) / 10000);
    const scoWeights = [...manifest.matchAll(/<item identifier="([^"]+)" identifierref="[^"]+">[\s\S]*?objectiveMeasureWeight="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(scoWeights).toHaveLength(graded.modules.length);
    expect(new Map(scoWeights.map(([item, w]) => [item!.replace(/^.*?(describing-data|inference)$/, '$1'), w]))).toEqual(
      new Map([
        ['describing-data', share('quiz-describing')],
        ['inference', share('inference')],
      ]),
    );
    expect(share('inference')).toBe('0.0333');
    // Each phase counts toward the program by the shares of its modules.
    for (const phase of graded.schedule.phases) {
      expect(phase.moduleIds).toHaveLength(1);
      expect(clusterWeightOf(manifest, scormIds.phase(graded.program.id, phase.id))).toBe(scoWeights.find(([item]) => item!.endsWith(phase.moduleIds[0]!))![1]);
    }
    expect(graded.schedule.phases.map((p) => p.id)).toEqual(['foundations', 'inference']);
  });

  it('validates against the ADL SCORM 2004 4th edition XSDs', async () => {
    const result = await validateAgainst([{ fileName: 'graded.xml', contents: manifestOf(graded) }, { fileName: 'graded-module.xml', contents: manifestOf(graded, false) }], scorm2004Schema);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('keeps the default weights where there is no grading', () => {
    expect(bundled.map((c) => c.program.id).sort()).toEqual(['caring-cities', 'crisis-scro']);
    for (const c of bundled) expect(manifestOf(c)).not.toContain('objectiveMeasureWeight');
  });
});

describe('the import notes', () => {
  const notesOf = (c: Curriculum) => String([...emitImportNotes(c, {} as EmitContext)][0]!.contents);

  it('say how to set the gradebook up for this program', () => {
    const notes = notesOf(graded);
    const section = notes.slice(notes.indexOf('Setting up the gradebook'));
    expect(notes).toContain('Setting up the gradebook');
    // One line per part, with the weights, the drops and the items of the model.
    for (const c of graded.policy.grading!.components) {
      const line = section.split('\n').find((l) => l.startsWith(`- ${c.title}: ${c.percent} %`));
      expect(line, c.id).toBeDefined();
      expect(line!.includes('drop the lowest')).toBe(c.dropLowest > 0);
      for (const item of graded.policy.grading!.items.filter((i) => i.componentId === c.id)) expect(line).toContain(item.title);
    }
    expect(section).toContain('Project proposal 10 %, Project report 25 %');
    expect(section).toContain('Grade letters: A 90 % or more; B 80 % to under 90 %');
    expect(section).toContain('Grade to pass: 60 %.');
    expect(section).toContain('Labs not completed by the end of term; Course survey answered');
    for (const lms of ['Moodle:', 'Canvas:', 'Brightspace:']) expect(section).toContain(lms);
    expect(section).toContain('Weighted mean of grades');
    expect(section).toContain('Weight final grade based on assignment groups');
    expect(section).toContain('lowest non-bonus items to drop');
  });

  it('say nothing of a gradebook where there is no grading', () => {
    for (const c of bundled) expect(notesOf(c)).not.toContain('Setting up the gradebook');
  });
});
