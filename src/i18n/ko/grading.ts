import type { Messages } from '../messages.ts';
import { andList, josa } from './josa.ts';

/** How the grading is written out for learners, in Korean. */

/** "절반", "3분의 1": a fraction of a band as Korean says it, or a multiple ("0.5배") when written as a decimal. */
function fractionWords(amount: number, written: string): string {
  const magnitude = written.replace(/^[+-]/, '');
  if (magnitude === '1/2') return '절반';
  const fraction = /^(\d+)\/(\d+)$/.exec(magnitude);
  // Korean names the denominator first: 3분의 1 is "one of three parts".
  if (fraction) return `${fraction[2]}분의 ${fraction[1]}`;
  return `${Math.abs(amount)}배`;
}

/**
 * Percentages are written with the sign and no space ("60%"), as Korean style guides and
 * Korean LMSs write them; a change of a percentage is in 퍼센트포인트 (%포인트).
 */
export const grading: Messages['grading'] = {
  heading: '최종 성적 산출 방법',
  introPercent: '최종 성적은 100%를 만점으로 한 가중 합계입니다. 아래 각 평가 영역이 정해진 비중만큼 반영됩니다.',
  introPoints: (total: string) => `최종 성적은 ${total} 만점의 합계입니다. 아래 각 평가 영역의 배점이 그대로 더해집니다.`,
  percent: (n: string) => `${n}%`,
  calculatorPercent: '{n}%',
  points: (n: string) => `${n}점`,
  componentsCaption: '최종 성적의 구성',
  part: '평가 영역',
  weight: '비중',
  graded: '평가 대상',
  each: '항목별 비중',
  oneItem: (title: string) => title,
  items: (count: number) => `${count}개 항목`,
  equalShare: (each: string) => each,
  dropped: (n: number, countedEach: string) => `가장 낮은 점수 ${n}개는 제외되므로, 반영되는 항목은 각각 ${countedEach}`,
  ownWeights: '항목마다 다른 비중',
  itemsCaption: '평가 항목별 최종 성적 반영 비중',
  item: '항목',
  share: '비중',
  shareWhenCounted: '반영될 경우',
  bandsHeading: '성적 등급',
  bandsCaption: '최종 합계에 따른 성적 등급',
  grade: '등급',
  totals: '최종 합계',
  bandRange: (min: string, below: string, top: boolean) => (top ? `${min} 이상` : `${min} 이상 ${below} 미만`),
  passGrade: (grade: string, total: string) => `최종 성적이 ${grade} 이상, 즉 최종 합계가 ${total} 이상이면 통과입니다.`,
  passTotal: (total: string) => `최종 합계가 ${total} 이상이면 통과입니다.`,
  adjustmentsHeading: '감점과 가산점',
  // `items` is a list of quoted titles; the particle after it follows the last title's sound.
  adjustment: (d: { readonly when: 'not-done' | 'done'; readonly items: string; readonly count: number; readonly by?: string; readonly change: string; readonly max?: string }) => {
    const by = d.by ? `${d.by}까지 ` : '';
    const condition =
      d.count === 1
        ? `${by}${josa(d.items, '을/를')} ${d.when === 'not-done' ? '완료하지 않으면' : '완료하면'}`
        : `${d.items} 가운데 ${by}${d.when === 'not-done' ? '완료하지 않은' : '완료한'} 항목 하나마다`;
    return `${condition} ${d.change}.${d.max ? ` 합산하여 최대 ${d.max}까지 적용됩니다.` : ''}`;
  },
  changePoints: (amount: number, points: string) => (amount < 0 ? `최종 합계가 ${points} 낮아집니다` : `최종 합계가 ${points} 높아집니다`),
  percentagePoints: (n: string) => `${n}%포인트`,
  changeBands: (amount: number, written: string) => {
    const n = Math.abs(amount);
    const way = amount < 0 ? '낮아집니다' : '높아집니다';
    if (Number.isInteger(amount)) return `성적이 ${n === 1 ? '한' : n} 단계 ${way}`;
    return `최종 합계가 현재 성적 구간(가장 낮은 등급이면 바로 위 구간) 폭의 ${fractionWords(amount, written)}만큼 ${way}`;
  },
  lateHeading: '기한 후 제출',
  late: (d: { readonly perDay: string; readonly cap?: string; readonly graceHours: number; readonly acceptedForDays?: number }) =>
    [
      '마감이 지난 뒤 제출한 과제는 ',
      d.graceHours > 0 ? `마감 ${d.graceHours}시간 후부터 ` : '마감 후 ',
      `하루(하루 미만 포함)가 지날 때마다 점수에서 ${d.perDay}씩 감점`,
      d.cap ? `되며, 감점은 최대 ${d.cap}까지입니다.` : '됩니다.',
      d.acceptedForDays ? ` 마감 후 ${d.acceptedForDays}일이 지나면 제출할 수 없습니다.` : '',
    ].join(''),
  lateAppliesTo: (items: string) => `${items}에 적용됩니다.`,
  needHeading: '목표 성적에 필요한 점수',
  needIntro: (last: string, lastWeight: string, restWeight: string) =>
    `아래 표는 나머지 평가 전체(${restWeight})의 평균에 따라, 각 등급을 받으려면 ${last}(최종 성적의 ${lastWeight})에서 평균 몇 점이 필요한지 보여 줍니다. 감점과 가산점은 반영하지 않았습니다.`,
  needCaption: (last: string) => `나머지 평가 평균에 따라 ${last}에서 필요한 점수`,
  averageSoFar: '나머지 평가 평균',
  needed: (score: string) => score,
  reached: '이미 달성',
  outOfReach: '달성 불가',
  calculatorHeading: '필요한 점수 계산하기',
  calculatorIntro: '마친 평가 영역마다 평균 점수(0~100%)를 입력하고, 나머지는 비워 두십시오. 입력한 내용은 이 페이지 밖으로 전송되지 않습니다.',
  calculatorScore: (part: string) => `${part} 평균(%)`,
  calculatorButton: '계산하기',
  // Filled in by the browser with numbers it formats itself: no particle follows a slot.
  calculatorSoFar: '현재까지 획득: {total}(완료한 비중 {weight} 중)',
  calculatorNeed: '{grade}: 나머지 평가에서 평균 {score} 필요',
  calculatorReached: '{grade}: 이미 달성',
  calculatorOutOfReach: '{grade}: 달성 불가',
  calculatorAllDone: '최종 합계: {total}, 성적: {grade}',
  calculatorInvalid: '0에서 100 사이의 숫자를 입력하십시오.',
  gradebook: {
    heading: '성적부 설정',
    intro:
      '패키지는 모듈별 점수를 LMS에 보고하지만, 최종 성적에는 패키지 밖에서 채점하는 과제도 반영됩니다. LMS 성적부를 아래와 같이 설정하면 강의계획서와 같은 최종 성적이 계산됩니다. 평가 영역마다 범주(그룹)를 하나씩 만듭니다.',
    part: (title: string, weight: string) => `${title}: ${weight}`,
    items: (titles: string) => `항목: ${titles}`,
    equal: '모든 항목의 비중이 같음',
    perItem: (weights: string) => `항목마다 다른 비중: ${weights}`,
    drop: (n: number) => `가장 낮은 점수 ${n}개 제외`,
    bands: (bands: string) => `문자 등급: ${bands}.`,
    pass: (total: string) => `통과 성적: ${total}.`,
    byHand: (titles: string) => `성적부가 계산하지 못하므로 마지막에 직접 반영: ${titles}.`,
    lateByHand: '기한 후 제출 감점: 해당 항목에 감점으로 기록하거나, LMS에 지각 제출 정책 기능이 있으면 그 기능을 사용하십시오(Canvas: “Settings → Late policies”(설정 → 지각 제출 정책)).',
    // Moodle's own Korean labels (Moodle 4.4 language pack, components grades and
    // completion): 강좌 합계, 집계 전략, 성적 가중 평균, 성적 평균, 항목 가중치, 최하위 낙제
    // ("Drop the lowest"), 성적 합계 ("Natural"), 통과 성적, 문자 등급, 범주. A label the pack
    // does not translate is given in English with a Korean gloss.
    moodle: {
      name: 'Moodle',
      steps: [
        '강좌 → 성적 → “Gradebook setup”(성적부 설정)으로 이동합니다. 강좌 합계의 집계 전략을 “성적 가중 평균”으로 설정합니다.',
        '평가 영역마다 성적 범주를 하나씩 추가하고, 강좌 합계에서 각 범주의 “항목 가중치”를 해당 영역의 비중으로 설정합니다.',
        '각 범주의 집계 전략은 항목 비중이 같으면 “성적 평균”, 다르면 “성적 가중 평균”으로 하고 항목마다 가중치를 입력합니다. 가장 낮은 점수를 제외하는 영역에는 “최하위 낙제”(가장 낮은 점수 제외)를 설정합니다(Moodle은 항목 배점이 서로 다른 “성적 합계”(Natural)를 제외한 모든 집계 전략에서 이 설정을 적용합니다).',
        '모듈 패키지를 올린 “스콤 패키지” 활동과 그 밖의 채점 활동을 각 범주로 옮깁니다.',
        '강좌 → 성적 → 문자 등급에서 등급과 그 경계를 입력하고, 강좌 합계의 “통과 성적”에 통과 기준을 입력합니다.',
      ],
    },
    // Canvas and Brightspace labels are kept in English (their Korean interfaces could not be
    // checked), each with a Korean gloss.
    canvas: {
      name: 'Canvas',
      steps: [
        'Assignments(과제) → ⋮ → “Assignment Groups Weight”(과제 그룹 가중치)에서 “Weight final grade based on assignment groups”(과제 그룹별 가중치로 최종 성적 계산)를 선택합니다.',
        '평가 영역마다 과제 그룹을 하나씩 만들고 영역의 비중을 백분율로 입력한 뒤, 채점 항목을 각 그룹에 넣습니다.',
        'Canvas는 그룹 안에서 항목을 배점으로 가중합니다. 비중이 같은 항목에는 같은 배점을, 비중이 다른 항목에는 비중에 비례하는 배점을 줍니다.',
        '그룹을 편집해 규칙을 정합니다. 가장 낮은 점수를 제외하는 영역에는 “Lowest Scores”(최저 점수 제외)를 설정합니다(Canvas는 학습자에게 가장 유리한 점수를 제외하며, 배점이 같으면 그것이 가장 낮은 점수입니다).',
        'Course Settings(강좌 설정) → “Grading scheme”(성적 체계)에서 문자 등급과 구간을 입력합니다.',
      ],
    },
    brightspace: {
      name: 'Brightspace',
      steps: [
        'Grades(성적) → “Setup Wizard”(설정 마법사)에서 성적 체계를 “Weighted”(가중)로 선택합니다.',
        'Manage Grades(성적 관리) → New → Category에서 평가 영역마다 범주를 하나씩 만들고 영역의 비중을 입력합니다.',
        '“Distribution”(배분): 항목 비중이 같으면 “Distribute weight evenly across all items”(모든 항목에 가중치 균등 배분)를 선택하고 제외할 최저 점수(보너스 제외) 개수를 입력합니다. 다르면 “Manually assign weight to items in the category”(범주 안 항목에 가중치 직접 지정)를 선택하고 항목마다 가중치를 입력합니다.',
        '채점 항목(패키지의 SCORM 객체 포함)을 각 범주에 연결합니다.',
        'Schemes(체계)에서 문자 등급과 구간으로 성적 체계를 만들고 최종 성적의 체계로 지정합니다.',
      ],
    },
  },
  list: (items: readonly string[]) => andList(items),
};
