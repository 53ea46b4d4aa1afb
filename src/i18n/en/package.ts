/**
 * LMS package (SCORM, cmi5) strings, in English: the SCO pages, the texts the runtime
 * script shows (as `{name}` templates, because they travel in the page as JSON) and the
 * LMS import notes.
 */
import { lmsNotes } from './lms-notes.ts';

export const lmsPackage = {
  startAssessment: 'Start the assessment',

  /** Words on the SCO page, written by the compiler. */
  page: {
    outcomes: 'What you will be able to do',
    content: 'Content',
    resources: 'Resources',
    presenters: 'Presented by',
    skipToAssessment: 'Go to the assessment',
    passRule: 'To pass',
    completionRule: 'To complete this module',
    noScript: 'The assessment needs JavaScript. Turn it on in your browser, or ask your course team for help.',
    opensInNewWindow: '(opens in a new window)',
    endOfModule: 'End of the module.',
    by: (who: string) => `by ${who}`,
  },

  /**
   * Texts the runtime shows in the browser. They are templates: `{name}` is replaced by
   * the runtime. Plural forms that a language needs are separate keys.
   */
  runtime: {
    start: 'Start the assessment',
    continue: 'Continue the assessment',
    next: 'Next question',
    previous: 'Previous question',
    submit: 'Submit my answers',
    exit: 'Exit this module',
    questionOf: 'Question {n} of {total}',
    chooseOne: 'Choose one answer.',
    chooseAll: 'Choose every answer that applies.',
    trueLabel: 'True',
    falseLabel: 'False',
    answerRequired: 'Choose an answer to question {n} before you go on.',
    attemptOf: 'Attempt {n} of {total}.',
    attemptUnlimited: 'Attempt {n}. You may try again as often as you need.',
    questionsInTake: 'The assessment has {count} questions; you see your results after you submit your answers.',
    resultTitle: 'Your result',
    scoreLine: 'You scored {score} % ({earned} of {total} points).',
    passedLine: 'You passed: the pass mark is {min} %.',
    failedLine: 'You did not pass: the pass mark is {min} %.',
    attemptsLeftOne: 'You have 1 attempt left.',
    attemptsLeftMany: 'You have {n} attempts left.',
    tryAgain: 'Try again',
    explanationsLater: 'The explanations of the questions are shown once you have passed, or when no attempt is left.',
    noAttemptLeft: 'You have used all {total} attempts; your best score is {score} %. If you need another attempt, contact your course team.',
    alreadyPassed: 'You have passed this assessment with {score} %.',
    bestSoFar: 'Your best score so far is {score} %.',
    correct: 'Correct',
    incorrect: 'Incorrect',
    yourAnswer: 'Your answer:',
    noAnswer: 'no answer',
    practiceMode: 'Review mode: you can look around and try the questions, but nothing is recorded.',
    standalone: 'This page is not connected to a learning platform, so your progress and results are not recorded.',
    completed: 'You have completed this module.',
    lmsError: 'Your learning platform did not accept your progress ({detail}). Keep this page open and contact your course team.',
    launchError: 'This module could not start ({detail}). Open it again from your course.',
    exited: 'You have left the module. You can close this window.',
  },

  /** The import notes for LMS administrators (their own file: they are long). */
  notes: lmsNotes,
} as const;
