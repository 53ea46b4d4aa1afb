/*
 * SCO runtime, part 1: helpers shared by every format.
 * Plain ES2017 for the browsers LMSs embed; no modules, no build step. The compiler
 * concatenates the parts inside one function scope (see runtime.ts).
 */

/** Replaces `{name}` in a message template. */
function fill(template, values) {
  return String(template).replace(/\{(\w+)\}/g, function (whole, name) {
    return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
  });
}

/** A 32-bit hash of a string (cyrb53's mixing, truncated): the seed of a learner's shuffles. */
function hashString(text) {
  var h1 = 0xdeadbeef;
  var h2 = 0x41c6ce57;
  for (var i = 0; i < text.length; i++) {
    var ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  return h1 >>> 0;
}

/** mulberry32: a small seeded generator, the same sequence in every browser. */
function seededRandom(seed) {
  var a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    var t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A shuffled copy (Fisher–Yates). */
function shuffled(items, random) {
  var out = items.slice();
  for (var i = out.length - 1; i > 0; i--) {
    var j = Math.floor(random() * (i + 1));
    var tmp = out[i];
    out[i] = out[j];
    out[j] = tmp;
  }
  return out;
}

function pad(n, width) {
  var s = String(n);
  while (s.length < width) s = '0' + s;
  return s;
}

/** An ISO 8601 duration with centiseconds (SCORM 2004 timeinterval, xAPI duration): `PT1H2M3.4S`. */
function isoDuration(ms) {
  var cs = Math.max(0, Math.round(ms / 10));
  var h = Math.floor(cs / 360000);
  cs -= h * 360000;
  var m = Math.floor(cs / 6000);
  cs -= m * 6000;
  var s = Math.floor(cs / 100);
  var frac = cs % 100;
  var seconds = frac ? s + '.' + pad(frac, 2).replace(/0$/, '') : String(s);
  return 'PT' + (h ? h + 'H' : '') + (m ? m + 'M' : '') + seconds + 'S';
}

/** A SCORM 1.2 CMITimespan, `HHHH:MM:SS.SS` (hours capped at 9999). */
function scorm12Timespan(ms) {
  var cs = Math.max(0, Math.round(ms / 10));
  var h = Math.min(9999, Math.floor(cs / 360000));
  cs -= Math.floor(cs / 360000) * 360000;
  var m = Math.floor(cs / 6000);
  cs -= m * 6000;
  var s = Math.floor(cs / 100);
  return pad(h, 2) + ':' + pad(m, 2) + ':' + pad(s, 2) + '.' + pad(cs % 100, 2);
}

/** Ten-thousandths of the maximum (0–10000) as a decimal: per cent (`59.99`) or scaled (`0.5999`). */
function decimalOf(tenThousandths, divisor) {
  var whole = Math.floor(tenThousandths / divisor);
  var rest = tenThousandths % divisor;
  if (!rest) return String(whole);
  return whole + '.' + pad(rest, String(divisor).length - 1).replace(/0+$/, '');
}
function percentText(tenThousandths) {
  return decimalOf(tenThousandths, 100);
}
function scaledText(tenThousandths) {
  return decimalOf(tenThousandths, 10000);
}

/*
 * The saved state: what the SCO keeps between sessions (SCORM suspend_data, a cmi5 state
 * document). Compact JSON with one-letter keys, because SCORM 1.2 allows only 4096
 * characters:
 *   v  format version
 *   f  fingerprint of the question set; a take in progress belongs to that set only
 *   n  attempts used (submitted takes)
 *   b  best score in ten-thousandths, -1 before the first take
 *   p  1 once the assessment was passed (and, in cmi5, the passed statement sent)
 *   d  1 once the module's completion was reported
 *   t  the take in progress: i = question shown, a = answers (per drawn question, the
 *      chosen option indexes, or null)
 */
var STATE_VERSION = 1;

function emptyState(fingerprint) {
  return { v: STATE_VERSION, f: fingerprint, n: 0, b: -1, p: 0, d: 0, t: null };
}

function isCount(value, max) {
  return typeof value === 'number' && value === Math.floor(value) && value >= 0 && value <= max;
}

/** Reads saved state; anything unreadable or from another format version starts afresh. */
function decodeState(text, fingerprint) {
  var state = emptyState(fingerprint);
  if (!text) return state;
  var raw;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return state;
  }
  if (!raw || typeof raw !== 'object' || raw.v !== STATE_VERSION) return state;
  if (isCount(raw.n, 1e6)) state.n = raw.n;
  if (raw.b === -1 || isCount(raw.b, 10000)) state.b = raw.b;
  state.p = raw.p === 1 ? 1 : 0;
  state.d = raw.d === 1 ? 1 : 0;
  // A take in progress only survives if the questions are the same as when it began.
  if (raw.f === fingerprint && raw.t && typeof raw.t === 'object' && isCount(raw.t.i, 1e6) && Array.isArray(raw.t.a)) {
    state.t = { i: raw.t.i, a: raw.t.a.map(function (x) {
      return Array.isArray(x) && x.every(function (k) { return isCount(k, 1000); }) ? x : null;
    }) };
  }
  return state;
}

function serialize(state, answers) {
  var out = { v: state.v, f: state.f, n: state.n, b: state.b, p: state.p, d: state.d };
  if (state.t) {
    var a = answers.slice();
    while (a.length && !a[a.length - 1]) a.pop();
    out.t = { i: state.t.i, a: a };
  }
  return JSON.stringify(out);
}

/**
 * Writes state within `limit` characters. The counts always fit; when the answers of a
 * take in progress do not, the last ones are dropped (the learner answers them again),
 * and at worst the take in progress itself.
 */
function encodeState(state, limit) {
  var answers = state.t ? state.t.a : [];
  var text = serialize(state, answers);
  if (text.length <= limit || !state.t) return text;
  var low = 0;
  var high = answers.length;
  // The longest prefix of the answers that fits.
  while (low < high) {
    var mid = Math.ceil((low + high) / 2);
    if (serialize(state, answers.slice(0, mid)).length <= limit) low = mid;
    else high = mid - 1;
  }
  var kept = { v: state.v, f: state.f, n: state.n, b: state.b, p: state.p, d: state.d, t: { i: Math.min(state.t.i, low), a: answers.slice(0, low) } };
  text = serialize(kept, kept.t.a);
  if (text.length <= limit) return text;
  kept.t = null;
  return serialize(kept, []);
}
