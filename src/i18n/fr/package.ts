/**
 * LMS package (SCORM, cmi5) strings, in French: the SCO pages, the texts the runtime
 * script shows (`{name}` templates, filled in by the runtime) and the LMS import notes.
 * The words for the learner are those of French LMSs (Moodle's French language pack:
 * « tentative », « note pour passer », « mode relecture »).
 */
import type { Messages } from '../messages.ts';
import { lmsNotes } from './lms-notes.ts';

export const lmsPackage: Messages['lmsPackage'] = {
  startAssessment: 'Commencer l’évaluation',

  page: {
    outcomes: 'Ce que vous saurez faire',
    content: 'Contenu',
    resources: 'Ressources',
    presenters: 'Présenté par',
    skipToAssessment: 'Aller à l’évaluation',
    passRule: 'Pour réussir',
    completionRule: 'Pour terminer ce module',
    noScript: 'L’évaluation a besoin de JavaScript. Activez-le dans votre navigateur ou demandez de l’aide à l’équipe pédagogique.',
    opensInNewWindow: '(s’ouvre dans une nouvelle fenêtre)',
    endOfModule: 'Fin du module.',
    by: (who: string) => `par ${who}`,
  },

  runtime: {
    start: 'Commencer l’évaluation',
    continue: 'Reprendre l’évaluation',
    next: 'Question suivante',
    previous: 'Question précédente',
    submit: 'Envoyer mes réponses',
    exit: 'Quitter ce module',
    questionOf: 'Question {n} sur {total}',
    chooseOne: 'Choisissez une réponse.',
    chooseAll: 'Choisissez toutes les réponses qui conviennent.',
    trueLabel: 'Vrai',
    falseLabel: 'Faux',
    answerRequired: 'Choisissez une réponse à la question {n} avant de continuer.',
    attemptOf: 'Tentative {n} sur {total}.',
    attemptUnlimited: 'Tentative {n}. Vous pouvez recommencer autant de fois que nécessaire.',
    questionsInTake: 'Nombre de questions : {count}. Vous verrez vos résultats après avoir envoyé vos réponses.',
    resultTitle: 'Votre résultat',
    scoreLine: 'Vous avez obtenu {score} % ({earned} sur {total} points).',
    passedLine: 'Vous avez réussi : la note pour passer est de {min} %.',
    failedLine: 'Vous n’avez pas réussi : la note pour passer est de {min} %.',
    attemptsLeftOne: 'Il vous reste 1 tentative.',
    attemptsLeftMany: 'Il vous reste {n} tentatives.',
    tryAgain: 'Réessayer',
    explanationsLater: 'Les explications des questions s’affichent une fois l’évaluation réussie, ou lorsqu’il ne vous reste plus de tentative.',
    noAttemptLeft:
      'Vous avez épuisé vos tentatives ({total}) ; votre meilleur score est de {score} %. Si vous avez besoin d’une autre tentative, contactez l’équipe pédagogique.',
    alreadyPassed: 'Vous avez réussi cette évaluation avec {score} %.',
    bestSoFar: 'Votre meilleur score jusqu’ici est de {score} %.',
    correct: 'Correct',
    incorrect: 'Incorrect',
    yourAnswer: 'Votre réponse :',
    noAnswer: 'pas de réponse',
    practiceMode: 'Mode relecture : vous pouvez parcourir le module et essayer les questions, mais rien n’est enregistré.',
    standalone: 'Cette page n’est pas reliée à une plateforme de formation : votre progression et vos résultats ne sont pas enregistrés.',
    completed: 'Vous avez terminé ce module.',
    lmsError: 'Votre plateforme de formation n’a pas accepté votre progression ({detail}). Gardez cette page ouverte et contactez l’équipe pédagogique.',
    launchError: 'Ce module n’a pas pu démarrer ({detail}). Rouvrez-le depuis votre cours.',
    exited: 'Vous avez quitté le module. Vous pouvez fermer cette fenêtre.',
  },

  notes: lmsNotes,
};
