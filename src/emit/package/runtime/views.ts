/** The DOM of each view of the assessment: its front, a take, and a take's results. */
import type { QuizQuestionData, RuntimeMessages } from '../sco-data.ts';
import { clear, focusHeading, h, trusted } from './dom.ts';
import { isAnswered, type Answers, type Score, type Take } from './draw.ts';
import { fill } from './text.ts';

/** The assessment's front: status lines and, when a take can begin, one button. */
export function renderIntro(panel: HTMLElement, lines: readonly string[], actionLabel: string | null, onAction: () => void): void {
  clear(panel);
  lines.forEach((line) => panel.appendChild(h('p', null, [line])));
  if (actionLabel) {
    const button = h('button', { type: 'button', class: 'sco-primary', 'data-action': 'start' }, [actionLabel]);
    button.addEventListener('click', onAction);
    panel.appendChild(button);
  }
}

/** One question as a labelled group of radio buttons or check boxes. */
function questionGroup(take: Take, k: number, answers: Answers, messages: RuntimeMessages, onAnswer: (k: number, picked: number[]) => void): HTMLElement {
  const drawn = take[k]!;
  const q = drawn.question;
  const multiple = q.type === 'multiple';
  const numberId = 'sco-q' + k + '-number';
  const promptId = 'sco-q' + k + '-prompt';
  const hintId = 'sco-q' + k + '-hint';
  const answer = answers[k];
  const chosen = isAnswered(answer) ? answer : [];
  const heading = h('h3', { id: numberId, class: 'sco-question-number' }, [fill(messages.questionOf, { n: k + 1, total: take.length })]);
  const prompt = trusted('div', 'sco-prompt', q.prompt);
  prompt.id = promptId;
  const options = h('div', { class: 'sco-options' });
  drawn.order.forEach((optionIndex, position) => {
    const option = q.options[optionIndex]!;
    const inputId = 'sco-q' + k + '-o' + position;
    const input = h('input', {
      type: multiple ? 'checkbox' : 'radio',
      id: inputId,
      name: 'sco-q' + k,
      value: String(optionIndex),
      'data-option-id': option.id,
      'aria-describedby': hintId,
      checked: chosen.indexOf(optionIndex) >= 0,
    });
    input.addEventListener('change', () => {
      const picked: number[] = [];
      options.querySelectorAll('input').forEach((box) => {
        if (box.checked) picked.push(Number(box.value));
      });
      onAnswer(k, picked);
    });
    const label = h('label', { for: inputId, class: 'sco-option' }, [input, trusted('span', 'sco-option-text', option.html)]);
    options.appendChild(label);
  });
  return h('div', { role: 'group', class: 'sco-question', 'aria-labelledby': numberId + ' ' + promptId, 'data-question-id': q.id, 'data-question-position': k }, [
    heading,
    prompt,
    h('p', { id: hintId, class: 'sco-hint' }, [multiple ? messages.chooseAll : messages.chooseOne]),
    options,
  ]);
}

function errorLine(panel: HTMLElement): HTMLElement {
  let error = panel.querySelector<HTMLElement>('.sco-error');
  if (!error) {
    error = h('p', { class: 'sco-error', role: 'alert' });
    panel.appendChild(error);
  }
  return error;
}

/** Shows that question `k` needs an answer, and moves the focus to it. */
export function showMissingAnswer(panel: HTMLElement, k: number, messages: RuntimeMessages): void {
  errorLine(panel).textContent = fill(messages.answerRequired, { n: k + 1 });
  const group = panel.querySelector('[data-question-position="' + k + '"]');
  if (group) {
    const first = group.querySelector('input');
    if (first) first.focus();
  }
}

export interface TakeHandlers {
  answer(k: number, picked: number[]): void;
  go(k: number, showMissing?: boolean): void;
  submit(): void;
}

/** A take on screen: one question with Previous / Next (or Submit on the last), or all questions with Submit. */
export function renderTake(panel: HTMLElement, take: Take, answers: Answers, position: number, display: 'one-at-a-time' | 'all-at-once', messages: RuntimeMessages, handlers: TakeHandlers): void {
  clear(panel);
  const form = h('form', { class: 'sco-take', novalidate: true });
  form.addEventListener('submit', (event) => event.preventDefault());
  const shown = display === 'all-at-once' ? take.map((_d, k) => k) : [position];
  shown.forEach((k) => form.appendChild(questionGroup(take, k, answers, messages, handlers.answer)));
  const nav = h('div', { class: 'sco-nav' });
  const last = display === 'all-at-once' || position === take.length - 1;
  if (display !== 'all-at-once' && position > 0) {
    const previous = h('button', { type: 'button', 'data-action': 'previous' }, [messages.previous]);
    previous.addEventListener('click', () => handlers.go(position - 1));
    nav.appendChild(previous);
  }
  const forward = h('button', { type: 'button', class: 'sco-primary', 'data-action': last ? 'submit' : 'next' }, [last ? messages.submit : messages.next]);
  forward.addEventListener('click', () => {
    let missing = -1;
    for (const k of shown) {
      if (!isAnswered(answers[k])) {
        missing = k;
        break;
      }
    }
    if (!last && missing >= 0) return showMissingAnswer(panel, missing, messages);
    if (last) {
      // Every question of the take needs an answer before it is judged.
      for (let k = 0; k < take.length; k++) {
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
function chosenText(question: QuizQuestionData, chosen: readonly number[], messages: RuntimeMessages): string {
  if (!chosen.length) return messages.noAnswer;
  return chosen
    .map((i) => {
      const scratch = document.createElement('div');
      scratch.innerHTML = question.options[i]!.html;
      return (scratch.textContent || '').trim();
    })
    .join('; ');
}

/**
 * The results of a take: summary lines, then each question, right or wrong, with its
 * feedback when `explain` (the policy may keep explanations for after the last take).
 */
export function renderResults(panel: HTMLElement, take: Take, score: Score, summary: readonly string[], messages: RuntimeMessages, explain = true): void {
  clear(panel);
  const heading = h('h3', { class: 'sco-result-title' }, [messages.resultTitle]);
  panel.appendChild(heading);
  summary.forEach((line) => panel.appendChild(h('p', { class: 'sco-summary' }, [line])));
  const list = h('ol', { class: 'sco-feedback' });
  take.forEach((drawn, k) => {
    const q = drawn.question;
    const result = score.results[k]!;
    const item = h('li', { class: result.right ? 'sco-right' : 'sco-wrong', 'data-question-id': q.id }, [
      h('p', { class: 'sco-verdict' }, [h('strong', null, [result.right ? messages.correct : messages.incorrect])]),
      trusted('div', 'sco-prompt', q.prompt),
      h('p', null, [messages.yourAnswer + ' ' + chosenText(q, result.chosen, messages)]),
    ]);
    if (explain) {
      const general = result.right ? q.feedback.correct : q.feedback.incorrect;
      if (general) item.appendChild(trusted('div', 'sco-feedback-text', general));
      result.chosen.forEach((i) => {
        const feedback = q.options[i]!.feedback;
        if (feedback) item.appendChild(trusted('div', 'sco-feedback-text', feedback));
      });
    }
    list.appendChild(item);
  });
  panel.appendChild(list);
  focusHeading(heading);
}
