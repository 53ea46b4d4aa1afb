import type { Messages } from '../messages.ts';
import { listWith, plural } from './common.ts';

/** How the grading is written out for learners, in French. */

/** "12.5" → "12,5": the numbers arrive written with a point, French writes a decimal comma. */
const dec = (n: string): string => (/^-?\d+\.\d+$/.test(n) ? n.replace('.', ',') : n);

/** "d’un tiers de l’étendue", "de la moitié de l’étendue": a fraction of a band as a syllabus says it. */
function fractionOfWidth(amount: number, written: string): string {
  const named: Record<string, string> = { '1/2': 'de la moitié de', '1/3': 'd’un tiers de', '2/3': 'de deux tiers de', '1/4': 'd’un quart de', '3/4': 'de trois quarts de' };
  const magnitude = written.replace(/^[+-]/, '');
  if (named[magnitude]) return `${named[magnitude]} l’étendue`;
  if (magnitude.includes('/')) return `de ${magnitude} de l’étendue`;
  return `de ${dec(String(Math.abs(amount)))} fois l’étendue`;
}

export const grading: Messages['grading'] = {
  heading: 'Comment votre note finale est calculée',
  introPercent: 'Votre note finale est un total pondéré sur 100 % : chaque partie ci-dessous y compte pour sa part.',
  introPoints: (total: string) => `Votre note finale est un total sur ${dec(total)} : chaque partie ci-dessous rapporte ses points.`,
  percent: (n: string) => `${dec(n)} %`,
  calculatorPercent: '{n}\u00a0%',
  points: (n: string) => (Number(n) < 2 && Number(n) > -2 ? `${dec(n)} point` : `${dec(n)} points`),
  componentsCaption: 'Les parties de la note finale',
  part: 'Partie',
  weight: 'Pondération',
  graded: 'Ce qui est noté',
  each: 'Chaque élément',
  oneItem: (title: string) => title,
  items: (n: number) => `${n} ${plural(n, 'élément', 'éléments')}`,
  equalShare: (each: string) => each,
  dropped: (n: number, countedEach: string) =>
    `${n === 1 ? 'la note la plus basse n’est pas comptée' : `les ${n} notes les plus basses ne sont pas comptées`}, si bien que chaque note retenue pèse ${countedEach}`,
  ownWeights: 'chacun avec sa propre pondération',
  itemsCaption: 'Chaque élément noté et sa part dans la note finale',
  item: 'Élément',
  share: 'Part',
  shareWhenCounted: 'S’il est compté',
  bandsHeading: 'Barème des notes',
  bandsCaption: 'La note correspondant à chaque total final',
  grade: 'Note',
  totals: 'Total final',
  bandRange: (min: string, below: string, top: boolean) => (top ? `${dec(min)} ou plus` : `de ${dec(min)} à moins de ${dec(below)}`),
  passGrade: (grade: string, total: string) => `Vous réussissez le cours avec une note de ${grade} ou mieux, soit un total final d’au moins ${dec(total)}.`,
  passTotal: (total: string) => `Vous réussissez le cours avec un total final d’au moins ${dec(total)}.`,
  adjustmentsHeading: 'Pénalités et bonus',
  adjustment: (d) => {
    const by = d.by ? ` avant l’échéance ${d.by}` : '';
    const when =
      d.count === 1
        ? d.when === 'not-done'
          ? `Si vous ne terminez pas ${d.items}${by}`
          : `Si vous terminez ${d.items}${by}`
        : d.when === 'not-done'
          ? `Pour chaque élément parmi ${d.items} que vous ne terminez pas${by}`
          : `Pour chaque élément parmi ${d.items} que vous terminez${by}`;
    return `${when}, ${d.change}${d.max ? `, dans la limite de ${dec(d.max)} au total` : ''}.`;
  },
  changePoints: (amount: number, points: string) => (amount < 0 ? `votre total final baisse de ${points}` : `votre total final augmente de ${points}`),
  percentagePoints: (n: string) => (Number(n) < 2 && Number(n) > -2 ? `${dec(n)} point de pourcentage` : `${dec(n)} points de pourcentage`),
  changeBands: (amount: number, written: string) => {
    const n = Math.abs(amount);
    if (Number.isInteger(amount)) return `votre note ${amount < 0 ? 'baisse' : 'monte'} ${n === 1 ? 'd’un cran' : `de ${n} crans`} dans le barème`;
    return `votre total final ${amount < 0 ? 'baisse' : 'augmente'} ${fractionOfWidth(amount, written)} de la tranche de notes où il se trouve (pour la tranche la plus basse, de celle du dessus)`;
  },
  lateHeading: 'Travaux rendus en retard',
  late: (d) =>
    [
      `Un travail rendu en retard perd ${dec(d.perDay)} de sa note par jour (ou fraction de jour) après l’échéance`,
      d.graceHours > 0 ? `, décompté à partir ${d.graceHours === 1 ? 'd’une heure' : `de ${d.graceHours} heures`} après celle-ci` : '',
      d.cap ? `, dans la limite de ${dec(d.cap)}` : '',
      '.',
      d.acceptedForDays ? ` Il n’est plus accepté au-delà ${d.acceptedForDays === 1 ? 'd’un jour' : `de ${d.acceptedForDays} jours`} de retard.` : '',
    ].join(''),
  lateAppliesTo: (items: string) => `Cette règle s’applique à ${items}.`,
  needHeading: 'Ce qu’il vous reste à obtenir',
  needIntro: (last: string, lastWeight: string, restWeight: string) =>
    `Le tableau indique, pour chaque note, la moyenne qu’il vous faut obtenir à « ${last} » (${dec(lastWeight)} de la note finale) selon votre moyenne sur tout le reste (${dec(restWeight)}). Les pénalités et bonus ne sont pas pris en compte.`,
  needCaption: (last: string) => `La note nécessaire à « ${last} », selon votre moyenne sur le reste`,
  averageSoFar: 'Votre moyenne sur le reste',
  needed: (score: string) => dec(score),
  reached: 'déjà atteinte',
  outOfReach: 'hors d’atteinte',
  calculatorHeading: 'Calculez ce qu’il vous faut',
  calculatorIntro:
    'Saisissez votre moyenne dans chaque partie que vous avez terminée (de 0 à 100 %) ; laissez les autres vides. Rien de ce que vous saisissez ne quitte cette page.',
  calculatorScore: (part: string) => `Votre moyenne en « ${part} » (%)`,
  calculatorButton: 'Calculer',
  calculatorSoFar: 'Pour l’instant : {total} sur les {weight} terminés.',
  calculatorNeed: '{grade} : une moyenne de {score} sur le reste',
  calculatorReached: '{grade} : déjà atteinte',
  calculatorOutOfReach: '{grade} : hors d’atteinte',
  calculatorAllDone: 'Total final : {total}, note {grade}.',
  calculatorInvalid: 'Saisissez des nombres de 0 à 100.',
  gradebook: {
    heading: 'Paramétrer le carnet de notes',
    intro:
      'Les paquetages transmettent la note de chaque module ; la note finale compte aussi des travaux notés en dehors d’eux. Paramétrez le carnet de notes du LMS comme suit pour qu’il calcule la même note finale que le syllabus, avec une catégorie (un groupe) par partie de la note :',
    part: (title: string, weight: string) => `${title} : ${dec(weight)}`,
    items: (titles: string) => `éléments : ${titles}`,
    equal: 'les éléments comptent à parts égales',
    perItem: (weights: string) => `chaque élément avec sa propre pondération : ${weights}`,
    drop: (n: number) => `ne pas compter ${n === 1 ? 'la note la plus basse' : `les ${n} notes les plus basses`}`,
    bands: (bands: string) => `Lettres : ${bands}.`,
    pass: (total: string) => `Note pour passer : ${dec(total)}.`,
    byHand: (titles: string) => `À appliquer à la main à la fin (aucun carnet de notes ne les calcule) : ${titles}.`,
    lateByHand:
      'Retenues pour retard : saisissez-les comme pénalités sur l’élément, ou dans la politique de retard du LMS s’il en a une (Canvas : « Settings » → « Late policies », les règles de retard).',
    // Moodle's setting names as its French language pack (component 'grades', Moodle 4.4)
    // writes them: « Tendance centrale » (aggregation), « Moyenne pondérée des notes »,
    // « Moyenne des notes », « Naturelle », « Coefficient de l’élément », « Ignorer les plus
    // basses », « Total du cours », « Note pour passer ». Page names not checked there keep
    // their English label with a French gloss.
    moodle: {
      name: 'Moodle',
      steps: [
        'Cours → Notes → « Gradebook setup » (configuration du carnet de notes). Total du cours : « Tendance centrale » = « Moyenne pondérée des notes ».',
        'Ajoutez une catégorie par partie ; dans le total du cours, donnez à chaque catégorie, comme « Coefficient de l’élément », la pondération de la partie.',
        'Dans chaque catégorie : « Tendance centrale » = « Moyenne des notes » quand les éléments comptent à parts égales, sinon « Moyenne pondérée des notes » avec le coefficient de chaque élément ; « Ignorer les plus basses » si la partie ne compte pas certaines notes (Moodle l’applique avec toutes les tendances centrales sauf « Naturelle » avec des éléments inégaux).',
        'Déplacez dans leurs catégories les activités « Paquetage SCORM » des paquetages et les autres activités notées.',
        'Cours → Notes → « Letters » (lettres) : saisissez les notes lettres et leurs seuils ; la « Note pour passer » du total du cours est le seuil de réussite.',
      ],
    },
    // Canvas's French labels could not be checked: its English labels, quoted, with a French gloss.
    canvas: {
      name: 'Canvas',
      steps: [
        '« Assignments » (devoirs) → ⋮ → « Assignment Groups Weight » : cochez « Weight final grade based on assignment groups » (pondérer la note finale par groupe de devoirs).',
        'Ajoutez un groupe de devoirs (« assignment group ») par partie avec la pondération de la partie en pourcentage ; placez chaque élément noté dans son groupe.',
        'À l’intérieur d’un groupe, Canvas pondère les éléments par leurs points : donnez les mêmes points aux éléments qui comptent à parts égales, et aux autres des points proportionnels à leur pondération.',
        'Modifiez un groupe pour en fixer les règles : « Lowest Scores » (notes les plus basses à ignorer) si la partie ne compte pas certaines notes (Canvas retire ce qui avantage le plus l’apprenant, c’est-à-dire, à points égaux, les notes les plus basses).',
        '« Course Settings » → « Grading scheme » (barème de notation) : saisissez les lettres et leurs plages.',
      ],
    },
    // Brightspace's French labels could not be checked: its English labels, quoted, with a French gloss.
    brightspace: {
      name: 'Brightspace',
      steps: [
        '« Grades » (notes) → « Setup Wizard » (assistant de configuration) : système de notation « Weighted » (pondéré).',
        '« Manage Grades » → « New » → « Category » : une catégorie par partie, avec la pondération de la partie.',
        '« Distribution » : « Distribute weight evenly across all items » (répartir la pondération également) quand les éléments comptent à parts égales, avec le nombre d’éléments les plus bas à ignorer ; sinon « Manually assign weight to items in the category » (pondération manuelle) avec la pondération de chaque élément.',
        'Rattachez chaque élément noté (y compris les objets SCORM des paquetages) à sa catégorie.',
        '« Schemes » (barèmes) : créez un barème avec les lettres et leurs plages et faites-en le barème de la note finale.',
      ],
    },
  },
  list: listWith('et'),
};
