/**
 * Import notes for LMS administrators, as data: for each LMS and each package format,
 * which settings make the LMS apply the program's rules that a package cannot carry
 * (SCORM 1.2 has no attempt limit; cmi5 has no attempts; Moodle keeps attempts and
 * grading in its activity). The site renders this data on a page; the text file
 * `lms-import-notes.txt` is written from the same data.
 *
 * The rules come from the model (pass mark, attempts, assessed or not) and are worded
 * by `modulePassText`, so the notes never restate the policy by hand.
 */
import { modulePassText } from '../../describe/policy.ts';
import { messagesFor, type Messages } from '../../i18n/index.ts';
import type { Curriculum, Module } from '../../model/types.ts';
import { outputPaths, packageFormats, type PackageFormat } from '../../addresses/index.ts';

export type LmsId = 'moodle' | 'canvas' | 'scorm-cloud';

/** How well an LMS takes a format. */
export type Support = 'recommended' | 'supported' | 'plugin' | 'unsupported';

/** One LMS setting: its name as the LMS labels it, the value to choose, and why. */
export interface LmsSetting {
  readonly name: string;
  readonly value: string;
  readonly why: string;
}

/** Settings for the modules that share one rule. */
export interface SettingGroup {
  /** "modules with an assessment (pass mark 60 %)". */
  readonly appliesTo: string;
  readonly moduleIds: readonly string[];
  readonly settings: readonly LmsSetting[];
}

export interface FormatNotes {
  readonly format: PackageFormat;
  readonly formatName: string;
  readonly support: Support;
  readonly summary: string;
  readonly steps: readonly string[];
  readonly settings: readonly SettingGroup[];
  readonly cautions: readonly string[];
}

export interface LmsNotes {
  readonly id: LmsId;
  readonly name: string;
  readonly formats: readonly FormatNotes[];
}

/** A rule that several modules share: assessed with a pass mark and attempts, or completed by viewing. */
export interface ModuleRule {
  readonly moduleIds: readonly string[];
  /** "score at least 60 %, 2 attempts", from the policy describer. */
  readonly text: string;
  readonly assessment?: { readonly minScore: number; readonly attempts: number | 'unlimited' };
}

/** Where a format's packages are, relative to the program's output folder. */
export interface PackageFiles {
  readonly format: PackageFormat;
  readonly formatName: string;
  readonly programFile: string;
  readonly moduleFiles: readonly { readonly moduleId: string; readonly title: string; readonly file: string }[];
}

export interface ImportNotes {
  readonly programId: string;
  readonly programTitle: string;
  readonly packages: readonly PackageFiles[];
  readonly rules: readonly ModuleRule[];
  /** How the packages track learners, in a few sentences. */
  readonly howPackagesTrack: readonly string[];
  readonly lms: readonly LmsNotes[];
}

/** Groups modules by their rule, in module order. */
export function moduleRules(curriculum: Curriculum, messages: Messages = messagesFor(curriculum.program.language)): ModuleRule[] {
  const groups = new Map<string, { modules: Module[]; rule: ModuleRule['assessment'] }>();
  for (const m of curriculum.modules) {
    const a = m.assessment;
    const key = a ? `${a.pass.minScore}|${a.pass.attempts}` : 'viewed';
    const group = groups.get(key) ?? { modules: [], rule: a ? { minScore: a.pass.minScore, attempts: a.pass.attempts } : undefined };
    group.modules.push(m);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ modules, rule }) => ({
    moduleIds: modules.map((m) => m.id),
    text: modulePassText(modules[0]!, messages),
    ...(rule ? { assessment: rule } : {}),
  }));
}

function relative(curriculum: Curriculum, path: string): string {
  return path.slice(curriculum.program.id.length + 1);
}

type NotesMessages = Messages['lmsPackage']['notes'];

function appliesTo(rule: ModuleRule, n: NotesMessages): string {
  return rule.assessment ? n.graded(rule.assessment.minScore) : n.viewOnly;
}

function attemptsValue(rule: ModuleRule, n: NotesMessages): string {
  const attempts = rule.assessment?.attempts;
  return attempts === undefined || attempts === 'unlimited' ? n.unlimited : String(attempts);
}

