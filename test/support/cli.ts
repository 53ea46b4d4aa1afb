/**
 * Runs the real CLI (`node bin/curriculum.js`) in a child process, with the project's
 * Node first on the PATH as `npm run curriculum` would have it, and collects what it
 * printed and how it exited.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './samples.ts';

export interface CliRun {
  /** The exit code; null when the process was killed (by the timeout, or by running out of memory). */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly milliseconds: number;
}

export interface CliOptions {
  readonly cwd?: string;
  /** Killed after this long: a hang fails the test instead of stalling the suite. */
  readonly timeoutMs?: number;
  /** Caps the child's heap, so that a runaway allocation fails fast instead of swapping. */
  readonly maxHeapMb?: number;
  readonly env?: Record<string, string>;
}

/** The project's own Node (24, with type stripping) comes first, as in `npm run`. */
export const cliPath = `${path.join(repoRoot, 'node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}`;

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('node', [path.join(repoRoot, 'bin/curriculum.js'), ...args], {
      cwd: options.cwd ?? repoRoot,
      env: {
        ...process.env,
        PATH: cliPath,
        NO_COLOR: '1',
        ...(options.maxHeapMb ? { NODE_OPTIONS: `--max-old-space-size=${options.maxHeapMb}` } : {}),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 100_000,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        milliseconds: performance.now() - started,
      }),
    );
  });
}

/**
 * Lines that only a crash prints: a JavaScript stack frame, Node's internal modules, or an
 * uncaught error's name. The CLI's own messages never contain them.
 */
export const stackTracePattern = /^\s+at\s.+(?::\d+:\d+\)?|\(native\))$|node:internal|^(?:Uncaught )?\w*Error(?: \[\w+\])?:|FATAL ERROR|Allocation failed/m;

/** A temporary copy of a sample program folder, named as its program id requires. */
export async function copyProgram(sampleDir: string, name = path.basename(sampleDir)): Promise<{ root: string; dir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'curriculum-test-'));
  const dir = path.join(root, name);
  await cp(path.join(repoRoot, sampleDir), dir, { recursive: true, verbatimSymlinks: true });
  return { root, dir, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** The minimal clean program that tests copy and break. */
export const minimalProgram = 'test/samples/programs/minimal';
