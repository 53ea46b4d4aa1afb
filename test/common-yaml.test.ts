/**
 * The check's own YAML reader (src/load/common-yaml.ts) against the `yaml` library: wherever
 * it returns data, the library must parse the same text without an error and give equal
 * data. It may give up on anything; it must never answer differently.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseCommonYaml } from '../src/load/common-yaml.ts';

const root = path.resolve(import.meta.dirname, '..');

/** What the library makes of the text, as the check parses it; undefined when it reports an error. */
function byLibrary(text: string): unknown {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true, merge: true });
  if (document.errors.length > 0) return undefined;
  return document.toJS({ maxAliasCount: 100 });
}

/** Fails with the text when the reader answers and the library disagrees; says whether the reader answered. */
function agrees(text: string): boolean {
  const fast = parseCommonYaml(text);
  if (fast === undefined) return false;
  const library = byLibrary(text);
  if (library === undefined || !isDeepStrictEqual(fast, library)) {
    throw new Error(`common-yaml answered differently from the library: ${JSON.stringify({ text, fast, library })}`);
  }
  return true;
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(full));
    else if (entry.name.endsWith('.yaml') && statSync(full, { throwIfNoEntry: false })?.isFile()) out.push(full);
  }
  return out;
}

const bundled = yamlFiles(path.join(root, 'curriculum'));
const samples = yamlFiles(path.join(root, 'test'));
const readText = (file: string) => readFileSync(file, 'utf8');

describe('common-yaml', () => {
  it('reads every file of the bundled programs itself, as the library does', () => {
    expect(bundled.length).toBeGreaterThan(50);
    const refused = bundled.filter((file) => !agrees(readText(file)));
    // The speed of `check` rests on this: a file the reader refuses is parsed twice.
    expect(refused.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('agrees with the library on every YAML file of the tests (those with syntax errors are refused)', () => {
    let read = 0;
    for (const file of samples) {
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
      } catch {
        continue;
      }
      // Refusing valid text is allowed (the library then reads it); answering differently is not.
      if (agrees(text)) read++;
    }
    expect(read).toBeGreaterThan(samples.length / 2);
  });

  it('gives up on what it does not know, and says nothing of its own', () => {
    const refused = [
      'a: &x 1\nb: *x\n', // anchors and aliases
      'a: !!str 1\n', // tags
      'base: &b { x: 1 }\nc:\n  <<: *b\n', // merge keys
      'a: 1\na: 2\n', // duplicate keys
      'a: b\n  c\n', // a plain value on two lines
      'a: [1,\n  2]\n', // a flow collection on two lines
      'a:\tb\n', // tabs
      'a: b\r\n', // carriage returns
      'a: 1\n---\nb: 2\n', // a second document
      '%YAML 1.2\n---\na: 1\n', // directives
      '"quoted key": 1\n',
      'a: "line\\nbreak"\n', // escapes
      'a: |+\n  kept\n\n', // keep chomping
      'a: >\n  folded\n    more indented\n', // folded with a more-indented line
      'a: |\n  no final break', // block scalar at the end without a line break
      '# only a comment\n',
      '',
      'just a scalar\n',
      'a: b: c\n',
      '- - nested\n',
      'a: [x, ]\n',
      '{ a: 1 }: b\n',
      'true: 1\n',
      '__proto__: 1\n',
    ];
    for (const text of refused) expect(parseCommonYaml(text), JSON.stringify(text)).toBeUndefined();
  });

  it('types plain values as the core schema does', () => {
    const text = [
      'a: yes',
      'b: 0o17',
      'c: 0x1F',
      'd: 1e3',
      'e: .inf',
      'f: -.INF',
      'g: .NaN',
      'h: ~',
      'i:',
      'j: True',
      'k: 2026-03-02',
      'l: 1.50',
      'm: -0',
      'n: +12',
      'o: 09:00',
      'p: [null, Null, NULL, false, 3.0, -5, x y]',
      "q: 'it''s'",
      'r: "C#"',
      's: C#',
      'v: -x',
      '',
    ].join('\n');
    expect(agrees(text)).toBe(true);
    expect(parseCommonYaml(text)).toMatchObject({ a: 'yes', b: 15, c: 31, d: 1000, e: Infinity, h: null, i: null, j: true, k: '2026-03-02', o: '09:00', q: "it's", s: 'C#' });
  });

  it('reads block scalars as the library does', () => {
    const cases = [
      'a: |\n  one\n  two\n\nb: 1\n',
      'a: |-\n  one\n\n  two\n\n\n',
      'a: >\n  one\n  two\n\n  three\n',
      'a: >-\n\n  one\n  two\n',
      '- |\n  item\n- >-\n  folded\n  item\n',
      'a:\n  - x: |\n      deep\n      # not a comment\n    y: 2\n',
      'a: | # a comment on the header\n  text\n',
    ];
    for (const text of cases) expect(agrees(text), JSON.stringify(text)).toBe(true);
  });

  // Random documents, written in random styles: the reader takes many of them, and where
  // it does, the library agrees. Strings include the ones that change a value's type or
  // end it early (`: `, ` #`, `yes`, `0x1F`, quotes, brackets).
  const tricky = fc.constantFrom(
    'plain', 'two words', 'x: y', 'a #b', 'a# b', 'C#', 'it\'s', 'say "hi"', '[x]', '{y}', 'a, b', 'end:', ':start',
    '-5', '- x', '?', 'null', '~', 'true', 'False', 'yes', 'no', '0x1F', '0o17', '1e3', '.5', '1.', '.inf', '-.inf', '.nan',
    '2026-03-02', '09:00', '', ' lead', 'trail ', '#hash', '&anchor', '*alias', '!tag', '%', '@', '`', '|', '>', '한국어', '😀',
    'line\nbreak', 'two\n\nparas', 'back\\slash', '__proto__', 'https://x.org/a?b=c#d',
  );
  const key = fc.oneof(fc.constantFrom('id', 'title', 'a', 'b_c', 'd-e', 'x1', 'true', 'null', '__proto__', '1', 'k k', 'yes'), fc.stringMatching(/^[a-z][a-z0-9_-]{0,6}$/));
  const scalar = fc.oneof(tricky, fc.integer({ min: -1000, max: 1000 }), fc.boolean(), fc.constant(null), fc.double({ noNaN: true, min: -1e6, max: 1e6 }));
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
    list: fc.array(tie('tree'), { maxLength: 4 }),
    map: fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
  }));
  const style = fc.record({
    width: fc.integer({ min: 1, max: 4 }),
    indentless: fc.boolean(),
    flowAt: fc.integer({ min: 0, max: 3 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    leadingMarker: fc.boolean(),
  });

  it('agrees with the library on random documents in random styles', () => {
    let read = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.dictionary(key, tree, { minKeys: 1, maxKeys: 5 }), style, (data, s) => {
        runs++;
        if (agrees(writeYaml(data, s))) read++;
      }),
      { numRuns: 3000 },
    );
    // Not a property that holds by refusing everything: many documents are read (a quarter
    // when this was written; the tricky strings written plain make most of the others invalid).
    expect(read / runs).toBeGreaterThan(0.15);
  });

  it('agrees with the library on the bundled programs’ files with random edits', () => {
    const texts = bundled.map(readText);
    const piece = fc.constantFrom(':', ': ', '-', '- ', ' ', '  ', '\n', '\n  ', '#', ' #', '"', "'", '|', '>', '[', ']', '{', '}', ',', '&a ', '*a', '!', '---\n', '\t', 'yes', '0x1', '.5', '~', '\\');
    const edit = fc.record({ at: fc.nat(), remove: fc.integer({ min: 0, max: 3 }), insert: fc.option(piece, { nil: '' }) });
    let read = 0;
    fc.assert(
      fc.property(fc.nat({ max: texts.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 3 }), (which, edits) => {
        let text = texts[which]!;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
        }
        if (agrees(text)) read++;
      }),
      { numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(300);
  });
});

