import type { ErrorObject } from 'ajv';
import { isMap, isPair, isScalar, type Node } from 'yaml';
import type { ConstraintRule, PatternForm } from '../diagnostics/messages.ts';
import type { Location, Reporter } from '../diagnostics/reporter.ts';
import type { LoadedDocument } from '../load/parse-yaml.ts';
import type { JsonSchema } from '../schemas/define.ts';
import { documentSchemas } from '../schemas/index.ts';
import { closest } from '../util/suggest.ts';

type Path = (string | number)[];

/**
 * Turns ajv's errors for one document into located diagnostics.
 *
 * ajv reports a failed `oneOf` together with every branch's own errors, most of which
 * describe branches the author never meant. We keep a branch's errors when the author
 * clearly chose that branch: its errors point deeper into the data than the `oneOf`
 * itself, or it is the only branch whose type the value has. Otherwise we report the
 * `oneOf` once, in the words of its `x-message` annotation.
 *
 * A missing required key and an unknown key beside it that is a near-miss of its name
 * are one mistake, a typo, and are reported once, at the misspelt key.
 */
export function reportSchemaErrors(document: LoadedDocument, errors: readonly ErrorObject[], reporter: Reporter): void {
  const root = documentSchemas[document.kind];
  const { selected, unionParents } = selectErrors(errors, document.data);
  const typos = findTypos(selected);
  const reportedMissing = new Set<string>();
  for (const error of selected) {
    if (error.keyword === 'required') {
      if (typos.fixedMissing.has(error) || reportedMissing.has(error.instancePath)) continue;
      reportedMissing.add(error.instancePath);
      const group = selected.filter((e) => e.keyword === 'required' && e.instancePath === error.instancePath && !typos.fixedMissing.has(e));
      reportMissing(document, group, unionParents, reporter);
      continue;
    }
    reportOne(document, root, error, typos.meant.get(error), reporter);
  }
}

interface Selection {
  readonly selected: ErrorObject[];
  /** For an error kept from a union's branch, the schema that holds the union (it describes the branch's keys). */
  readonly unionParents: ReadonlyMap<ErrorObject, JsonSchema>;
}

