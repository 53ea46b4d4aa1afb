/**
 * The grade calculator of the completion page: from the averages a learner enters for
 * the parts they have finished, the total so far and, for each grade, the average needed
 * on the parts still to come. The figures come from the page (the model's shares and
 * bands, in percent), the words from its data attributes; nothing is sent anywhere.
 * Without script the form stays hidden and the static table above it answers instead.
 */

interface CalculatorData {
  readonly components: readonly { readonly id: string; readonly title: string; readonly percent: number }[];
  readonly bands: readonly { readonly grade: string; readonly min: number }[];
}

/** Two decimals at most, as the page writes figures: the number in the page's language, in its percent template. */
function figureIn(language: string | undefined, template: string | undefined): (n: number) => string {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2, useGrouping: 'min2' });
  return (n) => fill(template ?? '{n} %', { n: number.format(Math.round(n * 100) / 100) });
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** What the result says, line by line, for the averages entered (by component id). */
export function calculate(data: CalculatorData, scores: ReadonlyMap<string, number>, words: Readonly<Record<string, string>>, language?: string): string[] {
  const figure = figureIn(language, words.percent);
  const done = data.components.filter((c) => scores.has(c.id));
  const earned = done.reduce((sum, c) => sum + (scores.get(c.id)! * c.percent) / 100, 0);
  const doneWeight = done.reduce((sum, c) => sum + c.percent, 0);
  const rest = 100 - doneWeight;
  if (rest <= 1e-9) {
    const band = data.bands.find((b) => earned >= b.min - 1e-9);
    return [fill(words.allDone!, { total: figure(earned), grade: band?.grade ?? '—' })];
  }
  const lines = [fill(words.soFar!, { total: figure(earned), weight: figure(doneWeight) })];
  for (const band of data.bands) {
    if (band.min <= 0) continue;
    if (earned >= band.min - 1e-9) lines.push(fill(words.reached!, { grade: band.grade }));
    else {
      const needed = ((band.min - earned) / rest) * 100;
      // Rounded up, as the static table does: a little less does not reach the grade.
      lines.push(needed > 100 + 1e-9 ? fill(words.outOfReach!, { grade: band.grade }) : fill(words.need!, { grade: band.grade, score: figure(Math.ceil(needed * 10 - 1e-9) / 10) }));
    }
  }
  return lines;
}

export function showGradeCalculators(root: Document): void {
  for (const form of root.querySelectorAll<HTMLFormElement>('form[data-grade-calculator]')) {
    const data = JSON.parse(form.dataset.gradeCalculator!) as CalculatorData;
    const result = form.querySelector<HTMLElement>('[data-calculator-result]')!;
    const words = {
      soFar: result.dataset.soFar!,
      need: result.dataset.need!,
      reached: result.dataset.reached!,
      outOfReach: result.dataset.outOfReach!,
      allDone: result.dataset.allDone!,
      ...(result.dataset.percent ? { percent: result.dataset.percent } : {}),
    };
    const inputs = [...form.querySelectorAll<HTMLInputElement>('input[data-component]')];
    const update = () => {
      const scores = new Map<string, number>();
      let invalid = false;
      for (const input of inputs) {
        if (input.value.trim() === '') {
          input.removeAttribute('aria-invalid');
          continue;
        }
        const value = Number(input.value);
        const ok = Number.isFinite(value) && value >= 0 && value <= 100;
        if (ok) {
          scores.set(input.dataset.component!, value);
          input.removeAttribute('aria-invalid');
        } else {
          invalid = true;
          input.setAttribute('aria-invalid', 'true');
        }
      }
      result.replaceChildren();
      const lines = invalid ? [result.dataset.invalid!] : calculate(data, scores, words, root.documentElement.lang || undefined);
      const list = root.createElement('ul');
      for (const line of lines) {
        const item = root.createElement('li');
        item.textContent = line;
        list.append(item);
      }
      result.append(list);
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      update();
    });
    form.hidden = false;
  }
}
