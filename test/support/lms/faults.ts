/**
 * The faults a run can meet between the SCO (or AU) and the LMS: a slow LMS, an LMS that
 * answers 5xx, a request that never arrives, and the learner closing the page at each
 * step of a take.
 */
import { seededRandom } from '../../../src/emit/package/runtime/draw.ts';

/** Which request a fault hits: the first one the page sends, or the one that carries the take's verdict. */
export type FaultTarget = 'first' | 'verdict';

/** Where in a take the learner closes the page. */
export type CloseStep = 'after-initialize' | 'after-answering' | 'after-submit' | 'during-verdict-commit';

export type Fault =
  | { readonly kind: 'none' }
  | { readonly kind: 'latency'; readonly ms: number }
  | { readonly kind: 'http-5xx'; readonly target: FaultTarget }
  | { readonly kind: 'dropped'; readonly target: FaultTarget }
  | { readonly kind: 'close'; readonly at: CloseStep };

export const allFaults: readonly Fault[] = [
  { kind: 'none' },
  { kind: 'latency', ms: 400 },
  { kind: 'http-5xx', target: 'first' },
  { kind: 'http-5xx', target: 'verdict' },
  { kind: 'dropped', target: 'first' },
  { kind: 'dropped', target: 'verdict' },
  { kind: 'close', at: 'after-initialize' },
  { kind: 'close', at: 'after-answering' },
  { kind: 'close', at: 'after-submit' },
  { kind: 'close', at: 'during-verdict-commit' },
];

export function faultName(f: Fault): string {
  switch (f.kind) {
    case 'none':
      return 'none';
    case 'latency':
      return `latency ${f.ms} ms`;
    case 'http-5xx':
      return `5xx on ${f.target}`;
    case 'dropped':
      return `dropped ${f.target}`;
    case 'close':
      return `close ${f.at}`;
  }
}

/** The SCO runtime's seeded generator (mulberry32), so that a sample of runs is the same for the same seed. */
export const seeded = seededRandom;

/**
 * How one request of a launch is treated. The fault applies once per run: to the first
 * request of the first launch, or to the first request that carries a verdict.
 */
export class FaultPlan {
  private fired = false;
  private delayed = 0;
  readonly fault: Fault;
  constructor(fault: Fault) {
    this.fault = fault;
  }

  /** Latency applies to every request. */
  get delayMs(): number {
    return this.fault.kind === 'latency' ? this.fault.ms : 0;
  }

  /**
   * Whether the fault met a request: latency slowed one, the 5xx, the drop or the hold hit
   * its target. A run whose fault never met its request tested nothing about that fault,
   * so the runs report it. (Closing the page is the harness's doing, which it reports.)
   */
  get met(): boolean {
    return this.fault.kind === 'latency' ? this.delayed > 0 : this.fired;
  }

  /** What to do with a request; `first` says whether it is the first request of the run, `verdict` whether it carries a verdict. */
  decide(request: { first: boolean; verdict: boolean }): 'pass' | '5xx' | 'drop' | 'hold' {
    if (this.fault.kind === 'latency') this.delayed++;
    if (this.fired) return 'pass';
    const f = this.fault;
    const hits = (target: FaultTarget) => (target === 'first' ? request.first : request.verdict);
    if ((f.kind === 'http-5xx' || f.kind === 'dropped') && hits(f.target)) {
      this.fired = true;
      return f.kind === 'http-5xx' ? '5xx' : 'drop';
    }
    if (f.kind === 'close' && f.at === 'during-verdict-commit' && request.verdict) {
      this.fired = true;
      return 'hold';
    }
    return 'pass';
  }
}
