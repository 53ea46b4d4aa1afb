/**
 * Import notes for LMS administrators, as data: for each LMS and each package format,
 * who counts the takes of an assessment, and the settings that make the program's rules
 * true in that LMS. The package counts its takes itself (in its saved data) inside one
 * LMS attempt or cmi5 registration, so the settings keep that one attempt open across
 * launches and keep the learner's data. The site renders this data on a page; the text
 * file `lms-import-notes.txt` is written from the same data.
 *
 * The rules come from the model (pass mark, attempts, assessed or not) and are worded
 * by `modulePassText`, so the notes never restate the policy by hand. Each LMS's builder
 * names the documentation its settings come from.
 */
import { modulePassText } from '../../describe/policy.ts';
import { messagesFor, type Messages } from '../../i18n/index.ts';
import type { Curriculum, Module } from '../../model/types.ts';
import { outputPaths, packageFormats, type PackageFormat } from '../../addresses/index.ts';

export type LmsId = 'moodle' | 'canvas' | 'blackboard' | 'brightspace' | 'docebo' | 'talentlms' | 'cornerstone' | 'scorm-cloud' | 'cmi5';

/** How well an LMS takes a format; `check` where it depends on the LMS's edition or add-ons. */
export type Support = 'recommended' | 'supported' | 'plugin' | 'unsupported' | 'check';

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
  /** Who counts the takes: the package inside one LMS attempt (or cmi5 registration), or nobody where the format does not run. */
  readonly attemptsOwner: 'package' | 'none';
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
type Assessed = NonNullable<ModuleRule['assessment']>;
type ScormFormat = 'scorm-1.2' | 'scorm-2004';

function appliesTo(rule: ModuleRule, n: NotesMessages): string {
  return rule.assessment ? n.graded(rule.assessment.minScore) : n.viewOnly;
}

/** The settings of every rule group, from one builder per rule (assessed or viewed). */
function groups(rules: readonly ModuleRule[], n: NotesMessages, assessed: (a: Assessed, rule: ModuleRule) => LmsSetting[], viewed: () => LmsSetting[]): SettingGroup[] {
  return rules
    .map((rule) => ({ appliesTo: appliesTo(rule, n), moduleIds: rule.moduleIds, settings: rule.assessment ? assessed(rule.assessment, rule) : viewed() }))
    .filter((g) => g.settings.length > 0);
}

/** "2 per learner" or "as many as the learner wants", for the summaries: the strictest rule's. */
function takesText(rules: readonly ModuleRule[], n: NotesMessages): string {
  const limits = rules.flatMap((r) => (typeof r.assessment?.attempts === 'number' ? [r.assessment.attempts] : []));
  return limits.length ? [...new Set(limits)].map((l) => n.takesText(l)).join(', ') : n.takesText('unlimited');
}

/**
 * Moodle's SCORM activity settings that keep the package's takes in one Moodle attempt,
 * as data (the LMS emulators in the tests use them). Each comes from Moodle's own code
 * and documentation (docs.moodle.org, "SCORM settings"):
 * - maxattempt: 1 for a limited rule, because scorm_check_mode (mod/scorm/lib.php) gives
 *   a new attempt empty tracks, and the package would count its takes from zero; 0
 *   (unlimited) when the rule allows retries;
 * - forcenewattempt: 0, because 1 ("when previous attempt completed, passed or failed")
 *   and 2 ("always") open a new attempt after a passed one too (scorm_check_mode);
 * - lastattemptlock: off, because player.php refuses entry once scorm_get_attempt_count
 *   (which counts an attempt as soon as it has a score) reaches maxattempt, which with
 *   one attempt is after the first take;
 * - masteryoverride (SCORM 1.2 only: datamodels/scorm_12.js recomputes lesson_status from
 *   score.raw and mastery_score at LMSFinish; scorm_13.js has no such rule): off;
 * - whatgrade: highest attempt; grademethod: highest grade (one SCO per package).
 * The labels the notes print are Moodle's own strings (mod/scorm/lang/en/scorm.php:
 * grademethod "Grading method", maximumattempts "Number of attempts", whatgrade "Attempts
 * grading", forcenewattempts "Force new attempt", lastattemptlock "Lock after final attempt",
 * masteryoverride "Mastery score overrides status", completionstatusrequired "Require status").
 */
