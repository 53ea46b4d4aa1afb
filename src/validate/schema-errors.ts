import type { ErrorObject } from 'ajv';
import type { Reporter } from '../diagnostics/reporter.ts';
import type { LoadedDocument } from '../load/parse-yaml.ts';
import type { JsonSchema } from '../schemas/define.ts';
import { documentSchemas } from '../schemas/index.ts';
import { closest } from '../util/suggest.ts';

/**
 * Turns ajv's errors for one document into located diagnostics.
 *
 * ajv reports a failed `oneOf` together with every branch's own errors, most of which
 * describe branches the author never meant. We keep a branch's errors only when they
 * point deeper into the data than the `oneOf` itself (the author clearly chose that
 * branch and got something inside it wrong); otherwise we report the `oneOf` once, in
 * the words of its `x-message` annotation.
 */
export function reportSchemaErrors(document: LoadedDocument, errors: readonly ErrorObject[], reporter: Reporter): void {
  const root = documentSchemas[document.kind];
  for (const error of selectErrors(errors)) reportOne(document, root, error, errors, reporter);
}

function selectErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  for (const error of errors) {
    if (error.keyword === 'if') dropped.add(error);
    if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') continue;
    const prefix = `${error.schemaPath}/`;
    const branches = errors.filter((e) => e.schemaPath.startsWith(prefix));
    const deeper = branches.filter((e) => e.instancePath.length > error.instancePath.length && e.keyword !== 'oneOf');
    if (deeper.length > 0) {
      // Keep the errors of the branch that got furthest; drop the oneOf itself and the other branches.
      const best = branchOf(deeper.reduce((a, b) => (b.instancePath.length > a.instancePath.length ? b : a)), error);
      for (const e of branches) if (branchOf(e, error) !== best || e.instancePath === error.instancePath) dropped.add(e);
      dropped.add(error);
    } else {
      for (const e of branches) dropped.add(e);
    }
  }
  const selected = errors.filter((e) => !dropped.has(e));
  // allErrors can report the same problem through two paths of the schema; say it once.
  const seen = new Set<string>();
  return selected.filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function branchOf(error: ErrorObject, union: ErrorObject): string {
  return error.schemaPath.slice(union.schemaPath.length + 1).split('/')[0] ?? '';
}

