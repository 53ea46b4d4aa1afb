/**
 * A cmi5 LMS for the browser tests: the launch rules of the cmi5 specification over the
 * test LRS (test/support/lrs.ts), and a proxy in front of that LRS through which the AU
 * talks, so that faults can be put on its requests. Section numbers are those of the cmi5
 * specification (Quartz).
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FaultPlan } from './faults.ts';
import { readXapiRequest, type Statement, type TestLrs } from '../lrs.ts';

export const VERB = {
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
};
const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

/** An AU as the LMS reads it from cmi5.xml. */
export interface AuEntry {
  readonly id: string;
  readonly url: string;
  readonly moveOn: string;
  readonly masteryScore?: number;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** A proxy in front of the LRS: every request passes through the current run's faults. */
export class FaultyLrsProxy {
  private server!: Server;
  origin = '';
  faults: FaultPlan | undefined;
  private firstSeen = false;
  private verdictSeen = false;
  /** A request held for a close-during-commit fault; calling it cuts the request. */
  held: (() => void) | undefined;
  /** Sessions whose terminated statement reached the LRS, with the time it did. */
  readonly terminatedAt = new Map<string, number>();
  /** Statements refused because their session had ended (§9.3.8). */
  readonly refusedAfterTerminate: Statement[] = [];
  /** What reached the proxy in this run and what became of it, for the run's log. */
  readonly trace: string[] = [];
  private runStarted = Date.now();

  private readonly lrs: TestLrs;
  constructor(lrs: TestLrs) {
    this.lrs = lrs;
  }

  async start(): Promise<void> {
    const target = new URL(this.lrs.endpoint);
    this.server = createServer((req, res) => {
      void (async () => {
        const body = await readBody(req);
        // Statements come as JSON, or as the content of a form in the alternate request syntax (xAPI 1.0.3 Part Three §1.3).
        const read = readXapiRequest(req.method ?? '', new URL(req.url ?? '/', target), req.headers, body.toString('utf8'));
        const isStatements = !('error' in read) && read.method === 'POST' && req.url?.startsWith('/xapi/statements');
        let statements: Statement[] = [];
        if (isStatements) {
          try {
            const parsed = JSON.parse(read.body) as Statement | Statement[];
            statements = Array.isArray(parsed) ? parsed : [parsed];
          } catch {
            statements = [];
          }
        }
        const faults = this.faults;
        const what = `${req.method} ${req.url?.split('?')[0]}${'error' in read || !read.alternate ? '' : ` (form, method ${read.method})`}${statements.length ? ` [${statements.map((s) => String(s.verb?.id).split('/').at(-1)).join(', ')}]` : ''}`;
        const note = (outcome: string) => this.trace.push(`${Date.now() - this.runStarted} ms: ${what} → ${outcome}`);
        if (faults && req.method !== 'OPTIONS') {
          const first = !this.firstSeen;
          this.firstSeen = true;
          const verdict = !this.verdictSeen && statements.some((s) => s.verb?.id === VERB.passed || s.verb?.id === VERB.failed);
          if (verdict) this.verdictSeen = true;
          if (faults.delayMs) await new Promise((r) => setTimeout(r, faults.delayMs));
          const decision = faults.decide({ first, verdict });
          if (decision === 'drop') {
            note('dropped');
            return req.socket.destroy();
          }
          if (decision === '5xx') {
            note('503');
            res.writeHead(503, { 'access-control-allow-origin': '*', 'content-type': 'application/json' });
            return res.end('{"error":"unavailable"}');
          }
          if (decision === 'hold') {
            await new Promise<void>((resolve) => {
              this.held = resolve;
            });
            note('held, then cut');
            return req.socket.destroy();
          }
        }
        // §9.3.8: after "terminated", the LMS waits an LMS-defined time, then rejects any
        // statement of that session. This LMS waits one second.
        if (statements.length) {
          const late = statements.filter((s) => {
            const at = this.terminatedAt.get(s.context?.extensions?.[SESSION_ID]);
            return at !== undefined && Date.now() - at > 1000;
          });
          if (late.length) {
            this.refusedAfterTerminate.push(...late);
            note('400, session terminated');
            res.writeHead(400, { 'access-control-allow-origin': '*', 'content-type': 'application/json' });
            return res.end('{"error":"session terminated"}');
          }
        }
        const forwarded = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } }, (upstream) => {
          note(String(upstream.statusCode));
          res.writeHead(upstream.statusCode ?? 502, upstream.headers);
          upstream.pipe(res);
          if ((upstream.statusCode ?? 500) < 300) {
            for (const s of statements) if (s.verb?.id === VERB.terminated) this.terminatedAt.set(s.context?.extensions?.[SESSION_ID], Date.now());
          }
        });
        forwarded.on('error', () => {
          note('LRS unreachable');
          res.destroy();
        });
        forwarded.end(body);
      })();
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Starts a run with its own faults. */
  beginRun(faults: FaultPlan): void {
    this.faults = faults;
    this.firstSeen = false;
    this.verdictSeen = false;
    this.held = undefined;
    this.trace.length = 0;
    this.runStarted = Date.now();
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}

/** What the cmi5 LMS reports for one learner's registration of one AU. */
export interface Cmi5Record {
  readonly status: 'none' | 'completed' | 'failed' | 'passed';
  /** moveOn met (§13.1.4 moveOn, evaluated on the registration's statements). */
  readonly satisfied: boolean;
  readonly passed: number;
  readonly failed: number;
  readonly completed: number;
}

/**
 * The LMS side of cmi5 for one learner and one AU: one registration for all the
 * learner's launches (§9.6.1: the LMS generates it, and it stays the learner's enrolment
 * in the course), a new session for each launch (§9.6.3.1), LMS.LaunchData with the
 * AU's moveOn and masteryScore from cmi5.xml (§10.2), and launchMode Normal: the LMS may
 * choose Review for a satisfied AU (§10.2.2), and this one does not, so that the AU's own
 * rules are what the tests see.
 */
export class Cmi5Lms {
  registration: string | undefined;
  readonly sessions: string[] = [];

