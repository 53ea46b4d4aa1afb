import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';

/** A path into a document's data, as JSON Schema and the resolver see it. */
export type DataPath = readonly (string | number)[];

/** Which part of a mapping entry to point at: its key (for unknown keys) or its value. */
export type NodePart = 'key' | 'value';

/**
 * Finds the source span of the node at `path`, or of its deepest existing ancestor
 * when the path goes further than the document (a missing key is reported on the
 * mapping that should hold it). Returns `[start, end]` offsets.
 */
export function locateNode(doc: Document, path: DataPath, part: NodePart = 'value'): [number, number] {
  let node: unknown = doc.contents;
  let keyNode: Node | null = null;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyMatches(p.key, segment));
      if (!pair) break;
      keyNode = (pair.key as Node | null) ?? null;
      node = pair.value;
    } else if (isSeq(node) && /^\d+$/.test(String(segment))) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      keyNode = null;
      node = item;
    } else {
      break;
    }
  }
  const target = part === 'key' && keyNode ? keyNode : (node as Node | null);
  const range = target?.range ?? keyNode?.range;
  if (!range) return [0, 0];
  return [range[0], range[1]];
}

function keyMatches(key: unknown, segment: string | number): boolean {
  if (isScalar(key)) return String(key.value) === String(segment);
  return false;
}
