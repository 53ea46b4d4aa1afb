/**
 * `curriculum evaluate <program> --records <file>... [--map <file>] [--zone <zone>]
 * [--format table|csv|json] [--out <dir>]`: reads the records, applies the program's
 * policy and prints or writes who completed. Learners' data is personal: it is written
 * only where `--out` says, never into the build's output folder.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { check } from '../check.ts';
import { summarize, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { describeSummary, renderDiagnostics } from '../diagnostics/render.ts';
import { canonicalZone, evaluate, evaluationFormats, formatEvaluation, recordKinds, type EvaluationFormat, type RecordsFile } from '../evaluate/index.ts';
import { UsageError } from './args.ts';

export const evaluateUsage = `Usage:
  curriculum evaluate <program> --records <file>[:<format>]... [--map <file>] [--zone <zone>]
                      [--format table|csv|json] [--out <dir>]

Formats of records (detected from the header, or named after the path):
  ${recordKinds.join(', ')} (moodle-quiz=<module id>: a Moodle quiz report names no quiz)
`;

const options = {
  records: { type: 'string', short: 'r', multiple: true },
  map: { type: 'string', short: 'm' },
  zone: { type: 'string', short: 'z' },
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `grades.csv:moodle` → the path and the format; a colon that names no format is part of the path (`C:\\…`). */
export function recordsArgument(argument: string): { path: string; kind?: string } {
  const match = /^(.+):([a-z][a-z-]*(?:=[a-z0-9-]+)?)$/.exec(argument);
  return match && !/^[A-Za-z]$/.test(match[1]!) ? { path: match[1]!, kind: match[2]! } : { path: argument };
}

export async function runEvaluate(argv: readonly string[]): Promise<number> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : String(error));
  }
  if (values.help) {
    process.stdout.write(evaluateUsage);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('`evaluate` takes one program folder');
  const records = values.records ?? [];
  if (records.length === 0) throw new UsageError('`evaluate` needs at least one `--records <file>`');
  const format = (values.format ?? 'table') as EvaluationFormat;
  if (!evaluationFormats.includes(format)) throw new UsageError(`Unknown format \`${values.format}\`; use one of ${evaluationFormats.join(', ')}`);
  const zone = values.zone !== undefined ? canonicalZone(values.zone) : undefined;
  if (values.zone !== undefined) {
    if (zone === undefined) throw new UsageError(`--zone must be an IANA time zone such as Europe/Madrid, not \`${values.zone}\``);
  }
  if (values.out !== undefined) refuseBuildFolder(values.out);
  const color = values['no-color'] ? false : (values.color ?? (process.stderr.isTTY === true && !process.env.NO_COLOR));

  const result = await check(positionals[0]!);
  if (summarize(result.diagnostics).errors > 0 || result.curricula.length === 0) {
    report(result.diagnostics, color);
    return 1;
  }
  if (result.curricula.length > 1) throw new UsageError('`evaluate` takes one program folder, not a folder of programs');
  const files: RecordsFile[] = records.map((argument) => {
    const { path: file, kind } = recordsArgument(argument);
    return { path: file, text: readText(file), ...(kind ? { kind } : {}) };
  });
  const mapping = values.map !== undefined ? { path: values.map, text: readText(values.map) } : undefined;
  const { evaluation, diagnostics } = evaluate({
    curriculum: result.curricula[0]!,
    records: files,
    ...(mapping ? { mapping } : {}),
    ...(zone ? { zone } : {}),
  });
  report(diagnostics, color);
  if (values.out !== undefined) {
    await mkdir(values.out, { recursive: true });
    for (const f of evaluationFormats) {
      await writeFile(path.join(values.out, `${evaluation.program.id}-evaluation.${f === 'table' ? 'txt' : f}`), formatEvaluation(evaluation, f));
    }
    process.stdout.write(`${evaluation.summary.completed} of ${evaluation.summary.learners} learners completed; written to ${path.normalize(values.out)}/\n`);
  } else {
    process.stdout.write(formatEvaluation(evaluation, format));
  }
  return summarize(diagnostics).errors > 0 ? 1 : 0;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read \`${file}\`: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Learners' results must not be published with the site: the build's output folder is refused. */
function refuseBuildFolder(out: string): void {
  const resolved = path.resolve(out);
  const dist = path.resolve('dist');
  if (resolved === dist || resolved.startsWith(dist + path.sep)) {
    throw new UsageError('--out must not be the build’s output folder (dist/): it is published with the site, and the results are learners’ personal data');
  }
}

function report(diagnostics: readonly Diagnostic[], color: boolean): void {
  if (diagnostics.length === 0) return;
  const readText = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };
  process.stderr.write(renderDiagnostics(diagnostics, 'pretty', { readText, color }));
  process.stderr.write(`${describeSummary(summarize(diagnostics))}\n`);
}
