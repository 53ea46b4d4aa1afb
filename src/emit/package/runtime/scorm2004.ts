/**
 * SCORM 2004 adapter (the `API_1484_11` object: Initialize, GetValue, ...). Completion
 * and success are separate; the score is reported scaled (what sequencing compares with
 * the objective's minNormalizedMeasure) and raw in per cent.
 */
import type { ScoData } from '../sco-data.ts';
import type { Adapter, AnswerReport } from './adapter.ts';
import { asPromise, findScormApi, reportInteractions, scormCalls, type InteractionForm } from './scorm-api.ts';
import { isoDuration, percentText, scaledText } from './text.ts';

/** SCORM 2004 writes responses with the options' own ids, joined by `[,]`, and describes the question in text. */
const interactionForm2004: InteractionForm = {
  response(answer: AnswerReport, indexes: readonly number[]) {
    return indexes.map((i) => answer.options[i]).join('[,]');
  },
  learnerResponse: 'learner_response',
  wrong: 'incorrect',
  describe: true,
};

export function createScorm2004Adapter(config: ScoData): Adapter | null {
  const api = findScormApi('API_1484_11');
  if (!api) return null;
  let startedAt = 0;
  const scorm = scormCalls(api, { initialize: 'Initialize', getValue: 'GetValue', setValue: 'SetValue', commit: 'Commit', finish: 'Terminate', getLastError: 'GetLastError', getErrorString: 'GetErrorString' });
  const { get, set, commit } = scorm;

  let recording = false;
  /** Whether "suspend" is already recorded as the exit, so that it is not written and committed again. */
  let suspended = false;
  /** Once the LMS holds "passed", no lower status or score is written (a failed retake changes nothing). */
  let passedAtLms = false;

  return {
    // SCORM 2004 4th edition guarantees 64 000 characters of suspend_data.
    stateLimit: 64000,
    offersExit: true,
    start() {
      return asPromise(() => {
        scorm.initialize();
        startedAt = Date.now();
        let mode = get('cmi.mode') || 'normal';
        if (mode !== 'browse' && mode !== 'review') mode = 'normal';
        recording = mode === 'normal';
        const entry = get('cmi.entry');
        // Only a resumed attempt has saved data; asking a new one for it is an error in some LMSs.
        const saved = entry === 'ab-initio' ? '' : get('cmi.suspend_data');
        // The LMS's pass mark (from the objective's minNormalizedMeasure); only assessed SCOs have one.
        const mastery = config.assessment ? parseFloat(get('cmi.scaled_passing_score')) : NaN;
        const completion = get('cmi.completion_status');
        const success = get('cmi.success_status');
        // An element never set is an error to read (403 in scorm-again): the score only follows a verdict.
        const scaled = success === 'passed' || success === 'failed' ? parseFloat(get('cmi.score.scaled')) : NaN;
        passedAtLms = success === 'passed';
        if (recording) {
          // "suspend" first, committed at once: anything but "suspend" ends the attempt, and
          // the LMS then drops suspend_data (the takes used) if the last calls are lost.
          set('cmi.exit', 'suspend');
          suspended = true;
          if (completion === '' || completion === 'unknown' || completion === 'not attempted') set('cmi.completion_status', 'incomplete');
          commit();
        }
        return {
          mode: mode as 'normal' | 'browse' | 'review',
          learnerId: get('cmi.learner_id'),
          saved,
          mastery: isFinite(mastery) ? mastery : null,
          recorded: {
            passed: passedAtLms,
            completed: completion === 'completed',
            tenThousandths: isFinite(scaled) && scaled >= 0 && scaled <= 1 ? Math.round(scaled * 10000) : null,
          },
        };
      });
    },
    // The exit is "suspend" whatever the session's standing (see exit below).
    standing() {
      return asPromise(() => {
        if (!recording || suspended) return;
        set('cmi.exit', 'suspend');
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
        set('cmi.completion_status', 'completed');
        commit();
      });
    },
    judged(outcome) {
      return asPromise(() => {
        // Success and completion are written once the module is finished for good (passed,
        // or no take left). Moodle treats an attempt whose completion_status is completed
        // as finished (scorm_check_mode in mod/scorm/lib.php) and reopens it in review mode,
        // which would lose the takes the package still owes; so while takes remain,
        // completion stays "incomplete" (set at start) and success "unknown". The raw score
        // (the best take) is still written for the gradebook, but not the scaled one: with a
        // scaled passing score the LMS itself sets success_status from score.scaled (SCORM
        // 2004 4th ed. RTE 4.2.22 cmi.success_status; scorm-again does it at Terminate).
        const finished = outcome.exit === 'normal';
        if (outcome.best.passed || !passedAtLms) {
          set('cmi.score.min', '0');
          set('cmi.score.max', '100');
          set('cmi.score.raw', percentText(outcome.best.tenThousandths));
          if (finished) {
            set('cmi.score.scaled', scaledText(outcome.best.tenThousandths));
            set('cmi.success_status', outcome.best.passed ? 'passed' : 'failed');
          }
          if (outcome.best.passed) passedAtLms = true;
        }
        if (finished) set('cmi.completion_status', 'completed');
        reportInteractions(scorm, outcome.answers, interactionForm2004);
        // Committed with the verdict: nothing of it waits for the end of the session.
        commit();
      });
    },
    exit() {
      return asPromise(() => {
        // Always "suspend", even once the module is finished. Any other exit ends the
        // learner attempt (RTE 4.2.8 cmi.exit), and the LMS then starts a new one at the
        // next launch: SCORM Cloud counts it as a second attempt of one take, and an Engine
        // that resets run-time data "When Exit Is Not Suspend" (Rustici Engine, Package
        // Properties Reference, ResetRunTimeDataTiming; the reset Canvas's SCORM tool is
        // assumed to use) starts it empty, losing the pass and the takes used. The saved
        // state holds both; Moodle records the status and score of every commit whatever
        // the exit (mod/scorm/datamodel.php).
        scorm.finish([
          ['cmi.exit', 'suspend'],
          ['cmi.session_time', isoDuration(Date.now() - startedAt)],
        ]);
      });
    },
  };
}
