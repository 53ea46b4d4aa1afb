/**
 * The session: it applies the program's rules the same way in every format and talks to
 * the LMS only through an adapter (adapter.ts).
 *
 * Rules (the same in SCORM 1.2, SCORM 2004 and cmi5):
 * - an attempt is one submitted take; the SCO counts takes in its saved state, and no
 *   take starts once the program's limit is used up or the assessment is passed. The LMS
 *   cannot see these takes and the SCO cannot see the LMS's attempts, so one LMS attempt
 *   spans all the takes: after a failed take the learner tries again in place, and the
 *   session says "Attempt n of m" only of the takes it counts itself;
 * - the module is finished for good once passed, every take used, or viewed when it has
 *   no assessment; until then a failed take is not reported as final (SCORM: incomplete,
 *   so that the LMS keeps the attempt open). SCORM sessions always end "suspend", so
 *   that the LMS keeps the saved state, and with it the pass and the takes used (see
 *   scorm12.ts, scorm2004.ts);
 * - what the LMS already holds is never lowered: a module the LMS shows passed is shown
 *   passed, even in a new LMS attempt whose saved state is empty;
 * - outside normal mode (browse, review, no LMS) the quiz is practice: nothing is
 *   counted, saved or reported.
 */
import type { ScoData } from '../sco-data.ts';
import type { Adapter, ExitKind, Outcome, Started } from './adapter.ts';
import { clear, focusHeading, h, htmlText } from './dom.ts';
import { correctOptions, drawNthTake, scoreTake, type Take } from './draw.ts';
import { decodeState, encodeState, type SavedState } from './state.ts';
import { errorText, fill, percentText } from './text.ts';
import { renderIntro, renderResults, renderTake, showMissingAnswer } from './views.ts';

/** A read-only view of the session, for the tests and for debugging in the LMS. */
export interface SessionView {
  readonly state: SavedState | null;
  readonly judgedThisSession: boolean;
  leave(byLearner: boolean): Promise<void>;
}

