import type { Messages } from '../messages.ts';

/**
 * The course site's interface strings, in Spanish: neutral Spanish for Spain and Latin
 * America, the learner addressed as "tú", as Spanish-language MOOCs and university online
 * courses do. Templates filled in the browser keep every `{name}` of the English ones.
 */
export const site: Messages['site'] = {
  /** The 24-hour clock, as timetables, course calendars and official times are written in Spanish. */
  hourCycle: 'h23',

  skipToContent: 'Saltar al contenido',
  /** Entre una etiqueta y su valor ("Lugar: Sala 4"). */
  colon: ': ',
  /** Shown by `curriculum dev` only. */
  dev: {
    title: (errors: number, warnings: number) =>
      `${errors} ${errors === 1 ? 'error' : 'errores'} y ${warnings} ${warnings === 1 ? 'advertencia' : 'advertencias'} en las fuentes`,
    stale: (programs: string) => `Se muestra la última versión que compiló de: ${programs}. Corrige los errores para ver tus cambios.`,
    error: 'error',
    warning: 'advertencia',
    acceptedWarning: 'advertencia aceptada',
    more: (n: number) => (n === 1 ? 'y 1 más (consulta la terminal)' : `y ${n} más (consulta la terminal)`),
  },
  catalogTitle: 'Programas',
  programNavLabel: 'Programa',
  pageTitle: (page: string, program: string) => `${page} · ${program}`,

  // "Cronograma" for the schedule, so that "calendario" is only ever the calendar file a
  // learner subscribes to.
  nav: {
    overview: 'Presentación',
    schedule: 'Cronograma',
    modules: 'Módulos',
    competences: 'Competencias',
    completion: 'Requisitos',
    achievements: 'Insignias',
    syllabus: 'Guía didáctica',
  },

  search: {
    title: 'Buscar',
    label: 'Buscar en los programas',
    button: 'Buscar',
    intro: 'Busca en las páginas de todos los programas: módulos, cronogramas, competencias y requisitos para completarlos.',
    needsJavaScript:
      'La búsqueda funciona en tu navegador y necesita JavaScript, que está desactivado o no disponible. Puedes llegar a cualquier página desde la lista de programas.',
    browseInstead: 'Ver los programas',
    searching: 'Buscando…',
    // Filled in by the browser, which replaces `{query}` and `{count}` and picks the plural
    // form with Intl.PluralRules('es'): one, many (whole millions) and other.
    noResults: 'Ninguna página coincide con «{query}».',
    results: {
      one: '{count} página coincide con «{query}».',
      many: '{count} páginas coinciden con «{query}».',
      other: '{count} páginas coinciden con «{query}».',
    },
    failed: 'No se ha podido cargar el índice de búsqueda. Vuelve a intentarlo más tarde.',
  },

  notFound: {
    title: 'Página no encontrada',
    text: 'No hay ninguna página en esta dirección. Puede que se haya movido o que el enlace tenga un error.',
    back: 'Ir a la lista de programas',
  },

  footer: {
    updated: (date: string) => `Información actualizada por última vez el ${date}.`,
    allPrograms: 'Todos los programas',
    contact: 'Contacto',
    forLmsAdministrators: 'Para administradores de LMS',
  },

  catalog: {
    intro: 'Elige un programa para ver su cronograma, sus módulos y cómo obtener su certificado.',
    count: (n: number) => (n === 1 ? 'Un programa' : `${n} programas`),
    empty: 'Todavía no hay programas.',
  },

  // "unas 5 horas" but "alrededor de 1 hora": "unas" before "1" would read as "one".
  facts: {
    heading: 'De un vistazo',
    dates: 'Fechas',
    effortPerWeek: 'Dedicación semanal',
    effortTotal: 'Dedicación total',
    hoursPerWeek: (min: number, max: number, approximate: boolean) =>
      min === max && min === 1
        ? `${approximate ? 'alrededor de ' : ''}1 hora por semana`
        : `${approximate ? 'unas ' : ''}${min === max ? min : `${min}–${max}`} horas por semana`,
    totalHours: (hours: number, approximate: boolean) => (hours === 1 ? `${approximate ? 'alrededor de ' : ''}1 hora` : `${approximate ? 'unas ' : ''}${hours} horas`),
    level: 'Nivel',
    levels: { beginner: 'Inicial', intermediate: 'Intermedio', advanced: 'Avanzado', expert: 'Experto', mixed: 'Varios niveles' },
    eqfLevel: (n: number) => `Nivel ${n} del MEC`,
    language: 'Idioma',
    format: 'Modalidad',
    formats: { online: 'En línea', blended: 'Semipresencial (en línea y presencial)', 'in-person': 'Presencial' },
    pace: 'Ritmo',
    paces: { 'self-paced': 'A tu ritmo', scheduled: 'Con calendario fijo', mixed: 'A tu ritmo y con calendario fijo' },
    venue: 'Dónde',
    fees: 'Precio',
    free: 'Gratuito',
    capacity: 'Plazas',
    capacityMax: (n: number) => (n === 1 ? 'Una plaza' : `Hasta ${n} participantes`),
    registration: 'Inscripción',
    registrationOpens: (date: string) => `Se abre el ${date}`,
    registrationCloses: (date: string) => `Se cierra el ${date}`,
    register: 'Inscríbete',
    timeZone: 'Zona horaria',
    edition: 'Edición',
    modules: 'Módulos',
    moduleCount: (n: number) => (n === 1 ? 'Un módulo' : `${n} módulos`),
    moduleCountOfKind: { lecture: (n: number) => (n === 1 ? 'Una clase' : `${n} clases`) } as Record<string, (n: number) => string>,
  },

  /**
   * Where the edition stands on the visitor's day. The script fills `{…}` slots in the
   * browser (dates and times in the visitor's own words), so these are templates.
   */
  progress: {
    markDone: 'He terminado este módulo',
    done: 'Completado',
    hint: 'Se guarda solo en este navegador.',
  },
  status: {
    heading: 'Situación de la edición',
    upcoming: 'Empieza el {date}: dentro de {days}.',
    startsToday: 'Empieza hoy, {date}.',
    day: '1 día',
    days: '{n} días',
    running: '{week} de {weeks}: la edición termina el {end}.',
    runningNoWeek: 'En curso: la edición termina el {end}.',
    ended: 'Esta edición se celebró del {start} al {end}.',
    archived: 'Archivada',
    registrationClosed: 'La inscripción se cerró el {date}.',
    thisWeek: 'Módulos de esta semana',
    nextSession: 'Próxima sesión en directo',
    join: 'unirse',
    dueSoon: 'Fechas límite de los próximos 7 días',
    nothingDue: 'No vence nada en los próximos 7 días.',
    'short.upcoming': 'Empieza dentro de {days}',
    'short.running': 'En curso: {week} de {weeks}',
    'short.ended': 'Finalizada: archivada',
    /** What a visitor without JavaScript reads: true whatever the day. */
    static: {
      upcoming: (start: string) => `Empieza el ${start}.`,
      running: (start: string, end: string) => `Se desarrolla del ${start} al ${end}.`,
      ended: (start: string, end: string) => `Esta edición se celebró del ${start} al ${end}.`,
    },
  },
  overview: {
    audience: 'A quién va dirigido',
    aims: 'Finalidad',
    objectives: 'Objetivos',
    offer: 'Qué ofrece el programa',
    outcomes: 'Qué aprenderás',
    method: 'Cómo funciona',
    background: 'Contexto',
    organizers: 'Entidades organizadoras',
    aboutOrganizer: (name: string) => `Sobre ${name}`,
    roles: {
      coordinator: 'Entidad coordinadora',
      organizer: 'Entidad organizadora',
      'co-organizer': 'Entidad coorganizadora',
      partner: 'Entidad socia',
      host: 'Entidad anfitriona',
      funder: 'Entidad financiadora',
    },
    contact: 'Contacto',
    email: 'Correo electrónico',
    phone: 'Teléfono',
    address: 'Dirección',
    website: 'Sitio web',
    social: 'Redes sociales',
    networks: {
      x: 'X',
      youtube: 'YouTube',
      linkedin: 'LinkedIn',
      facebook: 'Facebook',
      instagram: 'Instagram',
      mastodon: 'Mastodon',
      bluesky: 'Bluesky',
      other: 'Otra red',
    },
    certificate: 'Certificado',
    certificateBrings: 'Qué te aporta',
    recognition: 'Reconocimiento',
    issuedBy: (names: string) => `Expedido por ${names}.`,
    howToEarn: 'Cómo obtener el certificado',
    links: 'Enlaces',
    linkKinds: {
      video: 'Vídeo',
      reading: 'Lectura',
      website: 'Sitio web',
      document: 'Documento',
      registration: 'Inscripción',
      platform: 'Plataforma de aprendizaje',
      social: 'Redes sociales',
      other: 'Enlace',
    },
    funding: 'Financiación',
    projectNumber: (n: string) => `Número de proyecto: ${n}`,
    firstModule: 'Empieza por el primer módulo',
  },

  // Actions on buttons and links are infinitives, as Spanish interfaces write them; that also
  // spares the pronoun that would have to agree with a session (la), an exam (lo) or a deadline (la).
  downloads: {
    heading: 'Calendario y descargas',
    subscribe: 'Suscribirse al calendario',
    subscribeHint: 'Tu aplicación de calendario mantiene al día las sesiones en directo y las fechas límite.',
    downloadCalendar: 'Descargar el calendario (.ics)',
    phaseCalendar: (phase: string) => `Calendario de «${phase}» (.ics)`,
    addSession: 'Añadir a tu calendario (.ics)',
    addDeadline: 'Añadir a tu calendario (.ics)',
    addSeries: 'Añadir todas las sesiones de la serie a tu calendario (.ics)',
    addExam: 'Añadir a tu calendario (.ics)',
    subscribeIn: 'O suscribirse en:',
    addIn: 'O añadir en:',
    phaseSubscribe: (phase: string) => `Suscribirse a «${phase}»`,
    googleCalendar: 'Google Calendar',
    outlookCom: 'Outlook.com',
    microsoft365: 'Microsoft 365',
    curriculumJson: 'El programa como datos (curriculum.json)',
    lmsPackages: 'Paquetes para plataformas de aprendizaje (LMS)',
  },

  schedule: {
    title: 'Cronograma',
    intro: (start: string, end: string) => `El programa se desarrolla del ${start} al ${end}.`,
    zoneNote: (zone: string, zoneId: string, offsets: string) =>
      `Las horas se indican en la zona horaria del programa, ${zone} (${zoneId}, ${offsets}) y, si tu navegador lo permite, también en la tuya.`,
    timeline: 'Línea de tiempo',
    timelineSummary: (parts: string) => `El programa en una línea de tiempo: ${parts}. El cronograma semana a semana que sigue da la misma información en texto.`,
    timelineParts: {
      span: (start: string, end: string) => `del ${start} al ${end}`,
      phases: (n: number) => (n === 1 ? 'una fase' : `${n} fases`),
      weeks: (n: number) => (n === 1 ? 'una semana' : `${n} semanas`),
      periods: (n: number) => (n === 1 ? 'un periodo continuo' : `${n} periodos continuos`),
      breaks: (n: number) => (n === 1 ? 'una pausa' : `${n} pausas`),
      assignments: (n: number) => (n === 1 ? 'una tarea' : `${n} tareas`),
      sessions: (n: number) => (n === 1 ? 'una sesión en directo' : `${n} sesiones en directo`),
      deadlines: (n: number) => (n === 1 ? 'una fecha límite' : `${n} fechas límite`),
    },
    legend: 'Leyenda',
    legendItems: {
      phase: 'Fase',
      week: 'Semana',
      period: 'Periodo continuo',
      break: 'Pausa',
      assignment: 'Tarea',
      session: 'Sesión en directo',
      deadline: 'Fecha límite',
    },
    weekByWeek: 'Semana a semana',
    thisWeek: 'Esta semana',
    modules: 'Módulos que estudiar',
    assignments: 'Tareas',
    sessions: 'Sesiones en directo',
    deadlines: 'Fechas límite',
    ongoing: 'En curso',
    breakLabel: 'Pausa',
    nothingScheduled: 'No hay nada concreto programado esta semana.',
    periods: 'Periodos continuos',
    allSessions: 'Sesiones en directo',
    allDeadlines: 'Fechas límite',
    noSessions: 'Este programa no tiene sesiones en directo.',
    // `days` arrives as the language's own weekday names, already joined ("lunes y miércoles").
    weekly: (days: string, span: string) => `Cada semana (${days}): ${span}.`,
    occurrences: (n: number) => (n === 1 ? 'Una sesión' : `${n} sesiones`),
    noSessionOn: 'Sin sesión el',
    cancelled: 'cancelada',
    movedFrom: (date: string) => `trasladada desde el ${date}`,
    /** A group of alternatives (sections): the learner attends one of them. */
    attendOneOf: (group: string) => `${group}: asiste a una de estas opciones`,
    oneSection: (group: string) => `${group}: asiste a un solo grupo`,
    sectionOf: (group: string) => `Uno de los grupos de «${group}»: asiste solo a uno de ellos.`,
    exams: 'Exámenes',
    examKinds: { written: 'Examen escrito', oral: 'Examen oral', practical: 'Examen práctico', online: 'Examen en línea' },
    slots: (minutes: number, count: number) =>
      `Turnos individuales: haces un turno de ${minutes} minutos (${count === 1 ? 'un turno' : `${count} turnos`} en este horario), no todo el horario.`,
    noDeadlines: 'Este programa no indica fechas límite.',
    by: (names: string) => `Con ${names}`,
    online: (platform: string) => `En línea, en ${platform}`,
    join: 'Unirse a la sesión',
    dialIn: (text: string) => `Por teléfono: ${text}`,
    place: 'Dónde',
    duration: (minutes: number) =>
      minutes % 60 === 0 ? `${minutes / 60} h` : minutes > 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`,
    yourTime: 'Tu hora',
    sameZone: 'Es también tu zona horaria.',
    dueEndOfDay: (dateTime: string) => `Hasta el final del día: ${dateTime}`,
    dueAt: (dateTime: string) => `Hasta: ${dateTime}`,
    covers: 'Incluye',
  },

  modules: {
    title: 'Módulos',
    titleOfKind: { lecture: 'Clases' } as Record<string, string>,
    intro: (n: number) => (n === 1 ? 'El programa tiene un módulo.' : `El programa tiene ${n} módulos, en el orden en que se estudian.`),
    introOfKind: { lecture: (n: number) => (n === 1 ? 'El programa tiene una clase.' : `El programa tiene ${n} clases, en el orden en que se estudian.`) } as Record<string, (n: number) => string>,
    otherModules: 'Otros módulos',
    about: 'Sobre este módulo',
    facts: 'Datos del módulo',
    kind: 'Tipo',
    phase: 'Fase',
    when: 'Cuándo',
    weeks: (label: string, range: string) => `${label} (${range})`,
    workload: 'Dedicación',
    workloadHours: (hours: number) => (hours === 1 ? '1 hora' : `${hours} horas`),
    /** No workload is written for the module: the program's total shared evenly, and said so. */
    workloadSpread: (hours: number, total: number, modules: number) =>
      `${hours === 1 ? 'alrededor de 1 hora' : `unas ${hours} horas`} (las ${total} horas del programa repartidas entre sus ${modules} módulos)`,
    /** A module's kind standing alone (a fact, a list entry), not inside a sentence. */
    kindLabels: { core: 'Módulo obligatorio', advanced: 'Módulo avanzado', elective: 'Módulo optativo', lecture: 'Clase', module: 'Módulo' },
    competences: 'Competencias que desarrolla',
    outcomes: 'Resultados de aprendizaje',
    topics: 'Temas',
    presenters: 'Presentado por',
    prerequisites: 'Antes de este módulo',
    resources: 'Recursos',
    resourceBy: (by: string) => `de ${by}`,
    content: 'Contenido',
    assessment: 'Cómo se evalúa',
    assessmentDraw: (questions: number, bank: number) =>
      `En cada intento salen ${questions === 1 ? 'una pregunta' : `${questions} preguntas`} de un banco de ${bank}.`,
    assessmentAll: (questions: number) => `La evaluación tiene ${questions === 1 ? 'una pregunta' : `${questions} preguntas`}.`,
    display: { 'one-at-a-time': 'Las preguntas se muestran de una en una', 'all-at-once': 'Todas las preguntas se muestran a la vez' },
    shuffled: ', en orden aleatorio.',
    inOrder: ', en un orden fijo.',
    toPass: (rule: string) => `Para aprobar: ${rule}.`,
    externalAssessment: 'Dónde realizarla',
    externalLink: 'Abrir la evaluación',
    dueBy: 'Fecha límite',
    // `rule` is the policy's infinitive ("recorrer todo su contenido").
    noAssessment: (rule: string) => `Este módulo no tiene evaluación: basta con ${rule}.`,
    previous: 'Módulo anterior',
    next: 'Módulo siguiente',
    pagination: 'Módulo anterior y siguiente',
    summaryWorkload: (hours: number) => (hours === 1 ? '1 hora' : `${hours} horas`),
  },

  competences: {
    title: 'Competencias',
    intro: (n: number) => (n === 1 ? 'El programa desarrolla una competencia.' : `El programa desarrolla ${n} competencias.`),
    framework: 'El marco',
    frameworkLink: 'Más información sobre el marco',
    map: 'Qué módulos desarrollan cada competencia',
    mapSummary: (modules: number, competences: number, links: number) =>
      `Un mapa que une ${modules} módulos (a la izquierda) con las ${competences} competencias que desarrollan (a la derecha), con ${links === 1 ? 'una conexión' : `${links} conexiones`}. La tabla que sigue da la misma información.`,
    mapSmallScreen: 'En una pantalla tan estrecha no se muestra el mapa: la lista de competencias que sigue nombra los módulos que desarrollan cada una.',
    mapTooLarge: 'El programa es demasiado grande para un mapa legible; la tabla y la lista que siguen muestran qué módulos desarrollan cada competencia.',
    develops: (module: string, competence: string) => `${module} desarrolla ${competence}`,
    matrix: 'Módulos y competencias',
    matrixCaption: 'Qué módulo desarrolla cada competencia. Las columnas están numeradas como en la lista de competencias de arriba.',
    matrixTooLarge: 'El programa es demasiado grande para una tabla legible; cada competencia de la lista que sigue indica los módulos que la desarrollan.',
    module: 'Módulo',
    yes: 'La desarrolla',
    no: 'No',
    key: 'Las competencias',
    developedBy: 'Se desarrolla en',
    assignments: 'Se practica en',
    notDeveloped: 'Ningún módulo desarrolla esta competencia.',
    esco: 'Referencia ESCO',
    eqfLevel: (n: number) => `Nivel ${n} del MEC`,
  },

  completion: {
    title: 'Requisitos y certificado',
    intro: 'Lo que tienes que hacer para aprobar cada módulo y obtener el certificado, según las reglas del programa.',
    passingModules: 'Aprobar un módulo',
    everyModule: (rule: string) => `Para aprobar un módulo: ${rule}.`,
    moduleRulesCaption: 'La regla para aprobar cada módulo',
    module: 'Módulo',
    rule: 'Para aprobar',
    earning: (title: string) => `Cómo obtener «${title}»`,
    checklistHint: 'Marca las casillas para llevar la cuenta. Se guardan solo en este navegador.',
    /** Filled in the browser: `{done}` and `{total}` are numbers. */
    progressCount: '{done} de {total} completados',
    progressReset: 'Borrar mis marcas en este navegador',
    issuedBy: (names: string) => `Expedido por ${names}.`,
    brings: 'Qué te aporta',
    recognition: 'Reconocimiento',
    benefits: 'Otras ventajas',
    assignments: 'Tareas',
    deliverable: 'Qué entregar',
    optional: 'Opcional',
    required: 'Obligatoria',
    choice: (select: number, from: number) => (select === 1 ? `Elige una de ${from} opciones.` : `Elige ${select} de ${from} opciones.`),
    submission: 'Cómo entregarla',
    submit: 'Página de entrega',
    when: 'Cuándo',
    details: { module: 'Sobre el módulo', assignment: 'Sobre la tarea', session: 'Cuándo tiene lugar' },
  },

  achievements: {
    title: 'Insignias',
    intro:
      'El certificado y las ventajas de este programa como logros Open Badges 3.0. La organización expide cada uno a quien lo obtiene como credencial firmada, que acepta cualquier cartera o verificador de Open Badges 3.0.',
    certificate: 'Certificado',
    benefit: 'Ventaja',
    criteria: 'Cómo se obtiene',
    competences: 'Competencias que acredita',
    creator: (name: string) => `Creado por ${name}`,
    identifier: 'Identificador permanente',
    json: 'Logro Open Badges 3.0 (JSON-LD)',
    image: 'Imagen de la insignia (SVG)',
  },

  lms: {
    title: 'Para administradores de LMS',
    intro: 'El programa empaquetado para plataformas de aprendizaje (LMS). Importa el paquete que admita tu plataforma.',
    programPackages: 'El programa completo',
    modulePackages: 'Módulo a módulo',
    modulePackagesCaption: 'Paquetes de cada módulo',
    module: 'Módulo',
    formats: { 'scorm-1.2': 'SCORM 1.2', 'scorm-2004': 'SCORM 2004', cmi5: 'cmi5' },
    download: (format: string) => `Paquete ${format} (.zip)`,
    importNotes: 'Notas de importación',
    importNotesLink: 'Ajustes para cada LMS (lms-import-notes.txt)',
    activityId: 'Identificador de actividad (xAPI / cmi5)',
    noPackages: 'No se han generado paquetes para este programa.',
    settingsIn: (lms: string) => `Ajustes en ${lms}`,
    setting: 'Ajuste',
    value: 'Qué elegir',
    why: 'Por qué',
  },

  syllabus: {
    title: 'Guía didáctica',
    intro: 'Todo el programa en una sola página, lista para imprimir o guardar en PDF.',
    print: 'Imprimir la guía didáctica',
    printHint: 'Usa la función Imprimir de tu navegador para imprimir esta página o guardarla en PDF.',
  },

  /** An assignment wherever it is shown (completion, schedule, module page, syllabus), and what a module page says around it. */
  assignmentCard: {
    options: 'Opciones',
    noOptions: 'Los documentos del programa no indican las opciones.',
    due: 'Fecha límite',
    assessed: 'Cómo se evalúa',
    /** `weight` is "15 %": the component's share of the final grade. */
    graded: (component: string, weight: string) => `Se califica en «${component}»: ${weight} de la calificación final.`,
    /** One row for every fact the documents leave out, listed with the language's list format. */
    notStated: 'No se indica en los documentos',
    unstated: {
      deliverable: 'qué entregar',
      due: 'una fecha límite',
      assessed: 'cómo se evalúa',
      assessedBeyondDescription: 'cómo se evalúa (más allá de su descripción)',
      submission: 'dónde entregarla',
    },
    countsFor: 'Para qué cuenta',
    certificate: (title: string) => `Cuenta para obtener «${title}».`,
    benefit: (title: string) => `Cuenta para obtener «${title}».`,
    notForCertificate: 'No hace falta para obtener el certificado.',
    certificateByGrade: (title: string) => `Cuenta para obtener «${title}» a través de la calificación final.`,
    /** `text` says each item's share of the final grade ("1,5 %"), with what dropping the lowest does to it. */
    eachShare: (text: string) => `Cada elemento: ${text}.`,
    modules: 'Módulos en los que se basa',
    // "Completada": the card is a tarea.
    done: 'Completada',
    /** The module page's section of assignments. */
    heading: 'Tareas',
    onModule: 'Tareas que se basan en este módulo:',
    inPhase: (phase: string) => `Tareas de la fase «${phase}», de la que forma parte este módulo:`,
    /** The module page's section on where to study. */
    whereToStudy: 'Dónde estudiar',
    contentHere: 'El contenido del módulo está en esta página.',
    contentLink: 'Leer el contenido',
    resourcesBelow: (n: number) => (n === 1 ? 'Más abajo se indica un recurso.' : `Más abajo se indican ${n} recursos.`),
    platform: 'La plataforma de aprendizaje del programa:',
    duringPeriod: 'Se estudia durante:',
    nothingNamed: 'Los documentos no indican materiales ni lugar de estudio para este módulo.',
    feedback: {
      'after-each-take': 'Después de cada intento verás qué respuestas eran correctas, con sus explicaciones.',
      'after-last-take': 'Después de cada intento verás qué respuestas eran correctas; las explicaciones aparecen cuando ya no te quedan intentos.',
    } as Record<string, string>,
    gradedElsewhere: 'Se califica fuera de este sitio:',
  },

  /** The progress kept in the browser, as the schedule shows it. */
  scheduleProgress: {
    // "Completado", as the module page's own mark (`module.done`) says it.
    hint: 'Los módulos que has marcado como terminados aparecen como «Completado». Tu progreso se guarda solo en este navegador.',
    done: 'Completado',
  },
};
