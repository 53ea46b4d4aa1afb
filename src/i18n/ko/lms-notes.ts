import type { Messages } from '../messages.ts';

/**
 * The LMS import notes, in Korean. An LMS setting is named by the LMS's own Korean label
 * where its Korean interface could be checked: Moodle's, from the Moodle 4.4 language pack
 * (components scorm, completion and grades: 채점 방법, 최고 성적, 시도 횟수, 무제한 시도,
 * 시도 점수 주기, 최고 시도, 강제로 새 시도 시작, 최종 시도 후 잠금, 활동 이수, 상태 요구,
 * 통과됨, 완료됨, 스콤 패키지, 아니오). Any other label is given in English, as the
 * administrator sees it, in quotes with a Korean gloss.
 *
 * One submission of a module's assessment is an 응시 (a sitting); 시도 is the LMS's
 * attempt, so that the notes can say that the package counts 응시 inside one 시도.
 */
export const lmsNotes: Messages['lmsPackage']['notes'] = {
  title: (program: string) => `LMS 가져오기 안내 — ${program}`,
  intro:
    '이 패키지들은 교육과정 원본에서 만들어졌습니다. 교육과정 규정 가운데 일부는 LMS의 설정이 있어야 지켜지므로, 아래 설정으로 LMS가 규정을 따르도록 하십시오. 각 설정은 LMS 화면에 표시되는 이름으로 적었습니다.',
  packagesHeading: '패키지',
  programPackage: '교육과정 전체를 담은 패키지 1개',
  modulePackages: '모듈마다 패키지 1개(모듈을 각각 별도 활동으로 운영하는 LMS용)',
  rulesHeading: '교육과정의 모듈 규정',
  ruleLine: (modules: string, rule: string) => `${modules}: ${rule}`,
  allModules: (count: number) => (count === 1 ? '모듈' : `모든 모듈(${count}개)`),
  someModules: (titles: readonly string[]) => titles.join('; '),
  howPackagesTrack: [
    '모듈 하나가 SCO(SCORM) 또는 AU(cmi5) 하나입니다. 평가가 있는 모듈은 점수를 통과 점수와 비교해 통과 또는 실패로 판정하고, 평가가 없는 모듈은 학습자가 내용을 보면 완료됩니다.',
    '응시는 모듈 평가 답안을 한 번 제출하는 것입니다. 패키지는 학습자의 저장 데이터(SCORM suspend data, cmi5 state)에 응시 횟수를 기록하고, 응시 기회가 남아 있으면 그 자리에서 “다시 응시하기”를 제공하며, 기회를 모두 쓰거나 모듈을 통과하면 더 제공하지 않습니다. 응시 결과는 제출하는 즉시 LMS로 보내며, 이미 보고한 상태보다 낮은 상태는 보고하지 않습니다.',
    '모듈은 통과하거나 응시 기회를 모두 쓰면 최종적으로 끝납니다. 그 전까지는 실패한 응시를 최종 결과로 보고하지 않습니다. 많은 LMS가 “실패”를 보고받으면 시도를 닫기 때문입니다. SCORM 1.2에서는 상태를 “incomplete”로 두고 점수를 기록하지 않으며, SCORM 2004에서는 완료 상태를 “incomplete”, 성공 상태를 “unknown”으로 두고 가장 좋은 응시의 원점수를 기록합니다. cmi5(한 세션에 통과 또는 실패를 한 번만 보고할 수 있음)에서는 학습자가 그 자리에서 다시 응시할 수 있는 실패는 세션이 끝날 때까지 보류했다가 보냅니다. 통과는 즉시 보고하며, 응시 기회를 모두 쓴 모듈은 실패로 보고합니다(SCORM에서는 가장 좋은 응시의 점수와 함께).',
    '한 학습자의 응시는 모두 LMS의 시도 하나(SCORM) 또는 등록(registration) 하나(cmi5)에 속합니다. SCORM 패키지는 모듈이 끝난 뒤에도 항상 “suspend”로 종료하므로, LMS는 저장 데이터(사용한 응시 횟수와 통과 기록)를 보존하고 스스로 새 시도를 시작하지 않습니다. 응시 횟수가 제한된 경우 SCORM 2004 매니페스트는 시도를 한 번만 허용합니다(attemptLimit 1). 아래 설정은 LMS마다 이 시도 하나가 계속 열려 있도록 합니다. LMS가 빈 데이터로 새 시도를 시작하면 학습자에게 응시 기회가 다시 주어집니다.',
  ],
  lmsHeading: (lms: string) => `${lms}`,
  formatHeading: (format: string, support: string) => `${format} — ${support}`,
  support: {
    recommended: '권장',
    supported: '지원',
    plugin: '플러그인 필요',
    unsupported: '지원 안 함',
    check: '공급업체에 확인 필요',
  },
  noSettings: '교육과정 규정을 지키는 데 필요한 LMS 설정은 없습니다. 패키지에 규정이 들어 있습니다.',
  steps: '절차',
  cautions: '주의 사항',
  settingsFor: (what: string) => `${what} 설정`,
  modulesLine: (modules: string) => `해당 모듈: ${modules}`,
  settingLine: (name: string, value: string) => `${name}: ${value}`,
  formats: { 'scorm-1.2': 'SCORM 1.2', 'scorm-2004': 'SCORM 2004 4th edition', cmi5: 'cmi5' },
  lmsNames: {
    moodle: 'Moodle',
    canvas: 'Canvas',
    blackboard: 'Blackboard Learn',
    brightspace: 'D2L Brightspace',
    docebo: 'Docebo',
    talentlms: 'TalentLMS',
    cornerstone: 'Cornerstone',
    'scorm-cloud': 'SCORM Cloud',
    cmi5: 'cmi5를 지원하는 모든 LMS(cmi5 방식)',
  },
  unlimited: '무제한',
  graded: (minScore: number) => `평가가 있는 모듈(통과 점수 ${minScore}%)`,
  viewOnly: '평가가 없는 모듈',
  packageOwns: (takes: string) => `응시 횟수(${takes})는 패키지가 LMS 시도 하나 안에서 셉니다. LMS는 여러 번 실행해도 그 시도가 계속 열려 있도록 해야 합니다.`,
  takesText: (attempts: number | 'unlimited') => (attempts === 'unlimited' ? '학습자가 원하는 만큼' : `학습자당 ${attempts}회`),
  cmi5Owns: '응시 횟수는 패키지가 등록(registration)의 상태 문서(state document)에 기록해 셉니다. LMS는 학습자마다 등록을 하나만 유지해야 합니다.',
  checkRelaunch:
    '가져온 뒤에는 테스트 학습자로 모듈을 실행해 평가에서 떨어지고, 창을 닫았다가 모듈을 다시 여십시오. 처음부터 다시 시작하지 않고 이미 사용한 응시가 표시되어야 합니다.',

  moodle: {
    summaryScorm12: 'Moodle은 SCORM 1.2를 완전히 지원합니다. 어느 형식을 쓸지 망설여지면 이 형식을 사용하십시오.',
    summaryScorm2004: 'Moodle은 SCORM 2004의 실행 데이터는 지원하지만 시퀀싱은 일부만 적용합니다. 응시 횟수 제한은 매니페스트가 아니라 패키지가 지킵니다.',
    summaryCmi5: 'Moodle에는 기본 cmi5 플레이어가 없습니다. “cmi5 Launch Link” 활동 플러그인을 설치하고 LRS에 연결하십시오.',
    uploadModule: '모듈마다 “스콤 패키지” 활동을 추가하고 해당 모듈의 패키지를 올리십시오. 그래야 모듈마다 성적과 활동 이수가 따로 관리됩니다.',
    uploadProgram: '교육과정 패키지를 활동 하나로 올릴 수도 있습니다. 이 경우 Moodle은 목차에 모듈을 보여 주지만, 성적은 패키지 전체에 하나만 매깁니다.',
    uploadCmi5: '“cmi5 Launch Link” 활동을 추가하고 cmi5 패키지(교육과정 전체 또는 모듈 하나)를 올리십시오.',
    gradingMethod: '채점 방법',
    gradingMethodValue: '최고 성적',
    gradingMethodWhy: '모듈 패키지에는 SCO가 하나뿐이므로, 그 점수(가장 좋은 응시의 점수)가 모듈 성적이 됩니다.',
    maximumGrade: '“Maximum grade”(최고 점수)',
    maximumGradeValue: '100',
    maximumGradeWhy: '패키지는 점수를 백분율(0~100)로 보고합니다.',
    attempts: '시도 횟수',
    attemptsOne: '1',
    attemptsUnlimited: '무제한 시도',
    attemptsWhy: (rule: string, attempts: number) =>
      `교육과정 규정은 “${rule}”입니다. 패키지가 Moodle 시도 하나 안에서 응시 ${attempts}회를 셉니다. Moodle에서 두 번째 시도가 시작되면 저장 데이터가 빈 상태로 시작되어 학습자에게 응시 기회 ${attempts}회가 더 주어집니다.`,
    attemptsUnlimitedWhy: (rule: string) => `교육과정 규정은 “${rule}”입니다. Moodle에서 새 시도가 시작되어도 학습자의 응시 기회만 늘어나며, 규정상 허용되는 일입니다.`,
    attemptsGrading: '시도 점수 주기',
    attemptsGradingValue: '최고 시도',
    attemptsGradingWhy: '통과한 학습자는 이후 시도에서 무엇이 보고되든 통과 기록을 유지합니다.',
    forceNewAttempt: '강제로 새 시도 시작',
    forceNewAttemptValue: '아니오',
    forceNewAttemptWhy: '다른 값으로 두면 Moodle은 통과 또는 실패한 시도 뒤에(통과한 시도 뒤에도) 비어 있는 새 시도를 열고, 패키지는 응시 횟수를 0부터 다시 셉니다.',
    lockAfterFinal: '최종 시도 후 잠금',
    lockAfterFinalValue: '아니오',
    lockAfterFinalWhy:
      'Moodle은 점수가 기록되는 순간(SCORM 2004에서는 첫 응시 뒤) 시도를 사용한 것으로 셉니다. 시도가 1회뿐이면 패키지가 아직 제공해야 할 응시가 남았는데도 잠금 때문에 학습자가 들어가지 못할 수 있습니다. 패키지는 제한을 넘는 응시를 스스로 제공하지 않습니다.',
    masteryOverride: '“Mastery score overrides status”(숙달 점수로 상태 덮어쓰기)',
    masteryOverrideValue12: '아니오',
    masteryOverrideWhy12: (minScore: number) =>
      `패키지가 보고하는 상태는 이미 통과 점수(${minScore}%)를 따르며, 점수는 최종 상태와 함께만 기록합니다. “예”로 두면 학습자가 나갈 때 Moodle이 점수만으로 상태를 다시 계산해, 통과 점수보다 낮은 점수를 “실패”로 바꿉니다. 그러면 Moodle은 시도가 끝난 것으로 보고 다음 실행을 검토 모드로 엽니다.`,
    masteryOverrideValue2004: '그대로 둠',
    masteryOverrideWhy2004: 'Moodle은 이 설정을 SCORM 1.2 패키지에만 적용하며, SCORM 2004에는 아무 영향이 없습니다(통과 점수는 매니페스트의 minNormalizedMeasure입니다).',
    completionPassed: '활동 이수',
    completionPassedValue: '“조건을 충족시키면 자동으로 활동 이수로 표시”(Add requirements) → 상태 요구: “통과됨”',
    completionPassedWhy: '평가를 통과하면 모듈을 마친 것으로 봅니다(Moodle은 모든 시도를 확인합니다).',
    completionViewed: '활동 이수',
    completionViewedValue: '“조건을 충족시키면 자동으로 활동 이수로 표시”(Add requirements) → 상태 요구: “완료됨”',
    completionViewedWhy: '학습자가 내용을 보면 모듈을 마친 것으로 봅니다.',
    cautionProgram: '교육과정 패키지에서는 모든 모듈이 Moodle 시도 하나와 성적 하나를 함께 씁니다. 모듈마다 성적을 따로 매기려면 모듈 패키지를 사용하십시오.',
    cautionCmi5:
      '“Allow multiple registrations.”(여러 등록 허용) 확인란은 선택하지 않은 채로 두십시오. 패키지는 응시 횟수와 아직 보내지 않은 판정을 학습자의 등록에 보관하므로, 두 번째 등록이 생기면 응시 기회가 다시 주어집니다. 통과 점수는 cmi5.xml의 masteryScore입니다.',
    cmi5MoveOn: '“Completion”(이수)',
    cmi5MoveOnValue: '패키지 설정(moveOn)을 따름',
    cmi5MoveOnWhy: '평가가 있는 모듈은 완료하고 통과하면, 나머지 모듈은 완료하면 충족됩니다.',
  },

  canvas: {
    summaryScorm:
      'Canvas는 SCORM 도구(관리자가 계정에서 활성화하는 LTI 앱으로, Rustici의 SCORM Engine으로 동작)를 통해 SCORM을 가져옵니다. 활성화하면 강좌 메뉴에 “SCORM”이 나타납니다.',
    summaryCmi5: 'Canvas는 cmi5를 기본으로 지원하지 않습니다. cmi5를 쓰려면 LRS가 있는 외부 LTI 도구가 필요합니다.',
    upload: '강좌 메뉴에서 “SCORM”을 열고 모듈 패키지를 올린 뒤, 채점 과제(graded assignment)로 가져오도록 선택하십시오.',
    pointsPossible: '“Points possible”(배점)',
    pointsPossibleValue: '100',
    pointsPossibleWhy: '패키지는 점수를 백분율로 보고하므로 배점이 곧 백분율과 같아집니다.',
    requirement: '“Module requirement”(Canvas 모듈 설정의 이수 요건)',
    requirementPassedValue: (minScore: number) => `“Score at least”(최소 점수) ${minScore}`,
    requirementPassedWhy: '평가를 통과하면 모듈을 마친 것으로 봅니다.',
    requirementViewedValue: '“View the item”(항목 보기)',
    requirementViewedWhy: '학습자가 내용을 보면 모듈을 마친 것으로 봅니다.',
    attempts: '“Allowed attempts”(허용 시도 횟수)',
    attemptsWhy: (rule: string) => `교육과정 규정은 “${rule}”이며, 응시 횟수는 패키지가 셉니다. Canvas에서 제한하면 응시가 아니라 과제를 실행한 횟수를 세게 됩니다.`,
  },

  blackboard: {
    summaryScorm:
      'Blackboard Learn은 Rustici의 SCORM Engine으로 SCORM을 재생합니다. Engine의 시도는 패키지가 “suspend”가 아닌 방식으로 종료하면 끝나는데, 이 패키지는 항상 “suspend”로 종료하므로 학습자마다 Engine 시도 하나에 머뭅니다.',
    summaryCmi5: 'Blackboard Learn에는 기본 cmi5 플레이어가 없습니다.',
    upload: '강좌 콘텐츠에서 “SCORM package”(Ultra) 또는 “Content Package (SCORM)”(Original)을 추가하고 모듈 패키지를 올리십시오.',
    attempts: '“Attempts allowed”(허용 시도 횟수, Ultra) / “Number of Attempts”(시도 횟수, Original)',
    attemptsWhy: (rule: string) =>
      `교육과정 규정은 “${rule}”입니다. 응시 횟수는 패키지가 Engine 시도 하나 안에서 셉니다. 시도가 하나 더 시작되면 데이터가 빈 상태로 시작되어 응시 기회가 다시 주어집니다.`,
    gradeSource: '“Grade SCORM”(SCORM 채점 방식)',
    gradeSourceValue: 'Original에서는 “SCORM Score”(SCORM 점수), Ultra에서는 켬(최대 점수 100)',
    gradeSourceWhy: '패키지는 모듈이 끝나면 가장 좋은 응시의 점수를 백분율로 보고하며, 상태는 통과 점수를 따릅니다. Ultra에서는 가져온 뒤에 성적 설정을 바꿀 수 없습니다.',
  },

  brightspace: {
    summaryScorm:
      'Brightspace는 SCORM 패키지를 콘텐츠(Content)의 SCORM 객체로 가져오고, 모듈이 끝날 때 패키지가 보고하는 점수로 성적을 매깁니다. D2L의 공개 문서에는 SCORM 객체의 시도 설정이 나와 있지 않으므로, 객체를 다시 실행했을 때 학습자 데이터를 이어서 불러오는지 D2L에 확인하십시오.',
    summaryCmi5: 'cmi5 지원 여부는 Brightspace 버전에 따라 다릅니다. cmi5 패키지를 쓰기 전에 D2L 문서를 확인하십시오.',
    upload: '콘텐츠(Content)에서 모듈 패키지를 SCORM 객체로 추가하십시오(관리자가 설정한 SCORM 플레이어 사용). Brightspace가 패키지에서 성적 항목(grade item)을 만듭니다.',
  },

  docebo: {
    summaryScorm: 'Docebo는 SCORM 교육 자료(training material)를 재생합니다. Docebo가 학습자 데이터를 이어서 불러오는 한 응시 횟수는 패키지가 셉니다.',
    summaryCmi5: 'Docebo는 xAPI 콘텐츠를 재생하며, cmi5 지원 여부는 이용 요금제에 따라 다릅니다. cmi5 패키지를 쓰기 전에 Docebo에 확인하십시오.',
    upload: '강좌의 “Training Material”(교육 자료)에서 “SCORM”을 추가하고 모듈 패키지를 올리십시오.',
    resetWhy:
      '응시 기회를 더 주려고 학습자의 교육 자료 추적 기록을 초기화하지 마십시오. 강좌 보고서의 “User Statistics”(사용자 통계)에서 “Reset”(초기화) 버튼을 누르면 저장 데이터가 지워져, 사용한 응시 횟수와 통과한 학습자의 결과도 함께 사라집니다.',
  },

  talentlms: {
    summaryScorm: 'TalentLMS는 SCORM 1.2만 재생하며 SCORM 2004는 지원하지 않습니다. SCORM 1.2 패키지는 강좌의 SCORM 유닛으로 추가되며, 유닛의 상태와 점수는 패키지가 보고하는 값을 따릅니다.',
    summaryCmi5: 'TalentLMS는 cmi5 패키지를 강좌의 유닛으로 추가합니다.',
    upload: '강좌에 “SCORM | xAPI | cmi5” 유닛을 추가하고 모듈 패키지를 올리십시오.',
  },

  cornerstone: {
    summaryScorm:
      'Cornerstone은 SCORM 1.2와 SCORM 2004(3rd edition) 온라인 강좌를 재생하며, 학습 이력(Transcript)에는 패키지가 보고하는 상태가 그대로 반영됩니다. Cornerstone 도움말에는 온라인 강좌의 시도 설정이 나와 있지 않으므로, 강좌를 다시 실행했을 때 학습자 데이터를 이어서 불러오는지 Cornerstone에 확인하십시오.',
    summaryCmi5: 'cmi5 지원 여부는 Cornerstone 에디션에 따라 다릅니다. cmi5 패키지를 쓰기 전에 Cornerstone에 확인하십시오.',
    upload: '“Content Uploader”(콘텐츠 업로더)나 이전 도구인 “Course Publisher”(강좌 게시 도구)로 모듈 패키지에서 온라인 강좌를 만드십시오.',
  },

  scormCloud: {
    summaryScorm12: 'SCORM Cloud는 SCORM 1.2를 재생합니다. SCORM 1.2에는 시도 횟수 제한 항목이 없으므로 응시 횟수는 패키지가 셉니다.',
    summaryScorm2004: 'SCORM Cloud는 패키지의 시퀀싱을 적용합니다. 통과 점수는 매니페스트의 minNormalizedMeasure이며, 응시 횟수는 패키지가 시도 하나 안에서 셉니다.',
    summaryCmi5: 'SCORM Cloud는 자체 LRS로 cmi5를 재생합니다. moveOn과 masteryScore는 cmi5.xml을 따르며, 학습자마다 등록이 하나씩 유지됩니다.',
    upload: '“Content Library”(콘텐츠 라이브러리)에서 패키지(교육과정 패키지 또는 모듈별 패키지)를 가져오십시오.',
    resetData: '“Reset Runtime Data Timing”(실행 데이터 초기화 시점)',
    resetDataValue: '“Never”(초기화 안 함)',
    resetDataWhy:
      '패키지는 항상 “suspend”로 종료하므로 Engine은 학습자마다 시도를 하나만 유지합니다. 그래도 시도가 끝나는 경우(관리자가 끝내거나, 실행이 패키지까지 이르지 못한 경우)에 “When Exit Is Not Suspend”나 “On Each New Sequencing Attempt”로 두면 통과한 학습자의 결과와 사용한 응시 횟수를 포함한 학습자 데이터가 지워져, 다음 실행이 처음부터 시작됩니다. “Never”로 두면 데이터가 유지됩니다.',
  },

  cmi5: {
    summary: 'cmi5를 따르는 LMS(LRS 포함)라면 어디서나 cmi5 패키지를 실행할 수 있습니다.',
    scormNotHere: '이 항목은 cmi5 패키지에 관한 것입니다. SCORM은 위의 해당 LMS 항목을 참고하십시오.',
    upload: 'cmi5.zip(교육과정 전체 또는 모듈 하나)을 cmi5 강좌로 가져오십시오.',
    registration: '“Registration”(등록)',
    registrationValue: '학습자와 강좌마다 하나, 모든 실행에서 유지',
    registrationWhy:
      '패키지는 사용한 응시 횟수와 아직 보내지 않은 판정을 등록의 상태(state)에 보관합니다. 실행할 때마다 새 등록을 만들면 응시 기회가 다시 주어지고 통과가 두 번 집계될 수 있습니다.',
    moveOn: 'moveOn',
    moveOnValue: 'cmi5.xml에 정한 대로',
    moveOnPassedWhy: '평가가 있는 모듈은 완료하고 통과하면 충족됩니다.',
    moveOnViewedWhy: '평가가 없는 모듈은 완료하면 충족됩니다.',
    masteryScore: 'masteryScore',
    masteryScoreValue: (minScore: number) => `${(minScore / 100).toString()}(cmi5.xml에 정한 대로)`,
    masteryScoreWhy: '패키지는 LMS가 LMS.LaunchData로 넘겨주는 숙달 점수(mastery score)와 점수를 비교합니다.',
    launchMode: '“Launch mode”(실행 모드)',
    launchModeValue: '“Normal”(일반)',
    launchModeWhy: 'Browse 모드와 Review 모드에서는 패키지가 아무것도 판정하지 않습니다(cmi5는 이 모드에서 판정 기록을 금지합니다).',
  },
};
