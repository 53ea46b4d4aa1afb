/**
 * SCORM 2004 adapter (the `API_1484_11` object: Initialize, GetValue, ...). Completion
 * and success are separate; the score is reported scaled (what sequencing compares with
 * the objective's minNormalizedMeasure) and raw in per cent.
 */
import type { ScoData } from '../sco-data.ts';
import type { Adapter, AnswerReport, ExitKind } from './adapter.ts';
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
  /** The exit value last written, so that an unchanged one is not written and committed again. */
  let exitWritten: ExitKind | null = null;
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
          exitWritten = 'suspend';
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
    standing(kind) {
      return asPromise(() => {
        if (!recording || exitWritten === kind) return;
        set('cmi.exit', kind);
        exitWritten = kind;
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
        set('cmi.exit', 'normal');
        exitWritten = 'normal';
        commit();
      });
    },
    judged(outcome) {
      return asPromise(() => {
        if (outcome.best.passed || !passedAtLms) {
          set('cmi.score.min', '0');
          set('cmi.score.max', '100');
          set('cmi.score.raw', percentText(outcome.best.tenThousandths));
          set('cmi.score.scaled', scaledText(outcome.best.tenThousandths));
          set('cmi.success_status', outcome.best.passed ? 'passed' : 'failed');
          if (outcome.best.passed) passedAtLms = true;
        }
        set('cmi.completion_status', 'completed');
        reportInteractions(scorm, outcome.answers, interactionForm2004);
        if (exitWritten !== outcome.exit) {
          set('cmi.exit', outcome.exit);
          exitWritten = outcome.exit;
        }
        // Committed with the verdict: nothing of it waits for the end of the session.
        commit();
      });
    },
    exit(kind) {
      return asPromise(() => {
        scorm.finish([
          // Anything but "suspend" ends the attempt, and the LMS drops its suspend_data.
          ['cmi.exit', kind],
          ['cmi.session_time', isoDuration(Date.now() - startedAt)],
        ]);
      });
    },
  };
}