export function runSco(config: ScoData, adapter: Adapter): SessionView {
  const messages = config.messages;
  const quiz = config.assessment;
  const panel = document.getElementById('sco-quiz');
  const statusBox = document.getElementById('sco-status');
  let session: { learnerId: string; mastery: number | null } | null = null;
  // Set when the session starts, before any view that reads it.
  let state!: SavedState;
  let recording = false;
  let masteryTT = quiz ? quiz.passMark : 0;
  let take: Take | null = null;
  let judgedThisSession = false;
  let ended = false;
  let saving: Promise<void> = Promise.resolve();

  const announced: Record<string, boolean> = {};

  /** Shows a note or an error once (a failing LMS would otherwise repeat it at every save). */
  function announce(text: string, kind?: 'error'): void {
    if (!statusBox || announced[text]) return;
    announced[text] = true;
    const line = document.createElement('p');
    line.className = kind === 'error' ? 'sco-error' : 'sco-note';
    line.textContent = text;
    statusBox.appendChild(line);
  }

  function lmsFailed(error: unknown): void {
    announce(fill(messages.lmsError, { detail: errorText(error) }), 'error');
  }

  /**
   * Hands work to the adapter at once (it orders its own requests: a verdict must not
   * wait behind earlier saves, or a page closed meanwhile loses it) and keeps track of it,
   * so that leaving waits for everything handed over.
   */
  function track(work: Promise<void>): Promise<void> {
    const done = work.catch(lmsFailed);
    saving = saving.then(() => done);
    return done;
  }

  /** Saves the state. */
  function persist(): Promise<void> {
    if (!recording) return saving;
    return track(adapter.save(encodeState(state, adapter.stateLimit)));
  }

  /** The seed of the learner's takes: the module and the learner (drawNthTake adds the take). */
  function seedBase(): string {
    return config.module.id + '\n' + session!.learnerId;
  }

  function attemptsUsedUp(): boolean {
    return quiz!.attempts !== null && state.n >= quiz!.attempts;
  }

  /* ---- Assessment ---- */

  function showIntro(): void {
    const q = quiz!;
    const lines: string[] = [];
    let action: string | null = null;
    if (recording && state.p) {
      lines.push(fill(messages.alreadyPassed, { score: percentText(state.b) }));
    } else if (recording && attemptsUsedUp()) {
      lines.push(fill(messages.noAttemptLeft, { total: q.attempts!, score: percentText(Math.max(state.b, 0)) }));
    } else {
      if (recording) {
        if (state.b >= 0) lines.push(fill(messages.bestSoFar, { score: percentText(state.b) }));
        lines.push(q.attempts !== null ? fill(messages.attemptOf, { n: state.n + 1, total: q.attempts }) : fill(messages.attemptUnlimited, { n: state.n + 1 }));
      }
      lines.push(fill(messages.questionsInTake, { count: Math.min(q.count, q.questions.length) }));
      action = state.t ? messages['continue'] : messages.start;
    }
    renderIntro(panel!, lines, action, startTake);
  }

  function startTake(): void {
    if (ended) return;
    if (!state.t) state.t = { i: 0, a: [] };
    const drawn = drawNthTake(quiz!, seedBase(), state.n + 1);
    take = drawn;
    // Answers saved by an older page may point past this take's options: drop those.
    state.t.a.length = Math.min(state.t.a.length, drawn.length);
    for (let k = 0; k < state.t.a.length; k++) {
      const answer = state.t.a[k];
      const size = drawn[k]!.question.options.length;
      if (answer && !answer.every((i) => i < size)) state.t.a[k] = null;
    }
    state.t.i = Math.min(state.t.i, drawn.length - 1);
    void persist();
    showQuestion(state.t.i, false);
  }

  function showQuestion(position: number, missing: boolean): void {
    const t = state.t!;
    t.i = position;
    renderTake(panel!, take!, t.a, position, quiz!.display, messages, {
      answer(k, picked) {
        t.a[k] = picked.length ? picked : null;
        void persist();
      },
      go(k, showMissing) {
        showQuestion(k, !!showMissing);
        void persist();
      },
      submit,
    });
    // The focus moves to the question shown (the first, when all are shown), so that
    // screen reader and keyboard users continue from there.
    const heading = panel!.querySelector<HTMLElement>('[data-question-position="' + position + '"] h3');
    if (missing) showMissingAnswer(panel!, position, messages);
    else if (heading) focusHeading(heading);
  }

  function submit(): void {
    const q = quiz!;
    const answers = state.t!.a;
    const done = take!;
    const score = scoreTake(done, answers);
    const passedTake = score.tenThousandths >= masteryTT;
    const summary = [
      fill(messages.scoreLine, { score: percentText(score.tenThousandths), earned: score.earned, total: score.total }),
      fill(passedTake ? messages.passedLine : messages.failedLine, { min: percentText(masteryTT) }),
    ];
    take = null;
    if (!recording) {
      state.t = null;
      // Practice: nothing is counted, so explanations would hand over no take's answers.
      renderResults(panel!, done, score, summary, messages);
      const again = h('button', { type: 'button', 'data-action': 'start' }, [messages.start]);
      again.addEventListener('click', startTake);
      panel!.appendChild(again);
      return;
    }
    const firstCompletion = !state.d;
    state.n += 1;
    state.b = Math.max(state.b, score.tenThousandths);
    if (passedTake) state.p = 1;
    state.d = 1;
    state.t = null;
    judgedThisSession = true;
    if (!passedTake) {
      if (attemptsUsedUp()) summary.push(fill(messages.noAttemptLeft, { total: q.attempts!, score: percentText(state.b) }));
      else {
        if (q.attempts !== null) {
          const left = q.attempts - state.n;
          summary.push(left === 1 ? messages.attemptsLeftOne : fill(messages.attemptsLeftMany, { n: left }));
        }
      }
    }
    const finished = state.p === 1 || attemptsUsedUp();
    // Explanations would give the next take's answers away: the policy may keep them for the end.
    const explain = q.feedback === 'after-each-take' || finished;
    if (!explain) summary.push(messages.explanationsLater);
    renderResults(panel!, done, score, summary, messages, explain);
    if (!finished) {
      // The next take begins here, in the same session (and the same LMS attempt).
      const again = h('button', { type: 'button', class: 'sco-primary', 'data-action': 'retry' }, [messages.tryAgain]);
      again.addEventListener('click', showIntro);
      panel!.appendChild(again);
    }
    const outcome: Outcome = {
      take: { number: state.n, passed: passedTake, tenThousandths: score.tenThousandths, earned: score.earned, total: score.total },
      best: { passed: state.p === 1, tenThousandths: state.b },
      firstCompletion,
      masteryTenThousandths: masteryTT,
      masteryFromLms: session!.mastery !== null,
      answers: done.map((drawn, k) => {
        const question = drawn.question;
        return {
          id: question.id,
          type: question.type,
          text: htmlText(question.prompt),
          options: question.options.map((o) => o.id),
          optionTexts: question.options.map((o) => htmlText(o.html)),
          correct: correctOptions(question),
          chosen: score.results[k]!.chosen,
          right: score.results[k]!.right,
        };
      }),
      exit: exitKind(),
    };
    void persist();
    void track(adapter.judged(outcome));
  }

  /* ---- Modules without an assessment: completed by viewing ---- */

  function markViewed(): void {
    if (state.d || !recording) return;
    state.d = 1;
    void persist();
    void track(adapter.completed());
    announce(messages.completed);
  }

  function watchEnd(): void {
    const end = document.getElementById('sco-end');
    if (state.d && recording) announce(messages.completed);
    if (!end || typeof IntersectionObserver === 'undefined') return markViewed();
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        markViewed();
      }
    });
    observer.observe(end);
  }

  /* ---- Leaving ---- */

  /** `normal` once there is nothing left to do here; otherwise `suspend`. */
  function exitKind(): ExitKind {
    const finished = quiz ? state.p === 1 || attemptsUsedUp() : state.d === 1;
    return finished ? 'normal' : 'suspend';
  }

  function leave(byLearner: boolean): Promise<void> {
    if (ended || !session) return Promise.resolve();
    ended = true;
    const kind = exitKind();
    if (!byLearner) {
      // The page is going away: nothing queued behind a pending request would run, so
      // the adapter ends the session now (SCORM calls are synchronous; cmi5 sends its
      // last statement with keepalive).
      return adapter.exit(kind, false);
    }
    const exiting = saving.then(() => adapter.exit(kind, true));
    saving = exiting.catch(() => {});
    return exiting;
  }

  function installExit(): void {
    // pagehide is the last event browsers reliably fire; beforeunload comes earlier
    // where it fires at all. Whichever comes first ends the session, once.
    function onUnload(): void {
      leave(false).catch(() => {});
    }
    window.addEventListener('beforeunload', onUnload);
    window.addEventListener('pagehide', onUnload);
    // A hidden page may be discarded without pagehide (mobile browsers, tab freezing).
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden' && !ended) adapter.flush();
    });
    const place = document.getElementById('sco-exit');
    if (!adapter.offersExit || !place) return;
    const button = h('button', { type: 'button', 'data-action': 'exit' }, [messages.exit]) as HTMLButtonElement;
    button.addEventListener('click', () => {
      button.disabled = true;
      leave(true).then(
        () => {
          if (panel) clear(panel);
          announce(messages.exited);
        },
        (error: unknown) => {
          button.disabled = false;
          ended = false;
          lmsFailed(error);
        },
      );
    });
    place.appendChild(button);
  }

  /** Marks the page for LMS debugging and tests: `ready` once the session runs, `failed` when it could not start. */
  function mark(value: string): void {
    document.documentElement.setAttribute('data-sco-session', value);
  }

  adapter.start().then(
    (started: Started) => {
      recording = started.mode === 'normal';
      let mastery: number | null = null;
      if (quiz && started.mastery !== null && started.mastery !== undefined && isFinite(started.mastery)) {
        mastery = started.mastery;
        masteryTT = Math.max(0, Math.min(10000, Math.round(started.mastery * 10000)));
      }
      session = { learnerId: started.learnerId, mastery };
      const fingerprint = quiz ? quiz.fingerprint : 'viewed';
      state = decodeState(recording ? started.saved : '', fingerprint);
      const recorded = started.recorded;
      if (recording && recorded) {
        // What the LMS holds wins over a saved state that is missing or behind it.
        if (recorded.passed && quiz) state.p = 1;
        if (recorded.passed || recorded.completed) state.d = 1;
        if (recorded.tenThousandths !== null && quiz) state.b = Math.max(state.b, recorded.tenThousandths);
      }
      if (started.mode === 'standalone') announce(messages.standalone);
      else if (!recording) {
        announce(messages.practiceMode);
        // A review launch (Moodle opens a finished attempt in review) still says where the learner stands.
        const saved = decodeState(started.saved, fingerprint);
        const best = Math.max(saved.b, recorded && recorded.tenThousandths !== null ? recorded.tenThousandths : -1);
        if (quiz && (saved.p || (recorded && recorded.passed))) announce(fill(messages.alreadyPassed, { score: percentText(Math.max(best, 0)) }));
        else if (quiz && best >= 0) announce(fill(messages.bestSoFar, { score: percentText(best) }));
      }
      if (recording) void track(adapter.standing(exitKind()));
      installExit();
      if (quiz) showIntro();
      else watchEnd();
      mark('ready');
    },
    (error: unknown) => {
      announce(fill(messages.launchError, { detail: errorText(error) }), 'error');
      mark('failed');
    },
  );

  return {
    get state() {
      return state ?? null;
    },
    get judgedThisSession() {
      return judgedThisSession;
    },
    leave,
  };
}
