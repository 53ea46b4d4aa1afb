/**
 * A test LRS and cmi5 LMS on 127.0.0.1 (node:http), on its own origin so that the AU
 * talks to it across origins as it would in production (CORS, preflights). It plays the
 * LMS's part of cmi5: it creates launches (registration, session id, a one-time fetch
 * URL for the auth token, the LMS.LaunchData state document) and records every request
 * and statement the AU sends, with the Authorization header it came with.
 *
 * It implements just enough of the xAPI (statements, activity state, agent profile) for
 * an AU; it is a real HTTP server, not a mock of the AU's calls.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An xAPI statement as received (JSON). */
export type Statement = Record<string, any>;

export interface ReceivedStatement {
  readonly statement: Statement;
  /** The Authorization header of the request that carried it. */
  readonly authorization: string | undefined;
  readonly version: string | undefined;
  /** Whether the request that carried it came in the alternate request syntax. */
  readonly alternate: boolean;
}

export interface RecordedRequest {
  /** The xAPI method: the HTTP method, or the `method` parameter of the alternate syntax. */
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly authorization: string | undefined;
  /** Whether the request came in the alternate request syntax (a form POST). */
  readonly alternate: boolean;
}

/** An xAPI request as the LRS reads it, whichever syntax carried it. */
export interface XapiRequest {
  readonly method: string;
  readonly query: Readonly<Record<string, string>>;
  readonly authorization: string | undefined;
  readonly version: string | undefined;
  readonly body: string;
  readonly alternate: boolean;
}

/** The header parameters the alternate syntax carries as form parameters (xAPI 1.0.3 Part Three §1.3). */
const formHeaders = ['Authorization', 'X-Experience-API-Version', 'Content-Type', 'Content-Length', 'If-Match', 'If-None-Match'];

/**
 * Reads an xAPI request in the usual syntax or in the alternate request syntax of xAPI
 * 1.0.3 Part Three §1.3, which "the LRS MUST support": a POST whose only query parameter
 * is `method` (the intended method), with the header parameters above as form parameters
 * of the same names, the content URL-encoded as the form parameter `content`, and every
 * other form parameter read as a query parameter. A form POST needs no CORS preflight,
 * which is why an AU sends its last requests this way. Returns an error text for a
 * request that breaks the syntax.
 */
export function readXapiRequest(httpMethod: string, url: URL, headers: IncomingHttpHeaders, body: string): XapiRequest | { error: string } {
  const method = url.searchParams.get('method');
  if (httpMethod !== 'POST' || method === null) {
    return { method: httpMethod, query: Object.fromEntries(url.searchParams), authorization: headers.authorization, version: headers['x-experience-api-version'] as string | undefined, body, alternate: false };
  }
  // "The Learning Record Provider MUST NOT include any other query string parameters on the request."
  if ([...url.searchParams.keys()].some((k) => k !== 'method')) return { error: 'alternate request syntax: query parameters other than method' };
  if (!String(headers['content-type']).startsWith('application/x-www-form-urlencoded')) return { error: 'alternate request syntax: not a form' };
  const form = new URLSearchParams(body);
  const query: Record<string, string> = {};
  for (const [name, value] of form) if (name !== 'content' && !formHeaders.includes(name)) query[name] = value;
  return {
    method: method.toUpperCase(),
    query,
    authorization: form.get('Authorization') ?? headers.authorization,
    version: form.get('X-Experience-API-Version') ?? (headers['x-experience-api-version'] as string | undefined),
    body: form.get('content') ?? '',
    alternate: true,
  };
}

export interface LaunchOptions {
  /** The AU's URL (absolute), from cmi5.xml's `url` resolved against where the package is served. */
  readonly auUrl: string;
  /** The AU's id in the course structure (its publisher id). */
  readonly publisherId: string;
  readonly actor: Record<string, unknown>;
  /** Reuse a registration for a later session of the same learner and course. */
  readonly registration?: string;
  readonly launchMode?: 'Normal' | 'Browse' | 'Review';
  readonly masteryScore?: number;
  readonly moveOn: string;
  readonly returnURL?: string;
}

export interface Launch {
  /** The URL the LMS opens: the AU's URL with the cmi5 launch parameters. */
  readonly url: string;
  readonly registration: string;
  readonly sessionId: string;
  /** The activity id the LMS generated for the AU (it must differ from the publisher id). */
  readonly activityId: string;
  readonly token: string;
  /** How many times the fetch URL was called, and with which methods. */
  readonly fetchCalls: string[];
  readonly launchData: Record<string, unknown>;
}

