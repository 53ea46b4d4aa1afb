/**
 * `--check-external` against a local node:http server (the tests never reach a real host):
 * 200, a 301 to a 200, 404, 500, HEAD refused with 405 but GET answered, a redirect loop,
 * a server that never answers (the timeout), and a port where nothing listens. Each broken
 * address is one warning at its place in the Markdown (a content file, and a YAML
 * description); each address is fetched once however often it is written; at most the
 * given number of requests are in flight; and without the option no request is made.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../src/cli/args.ts';
import { check } from '../src/index.ts';
import type { Diagnostic } from '../src/diagnostics/diagnostic.ts';

const sample = path.resolve(import.meta.dirname, 'samples/programs/minimal');

let server: Server;
let origin: string;
/** A port of this machine where nothing listens: a server was there a moment ago. */
let closedPort: number;
let work: string;
let program: string;
/** Every request, as `METHOD /path`. */
const requests: string[] = [];
let inFlight = 0;
let maxInFlight = 0;
const hanging: import('node:http').ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = request.url ?? '/';
    requests.push(`${request.method} ${url}`);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    response.on('close', () => inFlight--);
    const answer = (status: number, headers: Record<string, string> = {}) => {
      // Answered a moment later, so that requests overlap and the concurrency limit shows.
      setTimeout(() => {
        response.writeHead(status, headers);
        response.end(request.method === 'GET' ? 'body' : undefined);
      }, 30);
    };
    if (url === '/ok' || url === '/ok?twice=1') answer(200);
    else if (url === '/moved') answer(301, { location: '/ok' });
    else if (url === '/missing') answer(404);
    else if (url === '/broken') answer(500);
    else if (url === '/no-head') answer(request.method === 'HEAD' ? 405 : 200);
    else if (url === '/loop') answer(302, { location: '/loop' });
    else if (url === '/hang') hanging.push(response);
    else answer(404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));

  work = await mkdtemp(path.join(tmpdir(), 'curriculum-external-'));
  program = path.join(work, 'minimal');
  await cp(sample, program, { recursive: true });
  await writeFile(
    path.join(program, 'content.md'),
    [
      '# Reading',
      '',
      `- [fine](${origin}/ok) and [moved](${origin}/moved)`,
      `- [gone](${origin}/missing)`,
      `- ![a chart](${origin}/broken)`,
      `- [no HEAD](${origin}/no-head)`,
      `- [slow](${origin}/hang)`,
      `- [loop](${origin}/loop)`,
      `- [nobody](http://127.0.0.1:${closedPort}/handbook.pdf)`,
      '- [blocked](http://127.0.0.1:1/handbook.pdf)',
      `- [gone again](${origin}/missing#part-2)`,
      '',
    ].join('\n'),
  );
  const intro = path.join(program, 'modules/intro.yaml');
  await writeFile(intro, (await readFile(intro, 'utf8')).replace('description: What the program is about.', `description: >-\n  What the program is about, see [the notes](${origin}/missing)\n  and [the form](${origin}/ok).\ncontent: { file: content.md }`));
});

afterAll(async () => {
  for (const response of hanging) response.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(work, { recursive: true, force: true });
});

/** Line and column (from 1) where `text` first occurs in `file`, after `after`. */
async function placeOf(file: string, text: string, after = ''): Promise<{ line: number; column: number }> {
  const source = await readFile(path.join(program, file), 'utf8');
  const offset = source.indexOf(text, after ? source.indexOf(after) : 0);
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

const where = (d: Diagnostic) => ({ file: path.relative(program, path.resolve(d.file!)), line: d.range!.start.line, column: d.range!.start.column });

describe('--check-external', () => {
  it('makes no request without the option', async () => {
    const result = await check(program);
    expect(result.diagnostics.filter((d) => d.severity !== 'warning' || d.code !== 'namespace_missing').map((d) => d.code)).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('warns about each broken address where it is written, with the status or the reason', async () => {
    const started = performance.now();
    const result = await check(program, { checkExternal: { timeoutMs: 800, concurrency: 2, maxRedirects: 3 } });
    const elapsed = performance.now() - started;
    const broken = result.diagnostics.filter((d) => d.code === 'link_external_broken');
    expect(broken.every((d) => d.severity === 'warning')).toBe(true);
    const seen = broken.map((d) => ({ ...where(d), message: d.message }));
    const expected = [
      { ...(await placeOf('content.md', `${origin}/missing`)), file: 'content.md', message: `The link \`${origin}/missing\` answered 404 Not Found` },
      { ...(await placeOf('content.md', `${origin}/broken`)), file: 'content.md', message: `The image \`${origin}/broken\` answered 500 Internal Server Error` },
      { ...(await placeOf('content.md', `${origin}/hang`)), file: 'content.md', message: `The link \`${origin}/hang\` did not answer within 0.8 s` },
      { ...(await placeOf('content.md', `${origin}/loop`)), file: 'content.md', message: `The link \`${origin}/loop\` redirects more than 3 times` },
      { ...(await placeOf('content.md', `http://127.0.0.1:${closedPort}/`)), file: 'content.md', message: `The link \`http://127.0.0.1:${closedPort}/handbook.pdf\` cannot be reached: its server refused the connection` },
      { ...(await placeOf('content.md', 'http://127.0.0.1:1/')), file: 'content.md', message: 'The link `http://127.0.0.1:1/handbook.pdf` cannot be reached: browsers refuse to connect to its port' },
      { ...(await placeOf('content.md', `${origin}/missing#part-2`)), file: 'content.md', message: `The link \`${origin}/missing#part-2\` answered 404 Not Found` },
      { ...(await placeOf('modules/intro.yaml', `${origin}/missing`)), file: 'modules/intro.yaml', message: `The link \`${origin}/missing\` answered 404 Not Found` },
    ];
    expect(seen.sort(byPlace)).toEqual(expected.sort(byPlace));
    // The hint says what to do.
    expect(broken.every((d) => (d.hint ?? '').length > 20)).toBe(true);
    // The addresses that work, through a redirect or a GET after a refused HEAD, are not reported.
    expect(broken.some((d) => /\/(ok|moved|no-head)\b/.test(d.message))).toBe(false);

    // Each address once: HEAD, then GET only after a failing HEAD; redirects followed by the checker.
    const count = (line: string) => requests.filter((r) => r === line).length;
    // Written twice (the content and the description): once, and once more at the end of /moved's redirect.
    expect(count('HEAD /ok')).toBe(2);
    expect(count('GET /ok')).toBe(0);
    expect(count('HEAD /moved')).toBe(1);
    expect(count('HEAD /missing')).toBe(1);
    expect(count('GET /missing')).toBe(1);
    expect(count('HEAD /no-head')).toBe(1);
    expect(count('GET /no-head')).toBe(1);
    expect(count('HEAD /hang')).toBe(1);
    // The first request and three redirects, then the limit.
    expect(count('HEAD /loop')).toBe(4);
    expect(maxInFlight).toBeLessThanOrEqual(2);
    expect(maxInFlight).toBe(2);
    // The hanging server held one of the two slots for the timeout only.
    expect(elapsed).toBeLessThan(10_000);
  }, 30_000);

  it('is a flag of check and build', () => {
    expect(parseCommand(['check', '--check-external']).flags.checkExternal).toBe(true);
    expect(parseCommand(['build', '--check-external']).flags.checkExternal).toBe(true);
    expect(parseCommand(['check']).flags.checkExternal).toBe(false);
  });
});

function byPlace(a: { file: string; line: number; column: number }, b: { file: string; line: number; column: number }): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}
