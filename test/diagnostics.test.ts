/**
 * One test per sample folder in `test/samples/diagnostics/<code>/<valid|invalid>-<case>/`:
 * the sample is checked by the real compiler and its rendered diagnostics are compared
 * with `expected.txt` beside it. An invalid sample must produce its code, located in a
 * file; a valid one must not produce it.
 *
 *   UPDATE_SNAPSHOTS=1 npx vitest run test/diagnostics.test.ts   rewrites expected.txt files
 *   FILTER=week_start_irregular npx vitest run test/diagnostics.test.ts   runs one code's samples
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue, catalogueUrl, diagnosticCodes, isDiagnosticCode } from '../src/diagnostics/catalogue.ts';
import { sortDiagnostics, type Diagnostic } from '../src/diagnostics/diagnostic.ts';
import type { ConstraintRule } from '../src/diagnostics/messages.ts';
import { Reporter } from '../src/diagnostics/reporter.ts';
import { parseYaml } from '../src/load/parse-yaml.ts';
import { SourceFile } from '../src/load/source-file.ts';
import { check } from '../src/check.ts';
import { expectedPath, listCodeFolders, listSamples, readExpected, repoRoot, runSample, sampleNamePattern, type Sample } from './support/samples.ts';

const update = ['1', 'true'].includes(process.env.UPDATE_SNAPSHOTS ?? '');
const filter = process.env.FILTER;

const samples = listSamples();

/**
 * Codes whose problem can concern a whole file or folder, reported without a position
 * (a binary file is `file_not_utf8` as a whole; Latin-1 text is located at its first byte).
 */
const fileLevelCodes = new Set(['file_unreadable', 'file_not_utf8', 'file_empty', 'file_too_large', 'document_unknown', 'program_missing', 'document_missing']);

describe('the sample folders', () => {
  it('cover every code in the catalogue with at least one invalid sample', () => {
    const covered = new Set(samples.filter((s) => s.expectation === 'invalid').map((s) => s.code));
    expect(diagnosticCodes.filter((code) => !covered.has(code))).toEqual([]);
  });

  it('are named after catalogue codes', () => {
    expect(listCodeFolders().filter((code) => !isDiagnosticCode(code))).toEqual([]);
  });

  it('are named valid-<case> or invalid-<case>', () => {
    expect(samples.map((s) => s.name).filter((name) => !sampleNamePattern.test(name))).toEqual([]);
  });

  it.skipIf(update)('each hold an expected.txt', () => {
    expect(samples.filter((s) => readExpected(s) === undefined).map((s) => s.dir)).toEqual([]);
  });
});

/** Codes whose message and catalogue entry already say all there is to do. */
const hintless = new Set<string>([]);

const selected = filter ? samples.filter((s) => s.code === filter || s.dir.includes(filter)) : samples;

describe.each(groupByCode(selected))('%s', (code, group) => {
  it.each(group.map((s) => [s.name, s] as const))('%s', async (_name, sample) => {
    const { diagnostics, models, programs, rendered } = await runSample(sample);
    const withCode = diagnostics.filter((d) => d.code === code);
    // A sample holds one program (two when the case is between programs, as namespace_shared;
    // none for program_missing): each resolves to a model exactly when the sample has no error
    // (the site's catalog.yaml is not part of a program).
    expect(programs).toBe(code === 'program_missing' ? 0 : code === 'namespace_shared' ? 2 : 1);
    // Nor are records evaluated against the program (`records_*` samples, test/support/samples.ts).
    const programErrors = diagnostics.filter((d) => d.severity === 'error' && !d.file?.endsWith('/catalog.yaml') && !d.code.startsWith('records_'));
    expect(models, 'a program with errors must not resolve to a model').toBe(programErrors.length === 0 ? programs : 0);
    if (sample.expectation === 'invalid') {
      expect(withCode, `${sample.dir} must produce ${code}`).not.toEqual([]);
      for (const d of withCode) {
        expect(d.severity).toBe(catalogue[code as keyof typeof catalogue].severity);
        expect(d.file, `${code} must name a file`).toBeTruthy();
        if (!fileLevelCodes.has(code)) expect(d.range, `${code} must point at a place in ${d.file}`).toBeDefined();
      }
    } else {
      expect(withCode, `${sample.dir} must not produce ${code}`).toEqual([]);
    }
    if (update) {
      await writeFile(expectedPath(sample), rendered);
      return;
    }
    const expected = readExpected(sample);
    expect(expected, `${sample.dir}/expected.txt is missing; run with UPDATE_SNAPSHOTS=1 to write it`).toBeDefined();
    expect(rendered).toBe(expected);
  });
});