export interface MoodleActivitySettings {
  readonly maxAttempt: number;
  readonly forceNewAttempt: 0;
  readonly lastAttemptLock: false;
  readonly masteryOverride: false;
  readonly gradeMethod: 'highest grade';
  readonly whatGrade: 'highest attempt';
}

export function moodleActivitySettings(rule: Assessed): MoodleActivitySettings {
  return { maxAttempt: typeof rule.attempts === 'number' ? 1 : 0, forceNewAttempt: 0, lastAttemptLock: false, masteryOverride: false, gradeMethod: 'highest grade', whatGrade: 'highest attempt' };
}

/**
 * The SCORM Cloud package property that keeps the learner's data across launches
 * (Rustici, SCORM Cloud Help, "Course settings" → "Reset Runtime Data Timing"; Rustici
 * Engine documentation, Package Properties Reference, ResetRunTimeDataTiming).
 */
export const scormCloudPackageProperties = { resetRunTimeDataTiming: 'never' } as const;

function moodle(curriculum: Curriculum, rules: readonly ModuleRule[], n: NotesMessages): LmsNotes {
  const m = n.moodle;
  const limited = rules.some((r) => typeof r.assessment?.attempts === 'number');
  const settings = (format: ScormFormat) =>
    groups(
      rules,
      n,
      (a, rule) => {
        const s = moodleActivitySettings(a);
        return [
          { name: m.gradingMethod, value: m.gradingMethodValue, why: m.gradingMethodWhy },
          { name: m.maximumGrade, value: m.maximumGradeValue, why: m.maximumGradeWhy },
          {
            name: m.attempts,
            value: s.maxAttempt === 1 ? m.attemptsOne : m.attemptsUnlimited,
            why: typeof a.attempts === 'number' ? m.attemptsWhy(rule.text, a.attempts) : m.attemptsUnlimitedWhy(rule.text),
          },
          { name: m.attemptsGrading, value: m.attemptsGradingValue, why: m.attemptsGradingWhy },
          { name: m.forceNewAttempt, value: m.forceNewAttemptValue, why: m.forceNewAttemptWhy },
          { name: m.lockAfterFinal, value: m.lockAfterFinalValue, why: m.lockAfterFinalWhy },
          format === 'scorm-1.2'
            ? { name: m.masteryOverride, value: m.masteryOverrideValue12, why: m.masteryOverrideWhy12(a.minScore) }
            : { name: m.masteryOverride, value: m.masteryOverrideValue2004, why: m.masteryOverrideWhy2004 },
          { name: m.completionPassed, value: m.completionPassedValue, why: m.completionPassedWhy },
        ];
      },
      () => [{ name: m.completionViewed, value: m.completionViewedValue, why: m.completionViewedWhy }],
    );
  const scorm = (format: ScormFormat): FormatNotes => ({
    format,
    formatName: n.formats[format]!,
    support: format === 'scorm-1.2' ? 'recommended' : 'supported',
    attemptsOwner: 'package',
    summary: `${format === 'scorm-1.2' ? m.summaryScorm12 : m.summaryScorm2004} ${n.packageOwns(takesText(rules, n))}`,
    steps: [m.uploadModule, m.uploadProgram],
    settings: settings(format),
    cautions: [...(limited ? [m.cautionProgram] : []), n.checkRelaunch],
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
        attemptsOwner: 'package',
        summary: `${m.summaryCmi5} ${n.cmi5Owns}`,
        steps: [m.uploadCmi5],
        settings: [{ appliesTo: n.allModules(curriculum.modules.length), moduleIds: curriculum.modules.map((x) => x.id), settings: [{ name: m.cmi5MoveOn, value: m.cmi5MoveOnValue, why: m.cmi5MoveOnWhy }] }],
        // ADL's plugin (github.com/adlnet/Moodle-mod_cmi5launch, lang/en/cmi5launch.php): the
        // activity is "cmi5 launch link"; "Allow multiple registrations." lets a learner start a
        // second registration, which would start the package's takes from zero; the cmi5 player
        // assigns "each user and their activity instance a registration id" otherwise. Its
        // completion and attempt settings ("Track completion by verb", "Maxium attempt amount")
        // count sessions and statements, not the package's takes, so the notes name none of them.
        cautions: [m.cautionCmi5],
      },
    ],
  };
}

