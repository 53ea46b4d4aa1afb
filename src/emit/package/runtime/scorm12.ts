/**
 * SCORM 1.2 adapter (the `API` object: LMSInitialize, LMSGetValue, ...). Scores are in
 * per cent (0–100) because the LMS compares cmi.core.score.raw with the manifest's
 * adlcp:masteryscore.
 */
import type { ScoData } from '../sco-data.ts';
import type { Adapter, AnswerReport } from './adapter.ts';
import { asPromise, findScormApi, reportInteractions, scormCalls, type InteractionForm } from './scorm-api.ts';
import { percentText, scorm12Timespan } from './text.ts';

/**
 * SCORM 1.2 writes a choice response as single characters (`a`–`z`, `0`–`9`), one per
 * option by its place in the bank, and true-false as `t` or `f`. A question with more
 * options than that alphabet is not reported.
 */
const choiceCharacters = 'abcdefghijklmnopqrstuvwxyz0123456789';

const interactionForm12: InteractionForm = {
  response(answer: AnswerReport, indexes: readonly number[]) {
    if (answer.options.length > choiceCharacters.length) return null;
    return indexes.map((i) => (answer.type === 'true-false' ? (answer.options[i] === 'true' ? 't' : 'f') : choiceCharacters.charAt(i))).join(',');
  },
  learnerResponse: 'student_response',
  wrong: 'wrong',
  describe: false,
};

export function createScorm12Adapter(config: ScoData): Adapter | null {
  const api = findScormApi('API');
  if (!api) return null;
  let startedAt = 0;
  const scorm = scormCalls(api, { initialize: 'LMSInitialize', getValue: 'LMSGetValue', setValue: 'LMSSetValue', commit: 'LMSCommit', finish: 'LMSFinish', getLastError: 'LMSGetLastError', getErrorString: 'LMSGetErrorString' });
  const { get, set, commit } = scorm;

  let recording = false;
  /** Whether "suspend" is already recorded as the exit, so that it is not written and committed again. */
  let suspended = false;
  /** Once the LMS holds "passed", no lower status is written (a failed retake changes nothing). */
  let passedAtLms = false;

  return {
    stateLimit: 4096,
    offersExit: true,
    start() {
      return asPromise(() => {
        scorm.initialize();
        startedAt = Date.now();
        let mode = get('cmi.core.lesson_mode') || 'normal';
        if (mode !== 'browse' && mode !== 'review') mode = 'normal';
        recording = mode === 'normal';
        // The LMS's pass mark (from adlcp:masteryscore); only assessed SCOs have one.
        const mastery = config.assessment ? parseFloat(get('cmi.student_data.mastery_score')) : NaN;
        const status = get('cmi.core.lesson_status');
        const raw = parseFloat(get('cmi.core.score.raw'));
        passedAtLms = status === 'passed';
        if (recording) {
          // "suspend" first, committed at once: if the last calls of the session are lost,
          // the LMS still keeps suspend_data (the takes used) for the next launch.
          set('cmi.core.exit', 'suspend');
          suspended = true;
          if (status === '' || status === 'not attempted' || status === 'browsed') set('cmi.core.lesson_status', 'incomplete');
          commit();
        }
        return {
          mode: mode as 'normal' | 'browse' | 'review',
          learnerId: get('cmi.core.student_id'),
          saved: get('cmi.suspend_data'),
          mastery: isFinite(mastery) ? mastery / 100 : null,
          recorded: {
            passed: passedAtLms,
            completed: status === 'passed' || status === 'completed',
            tenThousandths: isFinite(raw) && raw >= 0 && raw <= 100 ? Math.round(raw * 100) : null,
          },
        };
      });
    },
    // The exit is "suspend" whatever the session's standing (see exit below).
    standing() {
      return asPromise(() => {
        if (!recording || suspended) return;
        set('cmi.core.exit', 'suspend');
        suspended = true;
        commit();
      });
    },
    // Every value is committed when it is set: nothing waits for the page to go away.
    flush: () => {},
    save(text) {
      return asPromise(() => {
        set('cmi.suspend_data', text);
        commit();
      });
    },
    completed() {
      return asPromise(() => {
        if (!passedAtLms) set('cmi.core.lesson_status', 'completed');
        commit();
      });
    },
    judged(outcome) {
      return asPromise(() => {
        // The module's standing is its best take, as "highest attempt" grading expects;
        // after a pass nothing lower is written. "failed" is written only once no take is
        // left: Moodle treats a failed attempt as finished (scorm_check_mode in
        // mod/scorm/lib.php: completed, passed and failed are complete) and reopens it in
        // review mode, which would lose the takes the package still owes. While takes
        // remain, the status stays "incomplete" (set at start) and no score is written:
        // with a mastery score, an LMS may turn a raw score below it into "failed" when the
        // SCO leaves (SCORM 1.2 RTE 3.4.4 cmi.core.lesson_status; Moodle's "mastery score
        // overrides status", mod/scorm/datamodels/scorm_12.js; scorm-again's
        // mastery_override, on by default), with the same effect.
        const finished = outcome.exit === 'normal';
        if (finished && (outcome.best.passed || !passedAtLms)) {
          set('cmi.core.score.min', '0');
          set('cmi.core.score.max', '100');
          set('cmi.core.score.raw', percentText(outcome.best.tenThousandths));
          set('cmi.core.lesson_status', outcome.best.passed ? 'passed' : 'failed');
          if (outcome.best.passed) passedAtLms = true;
        }
        reportInteractions(scorm, outcome.answers, interactionForm12);
        // Committed with the verdict: nothing of it waits for the end of the session.
        commit();
      });
    },
    exit() {
      return asPromise(() => {
        // Always "suspend", even once the module is finished: an LMS that starts a new
        // attempt after any other exit may start it with empty data (Rustici Engine,
        // Package Properties Reference, ResetRunTimeDataTiming "When Exit Is Not Suspend",
        // the reset Canvas's SCORM tool is assumed to use), and would then show a passed
        // learner as incomplete and give a learner who used every take the takes again.
        // The saved state holds the pass and the takes used; Moodle records the status and
        // score of every commit whatever the exit (mod/scorm/datamodel.php), and a status
        // of passed or failed closes the attempt for it (scorm_check_mode in lib.php).
        // Some LMSs refuse values in review mode; LMSFinish is called all the same.
        scorm.finish([
          ['cmi.core.exit', 'suspend'],
          ['cmi.core.session_time', scorm12Timespan(Date.now() - startedAt)],
        ]);
      });
    },
  };
}
