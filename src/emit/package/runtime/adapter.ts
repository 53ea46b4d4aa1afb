/**
 * The interface between the session (session.ts), which applies the program's rules the
 * same way in every format, and one adapter per format (scorm12.ts, scorm2004.ts,
 * cmi5.ts, standalone.ts), which is all the session knows of the LMS.
 */
import type { ScoData } from '../sco-data.ts';

export type LaunchMode = 'normal' | 'browse' | 'review' | 'standalone';

/** What the LMS told the SCO at launch. */
export interface Started {
  /** Outside `normal` the quiz is practice: nothing is counted, saved or reported. */
  readonly mode: LaunchMode;
  /** Seeds the learner's draws. */
  readonly learnerId: string;
  /** The saved state as the SCO last wrote it, or '' for none. */
  readonly saved: string;
  /** The LMS's pass mark (0–1), or null to use the package's own. */
  readonly mastery: number | null;
  /**
   * What the LMS already holds for this learner, where it shows it (SCORM's status in a new
   * attempt whose suspend_data is empty, a cmi5 passed statement the LRS has): the session
   * never shows or reports less.
   */
  readonly recorded?: Recorded;
}

export interface Recorded {
  readonly passed: boolean;
  readonly completed: boolean;
  /** The score the LMS holds, in ten-thousandths, or null. */
  readonly tenThousandths: number | null;
}

/** One question of a take, for LMS reports (SCORM interactions, cmi5 "answered" statements). */
export interface AnswerReport {
  readonly id: string;
  readonly type: 'single' | 'multiple' | 'true-false';
  /** The prompt as text. */
  readonly text: string;
  /** Option ids in the bank's order. */
  readonly options: readonly string[];
  readonly optionTexts: readonly string[];
  /** Indexes of the correct options. */
  readonly correct: readonly number[];
  /** Indexes of the chosen options, sorted. */
  readonly chosen: readonly number[];
  readonly right: boolean;
}

/** A submitted take, as the session hands it to the adapter. */
export interface Outcome {
  /** This take, for formats that report each take (cmi5 statements). */
  readonly take: {
    /** The take's number among the learner's takes (1 for the first), as the saved state counts them. */
    readonly number: number;
    readonly passed: boolean;
    readonly tenThousandths: number;
    readonly earned: number;
    readonly total: number;
  };
  /** The module's standing, for formats that keep one status (SCORM): the best take. */
  readonly best: { readonly passed: boolean; readonly tenThousandths: number };
  /** Whether this is the first time the module's completion is reported. */
  readonly firstCompletion: boolean;
  readonly masteryTenThousandths: number;
  readonly masteryFromLms: boolean;
  readonly answers: readonly AnswerReport[];
  /**
   * `normal` once the module is finished for good (passed, or no take left): SCORM
   * adapters then write the final status, the cmi5 adapter sends a failed verdict it held.
   */
  readonly exit: ExitKind;
}

/**
 * The session's standing: `suspend` while the learner may come back, `normal` once the
 * module is finished for good. SCORM adapters still write `suspend` as cmi.exit in both
 * cases (see scorm12.ts and scorm2004.ts: any other exit lets an LMS start a new attempt,
 * empty on some); cmi5 has no exit value.
 */
export type ExitKind = 'normal' | 'suspend';

export interface Adapter {
  /** Characters the saved state may take. */
  readonly stateLimit: number;
  /** Whether the page shows an Exit button. */
  readonly offersExit: boolean;
  /**
   * Opens the session. SCORM adapters record `suspend` as the exit and commit right after
   * Initialize, so that a session whose last calls are lost still keeps the saved state.
   */
  start(): Promise<Started>;
  /** Records the session's standing (called at start once the saved state is read). */
  standing(kind: ExitKind): Promise<void>;
  /** Keeps the saved state. */
  save(text: string): Promise<void>;
  /** A module without an assessment was viewed: it is finished for good. */
  completed(): Promise<void>;
  /** A take was submitted: its verdict is recorded and committed now. */
  judged(outcome: Outcome): Promise<void>;
  /** Ends the session; `byLearner` is false when the page is going away. */
  exit(kind: ExitKind, byLearner: boolean): Promise<void>;
  /** The page is hidden and may be discarded without another event: what is not yet delivered goes now. */
  flush(): void;
}

/** Creates a format's adapter from the page's data, or returns null when no LMS is there. */
export type AdapterFactory = (config: ScoData) => Adapter | null;