/** The cmi5 format where an LMS has no cmi5 player of its own. */
function cmi5Elsewhere(n: NotesMessages, support: Support, summary: string): FormatNotes {
  return { format: 'cmi5', formatName: n.formats.cmi5!, support, attemptsOwner: support === 'unsupported' ? 'none' : 'package', summary, steps: [], settings: [], cautions: [] };
}

/**
 * Canvas: the SCORM tool (Instructure Community, "How do I import SCORM files as an
 * assignment?") runs Rustici's SCORM Engine behind LTI; points possible and module
 * requirements are Canvas's own. Canvas Instructor Guide, "How do I add requirements to a
 * module?" (community.canvaslms.com/docs/DOC-13134): the requirements are "View the item",
 * "Mark as done", "Contribute to the page", "Submit the assignment" and "Score at least", the
 * last for graded assignment types. "Allowed attempts" is Canvas's assignment setting; how the
 * SCORM tool counts against it is not documented, hence "Unlimited" (the package limits).
 */
function canvas(rules: readonly ModuleRule[], n: NotesMessages): LmsNotes {
  const c = n.canvas;
  const settings = groups(
    rules,
    n,
    (a, rule) => [
      { name: c.pointsPossible, value: c.pointsPossibleValue, why: c.pointsPossibleWhy },
      { name: c.requirement, value: c.requirementPassedValue(a.minScore), why: c.requirementPassedWhy },
      { name: c.attempts, value: n.unlimited, why: c.attemptsWhy(rule.text) },
    ],
    () => [{ name: c.requirement, value: c.requirementViewedValue, why: c.requirementViewedWhy }],
  );
  const scorm = (format: ScormFormat) => packageOwnedScorm(format, c, settings, rules, n);
  return { id: 'canvas', name: n.lmsNames.canvas!, formats: [scorm('scorm-1.2'), scorm('scorm-2004'), cmi5Elsewhere(n, 'unsupported', c.summaryCmi5)] };
}

/**
 * A SCORM package in an LMS that leaves the takes to the package: the same wording, steps and
 * cautions everywhere but the LMS's own summary, upload step and settings.
 */
function packageOwnedScorm(format: ScormFormat, lms: { readonly summaryScorm: string; readonly upload: string }, settings: FormatNotes['settings'], rules: readonly ModuleRule[], n: NotesMessages): FormatNotes {
  return {
    format,
    formatName: n.formats[format]!,
    support: 'supported',
    attemptsOwner: 'package',
    summary: `${lms.summaryScorm} ${n.packageOwns(takesText(rules, n))}`,
    steps: [lms.upload],
    settings,
    cautions: [n.checkRelaunch],
  };
}

