/**
 * The resolved curriculum: one program with every reference resolved, every date-time
 * both local and UTC, weeks and phase spans computed and the policy normalized.
 * It is the only input of the emitters and is written as `curriculum.json`.
 *
 * References are kept as ids (looked up through the lists here) so that the model is
 * plain JSON without cycles; the resolver guarantees that every id exists.
 */

/** Markdown source text. */
export type Markdown = string;

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** A span of whole days; `end` is the last day, inclusive. */
export interface DateSpan {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** An instant as it was written (wall-clock time in a zone) and as UTC. */
export interface ZonedDateTime {
  /** Local wall-clock time, `YYYY-MM-DDTHH:MM:SS`. */
  readonly local: string;
  /** The calendar date of `local`: the day the instant falls on in its zone. */
  readonly date: IsoDate;
  /** IANA zone name. */
  readonly timeZone: string;
  /** The UTC offset in force at that instant, `+02:00`. */
  readonly offset: string;
  /** The instant, `YYYY-MM-DDTHH:MM:SSZ`. */
  readonly utc: string;
  /** Whether `local` names this instant alone, or which of two it is, or what a time that never happens became. */
  readonly resolution: WallTimeResolution;
}

/**
 * How a wall-clock time was turned into an instant. Calendars and pages need to know:
 * a time that a zone shows twice means different instants to different readers.
 */
export type WallTimeResolution =
  /** The zone shows `local` once: it names exactly this instant. */
  | { readonly kind: 'exact' }
  /**
   * The zone shows `local` twice (the hour repeated when clocks go back); `chose` says
   * which of the two this instant is, `otherOffset` the offset of the other one.
   */
  | { readonly kind: 'ambiguous'; readonly chose: 'earlier' | 'later'; readonly otherOffset: string }
  /**
   * The written time never happens (clocks jump over it); `local` is where it lands,
   * `shiftedByMinutes` later than `written`. Such a time is an error in the sources, so
   * a finished build holds none.
   */
  | { readonly kind: 'gap'; readonly written: string; readonly shiftedByMinutes: number };

export interface Link {
  readonly title: string;
  readonly url: string;
  readonly kind: 'video' | 'reading' | 'website' | 'document' | 'registration' | 'platform' | 'social' | 'other';
  readonly by?: string;
  readonly year?: number;
  readonly description?: Markdown;
}

export type OrganizerRole = 'coordinator' | 'organizer' | 'co-organizer' | 'partner' | 'host' | 'funder';

export interface Organizer {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  readonly role: OrganizerRole;
  readonly url?: string;
  readonly email?: string;
  readonly country?: string;
  readonly description?: Markdown;
}

export interface SocialProfile {
  readonly network: 'x' | 'youtube' | 'linkedin' | 'facebook' | 'instagram' | 'mastodon' | 'bluesky' | 'other';
  readonly url?: string;
  readonly handle?: string;
}

export interface Contact {
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly address?: string;
  readonly website?: string;
  readonly social: readonly SocialProfile[];
}

export interface Competence {
  readonly id: string;
  readonly title: string;
  readonly description: Markdown;
  readonly areaId?: string;
  readonly esco?: string;
  readonly eqfLevel?: number;
  /** Modules that develop it, in module order. */
  readonly moduleIds: readonly string[];
  readonly assignmentIds: readonly string[];
}

export interface CompetenceArea {
  readonly id: string;
  readonly title: string;
  readonly description?: Markdown;
}

/** How an assessment is passed; `attempts` is a limit, or `unlimited` when retries are allowed. */
export interface PassRule {
  /** Percentage of the maximum score, 0 to 100. */
  readonly minScore: number;
  readonly attempts: number | 'unlimited';
}

export interface Assessment {
  readonly title: string;
  readonly description?: Markdown;
  readonly bankId: string;
  /** Questions drawn for each attempt (at most the bank's size). */
  readonly questionCount: number;
  readonly pass: PassRule;
  readonly display: 'one-at-a-time' | 'all-at-once';
  readonly shuffle: boolean;
  /** When the questions' explanations are shown; after each take when absent. */
  readonly feedback?: 'after-each-take' | 'after-last-take';
  /** Where the program's own assessment is taken, when it is outside the course site. */
  readonly external?: { readonly url?: string; readonly note: Markdown };
  /** The deadline that covers this assessment, if any. */
  readonly deadlineId?: string;
}

/** One entry of a module's list of assessments: run here from a question bank, or graded elsewhere. */
export interface ModuleAssessment {
  /** Unique in the program; grading components select it under `assessments:`. */
  readonly id: string;
  readonly title: string;
  readonly description?: Markdown;
  /** How it is run here, when it has a question bank. */
  readonly quiz?: Assessment;
  /** Where it is taken and graded, when that is outside the course site. */
  readonly external?: { readonly url?: string; readonly note: Markdown };
  /** The deadline that covers the module, if any. */
  readonly deadlineId?: string;
}

/**
 * Where a relative link or image in a module's Markdown leads: another module (its YAML
 * or content file was linked), or a file of the program that is shipped with the pages.
 */
export type LinkTarget = { readonly module: string } | { readonly file: string };

/** The relative destinations of one Markdown text, by the destination as written. */
export type LinkTargets = Readonly<Record<string, LinkTarget>>;

export interface ModuleContent {
  readonly format: 'markdown' | 'mdx';
  readonly source: Markdown;
  /** The content file, relative to the program folder, when the content came from one. */
  readonly file?: string;
}

export interface Module {
  readonly id: string;
  readonly title: string;
  readonly shortTitle: string;
  readonly label?: string;
  readonly kind: string;
  readonly phaseId?: string;
  readonly summary?: string;
  readonly description: Markdown;
  readonly content?: ModuleContent;
  /** The relative links and images of `description` and of `content`, each relative to the file it is written in. */
  readonly links?: { readonly description?: LinkTargets; readonly content?: LinkTargets };
  readonly competenceIds: readonly string[];
  readonly prerequisiteIds: readonly string[];
  readonly outcomes: readonly string[];
  readonly topics: readonly string[];
  readonly presenters: readonly string[];
  readonly workload?: { readonly hours: number; readonly note?: string };
  readonly resources: readonly Link[];
  /** The assessment the LMS packages run: the single `assessment`, or the first entry of the list form with a question bank. */
  readonly assessment?: Assessment;
  /** Every assessment of the list form (`assessments:` in the module), in order; absent for the single form. */
  readonly assessments?: readonly ModuleAssessment[];
  /** When it is studied: the weeks and periods that schedule it, and the span they cover. */
  readonly scheduled?: { readonly weekNumbers: readonly number[]; readonly periodIds: readonly string[]; readonly span: DateSpan };
  readonly previousId?: string;
  readonly nextId?: string;
}

export interface ChoiceOption {
  readonly id: string;
  readonly title: string;
  readonly description?: Markdown;
}

export type AssignmentKind = 'practical' | 'project' | 'essay' | 'submission' | 'survey' | 'action-plan' | 'presentation' | 'other';

export interface Assignment {
  readonly id: string;
  readonly title: string;
  readonly kind: AssignmentKind;
  readonly description?: Markdown;
  readonly deliverable?: string;
  readonly optional: boolean;
  /** "Select 1 from 3": `options` lists those that are described, possibly none. */
  readonly choice?: { readonly select: number; readonly from: number; readonly options: readonly ChoiceOption[] };
  readonly competenceIds: readonly string[];
  readonly moduleIds: readonly string[];
  readonly submission?: { readonly url?: string; readonly note?: Markdown };
  readonly scheduled?: { readonly weekNumbers: readonly number[]; readonly periodIds: readonly string[]; readonly span: DateSpan };
  readonly deadlineIds: readonly string[];
}

export type QuestionOption = {
  readonly id: string;
  readonly text: Markdown;
  readonly correct: boolean;
  readonly feedback?: Markdown;
};

export interface QuestionFeedback {
  readonly correct?: Markdown;
  readonly incorrect?: Markdown;
}

export type Question =
  | {
      readonly id: string;
      readonly type: 'single' | 'multiple';
      readonly prompt: Markdown;
      readonly options: readonly QuestionOption[];
      readonly feedback: QuestionFeedback;
      readonly points: number;
    }
  | {
      readonly id: string;
      readonly type: 'true-false';
      readonly prompt: Markdown;
      readonly answer: boolean;
      readonly feedback: QuestionFeedback;
      readonly points: number;
    };

export interface QuestionBank {
  readonly id: string;
  readonly title: string;
  readonly description?: Markdown;
  readonly questions: readonly Question[];
}

export interface Phase {
  readonly id: string;
  readonly number?: number;
  readonly title: string;
  readonly description?: Markdown;
  /** From the first day of its first week to the last day of its last week. */
  readonly span?: DateSpan;
  readonly weekNumbers: readonly number[];
  readonly moduleIds: readonly string[];
}

/** A schedule entry of one week, or of several ("weeks 13 - 16"). */
export interface Week {
  readonly first: number;
  readonly last: number;
  readonly span: DateSpan;
  readonly phaseId?: string;
  readonly title?: string;
  readonly moduleIds: readonly string[];
  readonly assignmentIds: readonly string[];
  /** The sessions that start and the deadlines that fall on one of its days, implicit deadlines included. */
  readonly sessionIds: readonly string[];
  readonly deadlineIds: readonly string[];
  /** The exams that start on one of its days. */
  readonly examIds: readonly string[];
  readonly note?: Markdown;
}

export interface Period {
  readonly id: string;
  readonly title: string;
  readonly span: DateSpan;
  readonly moduleIds: readonly string[];
  readonly assignmentIds: readonly string[];
  readonly description?: Markdown;
}

export interface Break {
  readonly id: string;
  readonly title: string;
  readonly span: DateSpan;
}

export type SessionKind = 'orientation' | 'lecture' | 'seminar' | 'workshop' | 'webinar' | 'discussion' | 'exam' | 'other';

export interface LiveSession {
  readonly id: string;
  readonly title: string;
  readonly kind: SessionKind;
  readonly organizerIds: readonly string[];
  readonly start: ZonedDateTime;
  readonly end: ZonedDateTime;
  readonly durationMinutes: number;
  /** Where to join online: the meeting link goes into calendars as LOCATION and CONFERENCE, the dial-in text into their description. */
  readonly online?: { readonly platform: string; readonly url?: string; readonly note?: string; readonly dialIn?: string };
  readonly place?: string;
  readonly description?: Markdown;
  readonly note?: string;
  /** The series it is an occurrence of (its id is `<seriesId>-<planned date>`). */
  readonly seriesId?: string;
  /** For an occurrence of a series held at another time: when it was planned to start (calendars' RECURRENCE-ID). */
  readonly movedFrom?: ZonedDateTime;
  /** The section group it is one alternative of: a learner attends one of the group. */
  readonly sectionId?: string;
}

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

/**
 * A weekly recurring session, kept beside the sessions it expands into so that calendars
 * can write it as one recurrence rule with its exceptions.
 */
export interface SessionSeries {
  readonly id: string;
  readonly title: string;
  readonly kind: SessionKind;
  readonly organizerIds: readonly string[];
  readonly days: readonly Weekday[];
  /** Wall-clock times of every planned occurrence in `timeZone`, `HH:MM:SS`. */
  readonly startTime: string;
  readonly endTime: string;
  readonly timeZone: string;
  readonly from: IsoDate;
  readonly until: IsoDate;
  /** The first planned occurrence's start and end (whether it is held or not): where the recurrence starts. */
  readonly firstStart: ZonedDateTime;
  readonly firstEnd: ZonedDateTime;
  /** The last instant an occurrence may start (the last planned one's start), for the rule's UNTIL. */
  readonly lastStart: ZonedDateTime;
  /** Meeting days in `from`…`until` without an occurrence, with why: `except`, a declared break, or `cancelled`. */
  readonly skipped: readonly { readonly date: IsoDate; readonly reason: 'except' | 'break' | 'cancelled'; readonly breakId?: string; readonly start: ZonedDateTime }[];
  /** The ids of its sessions, in the order of their planned dates; a moved one keeps its place. */
  readonly sessionIds: readonly string[];
  readonly sectionId?: string;
  readonly online?: LiveSession['online'];
  readonly place?: string;
  readonly description?: Markdown;
}

/** Alternative sessions or series of which a learner attends one (the sections of a recitation). */
export interface SectionGroup {
  readonly id: string;
  readonly title: string;
  readonly description?: Markdown;
  /** The alternatives: single sessions and series, in the schedule's order. */
  readonly sessionIds: readonly string[];
  readonly seriesIds: readonly string[];
}

/** A graded item that is not a module: taken at a fixed time, covering modules. */
export interface Exam {
  readonly id: string;
  readonly title: string;
  readonly kind: 'written' | 'oral' | 'practical' | 'online';
  /** The modules it covers, in module order (`covers: all` names every module). */
  readonly moduleIds: readonly string[];
  readonly start: ZonedDateTime;
  readonly end: ZonedDateTime;
  /** Per-learner slots (an oral exam): each learner takes one slot of `minutes` between start and end. */
  readonly slots?: { readonly minutes: number; readonly count: number };
  readonly place?: string;
  readonly online?: LiveSession['online'];
  readonly description?: Markdown;
}

export interface Deadline {
  readonly id: string;
  readonly title: string;
  /** The local date (and time, unless due by the end of the day) and the UTC instant it falls at. */
  readonly due: { readonly date: IsoDate; readonly endOfDay: boolean; readonly at: ZonedDateTime };
  readonly moduleIds: readonly string[];
  readonly assignmentIds: readonly string[];
  readonly description?: Markdown;
  /** True when the documents give no deadline and the program's end date stands in. */
  readonly implicit: boolean;
}

export type ItemCategory = 'module' | 'assignment' | 'session';

/**
 * A normalized completion requirement. `all` and `any` become groups with `atLeast`
 * equal to the number of children or 1; an item selection names its items explicitly.
 */
export type Requirement =
  | { readonly type: 'group'; readonly atLeast: number; readonly of: readonly Requirement[] }
  | {
      readonly type: 'items';
      readonly category: ItemCategory;
      /** How the items were selected, for wording: every item, a list, or every item of a kind. */
      readonly selection: 'all' | 'list' | 'kind';
      readonly kind?: string;
      readonly ids: readonly string[];
      readonly atLeast: number;
    }
  | { readonly type: 'certificate' }
  /** A final grade of this band or better; `min` is the band's lowest total, on the grading's scale. */
  | { readonly type: 'grade'; readonly grade: string; readonly min: number }
  /** A final total of at least `min`, on the grading's scale. */
  | { readonly type: 'total'; readonly min: number };

/** What kind of thing a graded item is: exams are those of `schedule.exams`, assessments the list entries of modules. */
export type GradedCategory = ItemCategory | 'exam' | 'assessment';

export interface GradedItemRef {
  readonly category: GradedCategory;
  readonly id: string;
}

/** One graded item with its share of the final grade. */
export interface GradedItem extends GradedItemRef {
  readonly title: string;
  readonly componentId: string;
  /** Its share of the final grade in percent, before any drop: the weights of all items add up to 100. */
  readonly weight: number;
  /**
   * Its share when it counts: where the lowest items of its component are dropped, the
   * items that count share the component's weight, so each weighs more than `weight`.
   */
  readonly countedWeight: number;
}

export interface GradingComponent {
  readonly id: string;
  readonly title: string;
  readonly description?: Markdown;
  /** The weight as written, on the grading's scale (percent or points). */
  readonly weight: number;
  /** Its share of the final grade in percent; the components' shares add up to 100. */
  readonly percent: number;
  /** `equal`: the items share the weight equally; `per-item`: each item has its own weight. */
  readonly split: 'equal' | 'per-item';
  /** The weight of each item as the documents state it (checked against the split). */
  readonly statedEach?: number;
  /** How many of the lowest-scored items do not count. */
  readonly dropLowest: number;
  /** Its items, in the order they are selected. */
  readonly items: readonly GradedItemRef[];
}

export interface GradeBand {
  readonly grade: string;
  /** The lowest total of the band, on the grading's scale. */
  readonly min: number;
  /** The next band's `min` (a total below it), or the grading's total for the best band. */
  readonly below: number;
  readonly description?: string;
}

/** How an adjustment changes the final total each time it applies. */
export type GradeChange =
  | { readonly unit: 'points'; readonly amount: number }
  /**
   * Whole bands move the grade by that many bands; a fraction moves the total by that
   * part of the width of the band it is in. `written` is the amount as the documents wrote it (`-1/3`).
   */
  | { readonly unit: 'bands'; readonly amount: number; readonly written: string };

export interface GradingAdjustment {
  readonly id: string;
  readonly title: string;
  readonly description?: Markdown;
  /** The items it counts: it applies once for each that meets the condition. */
  readonly per: readonly GradedItemRef[];
  /** `not-done`: the item is not completed (by the deadline); `done`: it is. */
  readonly when: 'not-done' | 'done';
  readonly byDeadlineId?: string;
  readonly change: GradeChange;
  /** The largest total change, in the change's unit. */
  readonly max?: number;
}

export interface LateRule {
  /** Deducted per day or part of a day late, in percent of the item's maximum. */
  readonly perDay: number;
  /** The largest deduction, in percent of the item's maximum. */
  readonly cap?: number;
  readonly graceHours: number;
  /** How many days after its deadline late work is accepted; up to the cap when absent. */
  readonly acceptedForDays?: number;
  readonly items: readonly GradedItemRef[];
  readonly description?: Markdown;
}

/** The final grade: weighted components, bands, penalties and bonuses, the late rule. */
export interface Grading {
  readonly scale: 'percent' | 'points';
  /** The highest final total before bonuses: 100, or the points of the course. */
  readonly total: number;
  readonly components: readonly GradingComponent[];
  /** Every graded item, component by component. */
  readonly items: readonly GradedItem[];
  /** Best first; the last starts at 0. Empty when the grading has no bands. */
  readonly bands: readonly GradeBand[];
  /** The lowest passing total on the scale, and the band it is the bottom of when the pass is given as a grade. */
  readonly pass?: { readonly total: number; readonly grade?: string };
  readonly adjustments: readonly GradingAdjustment[];
  readonly late?: LateRule;
  readonly note?: Markdown;
}

/** A pass rule that an assessment completes: the pass mark may be left to it. */
export interface DefaultPassRule {
  readonly minScore?: number;
  readonly attempts: number | 'unlimited';
}

/** The items a requirement tree names, each once, in the order the tree names them. */
export interface RequiredItems {
  readonly modules: readonly string[];
  readonly assignments: readonly string[];
  readonly sessions: readonly string[];
}

export interface Policy {
  /**
   * The pass rule module assessments inherit where they state none: the number of
   * attempts always, the pass mark when the policy sets one (otherwise each assessment
   * states its own).
   */
  readonly modulePass: DefaultPassRule;
  readonly modulesNote?: Markdown;
  readonly certificate: {
    readonly title: string;
    readonly issuerIds: readonly string[];
    readonly requires: Requirement;
    /**
     * Every module, assignment and session that `requires` names. Where a group asks for
     * only some of its parts, each of them may count towards the certificate.
     */
    readonly requiredItems: RequiredItems;
    readonly brings?: Markdown;
    readonly recognition?: Markdown;
    readonly note?: Markdown;
  };
  /** When a learner counts as attending a live session: present for at least `minShare` of it (0 to 1). Absent: 0.75. */
  readonly attendance?: { readonly minShare: number };
  readonly benefits: readonly {
    readonly id: string;
    readonly title: string;
    readonly requires: Requirement;
    /** Every module, assignment and session that `requires` names, as for the certificate. */
    readonly requiredItems: RequiredItems;
    readonly description?: Markdown;
  }[];
  /** How the final grade is computed, when the program grades. */
  readonly grading?: Grading;
}

export interface Program {
  readonly id: string;
  readonly title: string;
  readonly shortTitle: string;
  readonly subtitle?: string;
  readonly summary?: string;
  readonly edition?: string;
  readonly language: string;
  readonly level?: 'beginner' | 'intermediate' | 'advanced' | 'expert' | 'mixed';
  readonly eqfLevel?: number;
  readonly format: 'online' | 'blended' | 'in-person';
  readonly pace?: 'self-paced' | 'scheduled' | 'mixed';
  readonly venue?: string;
  readonly audience?: Markdown;
  readonly capacity?: { readonly max: number; readonly note?: Markdown };
  readonly fees?: { readonly amount: number; readonly currency?: string; readonly note?: string };
  readonly effort?: {
    readonly hoursPerWeek?: { readonly min: number; readonly max: number };
    readonly totalHours?: number;
    readonly approximate: boolean;
  };
  readonly dates: DateSpan;
  readonly timeZone: string;
  readonly organizers: readonly Organizer[];
  readonly contact?: Contact;
  readonly registration?: { readonly url?: string; readonly opens?: IsoDate; readonly closes?: IsoDate; readonly note?: Markdown };
  readonly links: readonly Link[];
  readonly about: {
    readonly background?: Markdown;
    readonly aims?: Markdown;
    readonly objectives?: Markdown;
    readonly offer?: Markdown;
    readonly outcomes?: Markdown;
    readonly method?: Markdown;
  };
  readonly sections: readonly { readonly id: string; readonly title: string; readonly body: Markdown }[];
  readonly funding?: { readonly programme?: string; readonly projectNumber?: string; readonly disclaimer?: Markdown };
}

export interface Curriculum {
  /** The version of this model's shape, raised when it changes incompatibly. */
  readonly modelVersion: 1;
  readonly program: Program;
  readonly framework?: { readonly title: string; readonly description?: Markdown; readonly url?: string };
  readonly competenceAreas: readonly CompetenceArea[];
  readonly competences: readonly Competence[];
  readonly modules: readonly Module[];
  readonly questionBanks: readonly QuestionBank[];
  readonly assignments: readonly Assignment[];
  readonly schedule: {
    readonly timeZone: string;
    readonly phases: readonly Phase[];
    readonly weeks: readonly Week[];
    readonly periods: readonly Period[];
    readonly breaks: readonly Break[];
    /** Single sessions, then the occurrences of each series. */
    readonly sessions: readonly LiveSession[];
    readonly series: readonly SessionSeries[];
    readonly sections: readonly SectionGroup[];
    readonly exams: readonly Exam[];
    readonly deadlines: readonly Deadline[];
    /** The first and last day on which anything is scheduled. */
    readonly span: DateSpan;
  };
  readonly policy: Policy;
  /** Files of the program folder that its Markdown shows or links (images, downloads), relative to the folder; copied into the site and the packages. */
  readonly files?: readonly string[];
  readonly site: {
    readonly accent: string;
    /** The logo, relative to the program folder, with its text alternative. */
    readonly logo?: { readonly file: string; readonly alt: string };
  };
  readonly calendar: {
    readonly sessionReminders: readonly number[];
    readonly deadlineReminders: readonly number[];
    readonly refreshHours: number;
    readonly sequence: number;
  };
  /**
   * Where the program's stable identifiers come from (src/addresses/identity.ts); never
   * from the site's address.
   */
  readonly identity: {
    /** The program's `namespace`, else its `lms.iri`, else the catalog's namespace and the program id, else `urn:curriculum:<id>`. */
    readonly namespace: string;
    /** False when nothing declared a namespace and the URN stands in (check warns: namespace_missing). */
    readonly declared: boolean;
  };
  /** `iri`: the base of the cmi5 ids, `lms.iri` when given, else the namespace. */
  readonly lms: { readonly iri: string };
  /**
   * The moment the sources were last changed (UTC): SOURCE_DATE_EPOCH, else the last
   * commit that touched the program, else the program's start date. Outputs that need a
   * timestamp (calendar DTSTAMP, zip entries) use it, never the clock.
   */
  readonly sourceDate: string;
}