function moodle(curriculum: Curriculum, rules: readonly ModuleRule[], messages: Messages): LmsNotes {
  const n = messages.lmsPackage.notes;
  const m = n.moodle;
  const limited = rules.some((r) => typeof r.assessment?.attempts === 'number');
  const scormSettings = rules.map((rule): SettingGroup => {
    const a = rule.assessment;
    const settings: LmsSetting[] = a
      ? [
          { name: m.gradingMethod, value: m.gradingMethodValue, why: m.gradingMethodWhy },
          { name: m.maximumGrade, value: m.maximumGradeValue, why: m.maximumGradeWhy },
          { name: m.attempts, value: typeof a.attempts === 'number' ? String(a.attempts) : m.unlimitedAttempts, why: m.attemptsWhy(rule.text) },
          { name: m.attemptsGrading, value: m.attemptsGradingValue, why: m.attemptsGradingWhy },
          { name: m.forceNewAttempt, value: m.forceNewAttemptValue, why: m.forceNewAttemptWhy },
          ...(typeof a.attempts === 'number' ? [{ name: m.lockAfterFinal, value: m.lockAfterFinalValue, why: m.lockAfterFinalWhy }] : []),
          { name: m.masteryOverride, value: m.masteryOverrideValue, why: m.masteryOverrideWhy(a.minScore) },
          { name: m.completionPassed, value: m.completionPassedValue, why: m.completionPassedWhy },
        ]
      : [{ name: m.completionViewed, value: m.completionViewedValue, why: m.completionViewedWhy }];
    return { appliesTo: appliesTo(rule, n), moduleIds: rule.moduleIds, settings };
  });
  const scorm = (format: 'scorm-1.2' | 'scorm-2004'): FormatNotes => ({
    format,
    formatName: n.formats[format]!,
    support: format === 'scorm-1.2' ? 'recommended' : 'supported',
    summary: format === 'scorm-1.2' ? m.summaryScorm12 : m.summaryScorm2004,
    steps: [m.uploadModule, m.uploadProgram],
    settings: scormSettings,
    cautions: [...(limited ? [m.cautionProgram] : []), ...(format === 'scorm-2004' ? [m.cautionScorm2004] : [])],
  });
  return {
    id: 'moodle',
    name: n.lmsNames.moodle!,
    formats: [
      scorm('scorm-1.2'),
      scorm('scorm-2004'),
      {
        format: 'cmi5',
        formatName: n.formats.cmi5!,
        support: 'plugin',
        summary: m.summaryCmi5,
        steps: [m.uploadCmi5],
        settings: [{ appliesTo: n.allModules(curriculum.modules.length), moduleIds: curriculum.modules.map((x) => x.id), settings: [{ name: m.cmi5MoveOn, value: m.cmi5MoveOnValue, why: m.cmi5MoveOnWhy }] }],
        cautions: [m.cautionCmi5],
      },
    ],
  };
}

function canvas(rules: readonly ModuleRule[], messages: Messages): LmsNotes {
  const n = messages.lmsPackage.notes;
  const c = n.canvas;
  const settings = rules.map((rule): SettingGroup => {
    const a = rule.assessment;
    return {
      appliesTo: appliesTo(rule, n),
      moduleIds: rule.moduleIds,
      settings: a
        ? [
            { name: c.pointsPossible, value: c.pointsPossibleValue, why: c.pointsPossibleWhy },
            { name: c.requirement, value: c.requirementPassedValue(a.minScore), why: c.requirementPassedWhy },
            { name: c.attempts, value: attemptsValue(rule, n), why: c.attemptsWhy(rule.text) },
          ]
        : [{ name: c.requirement, value: c.requirementViewedValue, why: c.requirementViewedWhy }],
    };
  });
  const limited = rules.some((r) => typeof r.assessment?.attempts === 'number');
  const scorm = (format: 'scorm-1.2' | 'scorm-2004'): FormatNotes => ({
    format,
    formatName: n.formats[format]!,
    support: 'supported',
    summary: c.summaryScorm,
    steps: [c.upload],
    settings,
    cautions: limited ? [c.cautionAttempts] : [],
  });
  return {
    id: 'canvas',
    name: n.lmsNames.canvas!,
    formats: [scorm('scorm-1.2'), scorm('scorm-2004'), { format: 'cmi5', formatName: n.formats.cmi5!, support: 'unsupported', summary: c.summaryCmi5, steps: [], settings: [], cautions: [] }],
  };
}

function scormCloud(curriculum: Curriculum, rules: readonly ModuleRule[], messages: Messages): LmsNotes {
  const n = messages.lmsPackage.notes;
  const s = n.scormCloud;
  const everyModule = { appliesTo: n.allModules(curriculum.modules.length), moduleIds: curriculum.modules.map((m) => m.id) };
  const keepData: SettingGroup = { ...everyModule, settings: [{ name: s.resetData, value: s.resetDataValue, why: s.resetDataWhy }] };
  const limited = rules.some((r) => typeof r.assessment?.attempts === 'number');
  return {
    id: 'scorm-cloud',
    name: n.lmsNames['scorm-cloud']!,
    formats: [
      { format: 'scorm-1.2', formatName: n.formats['scorm-1.2']!, support: 'supported', summary: s.summaryScorm12, steps: [s.upload], settings: [keepData], cautions: limited ? [s.cautionScorm12] : [] },
      { format: 'scorm-2004', formatName: n.formats['scorm-2004']!, support: 'recommended', summary: s.summaryScorm2004, steps: [s.upload], settings: [keepData], cautions: [] },
      {
        format: 'cmi5',
        formatName: n.formats.cmi5!,
        support: 'supported',
        summary: s.summaryCmi5,
        steps: [s.upload],
        settings: [],
        cautions: [],
      },
    ],
  };
}

/** The import notes of a program: its packages, its module rules, and per LMS and format the settings to choose. */
export function importNotes(curriculum: Curriculum): ImportNotes {
  const messages = messagesFor(curriculum.program.language);
  const n = messages.lmsPackage.notes;
  const rules = moduleRules(curriculum, messages);
  const program = curriculum.program.id;
  return {
    programId: program,
    programTitle: curriculum.program.title,
    packages: packageFormats.map((format) => ({
      format,
      formatName: n.formats[format]!,
      programFile: relative(curriculum, outputPaths.programPackage(program, format)),
      moduleFiles: curriculum.modules.map((m) => ({ moduleId: m.id, title: m.title, file: relative(curriculum, outputPaths.modulePackage(program, m.id, format)) })),
    })),
    rules,
    howPackagesTrack: n.howPackagesTrack,
    lms: [moodle(curriculum, rules, messages), canvas(rules, messages), scormCloud(curriculum, rules, messages)],
  };
}
