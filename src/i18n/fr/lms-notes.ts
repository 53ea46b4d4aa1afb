/**
 * The LMS import notes, in French: for each LMS and package format, who counts attempts,
 * and the settings that make the program's rules true there.
 *
 * Setting names: where the LMS's own French label could be checked it is used as is.
 * Moodle's come from its French language pack, Moodle 4.4 (component 'scorm':
 * « Paquetage SCORM », « Méthode d’évaluation », « Note la plus haute », « Nombre de
 * tentatives », « Tentatives illimitées », « Meilleure tentative », « Imposer une nouvelle
 * tentative », « Verrouiller après la tentative finale », « Le score de maîtrise remplace
 * le statut », « Requiert un statut », « Réussi », « Terminé »). The other LMSs' French
 * labels could not be checked: their English label is kept, quoted, with a French gloss,
 * so that an administrator can find it in either language.
 */
import type { Messages } from '../messages.ts';
import { plural } from './common.ts';

export const lmsNotes: Messages['lmsPackage']['notes'] = {
  title: (program: string) => `Notes d’importation dans un LMS — ${program}`,
  intro:
    'Ces paquetages ont été compilés à partir des sources du programme. Certaines règles du programme ont besoin du LMS pour être respectées : les réglages ci-dessous les font appliquer par votre LMS. Chaque réglage est nommé comme dans le LMS.',
  packagesHeading: 'Paquetages',
  programPackage: 'Le programme entier, en un seul paquetage',
  modulePackages: 'Un paquetage par module, pour les LMS où chaque module est une activité à part',
  rulesHeading: 'Les règles du programme pour les modules',
  ruleLine: (modules: string, rule: string) => `${modules.charAt(0).toUpperCase()}${modules.slice(1)} : ${rule}`,
  allModules: (count: number) => (count === 1 ? 'le module' : `les ${count} modules`),
  someModules: (titles: readonly string[]) => titles.join(' ; '),
  howPackagesTrack: [
    'Chaque module est un SCO (SCORM) ou une AU (cmi5). Un module avec évaluation est réussi ou échoué selon son score par rapport à la note pour passer ; un module sans évaluation est terminé dès que l’apprenant l’a consulté.',
    'Un essai est un envoi de l’évaluation du module. Le paquetage compte les essais dans les données enregistrées de l’apprenant (suspend data en SCORM, état en cmi5), propose « Réessayer » sur place tant qu’il reste des essais, et n’en propose plus une fois la limite atteinte ou le module réussi. Il transmet chaque essai au LMS dès son envoi, et ne signale jamais un statut inférieur à un statut déjà signalé.',
    'Un module est définitivement terminé une fois réussi ou tous ses essais utilisés. Jusque-là, un essai échoué n’est pas signalé comme définitif, car beaucoup de LMS clôturent une tentative qui signale « failed » (échoué) : en SCORM 1.2, le statut reste « incomplete » et aucun score n’est écrit ; en SCORM 2004, l’achèvement reste « incomplete » et la réussite « unknown », avec le score brut du meilleur essai ; en cmi5 (qui n’admet qu’un seul verdict, réussi ou échoué, par session), un essai échoué que l’apprenant peut encore refaire sur place est retenu jusqu’à la fin de la session, puis transmis. Une réussite est signalée aussitôt ; un module dont tous les essais sont utilisés est signalé échoué (en SCORM, avec le score du meilleur essai).',
    'Tous les essais d’un apprenant appartiennent à une seule tentative du LMS (SCORM) ou à une seule inscription, ou « registration » (cmi5). Un paquetage SCORM se quitte toujours avec « suspend », même une fois le module terminé, pour que le LMS conserve ces données (les essais utilisés et une réussite) et ne commence jamais de lui-même une nouvelle tentative ; le manifeste SCORM 2004 n’autorise qu’une tentative (attemptLimit 1) lorsque les essais sont limités. Les réglages ci-dessous gardent cette tentative ouverte dans chaque LMS ; un LMS qui commencerait une nouvelle tentative avec des données vides redonnerait ses essais à l’apprenant.',
  ],
  lmsHeading: (lms: string) => `${lms}`,
  formatHeading: (format: string, support: string) => `${format} — ${support}`,
  support: {
    recommended: 'recommandé',
    // No-break spaces: the site shows these as one badge, which should not wrap mid-phrase.
    supported: 'pris en charge',
    plugin: 'nécessite un plugin',
    unsupported: 'non pris en charge',
    check: 'à vérifier auprès de l’éditeur',
  },
  noSettings: 'Aucun réglage du LMS n’est nécessaire pour les règles du programme : le paquetage les applique lui-même.',
  steps: 'Étapes',
  cautions: 'Attention',
  settingsFor: (what: string) => `Réglages pour ${what}`,
  modulesLine: (modules: string) => `Modules : ${modules}`,
  settingLine: (name: string, value: string) => `${name} : ${value}`,
  formats: { 'scorm-1.2': 'SCORM 1.2', 'scorm-2004': 'SCORM 2004 4e édition', cmi5: 'cmi5' } as Record<string, string>,
  lmsNames: {
    moodle: 'Moodle',
    canvas: 'Canvas',
    blackboard: 'Blackboard Learn',
    brightspace: 'D2L Brightspace',
    docebo: 'Docebo',
    talentlms: 'TalentLMS',
    cornerstone: 'Cornerstone',
    'scorm-cloud': 'SCORM Cloud',
    cmi5: 'Tout LMS cmi5 (la voie cmi5)',
  } as Record<string, string>,
  unlimited: 'Illimité',
  graded: (minScore: number) => `les modules avec évaluation (note pour passer : ${minScore} %)`,
  viewOnly: 'les modules sans évaluation',
  packageOwns: (takes: string) => `Le paquetage compte les essais (${takes}) à l’intérieur d’une seule tentative du LMS ; le LMS doit garder cette tentative ouverte d’un lancement à l’autre.`,
  takesText: (attempts: number | 'unlimited') => (attempts === 'unlimited' ? 'autant que l’apprenant le souhaite' : `${attempts} par apprenant`),
  cmi5Owns: 'Le paquetage compte les essais dans son document d’état de l’inscription (« registration ») ; le LMS doit garder une seule inscription par apprenant.',
  checkRelaunch:
    'Après l’importation, lancez un module avec un compte d’apprenant de test, échouez à l’évaluation, fermez la fenêtre et rouvrez le module : il doit indiquer l’essai déjà utilisé, et non repartir de zéro.',

  moodle: {
    summaryScorm12: 'Moodle lit entièrement SCORM 1.2 ; choisissez-le en cas de doute.',
    summaryScorm2004: 'Moodle lit les données d’exécution SCORM 2004, mais n’applique qu’une petite partie de son séquencement : la limite de tentatives est celle du paquetage, pas celle du manifeste.',
    summaryCmi5: 'Moodle n’a pas de lecteur cmi5 intégré : installez le plugin d’activité « cmi5 Launch Link » et reliez-le à un LRS.',
    uploadModule: 'Ajoutez une activité « Paquetage SCORM » pour chaque module et déposez-y le paquetage de ce module, afin que chaque module ait sa propre note et son propre achèvement.',
    uploadProgram: 'Ou déposez le paquetage du programme en une seule activité : Moodle affiche alors les modules dans sa table des matières, mais note le paquetage entier d’un seul bloc.',
    uploadCmi5: 'Ajoutez une activité « cmi5 Launch Link » et déposez-y le paquetage cmi5 (celui du programme ou d’un module).',
    gradingMethod: 'Méthode d’évaluation',
    gradingMethodValue: 'Note la plus haute',
    gradingMethodWhy: 'Un paquetage de module contient un seul SCO ; son score (celui du meilleur essai) est la note du module.',
    maximumGrade: 'Note maximale',
    maximumGradeValue: '100',
    maximumGradeWhy: 'Le paquetage transmet les scores en pourcentage (0 à 100).',
    attempts: 'Nombre de tentatives',
    attemptsOne: '1',
    attemptsUnlimited: 'Tentatives illimitées',
    attemptsWhy: (rule: string, attempts: number) =>
      `La règle du programme est « ${rule} » : le paquetage compte ${attempts === 1 ? 'cet essai' : `ces ${attempts} essais`} à l’intérieur d’une seule tentative Moodle. Une deuxième tentative Moodle commencerait avec des données vides et donnerait ${attempts} ${plural(attempts, 'essai', 'essais')} de plus à l’apprenant.`,
    attemptsUnlimitedWhy: (rule: string) => `La règle du programme est « ${rule} » : une nouvelle tentative Moodle ne fait que donner d’autres essais à l’apprenant, ce que la règle autorise.`,
    attemptsGrading: 'Évaluation des tentatives',
    attemptsGradingValue: 'Meilleure tentative',
    attemptsGradingWhy: 'Un apprenant qui a réussi garde sa réussite, quoi que signale une tentative ultérieure.',
    forceNewAttempt: 'Imposer une nouvelle tentative',
    forceNewAttemptValue: 'Non',
    forceNewAttemptWhy:
      'Avec toute autre valeur, Moodle ouvre une nouvelle tentative vide après une tentative réussie ou échouée (même réussie), et le paquetage repartirait de zéro.',
    lockAfterFinal: 'Verrouiller après la tentative finale',
    lockAfterFinalValue: 'Non',
    lockAfterFinalWhy:
      'Moodle considère une tentative comme utilisée dès qu’elle porte un score (en SCORM 2004, après le premier essai) ; avec une seule tentative, le verrouillage pourrait bloquer l’apprenant avant les essais que le paquetage lui doit encore. Le paquetage lui-même ne propose aucun essai au-delà de la limite.',
    masteryOverride: 'Le score de maîtrise remplace le statut',
    masteryOverrideValue12: 'Non',
    masteryOverrideWhy12: (minScore: number) =>
      `Le statut du paquetage suit déjà la note pour passer (${minScore} %), et il n’écrit un score qu’avec un statut définitif. Avec « Oui », Moodle recalcule le statut à partir de n’importe quel score quand l’apprenant quitte le module, et changerait un score inférieur à la note pour passer en « failed » (échoué), ce qui, pour Moodle, clôt la tentative (mode relecture au lancement suivant).`,
    masteryOverrideValue2004: 'Laisser tel quel',
    masteryOverrideWhy2004:
      'Moodle n’applique ce réglage qu’aux paquetages SCORM 1.2 ; pour SCORM 2004, il est sans effet (la note pour passer est le minNormalizedMeasure du manifeste).',
    completionPassed: 'Achèvement d’activité',
    completionPassedValue: '« Add requirements » (ajouter des conditions), puis « Requiert un statut » → « Réussi »',
    completionPassedWhy: 'Le module est considéré comme terminé quand son évaluation est réussie (Moodle examine toutes les tentatives).',
    completionViewed: 'Achèvement d’activité',
    completionViewedValue: '« Add requirements » (ajouter des conditions), puis « Requiert un statut » → « Terminé »',
    completionViewedWhy: 'Le module est considéré comme terminé quand l’apprenant l’a consulté.',
    cautionProgram:
      'Dans le paquetage du programme, tous les modules partagent la même tentative Moodle et la même note. Utilisez les paquetages de module quand les modules ont chacun leur note.',
    cautionCmi5:
      'Laissez décochée la case « Allow multiple registrations. » (autoriser plusieurs inscriptions) : le paquetage compte les essais dans l’inscription de l’apprenant et y garde tout verdict encore à transmettre ; une deuxième inscription redonnerait les essais. La note pour passer est le masteryScore de cmi5.xml.',
    cmi5MoveOn: 'Achèvement',
    cmi5MoveOnValue: 'Tel que défini par le paquetage (moveOn)',
    cmi5MoveOnWhy: 'Les modules avec évaluation sont validés une fois terminés et réussis ; les autres, une fois terminés.',
  },

  canvas: {
    summaryScorm:
      'Canvas importe SCORM par son outil SCORM (une application LTI qu’un administrateur active pour le compte, et qui s’appuie sur le SCORM Engine de Rustici) ; il apparaît ensuite sous « SCORM » dans la navigation du cours.',
    summaryCmi5: 'Canvas ne prend pas cmi5 en charge nativement ; cmi5 demande un outil LTI tiers avec un LRS.',
    upload: 'Ouvrez « SCORM » dans la navigation du cours, déposez le paquetage d’un module et choisissez de l’importer comme devoir noté (« graded assignment »).',
    pointsPossible: '« Points possible » (points possibles)',
    pointsPossibleValue: '100',
    pointsPossibleWhy: 'Le paquetage transmet les scores en pourcentage : les points sont égaux au pourcentage.',
    requirement: '« Module requirement » (condition du module, dans les réglages des modules Canvas)',
    requirementPassedValue: (minScore: number) => `« Score at least » (score d’au moins) ${minScore}`,
    requirementPassedWhy: 'Le module est considéré comme terminé quand son évaluation est réussie.',
    requirementViewedValue: '« View the item » (consulter l’élément)',
    requirementViewedWhy: 'Le module est considéré comme terminé quand l’apprenant l’a consulté.',
    attempts: '« Allowed attempts » (tentatives autorisées)',
    attemptsWhy: (rule: string) =>
      `La règle du programme est « ${rule} » ; c’est le paquetage qui compte les essais. Une limite dans Canvas compterait les lancements du devoir, pas les essais.`,
  },

  blackboard: {
    summaryScorm:
      'Blackboard Learn lit SCORM avec son SCORM Engine (celui de Rustici) ; une tentative de l’Engine se termine quand un paquetage se quitte autrement qu’avec « suspend », et ce paquetage se suspend toujours : chaque apprenant reste donc dans une seule tentative de l’Engine.',
    summaryCmi5: 'Blackboard Learn n’a pas de lecteur cmi5 intégré.',
    upload: 'Dans le contenu du cours, ajoutez « SCORM package » (Ultra) ou « Content Package (SCORM) » (Original) et déposez-y le paquetage d’un module.',
    attempts: '« Attempts allowed » (tentatives autorisées ; Ultra) / « Number of Attempts » (nombre de tentatives ; Original)',
    attemptsWhy: (rule: string) =>
      `La règle du programme est « ${rule} » : le paquetage compte les essais à l’intérieur d’une seule tentative de l’Engine. Une tentative supplémentaire commencerait avec des données vides et redonnerait les essais.`,
    gradeSource: '« Grade SCORM » (noter le SCORM)',
    gradeSourceValue: '« SCORM Score » (score SCORM ; Original) ; dans Ultra, activé, avec un score maximal de 100',
    gradeSourceWhy:
      'Le paquetage transmet le score de son meilleur essai en pourcentage une fois le module terminé ; le statut suit la note pour passer. Dans Ultra, les réglages de note ne peuvent plus être modifiés après l’importation.',
  },

  brightspace: {
    summaryScorm:
      'Brightspace importe les paquetages SCORM dans le contenu (« Content ») comme objets SCORM, et tire la note du score que le paquetage transmet une fois le module terminé. La documentation publique de D2L ne mentionne aucun réglage de tentatives pour les objets SCORM : vérifiez auprès de D2L qu’un objet relancé reprend les données de l’apprenant.',
    summaryCmi5: 'La prise en charge de cmi5 dépend de votre version de Brightspace : consultez la documentation de D2L avant d’utiliser le paquetage cmi5.',
    upload:
      'Dans « Content », ajoutez le paquetage d’un module comme objet SCORM (avec le lecteur SCORM que votre administrateur a configuré) ; Brightspace crée son élément de note à partir du paquetage.',
  },

  docebo: {
    summaryScorm: 'Docebo lit les supports de formation SCORM ; le paquetage compte les essais tant que Docebo reprend les données de l’apprenant.',
    summaryCmi5: 'Docebo lit les contenus xAPI ; la prise en charge de cmi5 dépend de votre offre : renseignez-vous auprès de Docebo avant d’utiliser le paquetage cmi5.',
    upload: 'Dans les supports de formation du cours (« Training Material »), ajoutez « SCORM » et déposez le paquetage d’un module.',
    resetWhy:
      'Ne réinitialisez pas le suivi d’un support de formation pour un apprenant (dans le rapport du cours, « User Statistics » [statistiques de l’utilisateur] → « Reset » [réinitialiser]) afin de lui donner d’autres essais : cela efface les données enregistrées, et avec elles les essais utilisés et le résultat d’un apprenant qui a réussi.',
  },

  talentlms: {
    summaryScorm: 'TalentLMS ne lit que SCORM 1.2, pas SCORM 2004 : il ajoute le paquetage SCORM 1.2 comme unité SCORM d’un cours, dont le statut et le score sont ceux que transmet le paquetage.',
    summaryCmi5: 'TalentLMS ajoute les paquetages cmi5 comme unités d’un cours.',
    upload: 'Dans le cours, ajoutez une unité « SCORM | xAPI | cmi5 » et déposez le paquetage d’un module.',
  },

  cornerstone: {
    summaryScorm:
      'Cornerstone lit les cours en ligne SCORM 1.2 et SCORM 2004 (3e édition) ; le relevé de formation (« Transcript ») suit le statut que transmet le paquetage. L’aide de Cornerstone ne mentionne aucun réglage de tentatives pour les cours en ligne : vérifiez auprès de Cornerstone qu’un cours relancé reprend les données de l’apprenant.',
    summaryCmi5: 'La prise en charge de cmi5 dépend de votre édition de Cornerstone : renseignez-vous auprès de Cornerstone avant d’utiliser le paquetage cmi5.',
    upload: 'Créez un cours en ligne à partir du paquetage d’un module avec « Content Uploader » (l’outil de dépôt de contenus), ou avec l’ancien « Course Publisher » (éditeur de cours).',
  },

  scormCloud: {
    summaryScorm12: 'SCORM Cloud lit SCORM 1.2 ; SCORM 1.2 n’a pas de champ de limite de tentatives, c’est donc le paquetage qui compte les essais.',
    summaryScorm2004:
      'SCORM Cloud applique le séquencement du paquetage : la note pour passer est le minNormalizedMeasure du manifeste ; le paquetage compte les essais à l’intérieur d’une seule tentative.',
    summaryCmi5: 'SCORM Cloud lit cmi5 avec son propre LRS ; moveOn et masteryScore viennent de cmi5.xml, et chaque apprenant garde une seule inscription.',
    upload: 'Importez le paquetage dans « Content Library » (la bibliothèque de contenus) : le paquetage du programme, ou un paquetage par module.',
    resetData: '« Reset Runtime Data Timing » (moment de réinitialisation des données d’exécution)',
    resetDataValue: '« Never » (jamais)',
    resetDataWhy:
      'Le paquetage se quitte toujours avec « suspend » : l’Engine garde donc une seule tentative par apprenant. Si une tentative devait malgré tout se terminer (un administrateur, un lancement qui n’a jamais atteint le paquetage), « When Exit Is Not Suspend » et « On Each New Sequencing Attempt » effaceraient les données de l’apprenant, y compris le résultat d’un apprenant qui a réussi et les essais utilisés, et le lancement suivant repartirait de zéro ; « Never » les conserve.',
  },

  cmi5: {
    summary: 'Tout LMS conforme à cmi5 (avec un LRS) peut lancer les paquetages cmi5.',
    scormNotHere: 'Cette rubrique concerne les paquetages cmi5 ; pour SCORM, voyez votre LMS plus haut.',
    upload: 'Importez cmi5.zip (celui du programme ou d’un module) comme cours cmi5.',
    registration: 'Inscription (« registration »)',
    registrationValue: 'Une par apprenant et par cours, conservée à chaque lancement',
    registrationWhy:
      'Le paquetage garde dans l’état de l’inscription les essais utilisés et tout verdict encore à transmettre ; une nouvelle inscription à chaque lancement redonnerait les essais et pourrait compter une réussite deux fois.',
    moveOn: 'moveOn',
    moveOnValue: 'Comme dans cmi5.xml',
    moveOnPassedWhy: 'Un module évalué est validé une fois terminé et réussi.',
    moveOnViewedWhy: 'Un module sans évaluation est validé une fois terminé.',
    masteryScore: 'masteryScore',
    masteryScoreValue: (minScore: number) => `${(minScore / 100).toString()} (comme dans cmi5.xml)`,
    masteryScoreWhy: 'Le paquetage compare le score au score de maîtrise que le LMS transmet dans LMS.LaunchData.',
    launchMode: '« Launch mode » (mode de lancement)',
    launchModeValue: '« Normal »',
    launchModeWhy: 'En mode « Browse » (consultation) et « Review » (relecture), le paquetage ne juge rien (cmi5 interdit d’y enregistrer un verdict).',
  },
};