function reportOne(
  document: LoadedDocument,
  root: JsonSchema,
  error: ErrorObject,
  all: readonly ErrorObject[],
  reporter: Reporter,
): void {
  const path = pathOf(error.instancePath);
  const where = describePath(path);
  const annotation = nearestMessage(root, error.schemaPath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const suggestion = closest(key, known);
      reporter.report('schema_property_unknown', `Unknown key \`${key}\`${where ? ` in ${where}` : ''}`, document.at([...path, key], 'key'), {
        label: suggestion ? `did you mean \`${suggestion}\`?` : 'not a known key here',
        hint: suggestion
          ? `Did you mean \`${suggestion}\`? Keys allowed here: ${listKeys(known)}.`
          : `Keys allowed here: ${listKeys(known)}.`,
      });
      return;
    }
    case 'required': {
      const key = String(params.missingProperty);
      const property = (error.parentSchema?.properties as Record<string, JsonSchema> | undefined)?.[key];
      const description = typeof property?.description === 'string' ? ` (${firstSentence(property.description)})` : '';
      reporter.report('schema_property_missing', `Missing required key \`${key}\`${where ? ` in ${where}` : ''}`, document.at(path, 'key'), {
        label: `\`${key}\` is required here`,
        hint: annotation ?? `Add \`${key}:\`${description}.`,
      });
      return;
    }
    case 'type': {
      const expected = [params.type].flat().map(String);
      const data = valueAt(document.data, path);
      // A list of types with a `oneOf` around it is handled by the union; here the type is plain.
      reporter.report(
        'schema_type_mismatch',
        `Expected ${expected.map(describeType).join(' or ')}${where ? ` for ${where}` : ''}, found ${describeValue(data)}`,
        document.at(path),
        {
          label: `should be ${expected.map(describeType).join(' or ')}`,
          hint: expected.includes('string') && data !== null && typeof data !== 'object' ? 'Put the value in quotes to make it text.' : annotation,
        },
      );
      return;
    }
    case 'enum':
    case 'const': {
      const allowed = error.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue];
      const data = valueAt(document.data, path);
      const suggestion = typeof data === 'string' ? closest(data, allowed.map(String)) : undefined;
      reporter.report(
        'schema_value_invalid',
        `${describeValue(data, true)} is not an accepted value${where ? ` for ${where}` : ''}`,
        document.at(path),
        {
          label: `expected ${allowed.map((v) => JSON.stringify(v)).join(', ')}`,
          hint: `${suggestion ? `Did you mean \`${suggestion}\`? ` : ''}Accepted: ${allowed.map((v) => `\`${String(v)}\``).join(', ')}.`,
        },
      );
      return;
    }
    case 'oneOf':
    case 'anyOf':
    case 'not': {
      const data = valueAt(document.data, path);
      reporter.report('schema_value_invalid', `${describeValue(data, true)} does not have an accepted form${where ? ` for ${where}` : ''}`, document.at(path), {
        label: annotation ?? 'not an accepted form',
        hint: annotation ? capitalize(annotation) + '.' : undefined,
      });
      return;
    }
    default: {
      const data = valueAt(document.data, path);
      const { message, hint } = explainConstraint(error, data, all);
      reporter.report('schema_value_invalid', `${message}${where ? ` (${where})` : ''}`, document.at(path), {
        label: message,
        hint: hint ?? (annotation ? capitalize(annotation) + '.' : undefined),
      });
    }
  }
}

function explainConstraint(error: ErrorObject, data: unknown, _all: readonly ErrorObject[]): { message: string; hint?: string } {
  const params = error.params as Record<string, unknown>;
  const schema = error.parentSchema ?? {};
  const shown = describeValue(data, true);
  switch (error.keyword) {
    case 'pattern':
      return patternMessage(String(params.pattern), shown);
    case 'format':
      return { message: `${shown} is not a valid ${formatName(String(params.format))}` };
    case 'minimum':
    case 'exclusiveMinimum':
      return { message: `${shown} must be ${error.keyword === 'minimum' ? 'at least' : 'more than'} ${String(params.limit)}` };
    case 'maximum':
    case 'exclusiveMaximum':
      return { message: `${shown} must be ${error.keyword === 'maximum' ? 'at most' : 'less than'} ${String(params.limit)}` };
    case 'minLength':
      return { message: 'The text must not be empty', hint: 'Write the text, or remove the key.' };
    case 'maxLength':
      return { message: `The text is longer than ${String(params.limit)} characters` };
    case 'minItems':
      return { message: `The list needs at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}` };
    case 'uniqueItems':
      return { message: `The list holds the same item twice (items ${Number(params.j) + 1} and ${Number(params.i) + 1})`, hint: 'Remove the repeated item.' };
    case 'minProperties':
      return { message: 'The mapping is empty', hint: 'Fill in at least one key, or remove the mapping.' };
    default:
      return { message: `${shown} is not valid: ${error.message ?? error.keyword}${schema.title ? ` (${String(schema.title)})` : ''}` };
  }
}

function patternMessage(pattern: string, shown: string): { message: string; hint?: string } {
  if (pattern.startsWith('^[a-z][a-z0-9]*')) {
    return {
      message: `${shown} is not a valid id`,
      hint: 'Ids use lowercase letters, digits and single hyphens, and start with a letter, e.g. `identifying-risks`.',
    };
  }
  if (pattern.includes('\\d{4}-\\d{2}-\\d{2}(T')) return { message: `${shown} is not a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM)` };
  if (pattern.includes('\\d{4}-\\d{2}-\\d{2}T')) return { message: `${shown} is not a local date and time (YYYY-MM-DDTHH:MM)`, hint: 'Write the time without an offset and give the zone in `timeZone`.' };
  if (pattern.includes('\\d{4}-\\d{2}-\\d{2}')) return { message: `${shown} is not a date (YYYY-MM-DD)`, hint: 'Write dates as year-month-day, e.g. 2023-03-20.' };
  if (pattern.startsWith('^#')) return { message: `${shown} is not a colour (#rrggbb)`, hint: 'Write the colour as # and six hexadecimal digits, e.g. #1f5fa8.' };
  if (pattern.startsWith('^https?')) return { message: `${shown} is not a web address`, hint: 'Write the full address starting with https://.' };
  if (pattern.startsWith('^[A-Z]{3}')) return { message: `${shown} is not an ISO 4217 currency code`, hint: 'Use three capital letters, e.g. EUR.' };
  if (pattern.startsWith('^[A-Z]{2}')) return { message: `${shown} is not an ISO 3166 country code`, hint: 'Use two capital letters, e.g. KR.' };
  if (pattern.startsWith('^[a-z]{2,3}')) return { message: `${shown} is not a BCP 47 language tag`, hint: 'Use a tag such as `en`, `ko` or `pt-PT`.' };
  if (pattern.startsWith('^[^\\\\]')) return { message: `${shown} is not a valid path`, hint: 'Use `/` to separate folders.' };
  return { message: `${shown} does not have the expected form` };
}

function formatName(format: string): string {
  return { uri: 'web address', email: 'email address', date: 'date' }[format] ?? format;
}

/** Finds the `x-message` annotation of the nearest schema on the way to the failing keyword. */
function nearestMessage(root: JsonSchema, schemaPath: string): string | undefined {
  const segments = schemaPath.replace(/^#\/?/, '').split('/').filter(Boolean).map(unescapePointer);
  const chain: unknown[] = [root];
  let node: unknown = root;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<string, unknown>)[segment];
    chain.push(node);
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const candidate = chain[i];
    if (candidate && typeof candidate === 'object' && typeof (candidate as JsonSchema)['x-message'] === 'string') {
      return (candidate as JsonSchema)['x-message'] as string;
    }
  }
  return undefined;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function pathOf(instancePath: string): (string | number)[] {
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

function describeValue(value: unknown, asSubject = false): string {
  if (value === undefined) return asSubject ? 'The value' : 'nothing';
  if (value === null) return asSubject ? 'An empty value' : 'an empty value';
  if (Array.isArray(value)) return asSubject ? 'This list' : 'a list';
  if (typeof value === 'object') return asSubject ? 'This mapping' : 'a mapping';
  const shown = JSON.stringify(value);
  const short = shown.length > 48 ? `${shown.slice(0, 45)}…` : shown;
  if (asSubject) return `\`${short.replace(/`/g, "'")}\``;
  const kind = typeof value === 'string' ? 'text' : typeof value === 'boolean' ? 'the boolean' : 'the number';
  return `${kind} \`${short.replace(/`/g, "'")}\``;
}

function listKeys(keys: readonly string[]): string {
  return keys.map((k) => `\`${k}\``).join(', ');
}

function firstSentence(text: string): string {
  const end = text.search(/[.;:](\s|$)/);
  return (end === -1 ? text : text.slice(0, end)).trim().replace(/^./, (c) => c.toLowerCase());
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