/**
 * Blackboard Learn. Original Course View: Blackboard Help, "Add Content Packages"
 * (help.blackboard.com/Learn/Instructor/Original/Course_Content/Create_Content/Add_Content_Packages):
 * the SCORM Engine plays SCORM 1.2 and 2004, and Learn "doesn't include a Tin Can Learning
 * Record Store", hence no cmi5; the upload form's "Number of Attempts" and the grading choice
 * "SCORM Score" / "SCORM Completion" / "SCORM Satisfaction" are named in the University of
 * Southampton's staff guide "SCORM" (elearn.soton.ac.uk/knowledge-base/bb-scorm). Ultra Course
 * View: Create → "SCORM package", "Attempts allowed" under Grading & Submissions, and "Grade
 * SCORM" with a grading schema and maximum score that cannot be changed after the import; a
 * graded SCORM with several attempts always takes the "Last attempt with a grade", which
 * cannot be changed (academic-technology-services.scrollhelp.site, "Adding SCORM content",
 * which follows Blackboard's Ultra help). With one attempt the grade-of-attempts rule has
 * nothing to choose between, so the notes name no such setting.
 */
function blackboard(rules: readonly ModuleRule[], n: NotesMessages): LmsNotes {
  const b = n.blackboard;
  const settings = groups(
    rules,
    n,
    (a, rule) => [
      { name: b.attempts, value: typeof a.attempts === 'number' ? '1' : n.unlimited, why: b.attemptsWhy(rule.text) },
      { name: b.gradeSource, value: b.gradeSourceValue, why: b.gradeSourceWhy },
    ],
    () => [],
  );
  const scorm = (format: ScormFormat) => packageOwnedScorm(format, b, settings, rules, n);
  return { id: 'blackboard', name: n.lmsNames.blackboard!, formats: [scorm('scorm-1.2'), scorm('scorm-2004'), cmi5Elsewhere(n, 'unsupported', b.summaryCmi5)] };
}

/**
 * D2L Brightspace. Brightspace Community, "Publish legacy SCORM objects" (community.d2l.com/
 * brightspace/kb/articles/4271): a SCORM 1.2 grade is set once cmi.core.score.raw is set,
 * cmi.core.score.max is above zero and LMSFinish is called (the package writes score.max 100
 * with its final status), and the grade item is created automatically while
 * d2l.Tools.Content.AllowAutoSCORMGradeItem is on. Brightspace Documentation, "Override SCORM
 * grade settings" (documentation.brightspace.com/EN/le/scorm/admin/enable_scorm_grade_config.htm):
 * a zero is sent only for an explicit failure unless d2l.Tools.ContentService.AlwaysSubmitZeroGrade
 * is on, so an open take leaves no zero in the gradebook. "Set up the new SCORM solution"
 * (community.d2l.com/brightspace/kb/articles/4269): two players (legacy and Content Service).
 * Neither page names an attempts or grade-calculation setting for SCORM objects, so the notes
 * name none and the summary asks the administrator to check relaunch behaviour with D2L; cmi5
 * support is not documented there either.
 */
function brightspace(rules: readonly ModuleRule[], n: NotesMessages): LmsNotes {
  const d = n.brightspace;
  const scorm = (format: ScormFormat) => packageOwnedScorm(format, d, [], rules, n);
  return { id: 'brightspace', name: n.lmsNames.brightspace!, formats: [scorm('scorm-1.2'), scorm('scorm-2004'), cmi5Elsewhere(n, 'check', d.summaryCmi5)] };
}

/**
 * Docebo. Docebo Knowledge Base, "Marking Training Material as Complete"
 * (docebo.com/knowledge-base/marking-training-material-as-complete/): for SCORM "the settings
 * for completion are located within the package", so no completion setting is needed; the
 * learner should leave with the package's Exit button (the package has one). "Resetting the
 * Completion of a Learning Object for Learners in a Course"
 * (docebo.com/knowledge-base/resetting-training-material-status/): a reset is an
 * administrator's action in the course report, not a setting, and it drops the learner's
 * tracking; the notes warn against it instead. cmi5 support is not documented there.
 */
