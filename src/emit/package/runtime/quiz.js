/*
 * SCO runtime, part 2: the quiz. Drawing a take (seeded), scoring it, and the DOM of
 * each view. Questions, options and feedback arrive as HTML that the compiler already
 * sanitized; everything the runtime writes itself goes in as text.
 */

/**
 * The questions of one take, in the order shown, each with its options' order.
 * `seedText` names the module, the learner and the attempt, so a learner sees the same
 * take again after a reload and a different one on the next attempt.
 */
function drawTake(quiz, seedText) {
  var random = seededRandom(hashString(seedText));
  var indexes = quiz.questions.map(function (q, i) { return i; });
  var chosen = indexes;
  if (quiz.shuffle) {
    chosen = shuffled(indexes, random).slice(0, quiz.count);
  } else if (quiz.count < indexes.length) {
    // A draw without shuffling keeps the bank's order.
    chosen = shuffled(indexes, random).slice(0, quiz.count).sort(function (a, b) { return a - b; });
  }
  return chosen.map(function (index) {
    var question = quiz.questions[index];
    var order = question.options.map(function (o, i) { return i; });
    if (quiz.shuffle && question.type !== 'true-false') order = shuffled(order, random);
    return { index: index, question: question, order: order };
  });
}

function isAnswered(answer) {
  return Array.isArray(answer) && answer.length > 0;
}

/** Scores a take: a question counts when exactly its correct options are chosen. */
function scoreTake(take, answers) {
  var earned = 0;
  var total = 0;
  var results = take.map(function (drawn, k) {
    var q = drawn.question;
    total += q.points;
    var chosen = (isAnswered(answers[k]) ? answers[k] : []).slice().sort(function (a, b) { return a - b; });
    var correct = [];
    q.options.forEach(function (o, i) { if (o.correct) correct.push(i); });
    var right = chosen.length === correct.length && chosen.every(function (v, i) { return v === correct[i]; });
    if (right) earned += q.points;
    return { right: right, chosen: chosen };
  });
  // Rounded down, so that the score shown and reported is never above the real one.
  var tenThousandths = total > 0 ? Math.floor((earned * 10000) / total) : 0;
  return { earned: earned, total: total, tenThousandths: tenThousandths, results: results };
}

/* ---- DOM helpers ---- */

/** The text of compiler-made HTML (a question's prompt), for LMS reports. A template runs no script and loads nothing. */
function htmlText(html) {
  var template = document.createElement('template');
  template.innerHTML = html;
  return (template.content.textContent || '').replace(/\s+/g, ' ').trim();
}

/** Creates an element; `attrs` values are set as attributes, `children` are nodes or text. */
function h(tag, attrs, children) {
  var el = document.createElement(tag);
  if (attrs) {
    Object.keys(attrs).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      el.setAttribute(name, value === true ? '' : String(value));
    });
  }
  (children || []).forEach(function (child) {
    if (child === null || child === undefined || child === false) return;
    el.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  });
  return el;
}

/** A fragment of compiler-sanitized HTML (question texts, feedback). */
function trusted(tag, className, html) {
  var el = document.createElement(tag);
  if (className) el.className = className;
  el.innerHTML = html;
  return el;
}

function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
}

function focusHeading(el) {
  if (!el) return;
  el.setAttribute('tabindex', '-1');
  el.focus();
}

/* ---- Views ---- */

/** The assessment's front: status lines and, when a take can begin, one button. */
function renderIntro(panel, lines, actionLabel, onAction) {
  clear(panel);
  lines.forEach(function (line) { panel.appendChild(h('p', null, [line])); });
  if (actionLabel) {
    var button = h('button', { type: 'button', 'class': 'sco-primary', 'data-action': 'start' }, [actionLabel]);
    button.addEventListener('click', onAction);
    panel.appendChild(button);
  }
}

/** One question as a labelled group of radio buttons or check boxes. */
function questionGroup(take, k, answers, messages, onAnswer) {
  var drawn = take[k];
  var q = drawn.question;
  var multiple = q.type === 'multiple';
  var numberId = 'sco-q' + k + '-number';
  var promptId = 'sco-q' + k + '-prompt';
  var hintId = 'sco-q' + k + '-hint';
  var chosen = isAnswered(answers[k]) ? answers[k] : [];
  var heading = h('h3', { id: numberId, 'class': 'sco-question-number' }, [fill(messages.questionOf, { n: k + 1, total: take.length })]);
  var prompt = trusted('div', 'sco-prompt', q.prompt);
  prompt.id = promptId;
  var options = h('div', { 'class': 'sco-options' });
  drawn.order.forEach(function (optionIndex, position) {
    var option = q.options[optionIndex];
    var inputId = 'sco-q' + k + '-o' + position;
    var input = h('input', {
      type: multiple ? 'checkbox' : 'radio',
      id: inputId,
      name: 'sco-q' + k,
      value: String(optionIndex),
      'data-option-id': option.id,
      'aria-describedby': hintId,
      checked: chosen.indexOf(optionIndex) >= 0,
    });
    input.addEventListener('change', function () {
      var picked = [];
      Array.prototype.forEach.call(options.querySelectorAll('input'), function (box) {
        if (box.checked) picked.push(Number(box.value));
      });
      onAnswer(k, picked);
    });
    var label = h('label', { 'for': inputId, 'class': 'sco-option' }, [input, trusted('span', 'sco-option-text', option.html)]);
    options.appendChild(label);
  });
  return h('div', { role: 'group', 'class': 'sco-question', 'aria-labelledby': numberId + ' ' + promptId, 'data-question-id': q.id, 'data-question-position': k }, [
    heading,
    prompt,
    h('p', { id: hintId, 'class': 'sco-hint' }, [multiple ? messages.chooseAll : messages.chooseOne]),
    options,
  ]);
}

