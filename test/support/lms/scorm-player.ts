/**
 * The player side of a SCORM LMS for the browser tests: a player page that runs
 * scorm-again's API object (Scorm12API or Scorm2004API, the runtime many LMSs embed) with
 * the data the LMS hands back at launch, and an HTTP endpoint that receives the API's
 * commits (`lmsCommitUrl`: a synchronous XHR for each Commit, a beacon for the commit that
 * comes with Terminate/LMSFinish) and gives them to the LMS's rules (scorm-rules.ts).
 * Faults are applied to those requests: latency, a 5xx answer, a request cut before the
 * LMS stored it, or one held until the page is closed.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StaticServer } from '../static-server.ts';
import type { FaultPlan } from './faults.ts';
import type { Flat, ScormLms, ScormVersion } from './scorm-rules.ts';

const playerHtml = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>LMS player</title><link rel="icon" href="data:,">
<script src="/lms-lib/scorm12.js"></script><script src="/lms-lib/scorm2004.js"></script></head>
<body><iframe id="sco" title="SCO" style="width: 1000px; height: 800px"></iframe>
<script>
window.launchSco = function (o) {
  delete window.API;
  delete window.API_1484_11;
  const settings = {
    lmsCommitUrl: '/lms/commit?launch=' + encodeURIComponent(o.launch),
    dataCommitFormat: 'flattened',
    terminateCommitParam: 'terminate',
    autocommit: false,
    logLevel: 5,
  };
  const api = o.version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
  api.loadFromFlattenedJSON(o.cmi, '');
  if (o.version === '1.2') window.API = api; else window.API_1484_11 = api;
  document.getElementById('sco').src = o.url;
};
window.unloadSco = () => new Promise((resolve) => {
  const frame = document.getElementById('sco');
  frame.addEventListener('load', resolve, { once: true });
  frame.src = 'about:blank';
});
</script></body></html>`;

/** One launch of a SCO, as the player endpoint sees it. */
export interface ScormLaunch {
  readonly id: string;
  readonly lms: ScormLms;
  readonly attempt: number;
  readonly mode: 'normal' | 'review';
  readonly faults: FaultPlan;
  /** Commits that reached the LMS and were stored, in order. */
  readonly stored: { readonly data: Flat; readonly terminate: boolean }[];
  /** Requests received (stored or not). */
  received: number;
  terminated: boolean;
  /** Set when a request is being held for a close-during-commit fault. */
  held?: () => void;
  /** Called after each stored commit, with the LMS's record then. */
  onStored?: () => void;
}

/** Whether a commit carries a take's verdict (a judged status or a score). */
export function carriesVerdict(version: ScormVersion, data: Flat): boolean {
  if (version === '1.2') return data['cmi.core.lesson_status'] === 'passed' || data['cmi.core.lesson_status'] === 'failed';
  return data['cmi.success_status'] === 'passed' || data['cmi.success_status'] === 'failed';
}

export class ScormPlayer {
  private readonly launches = new Map<string, ScormLaunch>();
  /** Whether any request of this run was seen yet (for faults on the first request). */
  private seen = new WeakSet<FaultPlan>();
  private verdictSeen = new WeakMap<ScormLms, boolean>();

  private readonly server: StaticServer;
  constructor(server: StaticServer) {
    this.server = server;
    server.mount(
      'lms-lib',
      new Map([
        ['scorm12.js', readFileSync('node_modules/scorm-again/dist/scorm12.min.js', 'utf8')],
        ['scorm2004.js', readFileSync('node_modules/scorm-again/dist/scorm2004.min.js', 'utf8')],
      ]),
      { cacheable: true },
    );
    server.mount('lms', new Map([['player.html', playerHtml]]));
    server.handle((request, response, body) => this.handle(request, response, body));
  }

  get playerUrl(): string {
    return `${this.server.origin}/lms/player.html`;
  }

  register(launch: ScormLaunch): void {
    this.launches.set(launch.id, launch);
  }

  private async handle(request: IncomingMessage, response: ServerResponse, body: string): Promise<boolean> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/lms/commit') return false;
    const launch = this.launches.get(url.searchParams.get('launch') ?? '');
    if (!launch || request.method !== 'POST') {
      response.writeHead(404).end();
      return true;
    }
    launch.received++;
    const terminate = url.searchParams.get('terminate') === 'true';
    let data: Flat;
    try {
      data = JSON.parse(body) as Flat;
    } catch {
      response.writeHead(400).end();
      return true;
    }
    const first = !this.seen.has(launch.faults);
    this.seen.add(launch.faults);
    // The first commit of the run that carries a verdict.
    const verdict = carriesVerdict(launch.lms.version, data) && !this.verdictSeen.get(launch.lms);
    if (verdict) this.verdictSeen.set(launch.lms, true);
    if (launch.faults.delayMs) await new Promise((r) => setTimeout(r, launch.faults.delayMs));
    const decision = launch.faults.decide({ first, verdict });
    if (decision === 'drop') {
      // The connection is cut before the LMS stored anything.
      request.socket.destroy();
      return true;
    }
    if (decision === '5xx') {
      response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ result: 'false', errorCode: 101 }));
      return true;
    }
    if (decision === 'hold') {
      // Held until the page goes away; then cut, unstored.
      await new Promise<void>((resolve) => {
        launch.held = resolve;
      });
      request.socket.destroy();
      return true;
    }
    launch.lms.commit(launch.attempt, launch.mode, data, terminate);
    launch.stored.push({ data, terminate });
    if (terminate) launch.terminated = true;
    launch.onStored?.();
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result: 'true', errorCode: 0 }));
    return true;
  }
}
