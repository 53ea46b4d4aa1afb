/** Observing which texts reach the Markdown parser (src/markdown, `onHtmlRendered`). */
import { onHtmlRendered } from '../../src/markdown/index.ts';

/** Calls `work` and returns the texts this thread rendered through the parser meanwhile. */
export function renderedDuring(work: () => void): string[] {
  const keys: string[] = [];
  onHtmlRendered((key) => keys.push(key));
  try {
    work();
  } finally {
    onHtmlRendered(undefined);
  }
  return keys;
}