describe('schema errors point at the exact node', () => {
  /** The source text a diagnostic underlines, and the text of its line. */
  const underlined = (d: Diagnostic) => {
    const text = readFileSync(path.join(repoRoot, d.file!), 'utf8');
    return text.slice(d.range!.start.offset, d.range!.end.offset);
  };
  const only = async (dir: string, code: string) => {
    const sample = samples.find((s) => s.dir.endsWith(dir))!;
    const found = (await runSample(sample)).diagnostics.filter((d) => d.code === code);
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it.each([
    ['a wrong value: the value', 'schema_value_invalid/invalid-enum', 'schema_value_invalid', 'onlin'],
    ['a wrong type: the value', 'schema_type_mismatch/invalid-number-for-text', 'schema_type_mismatch', '2024'],
    ['an empty value: its key', 'schema_type_mismatch/invalid-empty-value', 'schema_type_mismatch', 'title'],
    ['an unknown key: the key', 'schema_property_unknown/invalid-nested-key', 'schema_property_unknown', 'emial'],
    ['a misspelt required key: the misspelt key', 'schema_property_unknown/invalid-typo-of-required-key', 'schema_property_unknown', 'descripton'],
    ['a missing key: the key of the mapping that lacks it', 'schema_property_missing/invalid-nested', 'schema_property_missing', 'dates'],
    ['a missing key of a requirement: the key of the requirement', 'schema_property_missing/invalid-requirement-form', 'schema_property_missing', 'requires'],
    ['a missing key of the document: its first key', 'schema_property_missing/invalid-top-level', 'schema_property_missing', 'id'],
    ['a value in a union: the value', 'schema_value_invalid/invalid-union', 'schema_value_invalid', 'al'],
    ['a wrong branch of a union: the failing value inside it', 'schema_value_invalid/invalid-minimum', 'schema_value_invalid', '0'],
    ['a repeated item: the repetition', 'schema_value_invalid/invalid-repeated-item', 'schema_value_invalid', 'data-literacy'],
  ])('%s', async (_what, dir, code, text) => {
    const d = await only(dir, code);
    expect(underlined(d)).toBe(text);
  });

  it('a missing key of a list item: the first line of the item', async () => {
    const d = await only('schema_property_missing/invalid-list-item', 'schema_property_missing');
    expect(underlined(d)).toBe('id: acme\n    name: Acme Training'.split('\n')[0]);
  });

  it('a repeated item: the second occurrence, with the first as related location', async () => {
    const d = await only('schema_value_invalid/invalid-repeated-item', 'schema_value_invalid');
    expect(d.range!.start.column).toBeGreaterThan(d.related[0]!.range!.start.column);
  });
});

describe('one mistake, one diagnostic', () => {
  // Each sample makes one mistake in a program where other checks depend on the broken value
  // (a pass mark, a counted kind, a session's time, a deadline's date): only the mistake is reported.
  it.each([
    ['schema_type_mismatch/invalid-percent-pass-mark', 'schema_type_mismatch'],
    ['schema_value_invalid/invalid-assignment-kind', 'schema_value_invalid'],
    ['date_invalid/invalid-session-hour', 'date_invalid'],
    ['schema_value_invalid/invalid-deadline-date-form', 'schema_value_invalid'],
    ['schema_property_missing/invalid-deadline-without-due', 'schema_property_missing'],
    ['id_duplicate/invalid-session-counted', 'id_duplicate'],
    // A tab derails the parser for the lines after it; a misaligned key is not an unclosed bracket.
    ['yaml_syntax/invalid-tab-after-dash', 'yaml_syntax'],
    ['yaml_syntax/invalid-tab-after-spaces', 'yaml_syntax'],
    ['yaml_syntax/invalid-tabs-on-several-lines', 'yaml_syntax'],
    ['yaml_syntax/invalid-misaligned-key', 'yaml_syntax'],
    ['file_not_utf8/invalid-utf16-le-with-bom', 'file_not_utf8'],
    ['file_not_utf8/invalid-utf16-be-without-bom', 'file_not_utf8'],
    ['file_not_utf8/invalid-utf32-le-with-bom', 'file_not_utf8'],
  ])('%s', async (dir, code) => {
    const sample = samples.find((s) => s.dir.endsWith(dir))!;
    const { diagnostics } = await runSample(sample);
    expect(diagnostics.map((d) => d.code)).toEqual([code]);
  });

  it.each([
    ['yaml_syntax/invalid-tab-after-dash', /^A tab is used for indentation$/],
    ['yaml_syntax/invalid-tab-after-spaces', /^A tab is used for indentation$/],
    ['yaml_syntax/invalid-misaligned-key', /^`role:` is indented by 3 spaces, but the keys above it by 4$/],
    ['file_not_utf8/invalid-utf16-le-with-bom', /^The file is UTF-16 text \(little-endian\), not UTF-8$/],
    ['file_not_utf8/invalid-utf16-be-without-bom', /^The file is UTF-16 text \(big-endian\), not UTF-8$/],
    ['file_not_utf8/invalid-utf32-le-with-bom', /^The file is UTF-32 text \(little-endian\), not UTF-8$/],
  ])('%s names the mistake', async (dir, message) => {
    const sample = samples.find((s) => s.dir.endsWith(dir))!;
    const [d] = (await runSample(sample)).diagnostics;
    expect(d!.message).toMatch(message);
  });

  it('a wrong value withholds only itself: the rest of its file is still checked', async () => {
    const sample = samples.find((s) => s.dir.endsWith('reference_unknown/invalid-beside-a-wrong-value'))!;
    const { diagnostics } = await runSample(sample);
    expect(diagnostics.map((d) => `${d.code} ${d.file!.split('/').slice(-2).join('/')}:${d.range!.start.line}`)).toEqual([
      'reference_unknown modules/intro.yaml:5',
      'schema_value_invalid modules/intro.yaml:9',
    ]);
  });

  it('a missing required key is not helped by the words of the mapping’s union of forms', async () => {
    const sample = samples.find((s) => s.dir.endsWith('schema_property_missing/invalid-deadline-without-due'))!;
    const [d] = (await runSample(sample)).diagnostics;
    expect(d!.hint).toContain('`due:`');
    expect(d!.hint).not.toContain('`modules`');
  });
});

describe('YAML merge keys', () => {
  it('repeat the keys of the anchored entry, and the keys beside them replace some', async () => {
    const sample = samples.find((s) => s.dir.endsWith('schema_property_unknown/valid-merge-key'))!;
    const { diagnostics, curricula } = await check(path.join(repoRoot, sample.dir));
    // Samples declare no namespace (see test/support/samples.ts); nothing else is reported.
    expect(diagnostics.filter((d) => d.code !== 'namespace_missing')).toEqual([]);
    const sessions = curricula[0]!.schedule.sessions.map((s) => ({ id: s.id, title: s.title, kind: s.kind, date: s.start.date }));
    expect(sessions).toEqual([
      { id: 'clinic-1', title: 'Clinic', kind: 'discussion', date: '2024-03-05' },
      { id: 'clinic-2', title: 'Clinic', kind: 'discussion', date: '2024-03-07' },
    ]);
  });
});

describe('every sample diagnostic follows the style guide', () => {
  it('says what happened without a prefix or a position, and what to do in a hint that names a fix', async () => {
    const problems: string[] = [];
    for (const sample of samples) {
      for (const d of (await runSample(sample)).diagnostics) {
        const where = `${sample.dir}: ${d.code}: ${d.message}`;
        if (/^(error|warning)\b/i.test(d.message)) problems.push(`${where}: starts with its severity`);
        if (/:\d+:\d+|\bline \d+|\bcolumn \d+|\boffset \d+/i.test(d.message)) problems.push(`${where}: gives a position`);
        if (d.file && d.message.includes(d.file)) problems.push(`${where}: repeats the file path`);
        if (/[.]$/.test(d.message)) problems.push(`${where}: ends with a full stop`);
        if (!/^[A-Z`0-9]/.test(d.message)) problems.push(`${where}: does not start with a capital`);
        if (d.hint !== undefined && !/[.?)]$/.test(d.hint)) problems.push(`${where}: the hint is not a sentence`);
        if (d.label !== undefined && d.label === d.message) problems.push(`${where}: the label repeats the message`);
        if (d.hint === undefined && !hintless.has(d.code)) problems.push(`${where}: has no hint`);
        if (d.url !== catalogueUrl(d.code)) problems.push(`${where}: does not link to its catalogue entry`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('a diagnostic', () => {
  it('takes its words from its code and data, and links to its catalogue entry', () => {
    const reporter = new Reporter();
    const at = { file: 'schedule.yaml' };
    reporter.report('period_reversed', { what: 'break', id: 'easter', start: '2024-04-07', end: '2024-04-01' }, at);
    reporter.report('period_reversed', { what: 'week', week: 2, start: '2024-04-07', end: '2024-04-01' }, at);
    reporter.report('session_reversed', { id: 'kickoff', start: '2024-03-04 11:00', end: '2024-03-04 10:00', sameTime: false }, at);
    expect(reporter.diagnostics.map((d) => d.message)).toEqual([
      'The break `easter` ends (2024-04-01) before it starts (2024-04-07)',
      'Week 2 ends (2024-04-01) before it starts (2024-04-07)',
      'The session `kickoff` ends (2024-03-04 10:00) before it starts (2024-03-04 11:00)',
    ]);
    expect(reporter.diagnostics.map((d) => d.url)).toEqual(['docs/diagnostics.md#period_reversed', 'docs/diagnostics.md#period_reversed', 'docs/diagnostics.md#session_reversed']);
    // Only type-checked, never run: the compiler rejects data of another code.
    const wrongData = () =>
      // @ts-expect-error: a session is not a period, and its data has no `what`.
      reporter.report('period_reversed', { id: 'kickoff', start: '2024-03-04 11:00', end: '2024-03-04 10:00', sameTime: false }, at);
    expect(wrongData).toBeTypeOf('function');
  });

  it('words a YAML slip from what the author did, found in the line (src/load/parse-yaml.ts passes no sentences)', () => {
    const cases: [yaml: string, message: string, hint: string | undefined][] = [
      ['id: intro\ntitle: Risk: a primer\n', 'This value contains `: `, which YAML reads as the start of another key', 'Put the value in quotes: `title: "Risk: a primer"`.'],
      ['id: intro\ntitle:Introduction\nsummary: x\n', '`title:` needs a space after the colon to be a key', 'Write `title: Introduction`.'],
      ['id: intro\ntitle: @home\n', 'A value cannot start with `@` unless it is in quotes', 'Put the value in quotes: `title: "@home"`.'],
      ['id: intro\ntags: [a, b\n', 'The list opened here is never closed with `]`', 'Add the closing `]` after the last item.'],
    ];
    const found = cases.map(([yaml]) => {
      const reporter = new Reporter();
      parseYaml('module', new SourceFile('m.yaml', '/m.yaml', yaml), reporter);
      return reporter.diagnostics.filter((d) => d.code === 'yaml_syntax').map((d) => [d.message, d.hint])[0];
    });
    expect(found).toEqual(cases.map(([, message, hint]) => [message, hint]));
  });

  it('words a broken rule of the schemas from the rule and its facts: the schema errors pass no sentences', () => {
    const reporter = new Reporter();
    const at = { file: 'program.yaml' };
    const rules: ConstraintRule[] = [
      { keyword: 'maximum', limit: '40' },
      { keyword: 'exclusiveMinimum', limit: '0' },
      { keyword: 'minLength' },
      { keyword: 'maxLength', limit: '120' },
      { keyword: 'minItems', limit: 2, count: 1 },
      { keyword: 'minProperties' },
      { keyword: 'pattern', form: 'language' },
      { keyword: 'format', format: 'email' },
      { keyword: 'format', format: 'date' },
      { keyword: 'other', rule: 'must be multiple of 0.5', title: 'Hours' },
    ];
    for (const rule of rules) reporter.report('schema_value_invalid', { kind: 'constraint', value: '`x`', where: '`effort`', rule, advice: 'The advice of the schema.' }, at);
    expect(reporter.diagnostics.map((d) => [d.message, d.label, d.hint])).toEqual([
      ['`x` is too large for `effort`: it must be at most 40', 'must be at most 40', 'The advice of the schema.'],
      ['`x` is too small for `effort`: it must be more than 0', 'must be more than 0', 'The advice of the schema.'],
      ['The text for `effort` is empty', 'empty text', 'Write the text, or remove the key.'],
      ['The text for `effort` is longer than 120 characters', 'more than 120 characters', 'Shorten it.'],
      ['The list for `effort` has 1 item; it needs at least 2', 'at least 2 items needed', 'Add 1 more.'],
      ['The mapping for `effort` is empty', 'empty mapping', 'Fill in at least one key, or remove the mapping.'],
      ['`x` is not a BCP 47 language tag for `effort`', 'not a BCP 47 language tag', 'Use a tag such as `en`, `ko` or `pt-PT`.'],
      ['`x` is not a valid email address for `effort`', 'not a valid email address', 'Write the address as name@example.org.'],
      ['`x` is not a valid date for `effort`', 'not a valid date', 'The advice of the schema.'],
      ['`x` is not valid for `effort`: must be multiple of 0.5 (Hours)', 'not valid', 'The advice of the schema.'],
    ]);
  });

  it('takes the words of its second places from their role and facts (src/diagnostics/related.ts), and keeps where they are', () => {
    const reporter = new Reporter();
    const at = { file: 'program.yaml', range: { start: { line: 3, column: 5, offset: 20 }, end: { line: 3, column: 9, offset: 24 } } };
    reporter.report('period_reversed', { what: 'break', id: 'easter', start: '2024-04-07', end: '2024-04-01' }, at, { related: [{ role: 'start', file: 'schedule.yaml' }] });
    reporter.report('id_duplicate', { noun: 'module', id: 'm1' }, at, {
      related: [
        { role: 'first-defined', id: 'm1', ...at },
        { role: 'bank-size', bank: 'b', size: 1, ...at },
        { role: 'bank-size', bank: 'b', size: 2, ...at },
        { role: 'dated-item', what: { kind: 'session', id: 's' }, first: '2024-05-02', last: '2024-05-02', ...at },
        { role: 'dated-item', what: { kind: 'week', first: 9, last: 9 }, first: '2024-05-02', last: '2024-05-08', ...at },
        { role: 'dated-item', what: { kind: 'week', first: 13, last: 16 }, first: '2024-06-19', last: '2024-07-17', ...at },
        { role: 'namespace-of', program: 'p', source: 'fallback', ...at },
      ],
    });
    expect(reporter.diagnostics.map((d) => d.related)).toEqual([
      [{ message: 'the start', file: 'schedule.yaml' }],
      [
        { message: '`m1` is first defined here', ...at },
        { message: 'the bank `b` holds 1 question', ...at },
        { message: 'the bank `b` holds 2 questions', ...at },
        { message: 'the session `s` is on 2024-05-02', ...at },
        { message: 'week 9 ends 2024-05-08', ...at },
        { message: 'weeks 13–16 end 2024-07-17', ...at },
        { message: '`p` declares no namespace and gets this one from its id', ...at },
      ],
    ]);
    // Only type-checked, never run: a role takes its own facts, and a call site passes no words.
    const wrongData = () => {
      // @ts-expect-error: `bank-size` needs its bank and size.
      reporter.report('id_duplicate', { noun: 'module', id: 'm1' }, at, { related: [{ role: 'bank-size', ...at }] });
      // @ts-expect-error: words are not data.
      reporter.report('id_duplicate', { noun: 'module', id: 'm1' }, at, { related: [{ message: 'first here', ...at }] });
    };
    expect(wrongData).toBeTypeOf('function');
  });

  it('has an entry with a heading in docs/diagnostics.md for every code', () => {
    const headings = new Set(readFileSync(path.join(repoRoot, 'docs/diagnostics.md'), 'utf8').split('\n').filter((l) => l.startsWith('## ')));
    expect(diagnosticCodes.filter((code) => !headings.has(`## ${catalogueUrl(code).split('#')[1]}`))).toEqual([]);
  });

  it('sorts errors before warnings, then by file, position and code', () => {
    const reporter = new Reporter();
    const at = (file: string, offset: number) => ({ file, range: { start: { line: 1, column: offset + 1, offset }, end: { line: 1, column: offset + 2, offset: offset + 1 } } });
    reporter.report('module_unscheduled', { id: 'intro' }, at('a.yaml', 0));
    reporter.report('pass_mark_unreachable', { minScore: 120 }, at('b.yaml', 5));
    reporter.report('module_unscheduled', { id: 'outro' }, at('a.yaml', 3));
    reporter.report('pass_mark_unreachable', { minScore: 150 }, at('a.yaml', 9));
    reporter.report('date_invalid', { kind: 'date', text: '2023-02-30', problem: { kind: 'day', year: 2023, month: 2, day: 30, last: 28 } }, at('b.yaml', 1));
    expect(sortDiagnostics(reporter.diagnostics).map((d) => `${d.severity} ${d.file}:${d.range!.start.offset} ${d.code}`)).toEqual([
      'error a.yaml:9 pass_mark_unreachable',
      'error b.yaml:1 date_invalid',
      'error b.yaml:5 pass_mark_unreachable',
      'warning a.yaml:0 module_unscheduled',
      'warning a.yaml:3 module_unscheduled',
    ]);
  });
});

function groupByCode(list: readonly Sample[]): [string, Sample[]][] {
  const groups = new Map<string, Sample[]>();
  for (const s of list) groups.set(s.code, [...(groups.get(s.code) ?? []), s]);
  return [...groups];
}
