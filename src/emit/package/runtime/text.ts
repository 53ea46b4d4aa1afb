/**
 * Text and number formats shared by every format: message templates, scores in per cent
 * and scaled, and the time formats each standard wants.
 */

/** Replaces `{name}` in a message template. */
export function fill(template: string, values?: Readonly<Record<string, string | number>>): string {
  return String(template).replace(/\{(\w+)\}/g, (whole, name: string) =>
    values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}

function pad(n: number, width: number): string {
  let s = String(n);
  while (s.length < width) s = '0' + s;
  return s;
}

/** An ISO 8601 duration with centiseconds (SCORM 2004 timeinterval, xAPI duration): `PT1H2M3.4S`. */
export function isoDuration(ms: number): string {
  let cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  cs -= h * 360000;
  const m = Math.floor(cs / 6000);
  cs -= m * 6000;
  const s = Math.floor(cs / 100);
  const frac = cs % 100;
  const seconds = frac ? s + '.' + pad(frac, 2).replace(/0$/, '') : String(s);
  return 'PT' + (h ? h + 'H' : '') + (m ? m + 'M' : '') + seconds + 'S';
}

/** A SCORM 1.2 CMITimespan, `HHHH:MM:SS.SS` (hours capped at 9999). */
export function scorm12Timespan(ms: number): string {
  let cs = Math.max(0, Math.round(ms / 10));
  const h = Math.min(9999, Math.floor(cs / 360000));
  cs -= Math.floor(cs / 360000) * 360000;
  const m = Math.floor(cs / 6000);
  cs -= m * 6000;
  const s = Math.floor(cs / 100);
  return pad(h, 2) + ':' + pad(m, 2) + ':' + pad(s, 2) + '.' + pad(cs % 100, 2);
}

/** Ten-thousandths of the maximum (0–10000) as a decimal: per cent (`59.99`) or scaled (`0.5999`). */
function decimalOf(tenThousandths: number, divisor: number): string {
  const whole = Math.floor(tenThousandths / divisor);
  const rest = tenThousandths % divisor;
  if (!rest) return String(whole);
  return whole + '.' + pad(rest, String(divisor).length - 1).replace(/0+$/, '');
}

export function percentText(tenThousandths: number): string {
  return decimalOf(tenThousandths, 100);
}

export function scaledText(tenThousandths: number): string {
  return decimalOf(tenThousandths, 10000);
}

/** The message of whatever was thrown, for the page to show. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
