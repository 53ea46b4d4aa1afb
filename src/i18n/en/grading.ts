/** How the grading is written out for learners, in English. */

/** "a third", "two thirds", "half": a fraction of a band as a syllabus says it. */
function fractionWords(amount: number, written: string): string {
  const named: Record<string, string> = { '1/2': 'half', '1/3': 'a third', '2/3': 'two thirds', '1/4': 'a quarter', '3/4': 'three quarters' };
  const magnitude = written.replace(/^[+-]/, '');
  return `${named[magnitude] ?? (magnitude.includes('/') ? magnitude : String(Math.abs(amount)))} of`;
}

export const grading = {
  heading: 'How your final grade is worked out',
  introPercent: 'Your final grade is a weighted total out of 100 %: each part below counts for its share of it.',
  introPoints: (total: string) => `Your final grade is a total out of ${total}: each part below is worth its points.`,
  percent: (n: string) => `${n} %`,
  points: (n: string) => (n === '1' ? '1 point' : `${n} points`),
  componentsCaption: 'The parts of the final grade',
  part: 'Part',
  weight: 'Weight',
  graded: 'What is graded',
  each: 'Each item',
  oneItem: (title: string) => title,
  items: (count: number) => `${count} items`,
  equalShare: (each: string) => each,
  dropped: (n: number, countedEach: string) =>
    `${n === 1 ? 'the lowest score is' : `the lowest ${n} scores are`} dropped, so each that counts weighs ${countedEach}`,
  ownWeights: 'each its own weight',
  itemsCaption: 'Every graded item and its share of the final grade',
  item: 'Item',
  share: 'Share',
  shareWhenCounted: 'If it counts',
  bandsHeading: 'Grades',
  bandsCaption: 'The grade for each final total',
  grade: 'Grade',
  totals: 'Final total',
  bandRange: (min: string, below: string, top: boolean) => (top ? `${min} or more` : `${min} to under ${below}`),
  passGrade: (grade: string, total: string) => `You pass the course with a grade of ${grade} or better: a final total of at least ${total}.`,
  passTotal: (total: string) => `You pass the course with a final total of at least ${total}.`,
  adjustmentsHeading: 'Penalties and bonuses',
  /** `items` names what is counted; `by` is the deadline, already written out. */
  adjustment: (d: { readonly when: 'not-done' | 'done'; readonly items: string; readonly count: number; readonly by?: string; readonly change: string; readonly max?: string }) =>
    `${d.count === 1 ? (d.when === 'not-done' ? `If ${d.items} is not completed` : `If you complete ${d.items}`) : d.when === 'not-done' ? `For each of ${d.items} not completed` : `For each of ${d.items} you complete`}${d.by ? ` by ${d.by}` : ''}, ${d.change}${d.max ? `, by at most ${d.max} in all` : ''}.`,
  changePoints: (amount: number, points: string) => (amount < 0 ? `your final total goes down by ${points}` : `your final total goes up by ${points}`),
  percentagePoints: (n: string) => (n === '1' ? '1 percentage point' : `${n} percentage points`),
  changeBands: (amount: number, written: string) => {
    const whole = Number.isInteger(amount);
    const n = Math.abs(amount);
    if (whole) return `your grade goes ${amount < 0 ? 'down' : 'up'} by ${n === 1 ? 'one grade' : `${n} grades`}`;
    return `your final total goes ${amount < 0 ? 'down' : 'up'} by ${fractionWords(amount, written)} the width of the grade it is in (for the lowest grade, of the one above it)`;
  },
  lateHeading: 'Late work',
  late: (d: { readonly perDay: string; readonly cap?: string; readonly graceHours: number; readonly acceptedForDays?: number }) =>
    [
      `Work handed in late loses ${d.perDay} of its score for each day or part of a day after the deadline`,
      d.graceHours > 0 ? `, counted from ${d.graceHours === 1 ? 'one hour' : `${d.graceHours} hours`} after it` : '',
      d.cap ? `, up to ${d.cap} at most` : '',
      '.',
      d.acceptedForDays ? ` It is not accepted more than ${d.acceptedForDays === 1 ? 'one day' : `${d.acceptedForDays} days`} late.` : '',
    ].join(''),
  lateAppliesTo: (items: string) => `This applies to ${items}.`,
  needHeading: 'What you still need',
  needIntro: (last: string, lastWeight: string, restWeight: string) =>
    `The table shows the average score you need on ${last} (${lastWeight} of the final grade) for each grade, depending on your average on everything else (${restWeight}). Penalties and bonuses are not included.`,
  needCaption: (last: string) => `The score needed on ${last}, by your average on the rest`,
  averageSoFar: 'Your average on the rest',
  needed: (score: string) => score,
  reached: 'already reached',
  outOfReach: 'out of reach',
  calculatorHeading: 'Work out what you need',
  calculatorIntro: 'Enter your average score in each part you have finished (0 to 100 %); leave the others empty. Nothing you enter leaves this page.',
  calculatorScore: (part: string) => `Your average in ${part} (%)`,
  calculatorButton: 'Work it out',
  /** Filled in by the browser: `{total}` is the total so far, `{weight}` the weight done. */
  calculatorSoFar: 'So far: {total} of the {weight} finished.',
  /** Filled in by the browser for each grade: `{grade}`, `{score}`. */
  calculatorNeed: '{grade}: an average of {score} on the rest',
  calculatorReached: '{grade}: already reached',
  calculatorOutOfReach: '{grade}: out of reach',
  calculatorAllDone: 'Final total: {total}, grade {grade}.',
  calculatorInvalid: 'Enter numbers from 0 to 100.',
  /** Filled in by the browser: `{n}` is a number already written in the page's language. */
  calculatorPercent: '{n} %',
  gradebook: {
    heading: 'Setting up the gradebook',
    intro:
      'The packages report each module’s score; the final grade also counts work graded outside them. Set the LMS gradebook up as below so that it computes the same final grade as the syllabus. One category (group) per part of the grade:',
    part: (title: string, weight: string) => `${title}: ${weight}`,
    items: (titles: string) => `items: ${titles}`,
    equal: 'the items count equally',
    perItem: (weights: string) => `each item its own weight: ${weights}`,
    drop: (n: number) => `drop the lowest ${n === 1 ? 'score' : `${n} scores`}`,
    bands: (bands: string) => `Grade letters: ${bands}.`,
    pass: (total: string) => `Grade to pass: ${total}.`,
    byHand: (titles: string) => `Applied by hand at the end (no gradebook computes them): ${titles}.`,
    lateByHand: 'Late deductions: record them as penalties on the item, or in the LMS’s late policy where it has one (Canvas: Settings → Late policies).',
    moodle: {
      name: 'Moodle',
      steps: [
        'Course → Grades → Gradebook setup. Course total: Aggregation “Weighted mean of grades”.',
        'Add one grade category per part; in the course total, set each category’s “Item weight” to the part’s weight.',
        'In each category: Aggregation “Mean of grades” when the items count equally, else “Weighted mean of grades” with each item’s weight; “Drop the lowest” where the part drops scores (Moodle applies it in every aggregation but Natural with unequal items).',
        'Move the packages’ SCORM activities and the other graded activities into their categories.',
        'Course → Grades → Letters: enter the grade letters and their boundaries; the course total’s “Grade to pass” is the pass.',
      ],
    },
    canvas: {
      name: 'Canvas',
      steps: [
        'Assignments → ⋮ → Assignment Groups Weight: tick “Weight final grade based on assignment groups”.',
        'Add one assignment group per part with the part’s weight as its percentage; put each graded item in its group.',
        'Within a group Canvas weighs items by their points: give items that count equally the same points, and items with their own weights points in proportion to them.',
        'Edit a group to set its rules: “Lowest Scores” to drop where the part drops scores (Canvas drops what helps the learner most, which with equal points is the lowest).',
        'Course Settings → Grading scheme: enter the grade letters and their ranges.',
      ],
    },
    brightspace: {
      name: 'Brightspace',
      steps: [
        'Grades → Setup Wizard: grading system “Weighted”.',
        'Manage Grades → New → Category, one per part, with the part’s weight.',
        'Distribution: “Distribute weight evenly across all items” when the items count equally, with the number of lowest non-bonus items to drop; otherwise “Manually assign weight to items in the category” with each item’s weight.',
        'Attach each graded item (the packages’ SCORM objects included) to its category.',
        'Schemes: create a grade scheme with the grade letters and their ranges and make it the final grade’s scheme.',
      ],
    },
  },
  list: (items: readonly string[]) => (items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`),
} as const;