function selectErrors(errors: readonly ErrorObject[], data: unknown): Selection {
  const unionParents = new Map<ErrorObject, JsonSchema>();
  const dropped = new Set<ErrorObject>();
  for (const error of errors) {
    if (error.keyword === 'if') dropped.add(error);
    if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') continue;
    const prefix = `${error.schemaPath}/`;
    const branches = errors.filter((e) => e.schemaPath.startsWith(prefix));
    const deeper = branches.filter((e) => e.instancePath.length > error.instancePath.length && e.keyword !== 'oneOf');
    let chosen: string | undefined;
    if (deeper.length > 0) {
      // The branch that got furthest into the data is the one the author meant.
      chosen = branchOf(deeper.reduce((a, b) => (b.instancePath.length > a.instancePath.length ? b : a)), error);
    } else {
      chosen = onlyPlausibleBranch(error, branches, valueAt(data, pathOf(error.instancePath)));
    }
    if (chosen !== undefined) {
      const keepSamePath = deeper.length === 0;
      for (const e of branches) {
        if (branchOf(e, error) !== chosen || (!keepSamePath && e.instancePath === error.instancePath)) dropped.add(e);
        else if (error.parentSchema) unionParents.set(e, error.parentSchema as JsonSchema);
      }
      dropped.add(error);
    } else {
      for (const e of branches) dropped.add(e);
    }
  }
  // allErrors can report the same problem through two paths of the schema; say it once.
  const seen = new Set<string>();
  const selected = errors.filter((e) => {
    if (dropped.has(e)) return false;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { selected, unionParents };
}

/**
 * Among a union's failed branches, the one the value was evidently written for: the only
 * branch whose type (and constant) the value has, or, when every branch only misses keys,
 * the only one some of whose keys are present. Undefined when no single branch stands out.
 */
function onlyPlausibleBranch(union: ErrorObject, branchErrors: readonly ErrorObject[], value: unknown): string | undefined {
  const byBranch = new Map<string, ErrorObject[]>();
  for (const e of branchErrors) {
    const b = branchOf(e, union);
    byBranch.set(b, [...(byBranch.get(b) ?? []), e]);
  }
  const wrongKind = (e: ErrorObject) => e.instancePath === union.instancePath && ['type', 'const', 'enum', 'oneOf', 'anyOf', 'not'].includes(e.keyword);
  let candidates = [...byBranch].filter(([, errs]) => !errs.some(wrongKind));
  if (candidates.length > 1 && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const present = new Set(Object.keys(value));
    const onlyMissing = candidates.filter(([, errs]) => errs.every((e) => e.keyword === 'required'));
    if (onlyMissing.length === candidates.length) {
      candidates = candidates.filter(([, errs]) => {
        const required = (errs[0]?.schema as unknown[] | undefined) ?? [];
        return required.some((k) => present.has(String(k)));
      });
    }
  }
  return candidates.length === 1 ? candidates[0]![0] : undefined;
}

function branchOf(error: ErrorObject, union: ErrorObject): string {
  return error.schemaPath.slice(union.schemaPath.length + 1).split('/')[0] ?? '';
}

/** Unknown keys that are near-misses of a required key missing from the same mapping. */
function findTypos(errors: readonly ErrorObject[]): { meant: Map<ErrorObject, string>; fixedMissing: Set<ErrorObject> } {
  const meant = new Map<ErrorObject, string>();
  const fixedMissing = new Set<ErrorObject>();
  for (const unknown of errors) {
    if (unknown.keyword !== 'additionalProperties') continue;
    const missing = errors.filter((e) => e.keyword === 'required' && e.instancePath === unknown.instancePath && !fixedMissing.has(e));
    const key = String((unknown.params as { additionalProperty: unknown }).additionalProperty);
    const match = closest(key, missing.map(missingKey));
    if (match === undefined) continue;
    meant.set(unknown, match);
    fixedMissing.add(missing.find((e) => missingKey(e) === match)!);
  }
  return { meant, fixedMissing };
}

function missingKey(error: ErrorObject): string {
  return String((error.params as { missingProperty: unknown }).missingProperty);
}

/** One diagnostic for every required key missing from one mapping, at the key that holds the mapping. */
function reportMissing(
  document: LoadedDocument,
  group: readonly ErrorObject[],
  unionParents: ReadonlyMap<ErrorObject, JsonSchema>,
  reporter: Reporter,
): void {
  const first = group[0]!;
  const path = pathOf(first.instancePath);
  const where = describePath(path);
  const keys = group.map(missingKey);
  const atRoot = path.length === 0;
  let instruction: string | undefined;
  let description: string | undefined;
  if (keys.length === 1) {
    // A union's branch (`{ required: [atLeast, of] }`) or a `then` names keys that the schema around it describes.
    const properties = (first.parentSchema?.properties ?? unionParents.get(first)?.properties) as Record<string, JsonSchema> | undefined;
    const property = properties?.[keys[0]!] ?? describingSchema(documentSchemas[document.kind], first.schemaPath, keys[0]!);
    description = typeof property?.description === 'string' ? firstSentence(property.description) : undefined;
    // An object's `x-message` explains its union of forms (`anyOf: [{ required: … }]`), not the
    // keys every form needs: a missing `due:` is not helped by "name `modules` or `assignments`".
    const own = (first.parentSchema as JsonSchema | undefined)?.['x-message'];
    const fromUnion = /\/(?:anyOf|oneOf)\/\d+\/required$/.test(first.schemaPath) || unionParents.has(first);
    instruction = typeof own === 'string' && fromUnion ? capitalizeSentence(own) : undefined;
  }
  reporter.report(
    'schema_property_missing',
    { keys, where, document: atRoot ? document.kind : undefined, instruction, description },
    atRoot ? firstKeyAt(document) : document.at(path, 'key'),
  );
}

/** The first key of the document's top-level mapping: where a key missing from the whole document is shown. */
function firstKeyAt(document: LoadedDocument): Location {
  const contents = document.yaml.contents;
  if (isMap(contents)) {
    const pair = contents.items.find((p) => isPair(p));
    const key = pair?.key as Node | null | undefined;
    if (key?.range) return { file: document.file.path, range: document.file.range(key.range[0], key.range[1]) };
  }
  return document.at([]);
}

function reportOne(document: LoadedDocument, root: JsonSchema, error: ErrorObject, meant: string | undefined, reporter: Reporter): void {
  const path = pathOf(error.instancePath);
  const where = describePath(path);
  const annotation = nearestMessage(root, error);
  const params = error.params as Record<string, unknown>;
  const data = valueAt(document.data, path);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      if (meant !== undefined) {
        reporter.report('schema_property_unknown', { kind: 'typo-of-required', key, where, meant }, document.at([...path, key], 'key'));
        return;
      }
      const split = commaSplitText(document, path, key);
      if (split) {
        reporter.report('schema_property_unknown', { kind: 'comma-split', key, where, before: split.before }, document.at([...path, key], 'key'));
        return;
      }
      const suggestion = closest(key, known);
      reporter.report('schema_property_unknown', { kind: 'unknown', key, where, suggestion, allowed: known }, document.at([...path, key], 'key'));
      return;
    }
    case 'type': {
      const expected = [params.type].flat().map(String);
      reporter.report(
        'schema_type_mismatch',
        { expected: expected.map(describeType), where, found: describeValue(data), advice: typeHint(expected, data, path, document.kind) ?? capitalizeSentence(annotation) },
        locateValue(document, path, data),
      );
      return;
    }
    case 'enum':
    case 'const': {
      const allowed = error.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue];
      const suggestion = typeof data === 'string' ? closest(data, allowed.map(String)) : undefined;
      reporter.report(
        'schema_value_invalid',
        { kind: 'not-accepted', value: describeValue(data, true), where, accepted: allowed.map(String), suggestion },
        locateValue(document, path, data),
      );
      return;
    }
    case 'not': {
      // `not: { required: [key] }`: the key must be absent in this case (an `answer` in a `single` question).
      const forbidden = (error.schema as JsonSchema | undefined)?.required;
      const key = Array.isArray(forbidden) && forbidden.length === 1 ? String(forbidden[0]) : undefined;
      if (key !== undefined && data !== null && typeof data === 'object' && key in data) {
        reporter.report('schema_value_invalid', { kind: 'key-not-allowed', key, where, advice: capitalizeSentence(annotation) }, document.at([...path, key], 'key'));
        return;
      }
      reportUnion(document, error, path, data, annotation, reporter);
      return;
    }
    case 'oneOf':
    case 'anyOf':
      reportUnion(document, error, path, data, annotation, reporter);
      return;
    case 'uniqueItems': {
      const [earlier, later] = [Number(params.i), Number(params.j)].sort((a, b) => a - b) as [number, number];
      const item = valueAt(data, [later]);
      reporter.report('schema_value_invalid', { kind: 'repeated', value: describeValue(item, true), where }, document.at([...path, later]), {
        related: [{ role: 'first-listed', ...document.at([...path, earlier]) }],
      });
      return;
    }
    default: {
      reporter.report(
        'schema_value_invalid',
        { kind: 'constraint', value: describeValue(data, true), where, rule: brokenRule(error, data), advice: capitalizeSentence(annotation) },
        locateValue(document, path, data),
      );
    }
  }
}

