import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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
  curriculum dev [dir] [--port N]   re-check on every save and serve the site with live reload
  curriculum init <dir>             start a new program folder with documented example files
  curriculum new <kind> [id]        add a document to the program in the current folder
                                    (or --program <dir>): module <id>, assessment <id>,
                                    competences, assignments, schedule or policy
  curriculum explain [code]         explain a diagnostic code (all codes without one)
  curriculum evaluate <program> --records <file>... [--map <file>] [--zone <zone>]
                                    [--format table|csv|json] [--out <dir>]
                                    apply the completion policy to a cohort's records
  curriculum credentials <command>  keygen, issue or verify Open Badges 3.0 credentials
                                    (\`curriculum credentials help\` for their options)
  curriculum help                   show this help

dir is a program folder (with program.yaml) or a folder of program folders;
it defaults to ./curriculum when that exists, else the current folder.

Options:
  -f, --format <f>    pretty (default), line, json or github
      --strict        fail on warnings too (those accepted in accepted-warnings.yaml excepted)
  -o, --out <dir>     the output folder of build (default: dist)
      --no-site       build without the Astro site (calendars, packages and data only)
      --no-cache      build every output anew (by default unchanged ones are reused)
      --check-external  check and build: fetch the web addresses of the Markdown links
                      and images, and warn about broken ones (off by default: no request)
      --site-url <u>  the public URL of the site (overrides catalog.yaml)
      --port <n>      the port of the dev server (default: 4321)
  -p, --program <d>   the program folder of \`new\` (default: the current folder)
      --title <t>     the title of the program \`init\` creates
      --namespace <n> the base of the permanent ids of the program \`init\` creates,
                      e.g. tag:example.org,2024:my-program (a domain you own)
      --color, --no-color
  -v, --version

Exit codes: 0 no errors (warnings allowed unless --strict), 1 errors, 2 misuse or internal failure.
`;

/** The commands, for a did-you-mean on a misspelt one. */
const commands = ['check', 'build', 'dev', 'init', 'new', 'explain', 'evaluate', 'credentials', 'help', 'version'];

/**
 * `npm run` starts scripts in the project's root, whatever folder the designer typed the
 * command in; npm passes that folder as INIT_CWD. The CLI works there, so that paths given
 * and shown are relative to where the designer is (only for the `curriculum` script: the
 * others name their folders from the root).
 */
export function workingFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.npm_lifecycle_event === 'curriculum' && env.INIT_CWD && existsSync(env.INIT_CWD) ? env.INIT_CWD : undefined;
}

/**
 * A reader that stops early (`curriculum check | head`) closes the pipe: the rest of the
 * output is not wanted, which is no failure of the run.
 */
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}

/** How the designer runs the CLI here, for the commands it suggests. */
function invocation(): string {
  if (process.env.npm_lifecycle_event === 'curriculum') return 'npm run curriculum --';
  const script = process.argv[1];
  if (!script || path.basename(script) === 'curriculum') return 'curriculum';
  return `node ${path.relative(process.cwd(), script) || script}`;
}

/** Runs the CLI; returns the exit code. Never throws: an unexpected failure is exit code 2. */
export async function main(argv: readonly string[]): Promise<number> {
  quietOnClosedPipe();
  const cwd = workingFolder();
  if (cwd) process.chdir(cwd);
  // `evaluate` has options of its own (its --format names output formats, not diagnostic ones).
  if (argv[0] === 'evaluate') return runSubcommand(() => import('./evaluate.ts').then((m) => m.runEvaluate(argv.slice(1))));
  // Its options are its own (keys, results): it parses them itself.
  if (argv[0] === 'credentials') return (await import('./credentials.ts')).runCredentials(argv.slice(1));
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
      case 'dev':
        return await runDev(parsed);
      case 'init':
        return await runInit(parsed);
      case 'new':
        return await runNew(parsed);
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

async function runSubcommand(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UsageError) return misuse(error.message);
    process.stderr.write(`internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.CURRICULUM_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 2;
  }
}

function misuse(message: string): number {
  process.stderr.write(`error: ${message}\n\nRun \`curriculum help\` for usage.\n`);
  return 2;
}

