import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from '../build.ts';
import { check } from '../check.ts';
import { catalogue, isDiagnosticCode } from '../diagnostics/catalogue.ts';
import { summarize, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { describeSummary, renderDiagnostics } from '../diagnostics/render.ts';
import { closest } from '../util/suggest.ts';
import { version } from '../version.ts';
import { parseCommand, UsageError, type ParsedCommand } from './args.ts';

const usage = `curriculum — compile training programs written in YAML

Usage:
  curriculum check [dir]            validate every program under dir
  curriculum build [dir] [--out D]  validate and compile into D (default: dist)
  curriculum explain [code]         explain a diagnostic code (all codes without one)
  curriculum help                   show this help

dir is a program folder (with program.yaml) or a folder of program folders;
it defaults to ./curriculum when that exists, else the current folder.

Options:
  -f, --format <f>    pretty (default), line, json or github
      --strict        fail on warnings too
  -o, --out <dir>     the output folder of build (default: dist)
      --no-site       build without the Astro site (calendars, packages and data only)
      --site-url <u>  the public URL of the site (overrides catalog.yaml)
      --color, --no-color
  -v, --version

Exit codes: 0 no errors (warnings allowed unless --strict), 1 errors, 2 misuse or internal failure.
`;

/** The commands, for a did-you-mean on a misspelt one. */
const commands = ['check', 'build', 'explain', 'help', 'version'];

/** Runs the CLI; returns the exit code. Never throws: an unexpected failure is exit code 2. */
export async function main(argv: readonly string[]): Promise<number> {
  let parsed: ParsedCommand;
  try {
    parsed = parseCommand(argv);
  } catch (error) {
    if (error instanceof UsageError) return misuse(error.message);
    throw error;
  }
  try {
    if (parsed.flags.help && parsed.command !== 'help') {
      process.stdout.write(usage);
      return 0;
    }
    switch (parsed.command) {
      case 'check':
        return await runCheck(parsed);
      case 'build':
        return await runBuild(parsed);
      case 'explain':
        return explain(parsed.positionals[0]);
      case 'help':
        process.stdout.write(usage);
        return 0;
      case 'version':
        process.stdout.write(`${version}\n`);
        return 0;
      default: {
        const suggestion = closest(parsed.command, commands);
        return misuse(`Unknown command \`${parsed.command}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`);
      }
    }
  } catch (error) {
    if (error instanceof UsageError) return misuse(error.message);
    process.stderr.write(
      `internal error: ${error instanceof Error ? error.message : String(error)}\n` +
        'This is a bug in the compiler, not in your curriculum. Set CURRICULUM_DEBUG=1 for details.\n',
    );
    if (process.env.CURRICULUM_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 2;
  }
}

function misuse(message: string): number {
  process.stderr.write(`error: ${message}\n\nRun \`curriculum help\` for usage.\n`);
  return 2;
}

export function defaultInput(positional: string | undefined): string {
  if (positional !== undefined) return positional;
  return existsSync('curriculum') ? 'curriculum' : '.';
}

async function runCheck(parsed: ParsedCommand): Promise<number> {
  if (parsed.positionals.length > 1) throw new UsageError('`check` takes one folder');
  const input = defaultInput(parsed.positionals[0]);
  const result = await check(input, parsed.flags.siteUrl ? { siteUrl: parsed.flags.siteUrl } : {});
  report(result.diagnostics, parsed);
  if (parsed.flags.format === 'pretty' || parsed.flags.format === 'line') {
    const files = result.curricula.length;
    const summary = summarize(result.diagnostics);
    if (summary.errors === 0) {
      process.stdout.write(`${files} program${files === 1 ? '' : 's'} checked: ${describeSummary(summary)}\n`);
    }
  }
  return exitCode(result.diagnostics, parsed.flags.strict);
}

async function runBuild(parsed: ParsedCommand): Promise<number> {
  if (parsed.positionals.length > 1) throw new UsageError('`build` takes one folder');
  const input = defaultInput(parsed.positionals[0]);
  const result = await build({
    input,
    outDir: parsed.flags.out,
    site: !parsed.flags.noSite,
    strict: parsed.flags.strict,
    ...(parsed.flags.siteUrl ? { siteUrl: parsed.flags.siteUrl } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  report(result.diagnostics, parsed);
  if (parsed.flags.format === 'pretty' || parsed.flags.format === 'line') {
    if (result.written) {
      process.stdout.write(`Built ${result.curricula.length} program${result.curricula.length === 1 ? '' : 's'} into ${path.normalize(parsed.flags.out)}/ (${result.files} files): ${describeSummary(summarize(result.diagnostics))}\n`);
    }
  }
  return exitCode(result.diagnostics, parsed.flags.strict);
}

function report(diagnostics: readonly Diagnostic[], parsed: ParsedCommand): void {
  const texts = new Map<string, string | undefined>();
  const readText = (file: string) => {
    if (!texts.has(file)) {
      try {
        texts.set(file, readFileSync(file, 'utf8'));
      } catch {
        texts.set(file, undefined);
      }
    }
    return texts.get(file);
  };
  const out = renderDiagnostics(diagnostics, parsed.flags.format, { readText, color: parsed.flags.color });
  process.stdout.write(out);
  const summary = summarize(diagnostics);
  if ((parsed.flags.format === 'pretty' || parsed.flags.format === 'line') && summary.errors > 0) {
    process.stdout.write(`${describeSummary(summary)}\n`);
  }
}

function exitCode(diagnostics: readonly Diagnostic[], strict: boolean): number {
  const summary = summarize(diagnostics);
  return summary.errors > 0 || (strict && summary.warnings > 0) ? 1 : 0;
}

function explain(code: string | undefined): number {
  if (code === undefined) {
    const width = Math.max(...Object.keys(catalogue).map((c) => c.length));
    for (const [name, entry] of Object.entries(catalogue)) {
      process.stdout.write(`${name.padEnd(width)}  ${entry.severity.padEnd(7)}  ${entry.title}\n`);
    }
    return 0;
  }
  if (!isDiagnosticCode(code)) return misuse(`Unknown diagnostic code \`${code}\`; \`curriculum explain\` lists them all`);
  const entry = catalogue[code];
  process.stdout.write(`${code} (${entry.severity})\n\n${entry.title}\n\nWhy: ${entry.why}\n\nWhat to do: ${entry.fix}\n`);
  return 0;
}
