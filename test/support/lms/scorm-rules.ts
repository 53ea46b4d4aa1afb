/**
 * The rules of three SCORM players, as the LMS side of a launch: what data the LMS hands
 * the SCO at launch (new attempt or resume, entry, mode, credit, mastery score), what it
 * keeps of each commit, and what its reports show afterwards. Each rule names where it
 * comes from. The rules run in Node over the data the LMS stores per learner; the SCO runs
 * in a browser under scorm-again, whose commits reach these rules over HTTP (see
 * scorm-player.ts).
 *
 * Data is kept flat, element → value, as Moodle keeps it (one `scorm_scoes_track` row per
 * element and attempt) and as scorm-again commits it (`dataCommitFormat: 'flattened'`).
 */

export type ScormVersion = '1.2' | '2004';
export type Flat = Record<string, string>;

/** What the package's manifest tells the LMS about the one SCO of a module package. */
export interface ScoManifest {
  readonly version: ScormVersion;
  readonly itemId: string;
  readonly href: string;
  /** SCORM 1.2 `adlcp:masteryscore` (0–100). */
  readonly masteryScore?: number;
  /** SCORM 2004 primary objective `minNormalizedMeasure` when `satisfiedByMeasure`. */
  readonly scaledPassingScore?: number;
  /** SCORM 2004 `imsss:limitConditions attemptLimit`. */
  readonly attemptLimit?: number;
}

export interface Attempt {
  readonly number: number;
  /** The elements stored for this attempt. */
  readonly data: Flat;
}

/** What an LMS decides when a learner opens the activity. */
export type LaunchDecision =
  | { readonly kind: 'blocked'; readonly reason: string }
  | {
      readonly kind: 'launch';
      readonly attempt: number;
      readonly mode: 'normal' | 'review';
      /** The data model as the SCO finds it after Initialize (flattened, scorm-again's names). */
      readonly cmi: Flat;
    };

/** What the LMS's reports and gradebook show for the learner. */
export interface LmsRecord {
  /** `passed`, `failed`, `completed`, `incomplete` or `none`. */
  readonly status: 'none' | 'incomplete' | 'completed' | 'failed' | 'passed';
  /** Attempts as the LMS counts them. */
  readonly attempts: number;
  /** The grade in per cent the LMS would pass to its gradebook, if any. */
  readonly grade?: number;
}

export interface ScormLms {
  readonly name: string;
  readonly version: ScormVersion;
  /** The learner opens the activity; `wantsNewAttempt` is the learner's “Start a new attempt” choice where the LMS offers one. */
  launch(wantsNewAttempt: boolean): LaunchDecision;
  /** A commit arrived (`terminate` for the commit that came with Terminate/LMSFinish). */
  commit(attempt: number, mode: 'normal' | 'review', data: Flat, terminate: boolean): void;
  record(): LmsRecord;
  /** Whether the LMS would offer “Start a new attempt” on its entry page now. */
  offersNewAttempt(): boolean;
  readonly attempts: readonly Attempt[];
}

