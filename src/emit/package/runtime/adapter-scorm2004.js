/*
 * SCO runtime, SCORM 2004 adapter (the `API_1484_11` object: Initialize, GetValue, ...).
 * Completion and success are separate; the score is reported scaled (what sequencing
 * compares with the objective's minNormalizedMeasure) and raw in per cent.
 */

/** SCORM 2004 writes responses with the options' own ids, joined by `[,]`, and describes the question in text. */
var interactionForm2004 = {
  response: function (answer, indexes) {
    return indexes.map(function (i) { return answer.options[i]; }).join('[,]');
  },
  learnerResponse: 'learner_response',
  wrong: 'incorrect',
  describe: true,
};

function createLmsAdapter(config) {
  var api = findScormApi('API_1484_11');
  if (!api) return null;
  var startedAt = 0;

  var scorm = scormCalls(api, { initialize: 'Initialize', getValue: 'GetValue', setValue: 'SetValue', commit: 'Commit', finish: 'Terminate', getLastError: 'GetLastError', getErrorString: 'GetErrorString' });
  var get = scorm.get;
  var set = scorm.set;
  var commit = scorm.commit;

  return {
    // SCORM 2004 4th edition guarantees 64 000 characters of suspend_data.
    stateLimit: 64000,
    offersExit: false,
    start: function () {
      return asPromise(function () {
        scorm.initialize();
        startedAt = Date.now();
        var mode = get('cmi.mode') || 'normal';
        if (mode !== 'browse' && mode !== 'review') mode = 'normal';
        var entry = get('cmi.entry');
        // Only a resumed attempt has saved data; asking a new one for it is an error in some LMSs.
        var saved = entry === 'ab-initio' ? '' : get('cmi.suspend_data');
        // The LMS's pass mark (from the objective's minNormalizedMeasure); only assessed SCOs have one.
        var mastery = config.assessment ? parseFloat(get('cmi.scaled_passing_score')) : NaN;
        if (mode === 'normal') {
          var completion = get('cmi.completion_status');
          if (completion === '' || completion === 'unknown' || completion === 'not attempted') {
            set('cmi.completion_status', 'incomplete');
            commit();
          }
        }
        return { mode: mode, learnerId: get('cmi.learner_id'), saved: saved, mastery: isFinite(mastery) ? mastery : null };
      });
    },
    save: function (text) {
      return asPromise(function () {
        set('cmi.suspend_data', text);
        commit();
      });
    },
    completed: function () {
      return asPromise(function () {
        set('cmi.completion_status', 'completed');
        commit();
      });
    },
    judged: function (outcome) {
      return asPromise(function () {
        set('cmi.score.min', '0');
        set('cmi.score.max', '100');
        set('cmi.score.raw', percentText(outcome.best.tenThousandths));
        set('cmi.score.scaled', scaledText(outcome.best.tenThousandths));
        set('cmi.completion_status', 'completed');
        set('cmi.success_status', outcome.best.passed ? 'passed' : 'failed');
        reportInteractions(scorm, outcome.answers, interactionForm2004);
        commit();
      });
    },
    exit: function (kind) {
      return asPromise(function () {
        scorm.finish([
          // Anything but "suspend" ends the attempt, and the LMS drops its suspend_data.
          ['cmi.exit', kind === 'suspend' ? 'suspend' : 'normal'],
          ['cmi.session_time', isoDuration(Date.now() - startedAt)],
        ]);
      });
    },
  };
}