function docebo(rules: readonly ModuleRule[], n: NotesMessages): LmsNotes {
  const d = n.docebo;
  const scorm = (format: ScormFormat): FormatNotes => {
    const notes = packageOwnedScorm(format, d, [], rules, n);
    return { ...notes, cautions: [d.resetWhy, ...notes.cautions] };
  };
  return { id: 'docebo', name: n.lmsNames.docebo!, formats: [scorm('scorm-1.2'), scorm('scorm-2004'), cmi5Elsewhere(n, 'check', d.summaryCmi5)] };
}

/**
 * TalentLMS. TalentLMS Help Center, "SCORM in TalentLMS: Overview, Setup and Best Practices"
 * (help.talentlms.com/hc/en-us/articles/26499696329756): "TalentLMS only supports SCORM 1.2",
 * so the SCORM 2004 package is not for it. "How to work with the supported eLearning protocols
 * (SCORM 1.2, TinCan, and CMI5)" (support.talentlms.com/knowledgebase/articles/1155433): cmi5
 * packages are added as units. "SCORM scoring and reporting issues and how to resolve them"
 * (help.talentlms.com/hc/en-us/articles/28365179031580): the unit's status and score are the
 * package's cmi.core.lesson_status and cmi.core.score.raw, so no completion setting is needed.
 */
function talentlms(rules: readonly ModuleRule[], n: NotesMessages): LmsNotes {
  const t = n.talentlms;
  const scorm12 = packageOwnedScorm('scorm-1.2', t, [], rules, n);
  const scorm2004: FormatNotes = { format: 'scorm-2004', formatName: n.formats['scorm-2004']!, support: 'unsupported', attemptsOwner: 'none', summary: t.summaryScorm, steps: [], settings: [], cautions: [] };
  return {
    id: 'talentlms',
    name: n.lmsNames.talentlms!,
    formats: [scorm12, scorm2004, { ...cmi5Elsewhere(n, 'supported', `${t.summaryCmi5} ${n.cmi5Owns}`), steps: [t.upload] }],
  };
}

/**
 * Cornerstone. Cornerstone Help, "Course Publisher (Legacy) - Create New Course/Publication"
 * (help.csod.com/help/csod_0/Content/Content/Course_Publisher/Create_New_Publication.htm):
 * online courses are SCORM 1.2, SCORM 2004 or AICC zip files, and "SCORM 2004 3rd edition is
 * implemented", so the 4th-edition package is to be checked there. "Display Failed Status for
 * Online Classes" (help.csod.com/help/csod_0/Content/0_Whats_New/203/LMS/Failed_Status/
 * Failed_Status_Online_Class.htm): a course that sends "failed" shows Failed and does not
 * complete, and a SCORM 1.2 course cannot leave In Progress once failed, which is why the
 * package reports no failure while takes remain. "Course Troubleshooting Guide"
 * (help.csod.com/help/csod_0/Content/User/Learning/Manage_Your_Transcript/Course_Troubleshooting_Guide.htm):
 * the transcript's Completed follows the status the course reports. No page names an
 * attempts or completion setting for online courses, so the notes name none and the summary
 * asks the administrator to check relaunch behaviour with Cornerstone; cmi5 is not documented.
 */
function cornerstone(rules: readonly ModuleRule[], n: NotesMessages): LmsNotes {
  const c = n.cornerstone;
  const scorm12 = packageOwnedScorm('scorm-1.2', c, [], rules, n);
  const scorm2004: FormatNotes = { ...packageOwnedScorm('scorm-2004', c, [], rules, n), support: 'check' };
  return { id: 'cornerstone', name: n.lmsNames.cornerstone!, formats: [scorm12, scorm2004, cmi5Elsewhere(n, 'check', c.summaryCmi5)] };
}

