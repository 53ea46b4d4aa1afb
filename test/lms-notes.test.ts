/**
 * The LMS import notes: the data the site renders (importNotes) states each program's
 * rules as LMS settings, and the text file is written from that same data.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/index.ts';
import { emitCmi5 } from '../src/emit/cmi5/index.ts';
import { emitImportNotes, importNotes, type ImportNotes, type LmsSetting } from '../src/emit/lms-notes/index.ts';
import { emitScorm12 } from '../src/emit/scorm12/index.ts';
import { emitScorm2004 } from '../src/emit/scorm2004/index.ts';
import type { Curriculum } from '../src/model/types.ts';

const checked = await check('curriculum');
const context = { catalog: checked.catalog, curricula: checked.curricula };
const crisis = checked.curricula.find((c) => c.program.id === 'crisis-scro')!;
const caring = checked.curricula.find((c) => c.program.id === 'caring-cities')!;

function setting(notes: ImportNotes, lms: string, format: string, name: string, group = 0): LmsSetting | undefined {
  return notes.lms.find((l) => l.id === lms)!.formats.find((f) => f.format === format)!.settings[group]?.settings.find((s) => s.name === name);
}

const lmsIds = ['moodle', 'canvas', 'blackboard', 'brightspace', 'docebo', 'talentlms', 'cornerstone', 'scorm-cloud', 'cmi5'];

describe('importNotes (data for the site)', () => {
  it('covers eight LMSs and the cmi5 route, each with every package format, and says who counts the takes', () => {
    for (const c of [crisis, caring]) {
      const notes = importNotes(c);
      expect(notes.lms.map((l) => l.id)).toEqual(lmsIds);
      for (const lms of notes.lms) {
        expect(lms.formats.map((f) => f.format)).toEqual(['scorm-1.2', 'scorm-2004', 'cmi5']);
        for (const f of lms.formats) {
          expect(f.attemptsOwner).toBe(f.support === 'unsupported' ? 'none' : 'package');
          expect(f.summary.length).toBeGreaterThan(20);
        }
      }
    }
  });

  it('lists exactly the packages the emitters write', () => {
    for (const c of [crisis, caring]) {
      const written = [...emitScorm12(c, context), ...emitScorm2004(c, context), ...emitCmi5(c, context)].map((f) => f.path).sort();
      const listed = importNotes(c).packages.flatMap((p) => [p.programFile, ...p.moduleFiles.map((m) => m.file)]).map((f) => `${c.program.id}/${f}`).sort();
      expect(listed).toEqual(written);
    }
  });

  it('crisis-scro: 60 % and two takes become one Moodle attempt kept open, and the pass mark', () => {
    const notes = importNotes(crisis);
    expect(notes.rules).toEqual([{ moduleIds: crisis.modules.map((m) => m.id), text: 'score at least 60 %, 2 attempts', assessment: { minScore: 60, attempts: 2 } }]);
    for (const format of ['scorm-1.2', 'scorm-2004']) {
      expect(setting(notes, 'moodle', format, 'Number of attempts')?.value).toBe('1');
      expect(setting(notes, 'moodle', format, 'Number of attempts')?.why).toContain('2 takes');
      expect(setting(notes, 'moodle', format, 'Attempts grading')?.value).toBe('Highest attempt');
      expect(setting(notes, 'moodle', format, 'Force new attempt')?.value).toBe('No');
      expect(setting(notes, 'moodle', format, 'Lock after final attempt')?.value).toBe('No');
      expect(setting(notes, 'moodle', format, 'Activity completion')?.value).toContain('Passed');
      expect(setting(notes, 'canvas', format, 'Module requirement (Canvas module settings)')?.value).toBe('Score at least 60');
      expect(setting(notes, 'blackboard', format, 'Attempts allowed (Ultra) / Number of Attempts (Original)')?.value).toBe('1');
      expect(setting(notes, 'scorm-cloud', format, 'Reset Runtime Data Timing')?.value).toBe('Never');
    }
    expect(setting(notes, 'cmi5', 'cmi5', 'masteryScore')?.value).toBe('0.6 (as in cmi5.xml)');
    const moodle12 = notes.lms[0]!.formats[0]!;
    expect(moodle12.support).toBe('recommended');
    expect(moodle12.summary).toContain('2 per learner');
    expect(notes.lms[0]!.formats[2]!.support).toBe('plugin');
    expect(notes.lms[1]!.formats[2]!.support).toBe('unsupported');
  });

  it('corrects the wrong advice: mastery override is a SCORM 1.2 matter, and no data reset on a normal exit', () => {
    for (const c of [crisis, caring]) {
      const notes = importNotes(c);
      const o12 = setting(notes, 'moodle', 'scorm-1.2', 'Mastery score overrides status')!;
      const o2004 = setting(notes, 'moodle', 'scorm-2004', 'Mastery score overrides status')!;
      expect(o12.value).toBe('No');
      expect(o2004.value).toBe('Leave as it is');
      expect(o2004.why).toContain('only to SCORM 1.2');
      const all = notes.lms.flatMap((l) => l.formats.flatMap((f) => f.settings.flatMap((g) => g.settings)));
      // Neither reset that wipes a passed learner's data is offered as a value anywhere.
      expect(all.filter((s) => /Exit Is Not Suspend|Each New Sequencing Attempt/i.test(s.value))).toEqual([]);
      expect(setting(notes, 'scorm-cloud', 'scorm-2004', 'Reset Runtime Data Timing')!.why).toContain('When Exit Is Not Suspend');
    }
  });

  it('names only settings the vendors document, and the formats they support', () => {
    for (const c of [crisis, caring]) {
      const notes = importNotes(c);
      const lms = (id: string) => notes.lms.find((l) => l.id === id)!;
      const names = (id: string, format: string) => lms(id).formats.find((f) => f.format === format)!.settings.flatMap((g) => g.settings.map((s) => s.name));
      // TalentLMS plays SCORM 1.2 only, and cmi5 as units.
      expect(lms('talentlms').formats.map((f) => f.support)).toEqual(['supported', 'unsupported', 'supported']);
      // Cornerstone implements SCORM 2004 3rd edition; the package is 4th edition.
      expect(lms('cornerstone').formats.map((f) => f.support)).toEqual(['supported', 'check', 'check']);
      // Blackboard Ultra fixes the grade of several attempts; one attempt leaves nothing to choose.
      expect(names('blackboard', 'scorm-1.2')).not.toContain('Grade using');
      // Docebo, TalentLMS, Brightspace and Cornerstone take completion from the package and document no attempt setting.
      for (const id of ['docebo', 'talentlms', 'brightspace', 'cornerstone']) expect(names(id, 'scorm-1.2')).toEqual([]);
      expect(lms('docebo').formats[0]!.cautions[0]).toContain('User Statistics');
      expect(lms('moodle').formats[2]!.cautions[0]).toContain('Allow multiple registrations.');
    }
  });

  it('caring-cities: retries allowed become unlimited attempts where the LMS would otherwise stop the learner', () => {
    const notes = importNotes(caring);
    expect(notes.rules[0]!.text).toBe('score at least 60 %, retries allowed');
    expect(setting(notes, 'moodle', 'scorm-1.2', 'Number of attempts')?.value).toBe('Unlimited attempts');
    expect(setting(notes, 'canvas', 'scorm-1.2', 'Allowed attempts')?.value).toBe('Unlimited');
    expect(setting(notes, 'blackboard', 'scorm-2004', 'Attempts allowed (Ultra) / Number of Attempts (Original)')?.value).toBe('Unlimited');
    expect(notes.lms[0]!.formats[0]!.summary).toContain('as many as the learner wants');
    expect(notes.lms[0]!.formats[0]!.cautions).toHaveLength(1);
  });

  it('follows the policy: another limit changes the wording and the values, not the hand-written text', () => {
    const three = structuredClone(crisis) as { -readonly [K in keyof Curriculum]: Curriculum[K] };
    three.modules = three.modules.map((m) => ({ ...m, assessment: { ...m.assessment!, pass: { minScore: 75, attempts: 3 } } }));
    const notes = importNotes(three as Curriculum);
    expect(setting(notes, 'moodle', 'scorm-1.2', 'Number of attempts')?.why).toContain('3 takes');
    expect(setting(notes, 'moodle', 'scorm-1.2', 'Mastery score overrides status')?.why).toContain('75 %');
    expect(setting(notes, 'canvas', 'scorm-2004', 'Module requirement (Canvas module settings)')?.value).toBe('Score at least 75');
    expect(setting(notes, 'cmi5', 'cmi5', 'masteryScore')?.value).toBe('0.75 (as in cmi5.xml)');
    expect(notes.lms[7]!.formats[0]!.summary).toContain('3 per learner');
  });

  it('groups modules by rule: a module without assessment is completed by viewing', () => {
    const variant = structuredClone(crisis) as { -readonly [K in keyof Curriculum]: Curriculum[K] };
    variant.modules = variant.modules.map((m, i) =>
      i === 0 ? { ...m, assessment: undefined } : i === 1 ? { ...m, assessment: { ...m.assessment!, pass: { minScore: 75, attempts: 'unlimited' as const } } } : m,
    );
    const notes = importNotes(variant as Curriculum);
    expect(notes.rules.map((r) => [r.text, r.moduleIds.length])).toEqual([
      ['completed by working through its content', 1],
      ['score at least 75 %, retries allowed', 1],
      ['score at least 60 %, 2 attempts', 18],
    ]);
    expect(setting(notes, 'moodle', 'scorm-1.2', 'Activity completion', 0)?.value).toContain('Completed');
    expect(setting(notes, 'moodle', 'scorm-1.2', 'Number of attempts', 0)).toBeUndefined();
    expect(setting(notes, 'canvas', 'scorm-2004', 'Module requirement (Canvas module settings)', 1)?.value).toBe('Score at least 75');
    expect(setting(notes, 'moodle', 'scorm-2004', 'Number of attempts', 1)?.value).toBe('Unlimited attempts');
    expect(setting(notes, 'moodle', 'scorm-2004', 'Number of attempts', 2)?.value).toBe('1');
    expect(notes.lms[0]!.formats[0]!.summary).toContain('2 per learner');
    const text = [...emitImportNotes(variant as Curriculum, context)][0]!.contents as string;
    expect(text).toContain(`Modules: ${crisis.modules[0]!.title}`);
  });
});

describe('lms-import-notes.txt', () => {
  it('is written beside the packages, from the same data: every setting appears in it', () => {
    for (const c of [crisis, caring]) {
      const [file] = emitImportNotes(c, context);
      expect(file!.path).toBe(`${c.program.id}/lms-import-notes.txt`);
      const text = file!.contents as string;
      const notes = importNotes(c);
      for (const lms of notes.lms) {
        expect(text).toContain(`\n${lms.name}\n`);
        for (const f of lms.formats) {
          expect(text).toContain(f.summary);
          for (const group of f.settings) for (const s of group.settings) expect(text).toContain(`${s.name}: ${s.value}\n      ${s.why}`);
          for (const caution of f.cautions) expect(text).toContain(caution);
        }
      }
      for (const p of notes.packages) expect(text).toContain(p.programFile);
    }
  });

  for (const c of [crisis, caring]) {
    it(`matches its golden copy: ${c.program.id}`, () => {
      const text = [...emitImportNotes(c, context)][0]!.contents as string;
      const path = join('test', 'golden', 'packages', `${c.program.id}.lms-import-notes.txt`);
      if (process.env.UPDATE_GOLDEN) writeFileSync(path, text);
      expect(text).toBe(readFileSync(path, 'utf8'));
    });
  }
});
