/**
 * An iCalendar object as a tree of components and properties, and its serialization.
 * Property values say what they are (TEXT, a list of TEXT, or an already formatted value),
 * so that escaping happens in exactly one place and cannot be forgotten or done twice.
 */
import { CRLF, contentLine, escapeText, foldLine, type Parameter } from './content-lines.ts';

/** A property value, by how it must be written. */
export type PropertyValue =
  /** Human text: escaped when written. */
  | { readonly type: 'text'; readonly text: string }
  /** Several TEXT values separated by commas (CATEGORIES): each escaped on its own. */
  | { readonly type: 'text-list'; readonly texts: readonly string[] }
  /** A value already in its written form (DATE, DATE-TIME, DURATION, URI, INTEGER, ...). */
  | { readonly type: 'formatted'; readonly value: string };

/** A content line before it is written: name, parameters and value. */
export interface Property {
  readonly name: string;
  readonly params: readonly Parameter[];
  readonly value: PropertyValue;
}

/** A `BEGIN:NAME` … `END:NAME` block with its properties and nested components. */
export interface Component {
  readonly name: string;
  readonly properties: readonly Property[];
  readonly components: readonly Component[];
}

/** A TEXT property. */
export function text(name: string, value: string, params: readonly Parameter[] = []): Property {
  return { name, params, value: { type: 'text', text: value } };
}

/** A property whose value is a list of TEXT values (CATEGORIES). */
export function textList(name: string, values: readonly string[]): Property {
  return { name, params: [], value: { type: 'text-list', texts: values } };
}

/** A property with a value that is already formatted (not TEXT). */
export function formatted(name: string, value: string, params: readonly Parameter[] = []): Property {
  return { name, params, value: { type: 'formatted', value } };
}

/** A component with its properties and sub-components, in the order they are written. */
export function component(name: string, properties: readonly Property[], components: readonly Component[] = []): Component {
  return { name, properties, components };
}

function writtenValue(value: PropertyValue): string {
  switch (value.type) {
    case 'text':
      return escapeText(value.text);
    case 'text-list':
      return value.texts.map(escapeText).join(',');
    case 'formatted':
      return value.value;
  }
}

/** Every TZID parameter used in a tree, to check that each has its VTIMEZONE. */
export function tzidsUsed(root: Component): Set<string> {
  const zones = new Set<string>();
  const visit = (c: Component): void => {
    for (const p of c.properties) for (const param of p.params) if (param.name === 'TZID') zones.add(param.value);
    c.components.forEach(visit);
  };
  visit(root);
  return zones;
}

/** Serializes a component: folded content lines, each ending with CRLF. */
export function serialize(root: Component): string {
  const lines: string[] = [];
  const visit = (c: Component): void => {
    lines.push(`BEGIN:${c.name}`);
    for (const p of c.properties) lines.push(foldLine(contentLine(p.name, p.params, writtenValue(p.value))));
    c.components.forEach(visit);
    lines.push(`END:${c.name}`);
  };
  visit(root);
  return lines.map((l) => l + CRLF).join('');
}