/** A value that fits none of a union's forms (or several of a `oneOf`'s), explained by the union's `x-message`. */
function reportUnion(document: LoadedDocument, error: ErrorObject, path: Path, data: unknown, annotation: string | undefined, reporter: Reporter): void {
  const where = describePath(path);
  const params = error.params as Record<string, unknown>;
  const several = error.keyword === 'oneOf' && Array.isArray(params.passingSchemas);
  const suggestion = typeof data === 'string' ? closest(data, constantsOf(error.schema)) : undefined;
  reporter.report(
    'schema_value_invalid',
    { kind: 'union', value: describeValue(data, true), where, several, suggestion, advice: capitalizeSentence(annotation) },
    locateValue(document, path, data),
  );
}

/**
 * In a flow mapping (`{ text: First, second }`) a comma ends the value, and the rest
 * becomes a key without a value. Such a "key" with spaces and no value is text, not a typo.
 */
function commaSplitText(document: LoadedDocument, path: Path, key: string): { before?: { key: string; value: string } } | undefined {
  const node = path.length === 0 ? document.yaml.contents : document.yaml.getIn(path, true);
  if (!isMap(node) || node.flow !== true || !/\s/.test(key) || valueAt(document.data, [...path, key]) !== null) return undefined;
  // The entry before the stray key holds the first part of the text.
  const index = node.items.findIndex((p) => isScalar(p.key) && String(p.key.value) === key);
  const previous = index > 0 ? node.items[index - 1] : undefined;
  if (previous && isScalar(previous.key) && isScalar(previous.value) && typeof previous.value.value === 'string') {
    return { before: { key: String(previous.key.value), value: previous.value.value } };
  }
  return {};
}