/** Faults the LRS plays, for the delivery tests. */
export interface LrsFaults {
  /**
   * Milliseconds before each xAPI request is handled. A request whose client goes away
   * during that time is dropped unhandled, as one that never reached the LRS.
   */
  latencyMs?: number;
  /** Answer the next statement POSTs with this many 503s before handling them. */
  failStatementPosts?: number;
}

export interface TestLrs {
  /** The xAPI endpoint, ending with `/`. */
  readonly endpoint: string;
  /** The faults in force; change them between sessions. */
  readonly faults: LrsFaults;
  launch(options: LaunchOptions): Launch;
  readonly statements: readonly ReceivedStatement[];
  readonly requests: readonly RecordedRequest[];
  /** xAPI requests refused for a missing or unknown token. */
  readonly rejected: readonly RecordedRequest[];
  /** Statements of one session, in the order of their timestamps. */
  sessionStatements(sessionId: string): Statement[];
  /** A state document, as stored. */
  stateDocument(activityId: string, registration: string, stateId: string): string | undefined;
  close(): Promise<void>;
}

const cors = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type, X-Experience-API-Version',
  'access-control-expose-headers': 'X-Experience-API-Version, ETag',
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body?: unknown, type = 'application/json'): void {
  response.writeHead(status, { ...cors, 'x-experience-api-version': '1.0.3', ...(body === undefined ? {} : { 'content-type': type }) });
  response.end(body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body));
}

/** Agents compare by their identifying property; the test actors use `account`. */
function agentKey(agentJson: string): string {
  const agent = JSON.parse(agentJson) as { account?: { homePage: string; name: string }; mbox?: string };
  return agent.account ? `${agent.account.homePage}|${agent.account.name}` : String(agent.mbox);
}

