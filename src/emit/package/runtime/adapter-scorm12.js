/*
 * SCO runtime, SCORM 1.2 adapter (the `API` object: LMSInitialize, LMSGetValue, ...).
 * Scores are in per cent (0–100) because the LMS compares cmi.core.score.raw with the
 * manifest's adlcp:masteryscore.
 */

function createLmsAdapter(config) {
  var api = findScormApi('API');
  if (!api) return null;
  var startedAt = 0;
  var finished = false;

  function call(name, args) {
    var result = api[name].apply(api, args);
    return String(result);
  }
  function check(ok, what) {
    if (ok === 'true') return;
    var code = call('LMSGetLastError', []);
    throw scormFailure(what, code, call('LMSGetErrorString', [code]));
  }
  function get(element) {
    var value = call('LMSGetValue', [element]);
    return value === 'undefined' || value === 'null' ? '' : value;
  }
  function set(element, value) {
    check(call('LMSSetValue', [element, String(value)]), element);
  }
  function commit() {
    check(call('LMSCommit', ['']), 'LMSCommit');
  }
  /** Runs synchronous API work as a promise, so every adapter looks the same to the session. */
  function attempt(work) {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  return {
    stateLimit: 4096,
    offersExit: false,
    start: function () {
      return attempt(function () {
        check(call('LMSInitialize', ['']), 'LMSInitialize');
        startedAt = Date.now();
        var mode = get('cmi.core.lesson_mode') || 'normal';
        if (mode !== 'browse' && mode !== 'review') mode = 'normal';
        // The LMS's pass mark (from adlcp:masteryscore); only assessed SCOs have one.
        var mastery = config.assessment ? parseFloat(get('cmi.student_data.mastery_score')) : NaN;
        if (mode === 'normal') {
          var status = get('cmi.core.lesson_status');
          if (status === '' || status === 'not attempted' || status === 'browsed') {
            set('cmi.core.lesson_status', 'incomplete');
            commit();
          }
        }
        return {
          mode: mode,
          learnerId: get('cmi.core.student_id'),
          saved: get('cmi.suspend_data'),
          mastery: isFinite(mastery) ? mastery / 100 : null,
        };
      });
    },
    save: function (text) {
      return attempt(function () {
        set('cmi.suspend_data', text);
        commit();
      });
    },
    completed: function () {
      return attempt(function () {
        set('cmi.core.lesson_status', 'completed');
        commit();
      });
    },
    judged: function (outcome) {
      return attempt(function () {
        // The module's standing is its best take, as "highest attempt" grading expects.
        set('cmi.core.score.min', '0');
        set('cmi.core.score.max', '100');
        set('cmi.core.score.raw', percentText(outcome.best.tenThousandths));
        set('cmi.core.lesson_status', outcome.best.passed ? 'passed' : 'failed');
        commit();
      });
    },
    exit: function (kind) {
      return attempt(function () {
        if (finished) return;
        finished = true;
        // LMSFinish is called even if the LMS refuses a value (some do in review mode):
        // a session that is never finished can lose everything it recorded.
        var refused = null;
        try {
          set('cmi.core.exit', kind === 'suspend' ? 'suspend' : '');
          set('cmi.core.session_time', scorm12Timespan(Date.now() - startedAt));
          commit();
        } catch (error) {
          refused = error;
        }
        check(call('LMSFinish', ['']), 'LMSFinish');
        if (refused) throw refused;
      });
    },
  };
}