/**
 * Where to point for a value: the value itself, or the key when the value is empty
 * (`title:` with nothing after it has no text to underline).
 */
function locateValue(document: LoadedDocument, path: Path, data: unknown): Location {
  if (data === null && path.length > 0 && typeof path[path.length - 1] === 'string') return document.at(path, 'key');
  return document.at(path);
}

function typeHint(expected: readonly string[], data: unknown, path: Path, kind: string): string | undefined {
  const shown = typeof data === 'string' || typeof data === 'number' || typeof data === 'boolean' ? String(data) : undefined;
  if (path.length === 0 && expected.includes('object')) {
    return `A ${kind} document is a mapping of keys to values, one \`key: value\` per line.`;
  }
  if (data === null) return 'Write the value after the colon, or remove the key.';
  if (expected.includes('string') && shown !== undefined) return 'Put the value in quotes to make it text.';
  if (expected.includes('array')) {
    return shown !== undefined ? `Write a list, such as \`[${shown}]\`, or one \`- ${shown}\` line per item.` : 'Write a list, one `- item` line per item.';
  }
  if (expected.includes('object')) return 'Write a mapping: `key: value` lines indented under the key.';
  if ((expected.includes('number') || expected.includes('integer')) && typeof data === 'string') {
    return /^\s*-?\d+(\.\d+)?\s*$/.test(data) ? 'Remove the quotes: numbers are written without them.' : 'Write a number alone, without words or units.';
  }
  if (expected.includes('boolean')) return 'Write `true` or `false`, without quotes.';
  return undefined;
}

/** The rule a value broke, as the facts its words are made of (messages.ts, `schema_value_invalid`). */
function brokenRule(error: ErrorObject, data: unknown): ConstraintRule {
  const params = error.params as Record<string, unknown>;
  const schema = error.parentSchema ?? {};
  switch (error.keyword) {
    case 'pattern':
      return { keyword: 'pattern', form: patternForm(String(params.pattern)) };
    case 'format':
      return { keyword: 'format', format: String(params.format) };
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return { keyword: error.keyword, limit: String(params.limit) };
    case 'minLength':
      return { keyword: 'minLength' };
    case 'maxLength':
      return { keyword: 'maxLength', limit: String(params.limit) };
    case 'minItems':
      return { keyword: 'minItems', limit: Number(params.limit), count: Array.isArray(data) ? data.length : 0 };
    case 'minProperties':
      return { keyword: 'minProperties' };
    default:
      return { keyword: 'other', rule: error.message ?? error.keyword, ...(schema.title ? { title: String(schema.title) } : {}) };
  }
}

/** What a pattern of the schemas stands for, known by how its source begins. */
function patternForm(pattern: string): PatternForm {
  if (pattern.startsWith('^[a-z][a-z0-9]*')) return 'id';
  if (pattern.includes('\\d{4}-\\d{2}-\\d{2}(T')) return 'date-or-date-time';
  if (pattern.includes('\\d{4}-\\d{2}-\\d{2}T')) return 'local-date-time';
  if (pattern.includes('\\d{4}-\\d{2}-\\d{2}')) return 'date';
  if (pattern.startsWith('^#')) return 'colour';
  if (pattern.startsWith('^https?')) return 'web-address';
  if (pattern.startsWith('^[A-Z]{3}')) return 'currency';
  if (pattern.startsWith('^[A-Z]{2}')) return 'country';
  if (pattern.startsWith('^[a-z]{2,3}')) return 'language';
  if (pattern.startsWith('^\\+?[0-9')) return 'phone';
  if (pattern.startsWith('^[^\\\\]')) return 'path';
  return 'other';
}