function errorLine(panel) {
  var error = panel.querySelector('.sco-error');
  if (!error) {
    error = h('p', { 'class': 'sco-error', role: 'alert' });
    panel.appendChild(error);
  }
  return error;
}

/** Shows that question `k` needs an answer, and moves the focus to it. */
function showMissingAnswer(panel, k, messages) {
  errorLine(panel).textContent = fill(messages.answerRequired, { n: k + 1 });
  var group = panel.querySelector('[data-question-position="' + k + '"]');
  if (group) {
    var first = group.querySelector('input');
    if (first) first.focus();
  }
}

/**
 * A take on screen: one question with Previous / Next (or Submit on the last), or all
 * questions with Submit. `handlers`: answer(k, indexes), go(k), submit().
 */
function renderTake(panel, take, answers, position, display, messages, handlers) {
  clear(panel);
  var form = h('form', { 'class': 'sco-take', novalidate: true });
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  var shown = display === 'all-at-once' ? take.map(function (d, k) { return k; }) : [position];
  shown.forEach(function (k) { form.appendChild(questionGroup(take, k, answers, messages, handlers.answer)); });
  var nav = h('div', { 'class': 'sco-nav' });
  var last = display === 'all-at-once' || position === take.length - 1;
  if (display !== 'all-at-once' && position > 0) {
    var previous = h('button', { type: 'button', 'data-action': 'previous' }, [messages.previous]);
    previous.addEventListener('click', function () { handlers.go(position - 1); });
    nav.appendChild(previous);
  }
  var forward = h('button', { type: 'button', 'class': 'sco-primary', 'data-action': last ? 'submit' : 'next' }, [last ? messages.submit : messages.next]);
  forward.addEventListener('click', function () {
    var missing = -1;
    for (var i = 0; i < shown.length; i++) {
      if (!isAnswered(answers[shown[i]])) { missing = shown[i]; break; }
    }
    if (!last && missing >= 0) return showMissingAnswer(panel, missing, messages);
    if (last) {
      // Every question of the take needs an answer before it is judged.
      for (var k = 0; k < take.length; k++) {
        if (!isAnswered(answers[k])) {
          if (display !== 'all-at-once' && k !== position) return handlers.go(k, true);
          return showMissingAnswer(panel, k, messages);
        }
      }
      return handlers.submit();
    }
    handlers.go(position + 1);
  });
  nav.appendChild(forward);
  form.appendChild(nav);
  panel.appendChild(form);
}

/** Names of the chosen options, as text, for the results. */
function chosenText(question, chosen, messages) {
  if (!chosen.length) return messages.noAnswer;
  return chosen.map(function (i) {
    var scratch = document.createElement('div');
    scratch.innerHTML = question.options[i].html;
    return (scratch.textContent || '').trim();
  }).join('; ');
}

/** The results of a take: summary lines, then each question with its feedback. */
function renderResults(panel, take, score, summary, messages) {
  clear(panel);
  var heading = h('h3', { 'class': 'sco-result-title' }, [messages.resultTitle]);
  panel.appendChild(heading);
  summary.forEach(function (line) { panel.appendChild(h('p', { 'class': 'sco-summary' }, [line])); });
  var list = h('ol', { 'class': 'sco-feedback' });
  take.forEach(function (drawn, k) {
    var q = drawn.question;
    var result = score.results[k];
    var item = h('li', { 'class': result.right ? 'sco-right' : 'sco-wrong', 'data-question-id': q.id }, [
      h('p', { 'class': 'sco-verdict' }, [h('strong', null, [result.right ? messages.correct : messages.incorrect])]),
      trusted('div', 'sco-prompt', q.prompt),
      h('p', null, [messages.yourAnswer + ' ' + chosenText(q, result.chosen, messages)]),
    ]);
    var general = result.right ? q.feedback.correct : q.feedback.incorrect;
    if (general) item.appendChild(trusted('div', 'sco-feedback-text', general));
    result.chosen.forEach(function (i) {
      if (q.options[i].feedback) item.appendChild(trusted('div', 'sco-feedback-text', q.options[i].feedback));
    });
    list.appendChild(item);
  });
  panel.appendChild(list);
  focusHeading(heading);
}
