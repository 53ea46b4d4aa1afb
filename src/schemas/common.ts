import { array, doc, object, type JsonSchema } from './define.ts';

/** Ids are kebab-case and start with a letter, so they are valid in URLs, calendar UIDs and xs:ID values. */
export const idPattern = '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$';

export function id(title: string, description: string, examples: readonly string[]): JsonSchema {
  return doc(title, description, { type: 'string', pattern: idPattern, maxLength: 64 }, examples);
}

export function ids(title: string, description: string, examples: readonly string[][]): JsonSchema {
  return doc(title, description, array({ type: 'string', pattern: idPattern, maxLength: 64 }, { uniqueItems: true }), examples);
}

export function text(title: string, description: string, examples?: readonly string[]): JsonSchema {
  return doc(title, description, { type: 'string', minLength: 1 }, examples);
}

export function markdown(title: string, description: string, examples?: readonly string[]): JsonSchema {
  return doc(title, `${description} Markdown.`, { type: 'string', minLength: 1, contentMediaType: 'text/markdown' }, examples);
}

/** Dates are checked for existence by the compiler (2023-02-30 is reported as such), not only by pattern. */
export function date(title: string, description: string, examples: readonly string[]): JsonSchema {
  return doc(title, `${description} A calendar date, YYYY-MM-DD.`, { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, examples);
}

export function localDateTime(title: string, description: string, examples: readonly string[]): JsonSchema {
  return doc(
    title,
    `${description} A local date and time, YYYY-MM-DDTHH:MM, without offset: the zone is given by \`timeZone\`.`,
    { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?$' },
    examples,
  );
}

export function dateOrDateTime(title: string, description: string, examples: readonly string[]): JsonSchema {
  return doc(
    title,
    `${description} A date (YYYY-MM-DD: by the end of that day) or a local date and time (YYYY-MM-DDTHH:MM) in \`timeZone\`.`,
    { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2})?)?$' },
    examples,
  );
}

/** Zones are checked against the runtime's IANA database by the compiler, which can suggest names. */
export function timeZone(title: string, description: string): JsonSchema {
  return doc(
    title,
    `${description} An IANA time zone name such as Europe/Paris; abbreviations such as CEST are refused because they are ambiguous and seasonal.`,
    { type: 'string', minLength: 1 },
    ['Europe/Madrid', 'Europe/Athens', 'Asia/Seoul', 'UTC'],
  );
}

export function url(title: string, description: string, examples: readonly string[]): JsonSchema {
  return doc(title, description, { type: 'string', format: 'uri', pattern: '^https?://' }, examples);
}

/**
 * The base of a program's stable identifiers: an http(s) IRI, a `tag:` URI (RFC 4151:
 * a domain or email address its owner held on the given date) or a URN.
 */
export function namespace(title: string, description: string, examples: readonly string[]): JsonSchema {
  return doc(title, description, { type: 'string', pattern: '^(?:https?://[^\\s/]+\\S*|tag:[A-Za-z0-9.@-]+,\\d{4}(?:-\\d{2}(?:-\\d{2})?)?:\\S*|urn:[A-Za-z0-9][A-Za-z0-9-]{1,31}:\\S+)$' }, examples);
}

export function email(title: string, description: string, examples: readonly string[]): JsonSchema {
  return doc(title, description, { type: 'string', format: 'email' }, examples);
}

export function positiveInteger(title: string, description: string, examples: readonly number[]): JsonSchema {
  return doc(title, description, { type: 'integer', minimum: 1 }, examples);
}

export function hours(title: string, description: string, examples: readonly number[]): JsonSchema {
  return doc(title, `${description} In hours.`, { type: 'number', exclusiveMinimum: 0 }, examples);
}

/** A path to a file inside the program folder; the compiler refuses paths that leave it. */
export function programFile(title: string, description: string, examples: readonly string[]): JsonSchema {
  return doc(
    title,
    `${description} Relative to the program folder, and inside it.`,
    { type: 'string', minLength: 1, pattern: '^[^\\\\]+$' },
    examples,
  );
}

export const link = object(
  {
    title: text('Title', 'What the link leads to, as a learner would read it.', ['Caring City Bogota - District Care System']),
    url: url('URL', 'The address.', ['https://youtu.be/bqD5sIGYB_A']),
    kind: doc(
      'Kind',
      'What kind of resource this is; the site shows an icon and a label for it.',
      { enum: ['video', 'reading', 'website', 'document', 'registration', 'platform', 'social', 'other'] },
      ['video'],
    ),
    by: text('By', 'Who made or presents it.', ['Ms. Diana Rodriguez, Bogotá Secretary for Women']),
    year: doc('Year', 'The year it was made or published.', { type: 'integer', minimum: 1900, maximum: 2200 }, [2021]),
    description: markdown('Description', 'What the learner finds there.', ['A 12-minute talk on the district care system of Bogotá.']),
  },
  ['title', 'url'],
);

export const links = doc('Links', 'Links to resources, in the order they are shown.', array(link));
