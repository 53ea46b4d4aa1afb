/**
 * Delivery of xAPI requests that must not be lost (cmi5): a request counts as delivered
 * only when the LRS answered 2xx. Network errors, timeouts and 5xx are retried with
 * exponential backoff; other 4xx are not (the LRS refused the request, and sending it
 * again would not change that). When the page is going away, whatever is still
 * undelivered is sent once more with `fetch(..., { keepalive: true })`, which outlives
 * the page (navigator.sendBeacon cannot carry the Authorization header xAPI needs).
 *
 * Resending is safe because every statement that matters has an id fixed in advance
 * (cmi5.ts): an LRS stores a statement id once (xAPI 1.0.3, Statement Resource: "If the
 * LRS receives a Statement with an id it already has a Statement for, it SHOULD verify
 * the received Statement matches the existing one and SHOULD return 409 Conflict if they
 * do not match").
 */

export interface DeliveryOptions {
  /** How long one try may take before it counts as a network failure. */
  readonly timeoutMs: number;
  /** The wait before the first retry; each retry waits twice as long as the previous one. */
  readonly firstBackoffMs: number;
  /** Tries in all, the first included. */
  readonly tries: number;
}

export const defaultDelivery: DeliveryOptions = { timeoutMs: 10000, firstBackoffMs: 500, tries: 6 };

/** A request the LRS refused (4xx): not retried. */
export class Refused extends Error {
  readonly status: number;
  constructor(what: string, status: number) {
    super(what + ' — HTTP ' + status);
    this.status = status;
  }
}

/** The request could not be delivered after every retry (network, timeout or 5xx). */
export class Undelivered extends Error {}

export interface Request {
  readonly url: string;
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Names the request in errors. */
  readonly what: string;
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** One try: the response, or a thrown network error / timeout. */
function attempt(request: Request, timeoutMs: number, keepalive: boolean): Promise<Response> {
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = controller ? setTimeout(() => controller.abort(), timeoutMs) : 0;
  const init: RequestInit = { method: request.method, headers: request.headers, cache: 'no-store', keepalive };
  if (request.body !== undefined) init.body = request.body;
  if (controller) init.signal = controller.signal;
  return fetch(request.url, init).then(
    (response) => {
      clearTimeout(timer);
      return response;
    },
    (error: unknown) => {
      clearTimeout(timer);
      throw error;
    },
  );
}

/**
 * Sends `request` until the LRS answers something other than a network failure or 5xx,
 * and returns that response (2xx, or a 4xx for `accept` to judge). Throws Undelivered
 * when every try failed, and stops early once `stopped()` says the page is going away
 * (the keepalive copy then takes over).
 */
export async function deliver(request: Request, options: DeliveryOptions, stopped: () => boolean = () => false): Promise<Response> {
  let backoff = options.firstBackoffMs;
  let last = 'no try';
  for (let n = 0; n < options.tries; n++) {
    if (n > 0) {
      await wait(backoff);
      backoff *= 2;
    }
    if (stopped()) break;
    try {
      const response = await attempt(request, options.timeoutMs, false);
      if (response.status < 500) return response;
      last = 'HTTP ' + response.status;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
  }
  throw new Undelivered(request.what + ' — ' + last);
}

/** What is left of the keepalive budget: browsers cap the bodies of keepalive requests in flight at 64 KiB (the Fetch standard; Chromium enforces it). */
let keepaliveBudget = 64 * 1024 - 1024;

function byteLength(text: string): number {
  return typeof TextEncoder === 'function' ? new TextEncoder().encode(text).length : text.length * 3;
}

/**
 * Sends `request` with keepalive, once, not waiting for the answer: the page is going
 * away. Returns false, sending nothing, when its body would pass the browser's keepalive
 * budget, so that the caller can send less.
 */
export function sendKeepalive(request: Request): boolean {
  const size = request.body === undefined ? 0 : byteLength(request.body);
  if (size > keepaliveBudget) return false;
  keepaliveBudget -= size;
  attempt(request, 60000, true).catch(() => {});
  return true;
}
