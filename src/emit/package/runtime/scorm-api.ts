/**
 * SCORM: finding the LMS's API object (the LMS puts it on a window that contains the SCO,
 * a parent frame, or that opened it, the opener, when the SCO runs in a pop-up, as the
 * ADL discovery algorithm describes), calling it, and reporting each question of a take
 * as an interaction.
 */
import type { AnswerReport } from './adapter.ts';

/** The methods both SCORM versions have, under either version's names. */
type ScormApiObject = Record<string, (...args: string[]) => unknown>;

/** The API object called `name` (`API` or `API_1484_11`), or null. */
export function findScormApi(name: 'API' | 'API_1484_11'): ScormApiObject | null {
  function climb(start: Window | null): ScormApiObject | null {
    let win = start;
    for (let hops = 0; win && hops < 500; hops++) {
      try {
        const api = (win as unknown as Record<string, unknown>)[name];
        if (api) return api as ScormApiObject;
      } catch {
        // A frame from another origin: the API cannot be above it.
        return null;
      }
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }
  let api = climb(window);
  if (!api) {
    try {
      if (window.opener) api = climb(window.opener as Window);
      if (!api && window.top && window.top.opener) api = climb(window.top.opener as Window);
    } catch {
      api = null;
    }
  }
  return api || null;
}

/** An error carrying the LMS's error, for the page to show. */
function scormFailure(what: string, code: string, text: string): Error {
  return new Error(what + (code ? ' — ' + code + (text ? ' ' + text : '') : ''));
}

/** Each version's names for the calls. */
export interface ScormNames {
  readonly initialize: string;
  readonly getValue: string;
  readonly setValue: string;
  readonly commit: string;
  readonly finish: string;
  readonly getLastError: string;
  readonly getErrorString: string;
}

export interface ScormCalls {
  initialize(): void;
  /** A value, or '' when the LMS has none (optional elements are often reported as errors). */
  get(element: string): string;
  set(element: string, value: string): void;
  commit(): void;
  /**
   * Ends the session: sets `values` (element, value pairs) and commits, then finishes
   * even if the LMS refused a value, because a session that is never finished can lose
   * everything it recorded. The refusal is thrown after. Only the first call does anything.
   */
  finish(values: readonly (readonly [string, string])[]): void;
}

/** The calls both SCORM versions make: a failed call throws with the LMS's error code and text. */
export function scormCalls(api: ScormApiObject, names: ScormNames): ScormCalls {
  let finished = false;
  function call(name: string, args: string[]): string {
    return String(api[name]!.apply(api, args));
  }
  function check(ok: string, what: string): void {
    if (ok === 'true') return;
    const code = call(names.getLastError, []);
    throw scormFailure(what, code, call(names.getErrorString, [code]));
  }
  function set(element: string, value: string): void {
    check(call(names.setValue, [element, String(value)]), element);
  }
  function commit(): void {
    check(call(names.commit, ['']), names.commit);
  }
  return {
    initialize() {
      check(call(names.initialize, ['']), names.initialize);
    },
    get(element) {
      const value = call(names.getValue, [element]);
      return value === 'undefined' || value === 'null' ? '' : value;
    },
    set,
    commit,
    finish(values) {
      if (finished) return;
      finished = true;
      let refused: unknown = null;
      try {
        values.forEach((pair) => set(pair[0], pair[1]));
        commit();
      } catch (error) {
        refused = error;
      }
      check(call(names.finish, ['']), names.finish);
      if (refused) throw refused;
    },
  };
}

/** Runs synchronous API work as a promise, so every adapter looks the same to the session. */
export function asPromise<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error);
  }
}

/** How a version writes interactions. */
export interface InteractionForm {
  /** The options as the version writes them, or null when it cannot. */
  response(answer: AnswerReport, indexes: readonly number[]): string | null;
  /** The element that holds the learner's response. */
  readonly learnerResponse: string;
  /** The result of a wrong answer. */
  readonly wrong: string;
  /** Whether the question's text goes in `description`. */
  readonly describe: boolean;
}

/**
 * Reports each question of a take as an interaction (`cmi.interactions.n`), so that LMS
 * reports show which questions learners miss. Elements are set in the order the API
 * requires (id first, type before responses). Best effort: an LMS may not keep
 * interactions (SCORM makes them optional), and the score and status are already set,
 * so a refused value ends the reporting instead of failing the take.
 */
export function reportInteractions(scorm: ScormCalls, answers: readonly AnswerReport[], form: InteractionForm): void {
  let n = parseInt(scorm.get('cmi.interactions._count'), 10) || 0;
  try {
    answers.forEach((answer) => {
      const correct = form.response(answer, answer.correct);
      if (correct === null) return;
      const fields: [string, string][] = [
        ['id', answer.id],
        ['type', answer.type === 'true-false' ? 'true-false' : 'choice'],
        ['correct_responses.0.pattern', correct],
      ];
      if (answer.chosen.length) fields.push([form.learnerResponse, form.response(answer, answer.chosen) ?? '']);
      fields.push(['result', answer.right ? 'correct' : form.wrong]);
      // localized_string_type: at most 250 characters; a leading `{` would be read as a language tag.
      const description = form.describe ? answer.text.replace(/^\{+/, '').slice(0, 250) : '';
      if (description) fields.push(['description', description]);
      fields.forEach((pair) => scorm.set('cmi.interactions.' + n + '.' + pair[0], pair[1]));
      n++;
    });
  } catch {
    // See above: the interactions are extra; what the LMS refused is not retried.
  }
}
