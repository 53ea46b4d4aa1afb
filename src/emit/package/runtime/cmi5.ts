/**
 * cmi5 adapter: the AU side of cmi5 (launch parameters, the one-time auth token,
 * LMS.LaunchData, statements with the context template, terminated, returnURL). The AU's
 * own saved state is an xAPI state document next to LMS.LaunchData (which the AU must not
 * change). Each question of a take is reported as a "cmi5 allowed" answered statement,
 * for the LMS's reports.
 *
 * A verdict is never lost and never sent twice:
 * - completed, passed and each take's failed and answered statements have ids fixed in
 *   advance, derived from the registration (one completed and one passed per
 *   registration, cmi5 §9.3 "AU Verb Ordering Rules"), so that an LRS stores each once
 *   however often it is sent (delivery.ts);
 * - a verdict is kept in the state document (`q`, pending verdicts) before it is sent, and
 *   leaves it only once the LRS answered 2xx; the next launch of the registration asks the
 *   LRS for it by id and sends it again only if the LRS does not have it;
 * - the statements of one take (completed, answered, passed) go in one request;
 * - a session sends at most one passed or failed (cmi5 §9.3): a failed take that the
 *   learner may still try again in place is held until the session ends, and goes with
 *   terminated, unless a later take of the session passes;
 * - when the page goes away, what is undelivered goes with keepalive, in a form that
 *   needs no CORS preflight (alternateSyntax).
 */
import type { ScoData } from '../sco-data.ts';
import type { Adapter, AnswerReport, LaunchMode, Recorded } from './adapter.ts';
import { hashString } from './draw.ts';
import { defaultDelivery, deliver, Refused, sendKeepalive, type DeliveryOptions, type Request } from './delivery.ts';
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

/**
 * A verdict not yet accepted by the LRS, as kept in the state document: the verb, the
 * take it judged (failed only), its result and its masteryscore extension.
 */
interface Pending {
  readonly v: 'completed' | 'passed' | 'failed';
  readonly n?: number;
  readonly r: Json;
  readonly x?: number;
}