/** Starts the LRS on a free port of 127.0.0.1. */
export async function startTestLrs(): Promise<TestLrs> {
  const statements: ReceivedStatement[] = [];
  const requests: RecordedRequest[] = [];
  const rejected: RecordedRequest[] = [];
  const states = new Map<string, string>();
  const tokens = new Set<string>();
  const fetchUrls = new Map<string, Launch & { fetchCalls: string[] }>();
  const byId = new Map<string, string>();
  const faults: LrsFaults = {};
  let origin = '';

  const stateKey = (activityId: string, agent: string, registration: string, stateId: string) => [activityId, agent, registration, stateId].join('\n');

  const server = createServer((request, response) => {
    void (async () => {
      const raw = await readBody(request);
      const url = new URL(request.url ?? '/', origin);
      const read = readXapiRequest(request.method ?? '', url, request.headers, raw);
      if ('error' in read) return send(response, 400, { error: read.error });
      const { query, authorization, body } = read;
      const recorded = { method: read.method, path: url.pathname, query, authorization, alternate: read.alternate };
      requests.push(recorded);
      if (request.method === 'OPTIONS') return send(response, 204);

      if (url.pathname.startsWith('/fetch/')) {
        const launch = fetchUrls.get(url.pathname);
        if (!launch) return send(response, 404, { 'error-code': '2', 'error-text': 'Unknown fetch URL' });
        launch.fetchCalls.push(request.method ?? '');
        if (request.method !== 'POST') return send(response, 405, { 'error-code': '3', 'error-text': 'POST only' });
        // One-time use: the token is returned once; later calls get error 1 (cmi5 §8.2.3).
        if (launch.fetchCalls.filter((m) => m === 'POST').length > 1) return send(response, 200, { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' });
        return send(response, 200, { 'auth-token': launch.token });
      }

      if (!url.pathname.startsWith('/xapi/')) return send(response, 404, { error: 'not found' });
      const token = authorization?.startsWith('Basic ') ? authorization.slice(6) : undefined;
      if (!token || !tokens.has(token)) {
        rejected.push(recorded);
        return send(response, 401, { error: 'unauthorized' });
      }
      if (!read.version) return send(response, 400, { error: 'X-Experience-API-Version missing' });
      const resource = url.pathname.slice('/xapi/'.length);
      if (faults.latencyMs) {
        let gone = false;
        response.on('close', () => (gone = !response.writableFinished));
        await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
        if (gone) return;
      }

      if (resource === 'statements') {
        if (read.method === 'GET' && query.statementId) {
          const stored = byId.get(query.statementId);
          return stored === undefined ? send(response, 404, { error: 'no statement' }) : send(response, 200, stored);
        }
        if (read.method !== 'POST' && read.method !== 'PUT') return send(response, 405);
        if (read.method === 'POST' && faults.failStatementPosts) {
          faults.failStatementPosts -= 1;
          return send(response, 503, { error: 'unavailable' });
        }
        const parsed = JSON.parse(body) as Statement | Statement[];
        const list = Array.isArray(parsed) ? parsed : [parsed];
        for (const s of list) {
          if (read.method === 'PUT') s.id ??= query.statementId;
          s.id ??= randomUUID();
        }
        // xAPI 1.0.3: a statement id is stored once; the same statement again is no change,
        // another one under a stored id is a conflict, and a batch is stored whole or not at all.
        if (list.some((s) => byId.has(s.id) && byId.get(s.id) !== JSON.stringify(s))) return send(response, 409, { error: 'statement id conflict' });
        for (const s of list) {
          if (byId.has(s.id)) continue;
          byId.set(s.id, JSON.stringify(s));
          statements.push({ statement: s, authorization, version: read.version, alternate: read.alternate });
        }
        return read.method === 'PUT' ? send(response, 204) : send(response, 200, list.map((s) => s.id));
      }
      if (resource === 'activities/state') {
        const key = stateKey(query.activityId ?? '', agentKey(query.agent ?? '{}'), query.registration ?? '', query.stateId ?? '');
        if (read.method === 'GET') {
          const doc = states.get(key);
          return doc === undefined ? send(response, 404, { error: 'no document' }) : send(response, 200, doc);
        }
        if (read.method === 'PUT' || read.method === 'POST') {
          if (query.stateId === 'LMS.LaunchData') return send(response, 403, { error: 'LMS.LaunchData is the LMS’s' });
          states.set(key, body);
          return send(response, 204);
        }
        if (read.method === 'DELETE') {
          states.delete(key);
          return send(response, 204);
        }
      }
      if (resource === 'agents/profile') {
        if (read.method === 'GET') return send(response, 404, { error: 'no document' });
        return send(response, 403);
      }
      return send(response, 404, { error: `no ${resource}` });
    })().catch((error: unknown) => send(response, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const endpoint = `${origin}/xapi/`;

  return {
    endpoint,
    faults,
    statements,
    requests,
    rejected,
    launch(options) {
      const registration = options.registration ?? randomUUID();
      const sessionId = randomUUID();
      // The LMS generates the activity id; cmi5 forbids reusing the publisher id.
      const activityId = `${origin}/activities/${encodeURIComponent(options.publisherId)}`;
      const token = Buffer.from(`au:${randomUUID()}`).toString('base64');
      tokens.add(token);
      const launchData: Record<string, unknown> = {
        contextTemplate: {
          contextActivities: { grouping: [{ id: options.publisherId, objectType: 'Activity' }] },
          extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': sessionId },
        },
        launchMode: options.launchMode ?? 'Normal',
        moveOn: options.moveOn,
        ...(options.masteryScore !== undefined ? { masteryScore: options.masteryScore } : {}),
        ...(options.returnURL ? { returnURL: options.returnURL } : {}),
      };
      states.set(stateKey(activityId, agentKey(JSON.stringify(options.actor)), registration, 'LMS.LaunchData'), JSON.stringify(launchData));
      const fetchPath = `/fetch/${sessionId}`;
      const query = new URLSearchParams({
        endpoint,
        fetch: `${origin}${fetchPath}`,
        actor: JSON.stringify(options.actor),
        registration,
        activityId,
      });
      const launch = { url: `${options.auUrl}${options.auUrl.includes('?') ? '&' : '?'}${query.toString()}`, registration, sessionId, activityId, token, fetchCalls: [] as string[], launchData };
      fetchUrls.set(fetchPath, launch);
      return launch;
    },
    sessionStatements(sessionId) {
      return statements
        .map((r) => r.statement)
        .filter((s) => s.context?.extensions?.['https://w3id.org/xapi/cmi5/context/extensions/sessionid'] === sessionId)
        .sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
    },
    stateDocument(activityId, registration, stateId) {
      for (const [key, value] of states) {
        const [a, , r, s] = key.split('\n');
        if (a === activityId && r === registration && s === stateId) return value;
      }
      return undefined;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
