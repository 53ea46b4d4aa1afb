import type { Messages } from '../messages.ts';
import { lmsNotes } from './lms-notes.ts';

/**
 * LMS package (SCORM, cmi5) strings, in Spanish: the SCO pages, the texts the runtime
 * script shows (as `{name}` templates, because they travel in the page as JSON) and the
 * LMS import notes. The learner is addressed as "tú"; "evaluación", "intento" and
 * "calificación para aprobar" are the words Moodle's Spanish language pack uses.
 */
export const lmsPackage: Messages['lmsPackage'] = {
  startAssessment: 'Empezar la evaluación',

  /** Words on the SCO page, written by the compiler. */
  page: {
    outcomes: 'Qué serás capaz de hacer',
    content: 'Contenido',
    resources: 'Recursos',
    presenters: 'Presentado por',
    skipToAssessment: 'Ir a la evaluación',
    passRule: 'Para aprobar',
    completionRule: 'Para completar este módulo',
    noScript: 'La evaluación necesita JavaScript. Actívalo en tu navegador o pide ayuda al equipo docente.',
    opensInNewWindow: '(se abre en una ventana nueva)',
    endOfModule: 'Fin del módulo.',
    by: (who: string) => `de ${who}`,
  },

  /**
   * Texts the runtime shows in the browser. They are templates: `{name}` is replaced by
   * the runtime. Plural forms that a language needs are separate keys.
   */
  runtime: {
    start: 'Empezar la evaluación',
    continue: 'Continuar la evaluación',
    next: 'Pregunta siguiente',
    previous: 'Pregunta anterior',
    submit: 'Enviar mis respuestas',
    exit: 'Salir de este módulo',
    questionOf: 'Pregunta {n} de {total}',
    chooseOne: 'Elige una respuesta.',
    chooseAll: 'Elige todas las respuestas correctas.',
    trueLabel: 'Verdadero',
    falseLabel: 'Falso',
    answerRequired: 'Responde a la pregunta {n} antes de continuar.',
    attemptOf: 'Intento {n} de {total}.',
    attemptUnlimited: 'Intento {n}. Puedes volver a intentarlo tantas veces como necesites.',
    questionsInTake: 'La evaluación tiene {count} preguntas; verás tus resultados cuando envíes tus respuestas.',
    resultTitle: 'Tu resultado',
    scoreLine: 'Has obtenido un {score} % ({earned} de {total} puntos).',
    passedLine: 'Has aprobado: la calificación para aprobar es un {min} %.',
    failedLine: 'No has aprobado: la calificación para aprobar es un {min} %.',
    attemptsLeftOne: 'Te queda 1 intento.',
    attemptsLeftMany: 'Te quedan {n} intentos.',
    tryAgain: 'Volver a intentarlo',
    explanationsLater: 'Las explicaciones de las preguntas se muestran cuando hayas aprobado o cuando no te queden intentos.',
    noAttemptLeft: 'Has agotado los {total} intentos; tu mejor puntuación es un {score} %. Si necesitas otro intento, ponte en contacto con el equipo docente.',
    alreadyPassed: 'Ya has aprobado esta evaluación con un {score} %.',
    bestSoFar: 'Tu mejor puntuación hasta ahora es un {score} %.',
    correct: 'Correcta',
    incorrect: 'Incorrecta',
    yourAnswer: 'Tu respuesta:',
    noAnswer: 'sin respuesta',
    practiceMode: 'Modo revisión: puedes explorar e intentar las preguntas, pero no se registra nada.',
    standalone: 'Esta página no está conectada a una plataforma de aprendizaje, así que no se registran ni tu progreso ni tus resultados.',
    completed: 'Has completado este módulo.',
    lmsError: 'Tu plataforma de aprendizaje no ha aceptado tu progreso ({detail}). No cierres esta página y ponte en contacto con el equipo docente.',
    launchError: 'No se ha podido iniciar este módulo ({detail}). Vuelve a abrirlo desde tu curso.',
    exited: 'Has salido del módulo. Ya puedes cerrar esta ventana.',
  },

  /** The import notes for LMS administrators (their own file: they are long). */
  notes: lmsNotes,
};
