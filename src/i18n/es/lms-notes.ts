import type { Messages } from '../messages.ts';

/**
 * The LMS import notes, in Spanish, for administrators (addressed as "tú", like the rest).
 * A setting is named by the LMS's own Spanish label where it could be checked against that
 * LMS's Spanish language pack: Moodle's "es" pack for mod_scorm, the gradebook and activity
 * completion ("Método de calificación", "Calificación más alta", "Número de intentos",
 * "Intentos ilimitados", "Calificación de intentos", "Intento más alto", "Forzar nuevo
 * intento", "Bloquear después último intento", "Calificación máxima", "Finalización de
 * actividad", "Se requiere estado", "Pasado", "Finalizado", "Paquete SCORM"). Every other
 * label is given in English, as the LMS shows it when its Spanish label is not known, with a
 * Spanish gloss in brackets.
 *
 * "Attempt" is the LMS's attempt (intento); what the English notes call a "take" (one
 * submission of the assessment, which the learner sees as an attempt) is an "envío" here, so
 * that the two never share a word.
 */
export const lmsNotes: Messages['lmsPackage']['notes'] = {
  title: (program: string) => `Notas de importación para LMS — ${program}`,
  intro:
    'Estos paquetes se han compilado a partir de las fuentes del programa. Algunas reglas del programa necesitan la ayuda del LMS: con los ajustes que siguen, tu LMS las respeta. Cada ajuste se nombra como aparece en el LMS; cuando no se ha podido comprobar su nombre en español, se da en inglés con una traducción entre paréntesis.',
  packagesHeading: 'Paquetes',
  programPackage: 'El programa completo, en un solo paquete',
  modulePackages: 'Un paquete por módulo, para los LMS en los que cada módulo es una actividad independiente',
  rulesHeading: 'Las reglas del programa para los módulos',
  ruleLine: (modules: string, rule: string) => `${modules.charAt(0).toUpperCase()}${modules.slice(1)}: ${rule}`,
  allModules: (count: number) => (count === 1 ? 'el módulo' : `los ${count} módulos`),
  someModules: (titles: readonly string[]) => titles.join('; '),
  howPackagesTrack: [
    'Cada módulo es un SCO (SCORM) o una AU (cmi5). Un módulo con evaluación se aprueba o se suspende según su puntuación frente a la calificación para aprobar; un módulo sin evaluación se completa cuando el estudiante lo ha visto.',
    'Un envío es cada entrega de las respuestas de la evaluación del módulo (lo que el estudiante ve como un «intento»). El paquete cuenta los envíos en los datos guardados del estudiante (suspend data en SCORM, el documento de estado en cmi5), ofrece «Volver a intentarlo» en la misma página mientras queden envíos y deja de ofrecerlo cuando se agota el límite o se aprueba el módulo. Comunica cada envío al LMS en cuanto se hace y nunca informa de un estado inferior a otro ya comunicado.',
    'Un módulo queda cerrado definitivamente cuando se aprueba o cuando se han agotado todos los envíos. Hasta entonces, un envío suspendido no se comunica como definitivo, porque muchos LMS cierran el intento que informa de «failed» (suspendido): en SCORM 1.2 el estado sigue siendo «incomplete» y no se escribe ninguna puntuación; en SCORM 2004 la finalización sigue siendo «incomplete» y el éxito «unknown», con la puntuación bruta del mejor envío; en cmi5 (que admite un solo «passed» o «failed» por sesión), el envío suspendido que el estudiante aún puede repetir se retiene hasta que termina la sesión y entonces se envía. Un aprobado se comunica al momento; un módulo con todos los envíos agotados se comunica como suspendido (en SCORM, con la puntuación del mejor envío).',
    'Todos los envíos de un estudiante pertenecen a un único intento del LMS (SCORM) o a una única inscripción (registration, en cmi5). Un paquete SCORM siempre sale con «suspend», incluso cuando el módulo ya está cerrado, para que el LMS conserve esos datos guardados (los envíos usados y el aprobado) y nunca abra por su cuenta un intento nuevo; el manifiesto SCORM 2004 admite un solo intento (attemptLimit 1) cuando los envíos están limitados. Los ajustes que siguen mantienen abierto ese único intento en cada LMS; un LMS que abriera un intento nuevo con los datos vacíos le devolvería al estudiante todos sus envíos.',
  ],
  lmsHeading: (lms: string) => `${lms}`,
  formatHeading: (format: string, support: string) => `${format} — ${support}`,
  support: {
    recommended: 'recomendado',
    supported: 'compatible',
    plugin: 'requiere un complemento',
    unsupported: 'no compatible',
    check: 'consultar al proveedor',
  },
  noSettings: 'No hace falta ningún ajuste del LMS para las reglas del programa: el propio paquete las aplica.',
  steps: 'Pasos',
  cautions: 'Precauciones',
  settingsFor: (what: string) => `Ajustes para ${what}`,
  modulesLine: (modules: string) => `Módulos: ${modules}`,
  settingLine: (name: string, value: string) => `${name}: ${value}`,
  formats: { 'scorm-1.2': 'SCORM 1.2', 'scorm-2004': 'SCORM 2004 4.ª edición', cmi5: 'cmi5' },
  lmsNames: {
    moodle: 'Moodle',
    canvas: 'Canvas',
    blackboard: 'Blackboard Learn',
    brightspace: 'D2L Brightspace',
    docebo: 'Docebo',
    talentlms: 'TalentLMS',
    cornerstone: 'Cornerstone',
    'scorm-cloud': 'SCORM Cloud',
    cmi5: 'Cualquier LMS compatible con cmi5 (la vía cmi5)',
  },
  unlimited: 'Ilimitados',
  graded: (minScore: number) => `los módulos con evaluación (calificación para aprobar: ${minScore} %)`,
  viewOnly: 'los módulos sin evaluación',
  /** Who counts attempts, said first in every format's summary. */
  packageOwns: (takes: string) => `El paquete cuenta los envíos (${takes}) dentro de un único intento del LMS; el LMS debe mantener abierto ese intento entre un acceso y otro.`,
  takesText: (attempts: number | 'unlimited') =>
    attempts === 'unlimited' ? 'tantos como quiera el estudiante' : attempts === 1 ? '1 por estudiante' : `${attempts} por estudiante`,
  cmi5Owns: 'El paquete cuenta los envíos en el documento de estado de la inscripción (registration); el LMS debe mantener una sola inscripción por estudiante.',
  checkRelaunch:
    'Después de importar, abre un módulo como estudiante de prueba, suspende la evaluación, cierra la ventana y vuelve a abrir el módulo: debe mostrar el envío ya usado, no empezar de cero.',

  moodle: {
    summaryScorm12: 'Moodle reproduce SCORM 1.2 por completo; úsalo si tienes dudas.',
    summaryScorm2004: 'Moodle reproduce los datos de ejecución de SCORM 2004, pero aplica poco de su secuenciación: el límite de intentos es el del paquete, no el del manifiesto.',
    summaryCmi5: 'Moodle no trae un reproductor cmi5 integrado: instala el complemento de actividad «cmi5 Launch Link» y conéctalo a un LRS.',
    uploadModule: 'Añade una actividad «Paquete SCORM» por cada módulo y sube el paquete de ese módulo, para que cada módulo tenga su propia calificación y su propia finalización.',
    uploadProgram: 'También puedes subir el paquete del programa como una sola actividad: Moodle muestra entonces los módulos en su tabla de contenidos, pero califica todo el paquete a la vez.',
    uploadCmi5: 'Añade una actividad «cmi5 Launch Link» y sube el paquete cmi5 (el del programa o el de un módulo).',
    gradingMethod: 'Método de calificación',
    gradingMethodValue: 'Calificación más alta',
    gradingMethodWhy: 'El paquete de un módulo tiene un solo SCO; su puntuación (la del mejor envío) es la calificación del módulo.',
    maximumGrade: 'Calificación máxima',
    maximumGradeValue: '100',
    maximumGradeWhy: 'El paquete comunica las puntuaciones en porcentaje (0–100).',
    attempts: 'Número de intentos',
    attemptsOne: '1',
    attemptsUnlimited: 'Intentos ilimitados',
    attemptsWhy: (rule: string, attempts: number) =>
      `La regla del programa es «${rule}»: el paquete cuenta ${attempts === 1 ? 'ese envío' : `esos ${attempts} envíos`} dentro de un único intento de Moodle. Un segundo intento de Moodle empezaría con los datos guardados vacíos y le daría al estudiante ${attempts === 1 ? 'otro envío' : `otros ${attempts} envíos`}.`,
    attemptsUnlimitedWhy: (rule: string) => `La regla del programa es «${rule}»: un intento nuevo de Moodle solo le da al estudiante más envíos, y la regla lo permite.`,
    attemptsGrading: 'Calificación de intentos',
    attemptsGradingValue: 'Intento más alto',
    attemptsGradingWhy: 'Un estudiante que ha aprobado conserva el aprobado, informe lo que informe un intento posterior.',
    forceNewAttempt: 'Forzar nuevo intento',
    forceNewAttemptValue: 'No',
    forceNewAttemptWhy:
      'Con cualquier otro valor, Moodle abre un intento nuevo y vacío después de uno aprobado o suspendido (incluso si estaba aprobado), y el paquete contaría desde cero.',
    lockAfterFinal: 'Bloquear después último intento',
    lockAfterFinalValue: 'No',
    lockAfterFinalWhy:
      'Moodle da un intento por usado en cuanto tiene una puntuación (en SCORM 2004, después del primer envío); con un solo intento, el bloqueo podría dejar fuera al estudiante antes de los envíos que el paquete aún le debe. El propio paquete no ofrece ningún envío más allá del límite.',
    masteryOverride: '«Mastery score overrides status» (la puntuación de dominio prevalece sobre el estado)',
    masteryOverrideValue12: 'No',
    masteryOverrideWhy12: (minScore: number) =>
      `El estado del paquete ya sigue la calificación para aprobar (${minScore} %), y solo escribe una puntuación junto con un estado definitivo. Con «Sí», Moodle recalcula el estado a partir de cualquier puntuación cuando el estudiante sale, y convertiría una puntuación inferior a la calificación para aprobar en «failed» (suspendido), lo que para Moodle cierra el intento (modo revisión en el siguiente acceso).`,
    masteryOverrideValue2004: 'Déjalo como está',
    masteryOverrideWhy2004: 'Moodle aplica este ajuste solo a los paquetes SCORM 1.2; en SCORM 2004 no tiene efecto (la calificación para aprobar es el minNormalizedMeasure del manifiesto).',
    completionPassed: 'Finalización de actividad',
    completionPassedValue: '«Add requirements» (añadir requisitos) → «Se requiere estado» → «Pasado»',
    completionPassedWhy: 'El módulo cuenta como hecho cuando se aprueba su evaluación (Moodle tiene en cuenta todos los intentos).',
    completionViewed: 'Finalización de actividad',
    completionViewedValue: '«Add requirements» (añadir requisitos) → «Se requiere estado» → «Finalizado»',
    completionViewedWhy: 'El módulo cuenta como hecho cuando el estudiante lo ha visto.',
    cautionProgram: 'En el paquete del programa, todos los módulos comparten un único intento y una única calificación de Moodle. Usa los paquetes por módulo cuando cada módulo deba tener su propia calificación.',
    cautionCmi5:
      'Deja sin marcar «Allow multiple registrations.» (permitir varias inscripciones): el paquete cuenta los envíos en la inscripción del estudiante y guarda en ella cualquier resultado pendiente de enviar; una segunda inscripción volvería a dar los envíos. La calificación para aprobar es el masteryScore de cmi5.xml.',
    cmi5MoveOn: '«Completion» (finalización)',
    cmi5MoveOnValue: 'Según el paquete (moveOn)',
    cmi5MoveOnWhy: 'Los módulos con evaluación se dan por cumplidos cuando se completan y se aprueban; los demás, cuando se completan.',
  },

  // Canvas's, Blackboard's, Brightspace's, Docebo's, TalentLMS's, Cornerstone's and SCORM
  // Cloud's Spanish labels could not be checked: their English labels, with a gloss.
  canvas: {
    summaryScorm:
      'Canvas importa SCORM a través de su herramienta SCORM (una aplicación LTI que un administrador activa para la cuenta y que funciona con el SCORM Engine de Rustici); después aparece como «SCORM» en la navegación del curso.',
    summaryCmi5: 'Canvas no es compatible con cmi5 de forma nativa; cmi5 necesita una herramienta LTI de terceros con un LRS.',
    upload: 'Abre «SCORM» en la navegación del curso, sube el paquete de un módulo y elige importarlo como tarea calificada («graded assignment»).',
    pointsPossible: '«Points possible» (puntos posibles)',
    pointsPossibleValue: '100',
    pointsPossibleWhy: 'El paquete comunica las puntuaciones en porcentaje, así que los puntos equivalen al porcentaje.',
    requirement: '«Module requirement» (requisito del módulo, en la configuración de módulos de Canvas)',
    requirementPassedValue: (minScore: number) => `«Score at least» (obtener al menos) ${minScore}`,
    requirementPassedWhy: 'El módulo cuenta como hecho cuando se aprueba su evaluación.',
    requirementViewedValue: '«View the item» (ver el elemento)',
    requirementViewedWhy: 'El módulo cuenta como hecho cuando el estudiante lo ha visto.',
    attempts: '«Allowed attempts» (intentos permitidos)',
    attemptsWhy: (rule: string) => `La regla del programa es «${rule}»; el paquete cuenta los envíos. Un límite de Canvas contaría las veces que se abre la tarea, no los envíos.`,
  },

  blackboard: {
    summaryScorm:
      'Blackboard Learn reproduce SCORM con su SCORM Engine (el de Rustici); un intento del Engine termina cuando un paquete sale con cualquier valor de salida distinto de «suspend», y este paquete siempre sale con «suspend», así que cada estudiante permanece en un único intento del Engine.',
    summaryCmi5: 'Blackboard Learn no trae un reproductor cmi5 integrado.',
    upload: 'En el contenido del curso, añade «SCORM package» (Ultra) o «Content Package (SCORM)» (Original) y sube el paquete de un módulo.',
    attempts: '«Attempts allowed» (intentos permitidos; Ultra) / «Number of Attempts» (número de intentos; Original)',
    attemptsWhy: (rule: string) =>
      `La regla del programa es «${rule}»: el paquete cuenta los envíos dentro de un único intento del Engine. Un intento más empezaría con los datos vacíos y volvería a dar todos los envíos.`,
    gradeSource: '«Grade SCORM» (calificar SCORM)',
    gradeSourceValue: '«SCORM Score» (puntuación SCORM; Original); en Ultra, activado, con una puntuación máxima de 100',
    gradeSourceWhy:
      'El paquete comunica la puntuación de su mejor envío en porcentaje una vez cerrado el módulo; el estado sigue la calificación para aprobar. En Ultra, los ajustes de calificación no se pueden cambiar después de la importación.',
  },

  brightspace: {
    summaryScorm:
      'Brightspace importa los paquetes SCORM en Contenido como objetos SCORM y toma la calificación de la puntuación que comunica el paquete cuando el módulo queda cerrado. La documentación pública de D2L no menciona ningún ajuste de intentos para los objetos SCORM: comprueba con D2L que, al volver a abrir un objeto, se recuperan los datos del estudiante.',
    summaryCmi5: 'La compatibilidad con cmi5 depende de tu versión de Brightspace: consulta la documentación de D2L antes de usar el paquete cmi5.',
    upload:
      'En «Content» (Contenido), añade el paquete de un módulo como objeto SCORM (con el reproductor SCORM que haya configurado tu administrador); Brightspace crea su elemento de calificación a partir del paquete.',
  },

  docebo: {
    summaryScorm: 'Docebo reproduce material formativo SCORM; el paquete cuenta los envíos mientras Docebo recupere los datos del estudiante.',
    summaryCmi5: 'Docebo reproduce contenido xAPI; la compatibilidad con cmi5 depende de tu plan: consúltalo con Docebo antes de usar el paquete cmi5.',
    upload: 'En «Training Material» (material formativo) del curso, añade «SCORM» y sube el paquete de un módulo.',
    resetWhy:
      'No reinicies el seguimiento del material formativo de un estudiante (en el informe del curso, «User Statistics» [estadísticas del usuario] → «Reset» [reiniciar]) para darle más envíos: se borrarían los datos guardados y, con ellos, los envíos usados y el resultado de un estudiante que ya aprobó.',
  },

  talentlms: {
    summaryScorm: 'TalentLMS solo reproduce SCORM 1.2, no SCORM 2004: añade el paquete SCORM 1.2 como unidad SCORM de un curso, cuyo estado y puntuación son los que comunica el paquete.',
    summaryCmi5: 'TalentLMS añade los paquetes cmi5 como unidades de un curso.',
    upload: 'En el curso, añade una unidad «SCORM | xAPI | cmi5» y sube el paquete de un módulo.',
  },

  cornerstone: {
    summaryScorm:
      'Cornerstone reproduce cursos en línea SCORM 1.2 y SCORM 2004 (3.ª edición); el expediente de formación («Transcript») sigue el estado que comunica el paquete. La ayuda de Cornerstone no menciona ningún ajuste de intentos para los cursos en línea: comprueba con Cornerstone que, al volver a abrir un curso, se recuperan los datos del estudiante.',
    summaryCmi5: 'La compatibilidad con cmi5 depende de tu edición de Cornerstone: consúltalo con Cornerstone antes de usar el paquete cmi5.',
    upload: 'Crea un curso en línea a partir del paquete de un módulo con «Content Uploader» (el cargador de contenidos) o con el antiguo «Course Publisher» (publicador de cursos).',
  },

  scormCloud: {
    summaryScorm12: 'SCORM Cloud reproduce SCORM 1.2; SCORM 1.2 no tiene un campo de límite de intentos, así que el paquete cuenta los envíos.',
    summaryScorm2004:
      'SCORM Cloud aplica la secuenciación del paquete: la calificación para aprobar es el minNormalizedMeasure del manifiesto; el paquete cuenta los envíos dentro de un único intento.',
    summaryCmi5: 'SCORM Cloud reproduce cmi5 con su propio LRS; moveOn y masteryScore se toman de cmi5.xml, y cada estudiante conserva una única inscripción.',
    upload: 'Importa el paquete en «Content Library» (biblioteca de contenidos): el paquete del programa o un paquete por módulo.',
    resetData: '«Reset Runtime Data Timing» (cuándo reiniciar los datos de ejecución)',
    resetDataValue: '«Never» (nunca)',
    resetDataWhy:
      'El paquete siempre sale con «suspend», así que el Engine mantiene un único intento por estudiante. Si aun así un intento terminara (por un administrador, o por un acceso que nunca llegó al paquete), «When Exit Is Not Suspend» y «On Each New Sequencing Attempt» borrarían los datos del estudiante, incluidos el resultado de quien ya aprobó y los envíos usados, y el siguiente acceso empezaría de cero; «Never» los conserva.',
  },

  cmi5: {
    summary: 'Cualquier LMS que siga cmi5 (con un LRS) puede lanzar los paquetes cmi5.',
    scormNotHere: 'Esta entrada trata de los paquetes cmi5; para SCORM, consulta tu LMS más arriba.',
    upload: 'Importa cmi5.zip (el del programa o el de un módulo) como curso cmi5.',
    registration: 'Inscripción (registration)',
    registrationValue: 'Una por estudiante y curso, la misma en cada acceso',
    registrationWhy:
      'El paquete guarda los envíos usados y cualquier resultado pendiente de enviar en el estado de la inscripción; una inscripción nueva en cada acceso volvería a dar los envíos y podría contar un aprobado dos veces.',
    moveOn: 'moveOn',
    moveOnValue: 'Como en cmi5.xml',
    moveOnPassedWhy: 'Un módulo evaluado se da por cumplido cuando se completa y se aprueba.',
    moveOnViewedWhy: 'Un módulo sin evaluación se da por cumplido cuando se completa.',
    masteryScore: 'masteryScore',
    masteryScoreValue: (minScore: number) => `${(minScore / 100).toString()} (como en cmi5.xml)`,
    masteryScoreWhy: 'El paquete compara la puntuación con la puntuación de dominio que el LMS le pasa en LMS.LaunchData.',
    launchMode: 'Modo de lanzamiento (launch mode)',
    launchModeValue: 'Normal',
    launchModeWhy: 'En los modos Browse y Review el paquete no evalúa nada (cmi5 prohíbe registrar un resultado en ellos).',
  },
};
