/*
 * SCO runtime, part 3: the session. It applies the program's rules the same way in
 * every format and talks to the LMS only through an adapter:
 *
 *   adapter.start()              → Promise of { mode, learnerId, saved, mastery }
 *                                  mode: 'normal' | 'browse' | 'review' | 'standalone';
 *                                  mastery: the LMS's pass mark (0–1) or null
 *   adapter.stateLimit           characters the saved state may take
 *   adapter.save(text)           keeps the saved state
 *   adapter.completed()          a module without assessment was viewed
 *   adapter.judged(outcome)      a take was submitted (see submit())
 *   adapter.exit(kind, byLearner) ends the session; kind: 'normal' | 'suspend'
 *   adapter.offersExit           whether the page shows an Exit button (cmi5)
 *
 * Rules (the same in SCORM 1.2, SCORM 2004 and cmi5):
 * - an attempt is one submitted take; the count lives in the saved state, and no take
 *   starts once the program's limit is used up or the assessment is passed;
 * - one take per session: cmi5 allows one passed/failed statement per session, and LMSs
 *   that count attempts per launch then count the same attempts as the SCO;
 * - outside normal mode (browse, review, no LMS) the quiz is practice: nothing is
 *   counted, saved or reported.
 */

function runSco(config, adapter) {
  var messages = config.messages;
  var quiz = config.assessment;
  var panel = document.getElementById('sco-quiz');
  var statusBox = document.getElementById('sco-status');
  var session = null;
  var state = null;
  var recording = false;
  var masteryTT = quiz ? quiz.passMark : 0;
  var take = null;
  var judgedThisSession = false;
  var ended = false;
  var saving = Promise.resolve();

  var announced = {};

  /** Shows a note or an error once (a failing LMS would otherwise repeat it at every save). */
  function announce(text, kind) {
    if (!statusBox || announced[text]) return;
    announced[text] = true;
    var line = document.createElement('p');
    line.className = kind === 'error' ? 'sco-error' : 'sco-note';
    line.textContent = text;
    statusBox.appendChild(line);
  }

  function lmsFailed(error) {
    announce(fill(messages.lmsError, { detail: error && error.message ? error.message : String(error) }), 'error');
  }

  /** Saves the state (in order: each save starts after the previous one). */
  function persist() {
    if (!recording) return saving;
    var text = encodeState(state, adapter.stateLimit);
    saving = saving.then(function () { return adapter.save(text); }).catch(lmsFailed);
    return saving;
  }

  function seedText(attempt) {
    return config.module.id + '\n' + session.learnerId + '\n' + attempt;
  }

  function attemptsUsedUp() {
    return quiz.attempts !== null && state.n >= quiz.attempts;
  }

  /* ---- Assessment ---- */

  function showIntro() {
    var lines = [];
    var action = null;
    if (recording && state.p) {
      lines.push(fill(messages.alreadyPassed, { score: percentText(state.b) }));
    } else if (recording && attemptsUsedUp()) {
      lines.push(fill(messages.noAttemptLeft, { total: quiz.attempts, score: percentText(Math.max(state.b, 0)) }));
    } else {
      if (recording) {
        if (state.b >= 0) lines.push(fill(messages.bestSoFar, { score: percentText(state.b) }));
        lines.push(quiz.attempts !== null ? fill(messages.attemptOf, { n: state.n + 1, total: quiz.attempts }) : fill(messages.attemptUnlimited, { n: state.n + 1 }));
      }
      lines.push(fill(messages.questionsInTake, { count: Math.min(quiz.count, quiz.questions.length) }));
      action = state.t ? messages['continue'] : messages.start;
    }
    renderIntro(panel, lines, action, startTake);
  }

  function startTake() {
    if (ended) return;
    if (!state.t) state.t = { i: 0, a: [] };
    take = drawTake(quiz, seedText(state.n + 1));
    // Answers saved by an older page may point past this take's options: drop those.
    state.t.a.length = Math.min(state.t.a.length, take.length);
    for (var k = 0; k < state.t.a.length; k++) {
      var answer = state.t.a[k];
      var size = take[k].question.options.length;
      if (answer && !answer.every(function (i) { return i < size; })) state.t.a[k] = null;
    }
    state.t.i = Math.min(state.t.i, take.length - 1);
    persist();
    showQuestion(state.t.i, false);
  }

  function showQuestion(position, missing) {
    state.t.i = position;
    renderTake(panel, take, state.t.a, position, quiz.display, messages, {
      answer: function (k, picked) {
        state.t.a[k] = picked.length ? picked : null;
        persist();
      },
      go: function (k, showMissing) {
        showQuestion(k, showMissing);
        persist();
      },
      submit: submit,
    });
    // The focus moves to the question shown (the first, when all are shown), so that
    // screen reader and keyboard users continue from there.
    var heading = panel.querySelector('[data-question-position="' + position + '"] h3');
    if (missing) showMissingAnswer(panel, position, messages);
    else if (heading) focusHeading(heading);
  }

  function submit() {
    var answers = state.t.a;
    var score = scoreTake(take, answers);
    var passedTake = score.tenThousandths >= masteryTT;
    var summary = [
      fill(messages.scoreLine, { score: percentText(score.tenThousandths), earned: score.earned, total: score.total }),
      fill(passedTake ? messages.passedLine : messages.failedLine, { min: percentText(masteryTT) }),
    ];
    var done = take;
    take = null;
    if (!recording) {
      state.t = null;
      renderResults(panel, done, score, summary, messages);
      var again = h('button', { type: 'button', 'data-action': 'start' }, [messages.start]);
      again.addEventListener('click', startTake);
      panel.appendChild(again);
      return;
    }
    var firstCompletion = !state.d;
    state.n += 1;
    state.b = Math.max(state.b, score.tenThousandths);
    if (passedTake) state.p = 1;
    state.d = 1;
    state.t = null;
    judgedThisSession = true;
    if (!passedTake) {
      if (attemptsUsedUp()) summary.push(fill(messages.noAttemptLeft, { total: quiz.attempts, score: percentText(state.b) }));
      else {
        if (quiz.attempts !== null) {
          var left = quiz.attempts - state.n;
          summary.push(left === 1 ? messages.attemptsLeftOne : fill(messages.attemptsLeftMany, { n: left }));
        }
        summary.push(messages.retryByRelaunch);
      }
    }
    renderResults(panel, done, score, summary, messages);
    var outcome = {
      // This take, for formats that report each take (cmi5 statements).
      take: { passed: passedTake, tenThousandths: score.tenThousandths, earned: score.earned, total: score.total },
      // The module's standing, for formats that keep one status (SCORM): the best take.
      best: { passed: state.p === 1, tenThousandths: state.b },
      firstCompletion: firstCompletion,
      masteryTenThousandths: masteryTT,
      masteryFromLms: session.mastery !== null,
      // Each question of this take, for LMS reports (SCORM interactions, cmi5 "answered" statements).
      answers: done.map(function (drawn, k) {
        var q = drawn.question;
        var correct = [];
        q.options.forEach(function (o, i) { if (o.correct) correct.push(i); });
        return {
          id: q.id,
          type: q.type,
          text: htmlText(q.prompt),
          options: q.options.map(function (o) { return o.id; }),
          optionTexts: q.options.map(function (o) { return htmlText(o.html); }),
          correct: correct,
          chosen: score.results[k].chosen,
          right: score.results[k].right,
        };
      }),
    };
    persist();
    saving = saving.then(function () { return adapter.judged(outcome); }).catch(lmsFailed);
  }

  /* ---- Modules without an assessment: completed by viewing ---- */

  function markViewed() {
    if (state.d || !recording) return;
    state.d = 1;
    persist();
    saving = saving.then(function () { return adapter.completed(); }).catch(lmsFailed);
    announce(messages.completed);
  }

  function watchEnd() {
    var end = document.getElementById('sco-end');
    if (state.d && recording) announce(messages.completed);
    if (!end || typeof IntersectionObserver === 'undefined') return markViewed();
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) {
        observer.disconnect();
        markViewed();
      }
    });
    observer.observe(end);
  }

  /* ---- Leaving ---- */

  /** `normal` once there is nothing left to do here; otherwise `suspend`, so the LMS keeps the saved state (and with it the attempts used). */
  function exitKind() {
    var finished = quiz ? state.p === 1 : state.d === 1;
    return finished ? 'normal' : 'suspend';
  }

  function leave(byLearner) {
    if (ended || !session) return Promise.resolve();
    ended = true;
    var kind = exitKind();
    if (!byLearner) {
      // The page is going away: nothing queued behind a pending request would run, so
      // the adapter ends the session now (SCORM calls are synchronous; cmi5 sends its
      // last statement with keepalive).
      return adapter.exit(kind, false);
    }
    saving = saving.then(function () { return adapter.exit(kind, true); });
    return saving;
  }

  function installExit() {
    // pagehide is the last event browsers reliably fire; beforeunload comes earlier
    // where it fires at all. Whichever comes first ends the session, once.
    function onUnload() {
      var ending = leave(false);
      if (ending && ending.catch) ending.catch(function () {});
    }
    window.addEventListener('beforeunload', onUnload);
    window.addEventListener('pagehide', onUnload);
    var place = document.getElementById('sco-exit');
    if (!adapter.offersExit || !place) return;
    var button = h('button', { type: 'button', 'data-action': 'exit' }, [messages.exit]);
    button.addEventListener('click', function () {
      button.disabled = true;
      leave(true).then(function () {
        if (panel) clear(panel);
        announce(messages.exited);
      }, function (error) {
        button.disabled = false;
        ended = false;
        lmsFailed(error);
      });
    });
    place.appendChild(button);
  }

  /** Marks the page for LMS debugging and tests: `ready` once the session runs, `failed` when it could not start. */
  function mark(value) {
    document.documentElement.setAttribute('data-sco-session', value);
  }

  adapter.start().then(function (started) {
    session = started;
    recording = started.mode === 'normal';
    if (quiz && started.mastery !== null && started.mastery !== undefined && isFinite(started.mastery)) {
      masteryTT = Math.max(0, Math.min(10000, Math.round(started.mastery * 10000)));
    } else {
      session.mastery = null;
    }
    state = decodeState(recording ? started.saved : '', quiz ? quiz.fingerprint : 'viewed');
    if (started.mode === 'standalone') announce(messages.standalone);
    else if (!recording) announce(messages.practiceMode);
    installExit();
    if (quiz) showIntro();
    else watchEnd();
    mark('ready');
  }, function (error) {
    announce(fill(messages.launchError, { detail: error && error.message ? error.message : String(error) }), 'error');
    mark('failed');
  });

  // For the tests and for debugging in the LMS: a read-only view of the session.
  return {
    get state() { return state; },
    get judgedThisSession() { return judgedThisSession; },
    leave: leave,
  };
}
