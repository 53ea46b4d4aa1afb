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
  readonly assessment?: Assessment;
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
  | { readonly type: 'certificate' };

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
  readonly benefits: readonly {
    readonly id: string;
    readonly title: string;
    readonly requires: Requirement;
    readonly description?: Markdown;
  }[];
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
    readonly sessions: readonly LiveSession[];
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
