/**
 * The LMS import notes, in English: for each LMS and package format, who counts
 * attempts, and the settings that make the program's rules true there. Setting names are
 * written as each LMS labels them; where the notes' data (src/emit/lms-notes/notes.ts)
 * uses them, a comment there names the documentation they come from.
 */
export const lmsNotes = {
  title: (program: string) => `LMS import notes — ${program}`,
  intro:
    'These packages were compiled from the program’s sources. Some of the program’s rules need the LMS’s help: the settings below make your LMS keep them. Every setting is named as it appears in the LMS.',
  packagesHeading: 'Packages',
  programPackage: 'The whole program, one package',
  modulePackages: 'One package per module, for LMSs where each module is its own activity',
  rulesHeading: 'The program’s rules for modules',
  ruleLine: (modules: string, rule: string) => `${modules.charAt(0).toUpperCase()}${modules.slice(1)}: ${rule}`,
  allModules: (count: number) => (count === 1 ? 'the module' : `all ${count} modules`),
  someModules: (titles: readonly string[]) => titles.join('; '),
  howPackagesTrack: [
    'Each module is one SCO (SCORM) or AU (cmi5). A module with an assessment is passed or failed by its score against the pass mark; a module without one is completed when the learner has viewed it.',
    'A take is one submission of the module’s assessment. The package counts takes in the learner’s saved data (SCORM suspend data, cmi5 state), offers “Try again” in place while takes remain, and offers none once the limit is used up or the module is passed. It sends each take to the LMS as soon as it is submitted, and never reports a lower status than one already reported.',
    'A module is finished for good once it is passed or every take is used. Until then a failed take is not reported as final, because many LMSs close an attempt that reports “failed”: in SCORM 1.2 the status stays “incomplete” and no score is written; in SCORM 2004 completion stays “incomplete” and success “unknown”, with the best take’s raw score; in cmi5 (which allows one passed or failed per session) a failed take the learner may still retry in place is held until the session ends, then sent. A pass is reported at once; a module whose takes are all used is reported failed (in SCORM with the best take’s score).',
    'All of a learner’s takes belong to one LMS attempt (SCORM) or one registration (cmi5). A SCORM package always leaves with “suspend”, even once the module is finished, so that the LMS keeps that saved data (the takes used and a pass) and never starts a new attempt on its own; the SCORM 2004 manifest allows one attempt (attemptLimit 1) where takes are limited. The settings below keep that one attempt open in each LMS; an LMS that starts a new attempt with empty data would give the learner the takes again.',
  ],
  lmsHeading: (lms: string) => `${lms}`,
  formatHeading: (format: string, support: string) => `${format} — ${support}`,
  support: {
    recommended: 'recommended',
    supported: 'supported',
    plugin: 'needs a plugin',
    unsupported: 'not supported',
    check: 'check with the vendor',
  },
  noSettings: 'No LMS setting is needed for the program’s rules: the package carries them.',
  steps: 'Steps',
  cautions: 'Take care',
  settingsFor: (what: string) => `Settings for ${what}`,
  modulesLine: (modules: string) => `Modules: ${modules}`,
  settingLine: (name: string, value: string) => `${name}: ${value}`,
  formats: { 'scorm-1.2': 'SCORM 1.2', 'scorm-2004': 'SCORM 2004 4th edition', cmi5: 'cmi5' } as Record<string, string>,
  lmsNames: {
    moodle: 'Moodle',
    canvas: 'Canvas',
    blackboard: 'Blackboard Learn',
    brightspace: 'D2L Brightspace',
    docebo: 'Docebo',
    talentlms: 'TalentLMS',
    cornerstone: 'Cornerstone',
    'scorm-cloud': 'SCORM Cloud',
    cmi5: 'Any cmi5 LMS (the cmi5 route)',
  } as Record<string, string>,
  unlimited: 'Unlimited',
  graded: (minScore: number) => `modules with an assessment (pass mark ${minScore} %)`,
  viewOnly: 'modules without an assessment',
  /** Who counts attempts, said first in every format's summary. */
  packageOwns: (takes: string) => `The package counts the takes (${takes}) inside one LMS attempt; the LMS must keep that attempt open across launches.`,
  takesText: (attempts: number | 'unlimited') => (attempts === 'unlimited' ? 'as many as the learner wants' : `${attempts} per learner`),
  cmi5Owns: 'The package counts the takes in its state document of the registration; the LMS must keep one registration per learner.',
  checkRelaunch: 'After importing, launch a module as a test learner, fail the assessment, close the window and open the module again: it must show the take already used, not a fresh start.',

  moodle: {
    summaryScorm12: 'Moodle plays SCORM 1.2 in full; use it when in doubt.',
    summaryScorm2004: 'Moodle plays SCORM 2004 run-time data, but applies little of its sequencing: the attempt limit is the package’s, not the manifest’s.',
    summaryCmi5: 'Moodle has no built-in cmi5 player: install the “cmi5 Launch Link” activity plugin and connect it to an LRS.',
    uploadModule: 'Add an activity “SCORM package” for each module and upload that module’s package, so that each module has its own grade and completion.',
    uploadProgram: 'Or upload the program package as one activity: Moodle then shows the modules in its table of contents, but grades the whole package at once.',
    uploadCmi5: 'Add a “cmi5 Launch Link” activity and upload the cmi5 package (the program’s or one module’s).',
    gradingMethod: 'Grading method',
    gradingMethodValue: 'Highest grade',
    gradingMethodWhy: 'A module package has one SCO; its score (the best take) is the module’s grade.',
    maximumGrade: 'Maximum grade',
    maximumGradeValue: '100',
    maximumGradeWhy: 'The package reports scores in per cent (0–100).',
    attempts: 'Number of attempts',
    attemptsOne: '1',
    attemptsUnlimited: 'Unlimited attempts',
    attemptsWhy: (rule: string, attempts: number) =>
      `The program’s rule is “${rule}”: the package counts those ${attempts} takes inside one Moodle attempt. A second Moodle attempt would start with empty saved data and give the learner ${attempts} more takes.`,
    attemptsUnlimitedWhy: (rule: string) => `The program’s rule is “${rule}”: a new Moodle attempt only gives the learner more takes, which the rule allows.`,
    attemptsGrading: 'Attempts grading',
    attemptsGradingValue: 'Highest attempt',
    attemptsGradingWhy: 'A learner who passed keeps the pass, whatever a later attempt reports.',
    forceNewAttempt: 'Force new attempt',
    forceNewAttemptValue: 'No',
    forceNewAttemptWhy: 'With any other value Moodle opens a new, empty attempt after a passed or failed one (even a passed one), and the package would count from zero.',
    lockAfterFinal: 'Lock after final attempt',
    lockAfterFinalValue: 'No',
    lockAfterFinalWhy:
      'Moodle counts an attempt as used as soon as it holds a score (in SCORM 2004, after the first take); with one attempt, the lock could shut the learner out before the takes the package still owes. The package itself offers no take beyond the limit.',
    masteryOverride: 'Mastery score overrides status',
    masteryOverrideValue12: 'No',
    masteryOverrideWhy12: (minScore: number) =>
      `The package’s status already follows the pass mark (${minScore} %), and it writes a score only with a final status. With “Yes”, Moodle recomputes the status from any score when the learner leaves, and would turn a score below the pass mark into “failed”, which ends the attempt in Moodle’s eyes (review mode on the next launch).`,
    masteryOverrideValue2004: 'Leave as it is',
    masteryOverrideWhy2004: 'Moodle applies this setting only to SCORM 1.2 packages; for SCORM 2004 it does nothing (the pass mark is the manifest’s minNormalizedMeasure).',
    completionPassed: 'Activity completion',
    completionPassedValue: 'Add requirements: Require status “Passed”',
    completionPassedWhy: 'The module counts as done when its assessment is passed (Moodle looks at every attempt).',
    completionViewed: 'Activity completion',
    completionViewedValue: 'Add requirements: Require status “Completed”',
    completionViewedWhy: 'The module counts as done when the learner has viewed it.',
    cautionProgram: 'In the program package, every module shares the one Moodle attempt and one grade. Use the module packages when modules have their own grade.',
    cautionCmi5:
      'Leave “Allow multiple registrations.” unchecked: the package counts the takes, and keeps any verdict still to be sent, in the learner’s registration, and a second registration would give the takes again. The pass mark is the masteryScore in cmi5.xml.',
    cmi5MoveOn: 'Completion',
    cmi5MoveOnValue: 'As set by the package (moveOn)',
    cmi5MoveOnWhy: 'Modules with an assessment are satisfied when completed and passed; the others when completed.',
  },

  canvas: {
    summaryScorm: 'Canvas imports SCORM through its SCORM tool (an LTI app that an administrator enables for the account, running Rustici’s SCORM Engine); it then appears as “SCORM” in the course navigation.',
    summaryCmi5: 'Canvas has no built-in cmi5 support; cmi5 needs a third-party LTI tool with an LRS.',
    upload: 'Open “SCORM” in the course navigation, upload a module’s package and choose to import it as a graded assignment.',
    pointsPossible: 'Points possible',
    pointsPossibleValue: '100',
    pointsPossibleWhy: 'The package reports scores in per cent, so the points equal the percentage.',
    requirement: 'Module requirement (Canvas module settings)',
    requirementPassedValue: (minScore: number) => `Score at least ${minScore}`,
    requirementPassedWhy: 'The module counts as done when its assessment is passed.',
    requirementViewedValue: 'View the item',
    requirementViewedWhy: 'The module counts as done when the learner has viewed it.',
    attempts: 'Allowed attempts',
    attemptsWhy: (rule: string) => `The program’s rule is “${rule}”; the package counts the takes. A Canvas limit would count launches of the assignment, not takes.`,
  },

  blackboard: {
    summaryScorm: 'Blackboard Learn plays SCORM with its SCORM Engine (Rustici’s); an Engine attempt ends when a package leaves with any exit but “suspend”, and this package always suspends, so each learner stays in one Engine attempt.',
    summaryCmi5: 'Blackboard Learn has no built-in cmi5 player.',
    upload: 'In the course content, add “SCORM package” (Ultra) or “Content Package (SCORM)” (Original) and upload a module’s package.',
    attempts: 'Attempts allowed (Ultra) / Number of Attempts (Original)',
    attemptsWhy: (rule: string) => `The program’s rule is “${rule}”: the package counts the takes inside one Engine attempt. A further attempt would start with empty data and give the takes again.`,
    gradeSource: 'Grade SCORM',
    gradeSourceValue: 'SCORM Score (Original); in Ultra, on, with a maximum score of 100',
    gradeSourceWhy: 'The package reports its best take’s score in per cent once the module is finished; the status follows the pass mark. In Ultra the grade settings cannot be changed after the import.',
  },

  brightspace: {
    summaryScorm:
      'Brightspace imports SCORM packages into Content as SCORM objects and takes the grade from the score the package reports when the module is finished. D2L’s public documentation names no attempt setting for SCORM objects: check with D2L that relaunching an object resumes the learner’s data.',
    summaryCmi5: 'cmi5 support depends on your Brightspace version: check D2L’s documentation before using the cmi5 package.',
    upload: 'In Content, add a module’s package as a SCORM object (with the SCORM player your administrator has set up); Brightspace creates its grade item from the package.',
  },

  docebo: {
    summaryScorm: 'Docebo plays SCORM training material; the package counts the takes as long as Docebo resumes the learner’s data.',
    summaryCmi5: 'Docebo plays xAPI content; cmi5 support depends on your plan: check with Docebo before using the cmi5 package.',
    upload: 'In the course’s Training Material, add “SCORM” and upload a module’s package.',
    resetWhy:
      'Do not reset a learner’s tracking of the training material (course report, User Statistics, Reset) to give more takes: it drops the saved data, and with it the takes used and a passed learner’s result.',
  },

  talentlms: {
    summaryScorm: 'TalentLMS plays SCORM 1.2 only, not SCORM 2004: it adds the SCORM 1.2 package as a SCORM unit of a course, whose status and score are the ones the package reports.',
    summaryCmi5: 'TalentLMS adds cmi5 packages as units of a course.',
    upload: 'In the course, add a unit “SCORM | xAPI | cmi5” and upload a module’s package.',
  },

  cornerstone: {
    summaryScorm:
      'Cornerstone plays SCORM 1.2 and SCORM 2004 (3rd edition) online courses; the transcript follows the status the package reports. Cornerstone’s help names no attempt setting for online courses: check with Cornerstone that relaunching a course resumes the learner’s data.',
    summaryCmi5: 'cmi5 support depends on your Cornerstone edition: check with Cornerstone before using the cmi5 package.',
    upload: 'Create an online course from a module’s package with the Content Uploader (or the legacy Course Publisher).',
  },

  scormCloud: {
    summaryScorm12: 'SCORM Cloud plays SCORM 1.2; SCORM 1.2 has no attempt limit field, so the package counts the takes.',
    summaryScorm2004: 'SCORM Cloud applies the package’s sequencing: the pass mark is the manifest’s minNormalizedMeasure; the package counts the takes inside one attempt.',
    summaryCmi5: 'SCORM Cloud plays cmi5 with its own LRS; moveOn and masteryScore come from cmi5.xml, and each learner keeps one registration.',
    upload: 'Import the package under “Content Library” (the program package, or one package per module).',
    resetData: 'Reset Runtime Data Timing',
    resetDataValue: 'Never',
    resetDataWhy:
      'The package always leaves with “suspend”, so the Engine keeps one attempt per learner. Should an attempt still end (an administrator, a launch that never reached the package), “When Exit Is Not Suspend” and “On Each New Sequencing Attempt” would wipe the learner’s data, a passed learner’s result and the takes used included, and the next launch would start from zero; “Never” keeps it.',
  },

  cmi5: {
    summary: 'Any LMS that follows cmi5 (with an LRS) can launch the cmi5 packages.',
    scormNotHere: 'This entry is about the cmi5 packages; for SCORM, see your LMS above.',
    upload: 'Import cmi5.zip (the program’s, or one module’s) as a cmi5 course.',
    registration: 'Registration',
    registrationValue: 'One per learner and course, kept for every launch',
    registrationWhy:
      'The package keeps the takes used and any verdict still to be sent in the registration’s state; a new registration per launch would give the takes again and could count a pass twice.',
    moveOn: 'moveOn',
    moveOnValue: 'As in cmi5.xml',
    moveOnPassedWhy: 'An assessed module is satisfied when it is completed and passed.',
    moveOnViewedWhy: 'A module without assessment is satisfied when it is completed.',
    masteryScore: 'masteryScore',
    masteryScoreValue: (minScore: number) => `${(minScore / 100).toString()} (as in cmi5.xml)`,
    masteryScoreWhy: 'The package compares the score with the mastery score the LMS passes in LMS.LaunchData.',
    launchMode: 'Launch mode',
    launchModeValue: 'Normal',
    launchModeWhy: 'In Browse and Review mode the package judges nothing (cmi5 forbids recording a verdict there).',
  },
} as const;
