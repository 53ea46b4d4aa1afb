/**
 * A web address from the sources or the site, normalized by the URL parser (which
 * percent-encodes spaces and controls), or nothing. Other schemes are refused, so that a
 * `javascript:` or `data:` link in the sources never becomes a link in a learner's calendar.
 */
export function webUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