const statusElement = (v: ScormVersion) => (v === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status');
const exitElement = (v: ScormVersion) => (v === '1.2' ? 'cmi.core.exit' : 'cmi.exit');
const rawElement = (v: ScormVersion) => (v === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw');

/** Elements a SCO may write but never read back (SCORM 1.2 RTE 3.4.4, SCORM 2004 RTE 4.2): the LMS does not hand them back. */
const writeOnly = new Set(['cmi.core.exit', 'cmi.core.session_time', 'cmi.exit', 'cmi.session_time']);

/** Elements the LMS sets at launch; values a SCO committed for them are not handed back. */
const lmsOwned = /^cmi\.(core\.(student_id|student_name|credit|entry|lesson_mode|total_time)|student_data\.|learner_id|learner_name|credit|entry|mode|scaled_passing_score|total_time|launch_data|completion_threshold)/;

function handedBack(data: Flat): Flat {
  const out: Flat = {};
  for (const [k, v] of Object.entries(data)) {
    if (writeOnly.has(k) || lmsOwned.test(k) || k.endsWith('._count') || k.endsWith('._children')) continue;
    out[k] = v;
  }
  return out;
}

/** Status of one attempt's data, in the vocabulary of LmsRecord. */
function attemptStatus(version: ScormVersion, data: Flat): LmsRecord['status'] {
  if (version === '1.2') {
    const s = data['cmi.core.lesson_status'];
    return s === 'passed' || s === 'failed' || s === 'completed' || s === 'incomplete' ? s : 'none';
  }
  const success = data['cmi.success_status'];
  if (success === 'passed' || success === 'failed') return success;
  const completion = data['cmi.completion_status'];
  return completion === 'completed' || completion === 'incomplete' ? completion : 'none';
}

/** The order in which a record may only rise: a status that goes from a later to an earlier one went down. */
export const statusRank: Record<LmsRecord['status'], number> = { none: 0, incomplete: 1, completed: 2, failed: 2, passed: 3 };

/* ------------------------------------------------------------------------------------ */

/**
 * Moodle's SCORM activity (mod/scorm), with the settings of its form (mod_form.php) and
 * the constants of mod/scorm/locallib.php.
 */
export interface MoodleSettings {
  /** `maxattempt`: 0 = unlimited. */
  readonly maxAttempt: number;
  /** `forcenewattempt`: 0 no, 1 when the previous attempt is completed/passed/failed, 2 always (SCORM_FORCEATTEMPT_*). */
  readonly forceNewAttempt: 0 | 1 | 2;
  /** `lastattemptlock`. */
  readonly lastAttemptLock: boolean;
  /** `masteryoverride` (SCORM 1.2 only, see below). */
  readonly masteryOverride: boolean;
  /** `grademethod` GRADEHIGHEST (1) unless GRADESCOES (0), which changes how attempts are counted. */
  readonly gradeMethod: 0 | 1;
  /** `whatgrade`: 0 highest attempt, 3 last attempt (HIGHESTATTEMPT, LASTATTEMPT). */
  readonly whatGrade: 0 | 3;
}

export class MoodleScorm implements ScormLms {
  readonly name = 'Moodle';
  readonly attempts: Attempt[] = [];
  readonly version: ScormVersion;
  private readonly sco: ScoManifest;
  private readonly settings: MoodleSettings;
  private readonly learner: string;
  constructor(version: ScormVersion, sco: ScoManifest, settings: MoodleSettings, learner: string) {
    this.version = version;
    this.sco = sco;
    this.settings = settings;
    this.learner = learner;
  }

  /** scorm_get_last_attempt (lib.php): the highest attempt number with tracks, 1 when none. */
  private lastAttempt(): number {
    return this.attempts.at(-1)?.number ?? 1;
  }

  private data(attempt: number): Flat {
    return this.attempts.find((a) => a.number === attempt)?.data ?? {};
  }

  /**
   * scorm_get_attempt_count (locallib.php): attempts that have the grading element —
   * `cmi.score.raw` for SCORM 2004 (MDL-43222 keeps this so that averages do not drop),
   * `cmi.core.lesson_status` with GRADESCOES, else `cmi.core.score.raw`.
   */
  private attemptCount(): number {
    const element = this.version === '2004' ? 'cmi.score.raw' : this.settings.gradeMethod === 0 ? 'cmi.core.lesson_status' : 'cmi.core.score.raw';
    return this.attempts.filter((a) => a.data[element] !== undefined && a.data[element] !== '').length;
  }

  /**
   * scorm_check_mode (lib.php): an attempt is "incomplete" unless its completion element
   * (`cmi.core.lesson_status` in 1.2, `cmi.completion_status` in 2004 — the comment there:
   * "the only status that will be treated as complete is 'completed'") is completed,
   * passed or failed.
   */
  private incomplete(attempt: number): boolean {
    const value = this.data(attempt)[statusElement(this.version)];
    return !(value === 'completed' || value === 'passed' || value === 'failed');
  }

  offersNewAttempt(): boolean {
    // view.php / renderer: the "Start a new attempt" box is shown when the last attempt is
    // complete and attempts remain (scorm_view_display in locallib.php), unless forcenewattempt decides.
    const attempt = this.lastAttempt();
    return this.attempts.length > 0 && !this.incomplete(attempt) && (this.settings.maxAttempt === 0 || attempt < this.settings.maxAttempt) && this.settings.forceNewAttempt === 0;
  }

  launch(wantsNewAttempt: boolean): LaunchDecision {
    let attempt = this.lastAttempt();
    let mode: 'normal' | 'review' = 'normal';
    let newAttempt = wantsNewAttempt && this.offersNewAttempt();
    // scorm_check_mode (lib.php), SCORM_FORCEATTEMPT_ALWAYS: a new attempt on every entry
    // once the learner has any data.
    if (this.settings.forceNewAttempt === 2) {
      if (this.attempts.length > 0) attempt++;
    } else {
      const incomplete = this.incomplete(attempt);
      // "The option to start a new attempt should never have been presented. Force false."
      if (incomplete) newAttempt = false;
      // "A new attempt should be forced for already completed attempts."
      else if (this.settings.forceNewAttempt !== 0) newAttempt = true;
      if (newAttempt && (attempt < this.settings.maxAttempt || this.settings.maxAttempt === 0)) attempt++;
      else mode = incomplete ? 'normal' : 'review';
    }
    // player.php: with "lock after final attempt", no entry once no attempt is left, where
    // scorm_get_toc_object computes attemptleft = maxattempt − scorm_get_attempt_count.
    const attemptsLeft = this.settings.maxAttempt === 0 ? 1 : this.settings.maxAttempt - this.attemptCount();
    if (this.settings.lastAttemptLock && attemptsLeft <= 0) return { kind: 'blocked', reason: 'exceededmaxattempts' };
    if (!this.attempts.some((a) => a.number === attempt)) this.attempts.push({ number: attempt, data: {} });
    const stored = this.data(attempt);
    const cmi: Flat = { ...handedBack(stored) };
    if (this.version === '1.2') {
      // datamodels/scorm_12lib.php: entry is ab-initio without a status, resume after
      // exit=suspend, '' otherwise; credit follows the mode; mastery_score from the manifest.
      const status = stored['cmi.core.lesson_status'] ?? '';
      cmi['cmi.core.entry'] = status === '' ? 'ab-initio' : stored['cmi.core.exit'] === 'suspend' ? 'resume' : '';
      cmi['cmi.core.lesson_mode'] = mode;
      cmi['cmi.core.credit'] = mode === 'normal' ? 'credit' : 'no-credit';
      cmi['cmi.core.student_id'] = this.learner;
      if (this.sco.masteryScore !== undefined) cmi['cmi.student_data.mastery_score'] = String(this.sco.masteryScore);
    } else {
      // datamodels/scorm_13lib.php: ab-initio unless the last exit was suspend or logout.
      // Moodle hands back every stored element of the attempt (scorm_get_tracks), suspend_data
      // included, whatever the exit was.
      const exit = stored['cmi.exit'];
      cmi['cmi.entry'] = exit === 'suspend' || exit === 'logout' ? 'resume' : 'ab-initio';
      cmi['cmi.mode'] = mode;
      cmi['cmi.credit'] = mode === 'normal' ? 'credit' : 'no-credit';
      cmi['cmi.learner_id'] = this.learner;
      if (this.sco.scaledPassingScore !== undefined) cmi['cmi.scaled_passing_score'] = String(this.sco.scaledPassingScore);
    }
    return { kind: 'launch', attempt, mode, cmi };
  }

  commit(attempt: number, mode: 'normal' | 'review', data: Flat, terminate: boolean): void {
    // datamodel.php stores what the player's API sends; in review mode the player's API
    // (datamodels/scorm_12.js, scorm_13.js) sends nothing for credit (no-credit).
    if (mode !== 'normal') return;
    const stored = this.attempts.find((a) => a.number === attempt)!.data;
    for (const [k, v] of Object.entries(data)) if (!lmsOwned.test(k) && !k.endsWith('._count') && !k.endsWith('._children')) stored[k] = v;
    // datamodels/scorm_12.js, LMSFinish/StoreData: with "mastery score overrides status", a
    // mastery score and a raw score, lesson_status is recomputed from them (passed when
    // raw ≥ mastery, else failed) in normal mode with credit. Only the SCORM 1.2 API does
    // this; the SCORM 2004 API (scorm_13.js) has no such rule.
    if (terminate && this.version === '1.2' && this.settings.masteryOverride && this.sco.masteryScore !== undefined) {
      const raw = stored['cmi.core.score.raw'];
      if (raw !== undefined && raw !== '') stored['cmi.core.lesson_status'] = Number(raw) >= this.sco.masteryScore ? 'passed' : 'failed';
    }
  }

  /**
   * classes/completion/custom_completion.php: "completionstatusrequired" is met when at
   * least one track of any attempt has the required status, so the record is the best
   * status over the attempts. The grade is whatgrade over the attempts' raw scores
   * (scorm_grade_user in lib.php).
   */
  record(): LmsRecord {
    let status: LmsRecord['status'] = 'none';
    for (const a of this.attempts) {
      const s = attemptStatus(this.version, a.data);
      if (statusRank[s] > statusRank[status]) status = s;
    }
    const raws = this.attempts.map((a) => a.data[rawElement(this.version)]).filter((r): r is string => r !== undefined && r !== '').map(Number);
    const grade = raws.length === 0 ? undefined : this.settings.whatGrade === 0 ? Math.max(...raws) : raws.at(-1);
    return { status, attempts: this.attemptCount(), ...(grade !== undefined ? { grade } : {}) };
  }
}

/* ------------------------------------------------------------------------------------ */

/**
 * Rustici Engine (SCORM Cloud and the players built on it). Package property
 * "Reset Run-Time Data Timing" (Rustici Engine documentation, Package Properties
 * Reference, `ResetRunTimeDataTiming`: Never, When Exit Is Not Suspend, On Each New
 * Sequencing Attempt).
 */
export interface RusticiSettings {
  readonly resetRunTimeData: 'never' | 'when-exit-is-not-suspend' | 'on-each-new-sequencing-attempt';
}

export class RusticiScorm implements ScormLms {
  readonly attempts: Attempt[] = [];
  /** The registration's status as the Engine reports it (rolled up from the runtime data). */
  private registration: { completion: string; success: string; score?: number } = { completion: 'unknown', success: 'unknown' };
  private lastExit: string | undefined;
  private ended = false;

  readonly name: string;
  readonly version: ScormVersion;
  private readonly sco: ScoManifest;
  private readonly settings: RusticiSettings;
  private readonly learner: string;
  constructor(name: string, version: ScormVersion, sco: ScoManifest, settings: RusticiSettings, learner: string) {
    this.name = name;
    this.version = version;
    this.sco = sco;
    this.settings = settings;
    this.learner = learner;
  }

  offersNewAttempt(): boolean {
    // The Engine decides new attempts itself; the learner is offered no choice.
    return false;
  }

  /** Whether the previous session ended the attempt. */
  private newAttemptDue(): boolean {
    if (this.attempts.length === 0) return true;
    // SCORM 2004 4th ed. RTE 4.2.8 (cmi.exit): any exit but "suspend" (or "logout") ends
    // the learner attempt, and SN 4.2 (Overall Sequencing Process) begins a new attempt
    // on the activity at the next launch, which is what the Engine counts. SCORM 1.2 has
    // no such rule: there the package property alone decides, and "Never" keeps one attempt.
    if (this.version === '1.2' && this.settings.resetRunTimeData === 'never') return false;
    return this.ended && this.lastExit !== 'suspend' && this.lastExit !== 'logout';
  }

  /**
   * Whether a new attempt starts from empty run-time data. "Never" keeps the data;
   * "When Exit Is Not Suspend" and "On Each New Sequencing Attempt" reset it (the Engine's
   * documentation describes the property for every SCORM version; RTE 4.2.9 cmi.entry
   * ab-initio is the SCORM 2004 default without it).
   */
  private resetsData(): boolean {
    return this.settings.resetRunTimeData !== 'never';
  }

  launch(): LaunchDecision {
    const fresh = this.newAttemptDue();
    if (fresh) {
      // SN 4th ed. UP.1 Limit Conditions Check: an activity whose attempt count reached
      // attemptLimit is not delivered; the Engine shows that the course has no attempt left.
      if (this.version === '2004' && this.sco.attemptLimit !== undefined && this.attempts.length >= this.sco.attemptLimit) return { kind: 'blocked', reason: 'attemptLimit' };
      const carried = this.attempts.length > 0 && !this.resetsData() ? { ...this.attempts.at(-1)!.data } : {};
      this.attempts.push({ number: this.attempts.length + 1, data: carried });
    }
    this.ended = false;
    const current = this.attempts.at(-1)!;
    const cmi: Flat = { ...handedBack(current.data) };
    const resumed = !fresh || (this.attempts.length > 1 && !this.resetsData());
    if (this.version === '1.2') {
      // SCORM 1.2 RTE 3.4.4 cmi.core.entry: "resume" after a suspended session, "ab-initio" on the first.
      cmi['cmi.core.entry'] = !resumed ? 'ab-initio' : this.lastExit === 'suspend' ? 'resume' : '';
      cmi['cmi.core.lesson_mode'] = 'normal';
      cmi['cmi.core.credit'] = 'credit';
      cmi['cmi.core.student_id'] = this.learner;
      if (this.sco.masteryScore !== undefined) cmi['cmi.student_data.mastery_score'] = String(this.sco.masteryScore);
    } else {
      cmi['cmi.entry'] = resumed ? 'resume' : 'ab-initio';
      cmi['cmi.mode'] = 'normal';
      cmi['cmi.credit'] = 'credit';
      cmi['cmi.learner_id'] = this.learner;
      if (this.sco.scaledPassingScore !== undefined) cmi['cmi.scaled_passing_score'] = String(this.sco.scaledPassingScore);
    }
    return { kind: 'launch', attempt: current.number, mode: 'normal', cmi };
  }

  commit(attempt: number, _mode: 'normal' | 'review', data: Flat, terminate: boolean): void {
    const current = this.attempts.find((a) => a.number === attempt)!;
    for (const [k, v] of Object.entries(data)) if (!lmsOwned.test(k) && !k.endsWith('._count') && !k.endsWith('._children')) current.data[k] = v;
    if (terminate) {
      this.ended = true;
      this.lastExit = data[exitElement(this.version)];
    }
    // The registration reports the current attempt's runtime status: a new attempt's data
    // replaces the old one's (SCORM 2004 SN 4th ed. 4.2.1, the objective's status is what
    // the SCO last reported; in 1.2 the Engine maps lesson_status to completion and success).
    if (this.version === '1.2') {
      const s = current.data['cmi.core.lesson_status'];
      if (s) {
        this.registration = {
          completion: s === 'not attempted' ? 'unknown' : s === 'incomplete' || s === 'browsed' ? 'incomplete' : 'completed',
          success: s === 'passed' ? 'passed' : s === 'failed' ? 'failed' : 'unknown',
        };
      }
    } else {
      const completion = current.data['cmi.completion_status'];
      const success = current.data['cmi.success_status'];
      if (completion && completion !== 'unknown') this.registration = { ...this.registration, completion };
      if (success && success !== 'unknown') this.registration = { ...this.registration, success };
    }
    const raw = current.data[rawElement(this.version)];
    if (raw !== undefined && raw !== '') this.registration = { ...this.registration, score: Number(raw) };
  }

  record(): LmsRecord {
    const r = this.registration;
    const status: LmsRecord['status'] =
      r.success === 'passed' || r.success === 'failed' ? r.success : r.completion === 'completed' ? 'completed' : r.completion === 'incomplete' ? 'incomplete' : 'none';
    return { status, attempts: this.attempts.length, ...(r.score !== undefined ? { grade: r.score } : {}) };
  }
}

/**
 * Canvas's SCORM tool imports the package into a Rustici Engine (SCORM Cloud) hosted for
 * Instructure and launches it over LTI (Instructure Community, "How do I import SCORM
 * files as an assignment?"; Rustici, "SCORM Cloud for Canvas"): the Engine's rules apply,
 * and Canvas's gradebook takes the registration's score each time the tool passes it
 * back (LTI Outcomes replaceResult: the last score replaces the grade).
 */
export class CanvasScorm extends RusticiScorm {
  private grades: number[] = [];
  constructor(version: ScormVersion, sco: ScoManifest, settings: RusticiSettings, learner: string) {
    super('Canvas', version, sco, settings, learner);
  }
  override commit(attempt: number, mode: 'normal' | 'review', data: Flat, terminate: boolean): void {
    super.commit(attempt, mode, data, terminate);
    const grade = super.record().grade;
    if (grade !== undefined && grade !== this.grades.at(-1)) this.grades.push(grade);
  }
  override record(): LmsRecord {
    const r = super.record();
    const last = this.grades.at(-1);
    return { ...r, ...(last !== undefined ? { grade: last } : {}) };
  }
  /** Every grade passed back, in order. */
  get gradeHistory(): readonly number[] {
    return this.grades;
  }
}