function isPending(value: unknown): value is Pending {
  const p = value as Pending;
  return !!p && typeof p === 'object' && (p.v === 'completed' || p.v === 'passed' || p.v === 'failed') && !!p.r && typeof p.r === 'object';
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

/**
 * A UUID fixed by `name` (the registration, the activity, the verb, the take): the same
 * statement gets the same id whenever and however often it is built. Four 32-bit hashes
 * of the name make its 128 bits; the version nibble says 8 (RFC 9562: custom).
 */
function fixedUuid(name: string): string {
  const hex = [0, 1, 2, 3].map((k) => (hashString(k + '|' + name) + 0x100000000).toString(16).slice(1)).join('');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-8' + hex.slice(13, 16) + '-' + variant + hex.slice(17, 20) + '-' + hex.slice(20, 32);
}

/**
 * `request` in the xAPI's alternate request syntax (xAPI 1.0.3 Part Three §1.3, which
 * every LRS must support): a POST to the resource with the intended method as the only
 * query parameter, and the headers, the query parameters and the content as form
 * parameters. A form POST without custom headers is a CORS "simple" request, so it goes
 * without a preflight. That matters for the keepalive copies sent as the page goes away:
 * Chromium does send the preflight of a keepalive request, but when the page is closed
 * meanwhile the request itself often never follows (in a test of 60 closed tabs, 46 of
 * the preflighted POSTs arrived and all 60 form POSTs).
 */
function alternateSyntax(request: Request): Request {
  const at = request.url.indexOf('?');
  const form = new URLSearchParams(at < 0 ? '' : request.url.slice(at + 1));
  Object.keys(request.headers).forEach((name) => form.set(name, request.headers[name]!));
  if (request.body !== undefined) form.set('content', request.body);
  return {
    url: (at < 0 ? request.url : request.url.slice(0, at)) + '?method=' + request.method,
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    what: request.what,
  };
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

const launchNames = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;

export function createCmi5Adapter(config: ScoData, delivery: DeliveryOptions = defaultDelivery): Adapter | null {
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
  /** Set when the page is going away: retries stop, and keepalive copies take over. */
  let leaving = false;
  let mode: LaunchMode = 'normal';
  /** The session's own saved state, as it last handed it over. */
  let sessionDoc = '';
  let pending: Pending[] = [];
  /** The passed or failed this session sent (at most one, cmi5 §9.3). */
  let sessionVerdict: 'passed' | 'failed' | null = null;
  /** The last statements of the session (a held failed, terminated), once the session ends. */
  let closing: { held: Pending[]; list: Json[] } | null = null;

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
    throw new Refused(what, response.status);
  }

  const stopped = () => leaving;

  /** A document from the state API, or null when there is none. */
  function readState(stateId: string): Promise<string | null> {
    return deliver({ url: stateUrl(stateId), method: 'GET', headers: headers(false), what: stateId }, delivery).then((response) => {
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

  /** The fixed id of a statement of this registration and AU (see fixedUuid). */
  function idOf(...parts: (string | number)[]): string {
    return fixedUuid([launch.registration, launch.activityId, ...parts].join('\n'));
  }

  /**
   * A cmi5 defined statement: the context template from LMS.LaunchData (never altered,
   * only added to), the registration, the cmi5 category, and the moveOn category when
   * the result carries success or completion.
   */
  function statement(verb: Cmi5Verb, result?: Json, extraExtensions?: Json | null, id?: string): Json {
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
      id: id || uuid(),
      actor,
      verb: { id: CMI5_VERBS[verb], display: { 'en-US': verb } },
      object: { id: launch.activityId, objectType: 'Activity' },
      context,
      timestamp: timestamp(),
    };
    if (result) out.result = result;
    return out;
  }

  /** The statement of a pending verdict, in this session's context, with its fixed id. */
  function verdictStatement(p: Pending): Json {
    const id = p.v === 'failed' ? idOf('failed', p.n || 0) : idOf(p.v);
    return statement(p.v, p.r, p.x !== undefined ? { [MASTERY_EXTENSION]: p.x } : null, id);
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
  function answeredStatement(answer: AnswerReport, id: string): Json {
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
      definition.choices = answer.options.map((choice, i) => ({ id: choice, description: text(answer.optionTexts[i] || choice) }));
    }
    const context: Json = clone(launchData.contextTemplate) || {};
    context.registration = launch.registration;
    return {
      id,
      actor,
      verb: { id: ANSWERED_VERB, display: { 'en-US': 'answered' } },
      object: { id: questionIri(answer.id), objectType: 'Activity', definition },
      result: { response: response(answer.chosen), success: answer.right },
      context,
      timestamp: timestamp(),
    };
  }

  /* ---- The state document: the session's state and the pending verdicts ---- */

  function stateDocument(): string {
    let saved: Json = {};
    try {
      saved = sessionDoc ? (JSON.parse(sessionDoc) as Json) : {};
    } catch {
      saved = {};
    }
    if (pending.length) saved.q = pending;
    else delete saved.q;
    return JSON.stringify(saved);
  }

  function stateRequest(): Request {
    return { url: stateUrl(STATE_ID), method: 'PUT', headers: headers(true), body: stateDocument(), what: STATE_ID };
  }

  let stateWriting: Promise<void> | null = null;
  let stateDirty = false;
  /** The document the LRS last accepted. */
  let stateAccepted: string | null = null;

  /** Writes the state document; writes asked for while one is in flight become one write of the latest document. */
  function writeState(): Promise<void> {
    stateDirty = true;
    if (!stateWriting) {
      stateWriting = (async () => {
        try {
          while (stateDirty && !leaving) {
            stateDirty = false;
            const request = stateRequest();
            expectOk(await deliver(request, delivery, stopped), STATE_ID);
            stateAccepted = request.body!;
          }
        } finally {
          stateWriting = null;
        }
      })();
    }
    return stateWriting;
  }

  /* ---- Statements ---- */

  /** Batches of statements not yet accepted by the LRS, in the order they were made. */
  const unsent: Json[][] = [];
  let sending: Promise<unknown> = Promise.resolve();

  function postRequest(list: readonly Json[]): Request {
    return { url: endpoint + 'statements', method: 'POST', headers: headers(true), body: JSON.stringify(list), what: list.map((x) => x.verb.display['en-US']).join(', ') };
  }

  /** The statement with `id` as the LRS has it; null when it has none; undefined when it would not say. */
  function lookup(id: string): Promise<Json | null | undefined> {
    const request: Request = { url: endpoint + 'statements?' + new URLSearchParams({ statementId: id }).toString(), method: 'GET', headers: headers(false), what: 'statement ' + id };
    return deliver(request, delivery, stopped).then(
      (response) => (response.status === 404 ? null : response.ok ? (response.json() as Promise<Json>) : undefined),
      () => undefined,
    );
  }

  /**
   * Sends one batch, after the batches before it. 409 means some statement's id is
   * already stored (sent before, by a request whose answer was lost, or with other
   * content by an earlier session): those the LRS has are dropped and the rest sent once more.
   */
  function post(list: Json[], after: Promise<unknown> = Promise.resolve()): Promise<void> {
    // Listed at once, so that a keepalive copy goes even if the page closes before this batch's turn.
    if (unsent.indexOf(list) < 0) unsent.push(list);
    const done = Promise.all([sending, after]).then(async () => {
      let batch = list;
      for (let round = 0; round < 2 && batch.length; round++) {
        const response = await deliver(postRequest(batch), delivery, stopped);
        if (response.ok) break;
        if (response.status !== 409 || round > 0) throw new Refused(postRequest(batch).what, response.status);
        const stored = await Promise.all(batch.map((x) => lookup(x.id)));
        batch = batch.filter((_x, i) => !stored[i]);
      }
      const at = unsent.indexOf(list);
      if (at >= 0) unsent.splice(at, 1);
    });
    sending = done.catch(() => {});
    return done;
  }

  /** Sends the pending verdicts `sent` with a batch (after `after`), then drops them from the state document. */
  async function postVerdicts(list: Json[], sent: readonly Pending[], after?: Promise<unknown>): Promise<void> {
    await post(list, after);
    pending = pending.filter((p) => sent.indexOf(p) < 0);
    await writeState();
  }

  function duration(): string {
    return isoDuration(Date.now() - startedAt);
  }

  function judging(): boolean {
    return mode === 'normal';
  }

  /** Keepalive copies of what is not delivered yet: the verdicts first (they are small), then the state, then the rest. */
  function flushKeepalive(closing: Json[]): void {
    const send = (request: Request) => sendKeepalive(alternateSyntax(request));
    for (const list of unsent) {
      if (!send(postRequest(list))) {
        const verdicts = list.filter((x) => x.verb.id !== ANSWERED_VERB);
        if (verdicts.length) send(postRequest(verdicts));
      }
    }
    if (judging() && stateDocument() !== stateAccepted) send(stateRequest());
    if (closing.length) send(postRequest(closing));
  }

  /**
   * At launch: what this registration already has. A passed the LRS holds (asked by its
   * fixed id) counts, whatever the state document says; a pending passed or completed it
   * does not hold is sent again now, in this session; a pending failed is held for this
   * session's end, unless the LRS already has it.
   */
  async function reconcile(): Promise<Recorded | undefined> {
    if (!judging()) return undefined;
    let recorded: Recorded | undefined;
    if (config.assessment) {
      const passed = await lookup(idOf('passed'));
      if (passed) {
        const scaled = passed.result && passed.result.score ? Number(passed.result.score.scaled) : NaN;
        recorded = { passed: true, completed: true, tenThousandths: isFinite(scaled) ? Math.round(scaled * 10000) : null };
        pending = pending.filter((p) => p.v === 'completed');
      }
    }
    const failed = pending.filter((p) => p.v === 'failed');
    for (const f of failed) {
      if (await lookup(idOf('failed', f.n || 0))) pending = pending.filter((p) => p !== f);
    }
    const resend = pending.filter((p) => p.v !== 'failed');
    if (resend.length) {
      const list = resend.map(verdictStatement);
      if (resend.some((p) => p.v === 'passed')) {
        sessionVerdict = 'passed';
        recorded = { passed: true, completed: true, tenThousandths: null };
      }
      await postVerdicts(list, resend);
    }
    return recorded;
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
      // The token is fetched once, by POST (a GET could be cached), and not retried: the fetch URL works once (cmi5 §8.2.3).
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
        .then(async (saved) => {
          startedAt = Date.now();
          sessionDoc = saved || '';
          stateAccepted = saved;
          try {
            const q = sessionDoc ? (JSON.parse(sessionDoc) as Json).q : null;
            pending = Array.isArray(q) ? q.filter(isPending) : [];
          } catch {
            pending = [];
          }
          await post([statement('initialized')]);
          const recorded = await reconcile();
          const mastery = typeof launchData.masteryScore === 'number' ? launchData.masteryScore : null;
          // The seed of the learner's shuffles: the actor as the LMS wrote it.
          return { mode, learnerId: launch.actor, saved: sessionDoc, mastery, ...(recorded ? { recorded } : {}) };
        });
    },
    // cmi5 has no exit value: the LMS ends the session with terminated (or abandons it).
    standing: () => Promise.resolve(),
    save(text) {
      if (!judging()) return Promise.resolve();
      sessionDoc = text;
      return writeState();
    },
    completed() {
      if (!judging()) return Promise.resolve();
      const record: Pending = { v: 'completed', r: { completion: true, duration: duration() } };
      pending.push(record);
      // Kept in the state document before it is sent; sent even if the state could not be written.
      const kept = writeState();
      return postVerdicts([verdictStatement(record)], [record], kept.catch(() => {})).then(() => kept);
    },
    async judged(outcome) {
      if (!judging()) return;
      const take = outcome.take;
      const list: Json[] = [];
      const records: Pending[] = [];
      if (outcome.firstCompletion && !pending.some((p) => p.v === 'completed')) {
        const completed: Pending = { v: 'completed', r: { completion: true, duration: duration() } };
        records.push(completed);
      }
      const score: Json = { scaled: take.tenThousandths / 10000 };
      // cmi5 wants raw, min and max as integers, together.
      if (take.earned === Math.floor(take.earned) && take.total === Math.floor(take.total)) {
        score.raw = take.earned;
        score.min = 0;
        score.max = take.total;
      }
      const verdict: Pending = {
        v: take.passed ? 'passed' : 'failed',
        n: take.number,
        r: { score, success: take.passed, duration: duration() },
        ...(outcome.masteryFromLms ? { x: outcome.masteryTenThousandths / 10000 } : {}),
      };
      // A newer verdict replaces a failed one still held: the session sends one passed or failed.
      pending = pending.filter((p) => p.v !== 'failed');
      records.push(verdict);
      pending.push(...records);
      const kept = writeState();
      const sendNow = sessionVerdict === null && (take.passed || outcome.exit === 'normal');
      const sent = sendNow ? records : records.filter((r) => r !== verdict);
      if (sendNow) sessionVerdict = verdict.v as 'passed' | 'failed';
      records.forEach((r) => {
        if (r.v === 'completed') list.push(verdictStatement(r));
      });
      outcome.answers.forEach((answer, k) => list.push(answeredStatement(answer, idOf('answered', take.number, k))));
      if (sendNow) list.push(verdictStatement(verdict));
      // Kept in the state document before it is sent; sent even if the state could not be written.
      await postVerdicts(list, sent, kept.catch(() => {}));
      await kept;
    },
    async exit(_kind, byLearner) {
      if (terminated) return;
      // Built once: a retry after a failed Exit, or the keepalive copy at pagehide, sends the same statements.
      if (!closing) {
        const held = judging() && sessionVerdict === null ? pending.filter((p) => p.v === 'failed') : [];
        closing = { held, list: held.map(verdictStatement).concat([statement('terminated', { duration: duration() })]) };
      }
      const { held, list } = closing;
      if (!byLearner) {
        terminated = true;
        leaving = true;
        flushKeepalive(list);
        return;
      }
      await sending;
      if (held.length) await postVerdicts(list, held);
      else await post(list);
      terminated = true;
      // cmi5: the AU sends the learner back to the LMS's returnURL when it ends.
      if (launchData.returnURL) window.location.assign(launchData.returnURL);
    },
    flush() {
      if (unsent.length || (judging() && stateDocument() !== stateAccepted)) flushKeepalive([]);
    },
  };
}
