/**
 * cmi5 adapter: the AU side of cmi5 (launch parameters, the one-time auth token,
 * LMS.LaunchData, statements with the context template, terminated, returnURL). The AU's
 * own saved state is an xAPI state document next to LMS.LaunchData (which the AU must not
 * change); it holds the attempts and whether completed/passed were sent, because cmi5
 * allows each of those once per registration. Each question of a take is reported as a
 * "cmi5 allowed" answered statement, for the LMS's reports.
 */
import type { ScoData } from '../sco-data.ts';
import type { Adapter, AnswerReport, LaunchMode } from './adapter.ts';
import { isoDuration } from './text.ts';

const CMI5_VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;
type Cmi5Verb = keyof typeof CMI5_VERBS;
const ANSWERED_VERB = 'http://adlnet.gov/expapi/verbs/answered';
const INTERACTION_ACTIVITY = 'http://adlnet.gov/expapi/activities/cmi.interaction';
const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const MASTERY_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const STATE_ID = 'progress';

/** xAPI JSON, as sent. */
type Json = Record<string, any>;

interface LaunchData {
  contextTemplate?: Json;
  launchMode?: string;
  masteryScore?: number;
  returnURL?: string;
}

function uuid(): string {
  if (window.crypto && typeof window.crypto.randomUUID === 'function') return window.crypto.randomUUID();
  const bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.prototype.map.call(bytes, (b: number) => (b + 0x100).toString(16).slice(1)).join('');
  return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

const launchNames = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;

export function createCmi5Adapter(_config: ScoData): Adapter | null {
  const query = new URLSearchParams(window.location.search);
  // Opened without any launch parameter: a preview outside an LMS.
  if (launchNames.every((n) => !query.get(n))) return null;
  const launch = {} as Record<(typeof launchNames)[number], string>;
  launchNames.forEach((n) => (launch[n] = query.get(n) || ''));
  const endpoint = launch.endpoint.replace(/\/?$/, '/');
  let actor: Json = {};
  let token = '';
  let launchData: LaunchData = {};
  let startedAt = 0;
  let lastTimestamp = 0;
  let terminated = false;
  let mode: LaunchMode = 'normal';

  function headers(json: boolean): Record<string, string> {
    const out: Record<string, string> = { Authorization: 'Basic ' + token, 'X-Experience-API-Version': '1.0.3' };
    if (json) out['Content-Type'] = 'application/json';
    return out;
  }

  function stateUrl(stateId: string): string {
    return (
      endpoint +
      'activities/state?' +
      new URLSearchParams({ stateId, activityId: launch.activityId, agent: JSON.stringify(actor), registration: launch.registration }).toString()
    );
  }

  function expectOk(response: Response, what: string): Response {
    if (response.ok) return response;
    throw new Error(what + ' — HTTP ' + response.status);
  }

  /** A document from the state API, or null when there is none. */
  function readState(stateId: string): Promise<string | null> {
    return fetch(stateUrl(stateId), { headers: headers(false), cache: 'no-store' }).then((response) => {
      if (response.status === 404) return null;
      return expectOk(response, stateId)
        .text()
        .then((text) => text || null);
    });
  }

  /** Timestamps in UTC, strictly increasing, so that the order of the statements is their order. */
  function timestamp(): string {
    const now = Math.max(Date.now(), lastTimestamp + 1);
    lastTimestamp = now;
    return new Date(now).toISOString();
  }

  /**
   * A cmi5 defined statement: the context template from LMS.LaunchData (never altered,
   * only added to), the registration, the cmi5 category, and the moveOn category when
   * the result carries success or completion.
   */
  function statement(verb: Cmi5Verb, result?: Json, extraExtensions?: Json | null): Json {
    const context: Json = clone(launchData.contextTemplate) || {};
    context.registration = launch.registration;
    const activities: Json = context.contextActivities || (context.contextActivities = {});
    const category: Json[] = activities.category || (activities.category = []);
    category.push({ id: CMI5_CATEGORY, objectType: 'Activity' });
    if (result && (result.success !== undefined || result.completion !== undefined)) category.push({ id: MOVEON_CATEGORY, objectType: 'Activity' });
    if (extraExtensions) {
      const extensions: Json = context.extensions || (context.extensions = {});
      Object.keys(extraExtensions).forEach((k) => {
        if (!(k in extensions)) extensions[k] = extraExtensions[k];
      });
    }
    const out: Json = {
      id: uuid(),
      actor,
      verb: { id: CMI5_VERBS[verb], display: { 'en-US': verb } },
      object: { id: launch.activityId, objectType: 'Activity' },
      context,
      timestamp: timestamp(),
    };
    if (result) out.result = result;
    return out;
  }

  /** Where the AU's questions are activities: under the publisher's AU id (in the context template), else the launch's activity. */
  function questionIri(id: string): string {
    const grouping: Json[] = (launchData.contextTemplate && launchData.contextTemplate.contextActivities && launchData.contextTemplate.contextActivities.grouping) || [];
    const base: string = (grouping[0] && grouping[0].id) || launch.activityId;
    return base.replace(/\/+$/, '') + '/questions/' + encodeURIComponent(id);
  }

  /**
   * One question of a take as a "cmi5 allowed" statement (§9.3): answered, the question
   * as a cmi.interaction activity with its options and correct response, the learner's
   * response and whether it was right. It keeps the context template and registration
   * and carries no cmi5 category, so it takes no part in the cmi5 rules.
   */
  function answeredStatement(answer: AnswerReport): Json {
    const language = document.documentElement.lang || 'und';
    const text = (value: string) => ({ [language]: value });
    const response = (indexes: readonly number[]) => indexes.map((i) => answer.options[i]).join('[,]');
    const definition: Json = {
      type: INTERACTION_ACTIVITY,
      interactionType: answer.type === 'true-false' ? 'true-false' : 'choice',
      correctResponsesPattern: [response(answer.correct)],
    };
    if (answer.text) definition.description = text(answer.text);
    if (answer.type !== 'true-false') {
      definition.choices = answer.options.map((id, i) => ({ id, description: text(answer.optionTexts[i] || id) }));
    }
    const context: Json = clone(launchData.contextTemplate) || {};
    context.registration = launch.registration;
    return {
      id: uuid(),
      actor,
      verb: { id: ANSWERED_VERB, display: { 'en-US': 'answered' } },
      object: { id: questionIri(answer.id), objectType: 'Activity', definition },
      result: { response: response(answer.chosen), success: answer.right },
      context,
      timestamp: timestamp(),
    };
  }

  function send(body: Json | Json[], keepalive?: boolean): Promise<void> {
    return fetch(endpoint + 'statements', {
      method: 'POST',
      headers: headers(true),
      body: JSON.stringify(body),
      keepalive: !!keepalive,
    }).then((response) => {
      expectOk(response, Array.isArray(body) ? 'answered' : body.verb.display['en-US']);
    });
  }

  function duration(): string {
    return isoDuration(Date.now() - startedAt);
  }

  function judging(): boolean {
    return mode === 'normal';
  }

  return {
    stateLimit: 1000000,
    offersExit: true,
    start() {
      try {
        actor = JSON.parse(launch.actor) as Json;
      } catch {
        return Promise.reject(new Error('actor'));
      }
      const missing = launchNames.filter((n) => !launch[n]);
      if (missing.length) return Promise.reject(new Error(missing.join(', ')));
      // The token is fetched once, by POST (a GET could be cached); it is good for this session only.
      return fetch(launch.fetch, { method: 'POST', cache: 'no-store' })
        .then((response) => expectOk(response, 'fetch').json() as Promise<Json>)
        .then((body) => {
          if (!body || !body['auth-token']) throw new Error('fetch: ' + (body && body['error-text'] ? body['error-text'] : 'no auth-token'));
          token = body['auth-token'];
          return readState('LMS.LaunchData');
        })
        .then((text) => {
          if (!text) throw new Error('LMS.LaunchData');
          launchData = JSON.parse(text) as LaunchData;
          mode = launchData.launchMode === 'Browse' ? 'browse' : launchData.launchMode === 'Review' ? 'review' : 'normal';
          // cmi5 asks the AU to read the learner's preferences; a missing document is fine.
          return fetch(endpoint + 'agents/profile?' + new URLSearchParams({ agent: JSON.stringify(actor), profileId: 'cmi5LearnerPreferences' }).toString(), {
            headers: headers(false),
            cache: 'no-store',
          }).then(
            () => readState(STATE_ID),
            () => readState(STATE_ID),
          );
        })
        .then((saved) => {
          startedAt = Date.now();
          return send(statement('initialized')).then(() => {
            const mastery = typeof launchData.masteryScore === 'number' ? launchData.masteryScore : null;
            // The seed of the learner's shuffles: the actor as the LMS wrote it.
            return { mode, learnerId: launch.actor, saved: saved || '', mastery };
          });
        });
    },
    // cmi5 has no exit value: the LMS ends the session with terminated (or abandons it).
    standing: () => Promise.resolve(),
    flush: () => {},
    save(text) {
      if (!judging()) return Promise.resolve();
      return fetch(stateUrl(STATE_ID), { method: 'PUT', headers: headers(true), body: text }).then((response) => {
        expectOk(response, STATE_ID);
      });
    },
    completed() {
      if (!judging()) return Promise.resolve();
      return send(statement('completed', { completion: true, duration: duration() }));
    },
    judged(outcome) {
      if (!judging()) return Promise.resolve();
      let chain = Promise.resolve();
      if (outcome.firstCompletion) {
        chain = chain.then(() => send(statement('completed', { completion: true, duration: duration() })));
      }
      const take = outcome.take;
      const score: Json = { scaled: take.tenThousandths / 10000 };
      // cmi5 wants raw, min and max as integers, together.
      if (take.earned === Math.floor(take.earned) && take.total === Math.floor(take.total)) {
        score.raw = take.earned;
        score.min = 0;
        score.max = take.total;
      }
      let extensions: Json | null = null;
      if (outcome.masteryFromLms) extensions = { [MASTERY_EXTENSION]: outcome.masteryTenThousandths / 10000 };
      return chain
        .then(() => {
          // All questions in one request (xAPI takes a list), before the verdict.
          if (outcome.answers.length) return send(outcome.answers.map(answeredStatement));
        })
        .then(() => send(statement(take.passed ? 'passed' : 'failed', { score, success: take.passed, duration: duration() }, extensions)));
    },
    exit(_kind, byLearner) {
      if (terminated) return Promise.resolve();
      terminated = true;
      const sent = send(statement('terminated', { duration: duration() }), !byLearner);
      if (!byLearner) return sent;
      return sent.then(() => {
        // cmi5: the AU sends the learner back to the LMS's returnURL when it ends.
        if (launchData.returnURL) window.location.assign(launchData.returnURL);
      });
    },
  };
}
