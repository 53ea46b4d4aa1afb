/**
 * Times as records write them. An instant needs an offset or a zone: ISO 8601 with `Z` or
 * `+02:00`, or a local time followed by an IANA zone name. Exports that write local time
 * alone (Zoom's participants report, Moodle's quiz report: both in the exporting account's
 * zone, which the file does not name) are read in the zone the mapping file or `--zone`
 * gives; without one, the time is reported rather than guessed.
 */
import { checkZone, resolveLocal } from '../time/zones.ts';

export type TimeReading = { readonly ms: number } | { readonly problem: 'no-zone' } | { readonly problem: 'invalid' };

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** `local` as `YYYY-MM-DDTHH:MM:SS`, or undefined when the text is no local time of the forms exports use. */
function localOf(text: string): string | undefined {
  const p = (n: number) => String(n).padStart(2, '0');
  const clock = (h: number, mi: number, s: number, ampm: string | undefined) => {
    if (ampm) {
      if (h < 1 || h > 12) return undefined;
      h = (h % 12) + (ampm.toUpperCase() === 'PM' ? 12 : 0);
    }
    if (h > 23 || mi > 59 || s > 59) return undefined;
    return `${p(h)}:${p(mi)}:${p(s)}`;
  };
  const date = (y: number, mo: number, d: number) => (mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate() ? `${y}-${p(mo)}-${p(d)}` : undefined);
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?$/.exec(text);
  if (m) {
    const d = date(+m[1]!, +m[2]!, +m[3]!);
    const c = m[4] === undefined ? '00:00:00' : clock(+m[4], +m[5]!, +(m[6] ?? 0), undefined);
    return d && c ? `${d}T${c}` : undefined;
  }
  // Zoom (US format): 07/03/2023 09:02:15 AM, also without seconds or AM/PM.
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp][Mm]))?$/.exec(text);
  if (m) {
    const d = date(+m[3]!, +m[1]!, +m[2]!);
    const c = clock(+m[4]!, +m[5]!, +(m[6] ?? 0), m[7]);
    return d && c ? `${d}T${c}` : undefined;
  }
  // Moodle (its strftimedatetime): 3 July 2023, 10:15 AM
  m = /^(\d{1,2}) ([A-Za-z]+) (\d{4}),? +(\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp][Mm]))?$/.exec(text);
  if (m) {
    const month = months.indexOf(m[2]!.toLowerCase()) + 1;
    const d = month > 0 ? date(+m[3]!, month, +m[1]!) : undefined;
    const c = clock(+m[4]!, +m[5]!, +(m[6] ?? 0), m[7]);
    return d && c ? `${d}T${c}` : undefined;
  }
  return undefined;
}

/** Reads a time cell; `zone` is the zone of times written without an offset, if one was given. */
export function readTime(raw: string, zone: string | undefined): TimeReading {
  const text = raw.trim();
  const offset = /^(.*\d)\s*(Z|[+-]\d{2}:?\d{2})$/.exec(text);
  if (offset && /^\d{4}-\d{2}-\d{2}[T ]\d/.test(text)) {
    const local = localOf(offset[1]!);
    if (!local) return { problem: 'invalid' };
    const o = offset[2]!;
    const minutes = o === 'Z' ? 0 : (o[0] === '-' ? -1 : 1) * (Number(o.slice(1, 3)) * 60 + Number(o.slice(-2)));
    const [d, c] = local.split('T') as [string, string];
    const [y, mo, da] = d.split('-').map(Number) as [number, number, number];
    const [h, mi, s] = c.split(':').map(Number) as [number, number, number];
    return { ms: Date.UTC(y, mo - 1, da, h, mi, s) - minutes * 60_000 };
  }
  const named = /^(.*\d(?: ?[AaPp][Mm])?)\s+([A-Za-z_]+\/[A-Za-z_/+-]+|UTC)$/.exec(text);
  if (named) {
    const check = checkZone(named[2]!);
    const local = localOf(named[1]!);
    if (!check.ok || !local) return { problem: 'invalid' };
    return { ms: resolveLocal(local, check.zone).epochMs };
  }
  const local = localOf(text);
  if (!local) return { problem: 'invalid' };
  if (!zone) return { problem: 'no-zone' };
  return { ms: resolveLocal(local, zone).epochMs };
}