/** The `x-message` of the schema that failed, or of the nearest schema on the way to it. */
function nearestMessage(root: JsonSchema, error: ErrorObject): string | undefined {
  // The schema that holds the keyword knows best; its path from the root breaks at `$ref`s.
  const own = (error.parentSchema as JsonSchema | undefined)?.['x-message'];
  if (typeof own === 'string') return own;
  const chain = schemasAlong(root, error.schemaPath);
  for (let i = chain.length - 1; i >= 0; i--) {
    const candidate = chain[i];
    if (candidate && typeof candidate === 'object' && typeof (candidate as JsonSchema)['x-message'] === 'string') {
      return (candidate as JsonSchema)['x-message'] as string;
    }
  }
  return undefined;
}

/** The property schema of `key` in the nearest schema on the way to a failing keyword that describes it. */
function describingSchema(root: JsonSchema, schemaPath: string, key: string): JsonSchema | undefined {
  const chain = schemasAlong(root, schemaPath);
  for (let i = chain.length - 1; i >= 0; i--) {
    const property = ((chain[i] as JsonSchema | undefined)?.properties as Record<string, JsonSchema> | undefined)?.[key];
    if (property) return property;
  }
  return undefined;
}

/** The string constants among a union's branches (`all` in `all | [ids] | {…}`), for did-you-mean. */
function constantsOf(branches: unknown): string[] {
  if (!Array.isArray(branches)) return [];
  return branches.flatMap((b: JsonSchema) => [
    ...(typeof b?.const === 'string' ? [b.const] : []),
    ...(Array.isArray(b?.enum) ? b.enum.filter((v): v is string => typeof v === 'string') : []),
  ]);
}

/** Every value on the way from `root` along a schema path (`#/properties/a/items`), the root first; it ends where the path leaves the schema (at a `$ref`). */
function schemasAlong(root: JsonSchema, schemaPath: string): unknown[] {
  const chain: unknown[] = [root];
  let node: unknown = root;
  for (const segment of schemaPath.replace(/^#\/?/, '').split('/').filter(Boolean).map(unescapePointer)) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<string, unknown>)[segment];
    chain.push(node);
  }
  return chain;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function pathOf(instancePath: string): Path {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map(unescapePointer)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** `modules[2].options` → "`modules[2].options`". */
function describePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '';
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out ? `.${segment}` : segment;
  return `\`${out}\``;
}

function describeType(type: string): string {
  return (
    {
      string: 'text',
      integer: 'a whole number',
      number: 'a number',
      boolean: '`true` or `false`',
      array: 'a list',
      object: 'a mapping of keys to values',
      null: 'nothing',
    }[type] ?? type
  );
}

/** A value as the author wrote it: text without JSON quotes unless they are needed to see it. */
function describeValue(value: unknown, asSubject = false): string {
  if (value === undefined) return asSubject ? 'The value' : 'nothing';
  if (value === null) return asSubject ? 'An empty value' : 'an empty value';
  if (Array.isArray(value)) return asSubject ? 'This list' : 'a list';
  if (typeof value === 'object') return asSubject ? 'This mapping' : 'a mapping';
  const plain = typeof value === 'string' && /^\S(.*\S)?$/.test(value) && !value.includes('`') ? value : JSON.stringify(value);
  const short = plain.length > 48 ? `${plain.slice(0, 45)}…` : plain;
  const code = `\`${short.replace(/`/g, "'")}\``;
  if (asSubject) return code;
  const kind = typeof value === 'string' ? 'text' : typeof value === 'boolean' ? 'the boolean' : 'the number';
  return `${kind} ${code}`;
}

function firstSentence(text: string): string {
  const end = text.search(/[.;:](\s|$)/);
  return (end === -1 ? text : text.slice(0, end)).trim().replace(/^./, (c) => c.toLowerCase());
}

function capitalizeSentence(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
}