export function defaultInput(positional: string | undefined): string {
  if (positional === undefined) return existsSync('curriculum') ? 'curriculum' : '.';
  // A folder that is not there is a mistake in the command, not in a curriculum.
  if (!existsSync(positional)) {
    const near = closest(path.basename(positional), existingSiblings(positional));
    throw new UsageError(`No such folder \`${positional}\`${near ? `; did you mean \`${path.join(path.dirname(positional), near)}\`?` : ''}`);
  }
  return positional;
}

function existingSiblings(missing: string): string[] {
  try {
    return readdirSync(path.dirname(missing), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
  } catch {
    return [];
  }
}

async function runCheck(parsed: ParsedCommand): Promise<number> {
  if (parsed.positionals.length > 1) throw new UsageError('`check` takes one folder');
  const input = defaultInput(parsed.positionals[0]);
  const result = await check(input, {
    ...(parsed.flags.siteUrl ? { siteUrl: parsed.flags.siteUrl } : {}),
    ...(parsed.flags.checkExternal ? { checkExternal: true } : {}),
  });
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
  // The build path loads Astro and the emitters; `check` should not pay for them.
  const { build } = await import('../build.ts');
  const result = await build({
    input,
    outDir: parsed.flags.out,
    site: !parsed.flags.noSite,
    cache: !parsed.flags.noCache,
    strict: parsed.flags.strict,
    ...(parsed.flags.siteUrl ? { siteUrl: parsed.flags.siteUrl } : {}),
    ...(parsed.flags.checkExternal ? { checkExternal: true } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  report(result.diagnostics, parsed);
  if (parsed.flags.format === 'pretty' || parsed.flags.format === 'line') {
    if (result.written) {
      const pages = result.pages > 0 ? `, ${result.pages} site pages` : '';
      process.stdout.write(
        `Built ${result.curricula.length} program${result.curricula.length === 1 ? '' : 's'} into ${path.normalize(parsed.flags.out)}/ (${result.files} files${pages}): ${describeSummary(summarize(result.diagnostics))}\n`,
      );
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

async function runInit(parsed: ParsedCommand): Promise<number> {
  const dir = parsed.positionals[0];
  if (!dir || parsed.positionals.length > 1) throw new UsageError('`init` takes the folder of the new program, e.g. `curriculum init curriculum/data-literacy`');
  const { initProgram, ScaffoldError } = await import('../scaffold/index.ts');
  let files: string[];
  try {
    files = await initProgram(dir, {
      today: new Date().toISOString().slice(0, 10),
      ...(parsed.flags.title ? { title: parsed.flags.title } : {}),
      ...(parsed.flags.namespace ? { namespace: parsed.flags.namespace } : {}),
    });
  } catch (error) {
    if (error instanceof ScaffoldError) throw new UsageError(error.message);
    throw error;
  }
  process.stdout.write(`Created ${files.length} files:\n${files.map((f) => `  ${f}`).join('\n')}\n\n`);
  const result = await check(dir);
  report(result.diagnostics, parsed);
  process.stdout.write(`Checked the new program: ${describeSummary(summarize(result.diagnostics))}\n`);
  const parent = path.dirname(path.normalize(dir));
  const run = invocation();
  process.stdout.write(
    `\nNext: edit the files (your editor completes and checks them), then\n  ${run} dev ${parent}    to see the site as you type\n  ${run} build ${parent}  to compile it\n`,
  );
  return exitCode(result.diagnostics, false);
}

async function runNew(parsed: ParsedCommand): Promise<number> {
  const [kind, id, ...rest] = parsed.positionals;
  const { newDocument, newKinds, ScaffoldError } = await import('../scaffold/index.ts');
  if (!kind || rest.length > 0) throw new UsageError(`\`new\` takes a kind (${newKinds.join(', ')}) and, for module and assessment, an id`);
  if (!(newKinds as readonly string[]).includes(kind)) {
    const suggestion = closest(kind, newKinds);
    throw new UsageError(`Unknown kind \`${kind}\`${suggestion ? `; did you mean \`${suggestion}\`?` : `; use one of ${newKinds.join(', ')}`}`);
  }
  try {
    const file = await newDocument(parsed.flags.program ?? '.', kind as (typeof newKinds)[number], id, { today: new Date().toISOString().slice(0, 10) });
    process.stdout.write(`Created ${file}\n`);
    if (kind === 'module') process.stdout.write(`Schedule it: add \`${id}\` to the modules of a week or period in schedule.yaml.\n`);
    return 0;
  } catch (error) {
    if (error instanceof ScaffoldError) throw new UsageError(error.message);
    throw error;
  }
}

async function runDev(parsed: ParsedCommand): Promise<number> {
  if (parsed.positionals.length > 1) throw new UsageError('`dev` takes one folder');
  const { startDevServer } = await import('../dev/index.ts');
  const server = await startDevServer({
    input: defaultInput(parsed.positionals[0]),
    port: parsed.flags.port ?? 4321,
    color: parsed.flags.color,
    ...(parsed.flags.siteUrl ? { siteUrl: parsed.flags.siteUrl } : {}),
    log: (line) => process.stdout.write(`${line}\n`),
  });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.stop();
  return 0;
}
