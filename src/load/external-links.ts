/**
 * `--check-external`: the web addresses of Markdown links and images, each fetched once
 * (HEAD, then GET when HEAD is refused), with a timeout, a few at a time, redirects
 * followed to a limit. Only ever called when the designer asks for it: a check must not
 * depend on the network, and must not tell every linked server that it ran.
 */
import type { Location, Reporter } from '../diagnostics/reporter.ts';
import { mapLimit } from '../util/concurrency.ts';

export interface ExternalCheckOptions {
  /** Per request, in milliseconds. */
  readonly timeoutMs?: number;
  /** Requests in flight at once. */
  readonly concurrency?: number;
  /** Redirects followed before the address counts as broken. */
  readonly maxRedirects?: number;
}

/** A web address written in a module's Markdown. */
export interface ExternalLink {
  readonly kind: 'link' | 'image';
  readonly url: string;
  readonly at: Location;
}

/** Why an address counts as broken; absent when it answered with a success. */
export type ExternalProblem =
  | { readonly problem: 'status'; readonly status: number; readonly statusText: string; readonly finalUrl?: string }
  | { readonly problem: 'timeout'; readonly seconds: number }
  | { readonly problem: 'unreachable'; readonly reason: string }
  | { readonly problem: 'redirects'; readonly limit: number };

const defaults = { timeoutMs: 10_000, concurrency: 8, maxRedirects: 5 } as const;

/** Whether a destination is a web address this check fetches. */
export function isWebAddress(url: string): boolean {
  return /^https?:\/\/[^/?#\s]/i.test(url);
}

/**
 * Fetches each distinct address of `links` once, and reports `link_external_broken`
 * (a warning: the server may be down for a moment) at every place that writes a broken
 * one. `results` keeps the answers between calls of one check, so that an address the
 * programs share is fetched once.
 */
export async function checkExternalLinks(
  links: readonly ExternalLink[],
  reporter: Reporter,
  options: ExternalCheckOptions = {},
  results: Map<string, Promise<ExternalProblem | undefined>> = new Map(),
): Promise<void> {
  const settings = { ...defaults, ...options };
  const distinct = [...new Set(links.map((l) => withoutFragment(l.url)))].filter((url) => !results.has(url));
  // Registered before any request starts, so that a concurrent caller waits for these instead of fetching again.
  const pending = new Map(distinct.map((url) => [url, deferred<ExternalProblem | undefined>()]));
  for (const [url, d] of pending) results.set(url, d.promise);
  await mapLimit(distinct, settings.concurrency, async (url) => pending.get(url)!.resolve(await probe(url, settings)));
  for (const link of links) {
    const problem = await results.get(withoutFragment(link.url))!;
    if (problem) reporter.report('link_external_broken', { kind: link.kind, url: link.url, ...problem }, link.at);
  }
}

/** The fragment is never sent to the server: two links that differ only there are one address. */
function withoutFragment(url: string): string {
  return url.replace(/#.*$/s, '');
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

async function probe(url: string, settings: Required<ExternalCheckOptions>): Promise<ExternalProblem | undefined> {
  let current = url;
  for (let redirects = 0; ; redirects++) {
    let response: Response;
    try {
      response = await request(current, 'HEAD', settings.timeoutMs);
      // Many servers refuse HEAD (405, 501) or answer it wrongly while GET works: a
      // failure is only believed from GET, as link checkers such as lychee do.
      if (response.status >= 400) response = await request(current, 'GET', settings.timeoutMs);
    } catch (error) {
      return failure(error, settings.timeoutMs);
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      if (redirects >= settings.maxRedirects) return { problem: 'redirects', limit: settings.maxRedirects };
      current = new URL(location, current).href;
      continue;
    }
    if (response.status >= 400) {
      return { problem: 'status', status: response.status, statusText: response.statusText, ...(current !== url ? { finalUrl: current } : {}) };
    }
    return undefined;
  }
}

/** One request, redirects not followed (they are counted above), the body never read. */
async function request(url: string, method: 'HEAD' | 'GET', timeoutMs: number): Promise<Response> {
  const response = await fetch(url, { method, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers: { accept: '*/*' } });
  await response.body?.cancel().catch(() => undefined);
  return response;
}

function failure(error: unknown, timeoutMs: number): ExternalProblem {
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return { problem: 'timeout', seconds: timeoutMs / 1000 };
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const code = cause?.code;
  const reasons: Record<string, string> = {
    ENOTFOUND: 'its host name does not resolve (DNS)',
    EAI_AGAIN: 'its host name could not be resolved (DNS)',
    ECONNREFUSED: 'its server refused the connection',
    ECONNRESET: 'its server closed the connection',
    EHOSTUNREACH: 'its server cannot be reached',
    ENETUNREACH: 'the network cannot be reached',
    UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  };
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return { problem: 'timeout', seconds: timeoutMs / 1000 };
  if (code && reasons[code]) return { problem: 'unreachable', reason: reasons[code] };
  if (code && /CERT|SSL|TLS/i.test(code)) return { problem: 'unreachable', reason: `its certificate is not accepted (${code})` };
  // The Fetch standard's list of ports no browser connects to (1, 25, 6000, …): refused before any request.
  if (cause?.message === 'bad port') return { problem: 'unreachable', reason: 'browsers refuse to connect to its port' };
  return { problem: 'unreachable', reason: cause?.message ?? (error instanceof Error ? error.message : String(error)) };
}
