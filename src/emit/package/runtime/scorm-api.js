/*
 * SCO runtime, SCORM part: finding the LMS's API object (the LMS puts it on a window
 * that contains the SCO, a parent frame, or that opened it, the opener, when the SCO
 * runs in a pop-up, as the ADL discovery algorithm describes), calling it, and
 * reporting each question of a take as an interaction.
 */

/** The API object called `name` (`API` or `API_1484_11`), or null. */
function findScormApi(name) {
  function climb(win) {
    for (var hops = 0; win && hops < 500; hops++) {
      try {
        if (win[name]) return win[name];
      } catch (e) {
        // A frame from another origin: the API cannot be above it.
        return null;
      }
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }
  var api = climb(window);
  if (!api) {
    try {
      if (window.opener) api = climb(window.opener);
      if (!api && window.top && window.top.opener) api = climb(window.top.opener);
    } catch (e) {
      api = null;
    }
  }
  return api || null;
}

/** A rejected promise carrying the LMS's error, for the page to show. */
function scormFailure(what, code, text) {
  return new Error(what + (code ? ' — ' + code + (text ? ' ' + text : '') : ''));
}

/**
 * The calls both SCORM versions make, under each version's own method names
 * (`names.initialize`, `getValue`, `setValue`, `commit`, `finish`, `getLastError`,
 * `getErrorString`): a failed call throws with the LMS's error code and text.
 */
function scormCalls(api, names) {
  var finished = false;
  function call(name, args) {
    return String(api[name].apply(api, args));
  }
  function check(ok, what) {
    if (ok === 'true') return;
    var code = call(names.getLastError, []);
    throw scormFailure(what, code, call(names.getErrorString, [code]));
  }
  function set(element, value) {
    check(call(names.setValue, [element, String(value)]), element);
  }
  function commit() {
    check(call(names.commit, ['']), names.commit);
  }
  return {
    initialize: function () {
      check(call(names.initialize, ['']), names.initialize);
    },
    /** A value, or '' when the LMS has none (optional elements are often reported as errors). */
    get: function (element) {
      var value = call(names.getValue, [element]);
      return value === 'undefined' || value === 'null' ? '' : value;
    },
    set: set,
    commit: commit,
    /**
     * Ends the session: sets `values` (element, value pairs) and commits, then finishes
     * even if the LMS refused a value, because a session that is never finished can lose
     * everything it recorded. The refusal is thrown after. Only the first call does anything.
     */
    finish: function (values) {
      if (finished) return;
      finished = true;
      var refused = null;
      try {
        values.forEach(function (pair) { set(pair[0], pair[1]); });
        commit();
      } catch (error) {
        refused = error;
      }
      check(call(names.finish, ['']), names.finish);
      if (refused) throw refused;
    },
  };
}

/** Runs synchronous API work as a promise, so every adapter looks the same to the session. */
function asPromise(work) {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Reports each question of a take as an interaction (`cmi.interactions.n`), so that LMS
 * reports show which questions learners miss, in the version's `form`:
 *   response(answer, indexes)  the options as the version writes them, or null when it cannot;
 *   learnerResponse            the element that holds the learner's response;
 *   wrong                      the result of a wrong answer;
 *   describe                   whether the question's text goes in `description`.
 * Elements are set in the order the API requires (id first, type before responses). Best
 * effort: an LMS may not keep interactions (SCORM makes them optional), and the score and
 * status are already set, so a refused value ends the reporting instead of failing the take.
 */
function reportInteractions(scorm, answers, form) {
  var n = parseInt(scorm.get('cmi.interactions._count'), 10) || 0;
  try {
    answers.forEach(function (answer) {
      var correct = form.response(answer, answer.correct);
      if (correct === null) return;
      var fields = [
        ['id', answer.id],
        ['type', answer.type === 'true-false' ? 'true-false' : 'choice'],
        ['correct_responses.0.pattern', correct],
      ];
      if (answer.chosen.length) fields.push([form.learnerResponse, form.response(answer, answer.chosen)]);
      fields.push(['result', answer.right ? 'correct' : form.wrong]);
      // localized_string_type: at most 250 characters; a leading `{` would be read as a language tag.
      var description = form.describe ? answer.text.replace(/^\{+/, '').slice(0, 250) : '';
      if (description) fields.push(['description', description]);
      fields.forEach(function (pair) {
        scorm.set('cmi.interactions.' + n + '.' + pair[0], pair[1]);
      });
      n++;
    });
  } catch (e) {
    // See above: the interactions are extra; what the LMS refused is not retried.
  }
}