/**
 * SCORM Cloud: "Reset Runtime Data Timing" is a course (package) setting (SCORM Cloud
 * Help, "Course settings"; Rustici Engine, Package Properties Reference,
 * ResetRunTimeDataTiming). The package always exits "suspend", so the Engine resets
 * nothing while the attempt lasts; only "Never" keeps a passed learner's data should the
 * attempt end some other way. Checked against the Engine's own player script: its package
 * properties schema allows "never", "when exit is not suspend" and "on each new sequencing
 * attempt" (resetRunTimeDataTimingType), RunTimeApi_InitializeForDelivery resets the run-time
 * data at delivery under "when exit is not suspend" whenever the last exit was neither
 * suspend nor logout, and the sequencer resets it at every new attempt under "on each new
 * sequencing attempt"; the properties editor labels the field "Reset Runtime Data Timing".
 */
function scormCloud(curriculum: Curriculum, rules: readonly ModuleRule[], n: NotesMessages): LmsNotes {
  const s = n.scormCloud;
  const everyModule = { appliesTo: n.allModules(curriculum.modules.length), moduleIds: curriculum.modules.map((m) => m.id) };
  const keepData: SettingGroup = { ...everyModule, settings: [{ name: s.resetData, value: s.resetDataValue, why: s.resetDataWhy }] };
  const owns = n.packageOwns(takesText(rules, n));
  return {
    id: 'scorm-cloud',
    name: n.lmsNames['scorm-cloud']!,
    formats: [
      { format: 'scorm-1.2', formatName: n.formats['scorm-1.2']!, support: 'supported', attemptsOwner: 'package', summary: `${s.summaryScorm12} ${owns}`, steps: [s.upload], settings: [keepData], cautions: [n.checkRelaunch] },
      { format: 'scorm-2004', formatName: n.formats['scorm-2004']!, support: 'recommended', attemptsOwner: 'package', summary: `${s.summaryScorm2004} ${owns}`, steps: [s.upload], settings: [keepData], cautions: [n.checkRelaunch] },
      { format: 'cmi5', formatName: n.formats.cmi5!, support: 'supported', attemptsOwner: 'package', summary: `${s.summaryCmi5} ${n.cmi5Owns}`, steps: [s.upload], settings: [], cautions: [] },
    ],
  };
}

/**
 * Any cmi5 LMS: what the cmi5 specification leaves to the LMS (§9.6.1 registration,
 * §10.2 LMS.LaunchData: moveOn, masteryScore, launchMode) set so that the package's
 * takes and verdicts count once.
 */
function cmi5Route(rules: readonly ModuleRule[], n: NotesMessages): LmsNotes {
  const c = n.cmi5;
  const settings = groups(
    rules,
    n,
    (a) => [
      { name: c.registration, value: c.registrationValue, why: c.registrationWhy },
      { name: c.moveOn, value: c.moveOnValue, why: c.moveOnPassedWhy },
      { name: c.masteryScore, value: c.masteryScoreValue(a.minScore), why: c.masteryScoreWhy },
      { name: c.launchMode, value: c.launchModeValue, why: c.launchModeWhy },
    ],
    () => [
      { name: c.registration, value: c.registrationValue, why: c.registrationWhy },
      { name: c.moveOn, value: c.moveOnValue, why: c.moveOnViewedWhy },
    ],
  );
  const scorm = (format: ScormFormat): FormatNotes => ({ format, formatName: n.formats[format]!, support: 'unsupported', attemptsOwner: 'none', summary: c.scormNotHere, steps: [], settings: [], cautions: [] });
  return {
    id: 'cmi5',
    name: n.lmsNames.cmi5!,
    formats: [
      scorm('scorm-1.2'),
      scorm('scorm-2004'),
      { format: 'cmi5', formatName: n.formats.cmi5!, support: 'recommended', attemptsOwner: 'package', summary: `${c.summary} ${n.cmi5Owns}`, steps: [c.upload], settings, cautions: [] },
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
    lms: [
      moodle(curriculum, rules, n),
      canvas(rules, n),
      blackboard(rules, n),
      brightspace(rules, n),
      docebo(rules, n),
      talentlms(rules, n),
      cornerstone(rules, n),
      scormCloud(curriculum, rules, n),
      cmi5Route(rules, n),
    ],
  };
}
