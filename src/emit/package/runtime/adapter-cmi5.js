/*
 * SCO runtime, cmi5 adapter: the AU side of cmi5 (launch parameters, the one-time auth
 * token, LMS.LaunchData, statements with the context template, terminated, returnURL).
 * The AU's own saved state is an xAPI state document next to LMS.LaunchData (which the
 * AU must not change); it holds the attempts and whether completed/passed were sent,
 * because cmi5 allows each of those once per registration. Each question of a take is
 * reported as a "cmi5 allowed" answered statement, for the LMS's reports.
 */

var CMI5_VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
};
var ANSWERED_VERB = 'http://adlnet.gov/expapi/verbs/answered';
var INTERACTION_ACTIVITY = 'http://adlnet.gov/expapi/activities/cmi.interaction';
var CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
var MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
var MASTERY_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
var STATE_ID = 'progress';

function uuid() {
  if (window.crypto && typeof window.crypto.randomUUID === 'function') return window.crypto.randomUUID();
  var bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join('');
  return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
}

function clone(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function createLmsAdapter(config) {
  var query = new URLSearchParams(window.location.search);
  var names = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'];
  // Opened without any launch parameter: a preview outside an LMS.
  if (names.every(function (n) { return !query.get(n); })) return null;
  var launch = {};
  names.forEach(function (n) { launch[n] = query.get(n) || ''; });
  var endpoint = launch.endpoint.replace(/\/?$/, '/');
  var actor = null;
  var token = '';
  var launchData = null;
  var startedAt = 0;
  var lastTimestamp = 0;
  var terminated = false;
  var mode = 'normal';

  function headers(json) {
    var out = { Authorization: 'Basic ' + token, 'X-Experience-API-Version': '1.0.3' };
    if (json) out['Content-Type'] = 'application/json';
    return out;
  }

  function stateUrl(stateId) {
    return endpoint + 'activities/state?' + new URLSearchParams({
      stateId: stateId,
      activityId: launch.activityId,
      agent: JSON.stringify(actor),
      registration: launch.registration,
    }).toString();
  }

  function expectOk(response, what) {
    if (response.ok) return response;
    throw new Error(what + ' — HTTP ' + response.status);
  }

  /** A document from the state API, or null when there is none. */
  function readState(stateId) {
    return fetch(stateUrl(stateId), { headers: headers(false), cache: 'no-store' }).then(function (response) {
      if (response.status === 404) return null;
      return expectOk(response, stateId).text().then(function (text) { return text || null; });
    });
  }

  /** Timestamps in UTC, strictly increasing, so that the order of the statements is their order. */
  function timestamp() {
    var now = Math.max(Date.now(), lastTimestamp + 1);
    lastTimestamp = now;
    return new Date(now).toISOString();
  }

  /**
   * A cmi5 defined statement: the context template from LMS.LaunchData (never altered,
   * only added to), the registration, the cmi5 category, and the moveOn category when
   * the result carries success or completion.
   */
  function statement(verb, result, extraExtensions) {
    var context = clone(launchData.contextTemplate) || {};
    context.registration = launch.registration;
    var activities = context.contextActivities || (context.contextActivities = {});
    var category = activities.category || (activities.category = []);
    category.push({ id: CMI5_CATEGORY, objectType: 'Activity' });
    if (result && (result.success !== undefined || result.completion !== undefined)) category.push({ id: MOVEON_CATEGORY, objectType: 'Activity' });
    if (extraExtensions) {
      var extensions = context.extensions || (context.extensions = {});
      Object.keys(extraExtensions).forEach(function (k) {
        if (!(k in extensions)) extensions[k] = extraExtensions[k];
      });
    }
    var out = {
      id: uuid(),
      actor: actor,
      verb: { id: CMI5_VERBS[verb], display: { 'en-US': verb } },
      object: { id: launch.activityId, objectType: 'Activity' },
      context: context,
      timestamp: timestamp(),
    };
    if (result) out.result = result;
    return out;
  }

  /** Where the AU's questions are activities: under the publisher's AU id (in the context template), else the launch's activity. */
  function questionIri(id) {
    var grouping = (launchData.contextTemplate && launchData.contextTemplate.contextActivities && launchData.contextTemplate.contextActivities.grouping) || [];
    var base = (grouping[0] && grouping[0].id) || launch.activityId;
    return base.replace(/\/+$/, '') + '/questions/' + encodeURIComponent(id);
  }

  /**
   * One question of a take as a "cmi5 allowed" statement (§9.3): answered, the question
   * as a cmi.interaction activity with its options and correct response, the learner's
   * response and whether it was right. It keeps the context template and registration
   * and carries no cmi5 category, so it takes no part in the cmi5 rules.
   */
  function answeredStatement(answer) {
    var language = document.documentElement.lang || 'und';
    function text(value) {
      var map = {};
      map[language] = value;
      return map;
    }
    function response(indexes) {
      return indexes.map(function (i) { return answer.options[i]; }).join('[,]');
    }
    var definition = {
      type: INTERACTION_ACTIVITY,
      interactionType: answer.type === 'true-false' ? 'true-false' : 'choice',
      correctResponsesPattern: [response(answer.correct)],
    };
    if (answer.text) definition.description = text(answer.text);
    if (answer.type !== 'true-false') {
      definition.choices = answer.options.map(function (id, i) { return { id: id, description: text(answer.optionTexts[i] || id) }; });
    }
    var context = clone(launchData.contextTemplate) || {};
    context.registration = launch.registration;
    return {
      id: uuid(),
      actor: actor,
      verb: { id: ANSWERED_VERB, display: { 'en-US': 'answered' } },
      object: { id: questionIri(answer.id), objectType: 'Activity', definition: definition },
      result: { response: response(answer.chosen), success: answer.right },
      context: context,
      timestamp: timestamp(),
    };
  }

  function send(body, keepalive) {
    return fetch(endpoint + 'statements', {
      method: 'POST',
      headers: headers(true),
      body: JSON.stringify(body),
      keepalive: !!keepalive,
    }).then(function (response) { expectOk(response, Array.isArray(body) ? 'answered' : body.verb.display['en-US']); });
  }

  function duration() {
    return isoDuration(Date.now() - startedAt);
  }

  function judging() {
    return mode === 'normal';
  }

  return {
    stateLimit: 1000000,
    offersExit: true,
    start: function () {
      try {
        actor = JSON.parse(launch.actor);
      } catch (e) {
        return Promise.reject(new Error('actor'));
      }
      var missing = names.filter(function (n) { return !launch[n]; });
      if (missing.length) return Promise.reject(new Error(missing.join(', ')));
      // The token is fetched once, by POST (a GET could be cached); it is good for this session only.
      return fetch(launch.fetch, { method: 'POST', cache: 'no-store' })
        .then(function (response) { return expectOk(response, 'fetch').json(); })
        .then(function (body) {
          if (!body || !body['auth-token']) throw new Error('fetch: ' + (body && body['error-text'] ? body['error-text'] : 'no auth-token'));
          token = body['auth-token'];
          return readState('LMS.LaunchData');
        })
        .then(function (text) {
          if (!text) throw new Error('LMS.LaunchData');
          launchData = JSON.parse(text);
          mode = launchData.launchMode === 'Browse' ? 'browse' : launchData.launchMode === 'Review' ? 'review' : 'normal';
          // cmi5 asks the AU to read the learner's preferences; a missing document is fine.
          return fetch(endpoint + 'agents/profile?' + new URLSearchParams({ agent: JSON.stringify(actor), profileId: 'cmi5LearnerPreferences' }).toString(), {
            headers: headers(false),
            cache: 'no-store',
          }).then(function () { return readState(STATE_ID); }, function () { return readState(STATE_ID); });
        })
        .then(function (saved) {
          startedAt = Date.now();
          return send(statement('initialized')).then(function () {
            var mastery = typeof launchData.masteryScore === 'number' ? launchData.masteryScore : null;
            // The seed of the learner's shuffles: the actor as the LMS wrote it.
            return { mode: mode, learnerId: launch.actor, saved: saved || '', mastery: mastery };
          });
        });
    },
    save: function (text) {
      if (!judging()) return Promise.resolve();
      return fetch(stateUrl(STATE_ID), { method: 'PUT', headers: headers(true), body: text }).then(function (response) { expectOk(response, STATE_ID); });
    },
    completed: function () {
      if (!judging()) return Promise.resolve();
      return send(statement('completed', { completion: true, duration: duration() }));
    },
    judged: function (outcome) {
      if (!judging()) return Promise.resolve();
      var chain = Promise.resolve();
      if (outcome.firstCompletion) {
        chain = chain.then(function () { return send(statement('completed', { completion: true, duration: duration() })); });
      }
      var take = outcome.take;
      var score = { scaled: take.tenThousandths / 10000 };
      // cmi5 wants raw, min and max as integers, together.
      if (take.earned === Math.floor(take.earned) && take.total === Math.floor(take.total)) {
        score.raw = take.earned;
        score.min = 0;
        score.max = take.total;
      }
      var extensions = null;
      if (outcome.masteryFromLms) {
        extensions = {};
        extensions[MASTERY_EXTENSION] = outcome.masteryTenThousandths / 10000;
      }
      return chain
        .then(function () {
          // All questions in one request (xAPI takes a list), before the verdict.
          if (outcome.answers.length) return send(outcome.answers.map(answeredStatement));
        })
        .then(function () {
          return send(statement(take.passed ? 'passed' : 'failed', { score: score, success: take.passed, duration: duration() }, extensions));
        });
    },
    exit: function (kind, byLearner) {
      if (terminated) return Promise.resolve();
      terminated = true;
      var sent = send(statement('terminated', { duration: duration() }), !byLearner);
      if (!byLearner) return sent;
      return sent.then(function () {
        // cmi5: the AU sends the learner back to the LMS's returnURL when it ends.
        if (launchData.returnURL) window.location.assign(launchData.returnURL);
      });
    },
  };
}
