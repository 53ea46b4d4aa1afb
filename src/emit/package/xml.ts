/**
 * A tiny XML writer for manifests. Documents are built as a tree and serialized in one
 * place, so every text and attribute value is escaped on the way out: no caller can
 * forget it, and hostile titles cannot break a manifest.
 */

/** An attribute value; `undefined` leaves the attribute out. */
export type XmlAttributeValue = string | number | boolean | undefined;

export interface XmlElement {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, XmlAttributeValue>>;
  /** Elements, or text (escaped). Text and elements are not mixed in one element. */
  readonly children?: readonly (XmlElement | string)[];
}

/** Builds an element; children that are `undefined` or `false` are skipped, for optional parts. */
export function element(
  name: string,
  attributes: Readonly<Record<string, XmlAttributeValue>> = {},
  ...children: readonly (XmlElement | string | undefined | false | readonly (XmlElement | undefined | false)[])[]
): XmlElement {
  const flat: (XmlElement | string)[] = [];
  for (const child of children) {
    if (child === undefined || child === false) continue;
    if (Array.isArray(child)) {
      for (const c of child as readonly (XmlElement | undefined | false)[]) if (c) flat.push(c);
    } else flat.push(child as XmlElement | string);
  }
  return { name, attributes, children: flat };
}

/**
 * Characters XML 1.0 forbids outright (most C0 controls, lone surrogates, U+FFFE/FFFF).
 * They are dropped: there is no way to escape them, and one of them makes the whole
 * manifest unreadable to the LMS.
 */
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes the characters XML cannot carry. */
export function xmlSafe(text: string): string {
  return text.replace(forbidden, '');
}

/** Escapes text content. `>` is escaped too, so that `]]>` can never appear. */
export function escapeXmlText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value (double-quoted); tabs and line breaks are kept as references so they survive attribute normalization. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function attributeText(attributes: Readonly<Record<string, XmlAttributeValue>> | undefined): string {
  if (!attributes) return '';
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    out += ` ${name}="${escapeXmlAttribute(String(value))}"`;
  }
  return out;
}

function serialize(node: XmlElement, indent: string, lines: string[]): void {
  const open = `${indent}<${node.name}${attributeText(node.attributes)}`;
  const children = node.children ?? [];
  if (children.length === 0) {
    lines.push(`${open}/>`);
    return;
  }
  if (children.every((c) => typeof c === 'string')) {
    lines.push(`${open}>${children.map((c) => escapeXmlText(c as string)).join('')}</${node.name}>`);
    return;
  }
  lines.push(`${open}>`);
  for (const child of children) {
    if (typeof child === 'string') lines.push(`${indent}  ${escapeXmlText(child)}`);
    else serialize(child, `${indent}  `, lines);
  }
  lines.push(`${indent}</${node.name}>`);
}

/** A complete document: UTF-8 declaration, two-space indentation, a final newline. */
export function xmlDocument(root: XmlElement): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  serialize(root, '', lines);
  return `${lines.join('\n')}\n`;
}