/** A small, deliberately varied YAML writer: block and flow collections, every scalar style, comments and blank lines. */
function writeYaml(data: Record<string, unknown>, s: { width: number; indentless: boolean; flowAt: number; seed: number; leadingMarker: boolean }): string {
  let state = s.seed;
  const random = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state % n;
  };
  const pad = (n: number) => ' '.repeat(n);
  const scalarText = (value: unknown, indent: number, inFlow: boolean): string => {
    if (typeof value !== 'string') return String(value);
    const choice = random(inFlow ? 3 : 5);
    if (choice === 1) return `'${value.replaceAll("'", "''")}'`;
    if (choice === 2) return JSON.stringify(value);
    if (choice >= 3 && value.length > 0) {
      const header = `${choice === 3 ? '|' : '>'}${random(2) ? '-' : ''}${random(4) === 0 ? ' # note' : ''}`;
      const lines = value.split('\n').map((line) => (line ? pad(indent + s.width) + line : ''));
      return `${header}\n${lines.join('\n')}`;
    }
    return value;
  };
  const flow = (value: unknown): string => {
    if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
    if (value && typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${flow(v)}`).join(', ')} }`;
    return scalarText(value, 0, true);
  };
  const comment = () => (random(6) === 0 ? ' # note' : '');
  const lines: string[] = [];
  const blankOrComment = (indent: number) => {
    const r = random(10);
    if (r === 0) lines.push('');
    else if (r === 1) lines.push(`${pad(indent)}# a comment`);
  };
  const writeValue = (prefix: string, value: unknown, indent: number, depth: number, underKey: boolean) => {
    const isCollection = value !== null && typeof value === 'object';
    if (!isCollection || depth >= s.flowAt || (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0)) {
      const text = isCollection ? flow(value) : scalarText(value, indent, false);
      lines.push(`${prefix}${text}${text.includes('\n') ? '' : comment()}`);
      return;
    }
    lines.push(`${prefix.trimEnd()}${comment()}`);
    const inner = Array.isArray(value) && underKey && s.indentless ? indent : indent + s.width;
    writeBlock(value, inner, depth + 1);
  };
  const writeBlock = (value: object, indent: number, depth: number) => {
    if (Array.isArray(value)) {
      for (const item of value) {
        blankOrComment(indent);
        if (item && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length > 0 && depth >= 1 && random(2)) {
          // A compact mapping on the dash's line.
          let first = true;
          for (const [k, v] of Object.entries(item)) {
            writeValue(`${first ? `${pad(indent)}- ` : pad(indent + 2)}${k}: `, v, indent + 2, depth + 1, true);
            first = false;
          }
        } else writeValue(`${pad(indent)}- `, item, indent, depth, false);
      }
    } else {
      for (const [k, v] of Object.entries(value)) {
        blankOrComment(indent);
        writeValue(`${pad(indent)}${k}: `, v, indent, depth, true);
      }
    }
  };
  if (s.leadingMarker) lines.push('---');
  writeBlock(data, 0, 0);
  return `${lines.join('\n')}\n`;
}