  private readonly lrs: TestLrs;
  private readonly proxy: FaultyLrsProxy;
  readonly au: AuEntry;
  private readonly auBase: string;
  readonly actor: Record<string, unknown>;
  constructor(lrs: TestLrs, proxy: FaultyLrsProxy, au: AuEntry, auBase: string, actor: Record<string, unknown>) {
    this.lrs = lrs;
    this.proxy = proxy;
    this.au = au;
    this.auBase = auBase;
    this.actor = actor;
  }

  launchUrl(returnURL: string): string {
    const launch = this.lrs.launch({
      auUrl: `${this.auBase}/${this.au.url}`,
      publisherId: this.au.id,
      actor: this.actor,
      moveOn: this.au.moveOn,
      returnURL,
      ...(this.registration ? { registration: this.registration } : {}),
      ...(this.au.masteryScore !== undefined ? { masteryScore: this.au.masteryScore } : {}),
    });
    this.registration = launch.registration;
    this.sessions.push(launch.sessionId);
    // The AU reaches the LRS (endpoint and fetch URL) through the proxy.
    const url = new URL(launch.url);
    const lrsOrigin = new URL(this.lrs.endpoint).origin;
    for (const name of ['endpoint', 'fetch']) url.searchParams.set(name, url.searchParams.get(name)!.replace(lrsOrigin, this.proxy.origin));
    return url.toString();
  }

  /** The registration's statements that the LRS accepted. */
  statements(): Statement[] {
    return this.lrs.statements.map((r) => r.statement).filter((s) => s.context?.registration === this.registration && s.object?.id?.endsWith(`/activities/${encodeURIComponent(this.au.id)}`));
  }

  record(): Cmi5Record {
    const verbs = this.statements().map((s) => s.verb.id as string);
    const count = (v: string) => verbs.filter((x) => x === v).length;
    const passed = count(VERB.passed);
    const failed = count(VERB.failed);
    const completed = count(VERB.completed);
    // §13.1.4 moveOn: which statements make the AU satisfied.
    const satisfied = (() => {
      switch (this.au.moveOn) {
        case 'Passed':
          return passed > 0;
        case 'Completed':
          return completed > 0;
        case 'CompletedAndPassed':
          return completed > 0 && passed > 0;
        case 'CompletedOrPassed':
          return completed > 0 || passed > 0;
        default:
          return true;
      }
    })();
    const status = passed ? 'passed' : failed ? 'failed' : completed ? 'completed' : 'none';
    return { status, satisfied, passed, failed, completed };
  }
}
