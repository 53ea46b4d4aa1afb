import type { Messages } from '../messages.ts';
import { lmsNotes } from './lms-notes.ts';

/**
 * LMS package (SCORM, cmi5) strings, in Korean: the SCO pages, the runtime's texts and the
 * import notes. One submission of an assessment is an 응시 (a sitting, as Korean exams
 * count them); 시도 is kept for the LMS's attempt, the word Moodle's Korean pack uses.
 */
export const lmsPackage: Messages['lmsPackage'] = {
  startAssessment: '평가 시작하기',

  page: {
    outcomes: '학습 목표',
    content: '학습 내용',
    resources: '학습 자료',
    presenters: '강사',
    skipToAssessment: '평가로 바로가기',
    passRule: '통과 기준',
    completionRule: '이수 기준',
    noScript: '평가를 보려면 JavaScript가 필요합니다. 브라우저에서 JavaScript를 켜거나 교육 담당자에게 도움을 요청하십시오.',
    opensInNewWindow: '(새 창에서 열림)',
    endOfModule: '모듈의 끝입니다.',
    by: (who: string) => `만든 이: ${who}`,
  },

  /**
   * Templates the runtime fills in the browser. A slot is never followed by a particle that
   * changes with its sound (a number read with or without 받침), so each sentence is built
   * around its slots: 입니다, 중, 번째 and 로 after "%" (퍼센트) read the same either way.
   */
  runtime: {
    start: '평가 시작하기',
    continue: '평가 계속하기',
    next: '다음 문항',
    previous: '이전 문항',
    submit: '답안 제출하기',
    exit: '이 모듈 나가기',
    questionOf: '{total}문항 중 {n}번',
    chooseOne: '답을 하나 고르십시오.',
    chooseAll: '해당하는 답을 모두 고르십시오.',
    trueLabel: '참',
    falseLabel: '거짓',
    answerRequired: '다음으로 넘어가기 전에 {n}번 문항의 답을 고르십시오.',
    attemptOf: '전체 {total}회 중 {n}번째 응시입니다.',
    attemptUnlimited: '{n}번째 응시입니다. 필요한 만큼 다시 응시할 수 있습니다.',
    questionsInTake: '평가는 {count}문항으로 구성되며, 결과는 답안을 제출한 뒤에 확인할 수 있습니다.',
    resultTitle: '평가 결과',
    scoreLine: '점수는 {score}%입니다({total}점 만점에 {earned}점).',
    passedLine: '통과했습니다. 통과 점수는 {min}%입니다.',
    failedLine: '통과하지 못했습니다. 통과 점수는 {min}%입니다.',
    attemptsLeftOne: '남은 응시 기회는 1회입니다.',
    attemptsLeftMany: '남은 응시 기회는 {n}회입니다.',
    tryAgain: '다시 응시하기',
    explanationsLater: '문항 해설은 평가를 통과하거나 응시 기회를 모두 사용한 뒤에 볼 수 있습니다.',
    noAttemptLeft: '응시 기회 {total}회를 모두 사용했습니다. 최고 점수는 {score}%입니다. 추가 응시가 필요하면 교육 담당자에게 문의하십시오.',
    alreadyPassed: '이 평가를 {score}%로 통과했습니다.',
    bestSoFar: '지금까지 최고 점수는 {score}%입니다.',
    correct: '정답',
    incorrect: '오답',
    yourAnswer: '내 답:',
    noAnswer: '답하지 않음',
    practiceMode: '검토 모드입니다. 내용을 둘러보고 문항을 풀어 볼 수 있지만, 아무것도 기록되지 않습니다.',
    standalone: '이 페이지는 학습 플랫폼에 연결되어 있지 않아 진도와 결과가 기록되지 않습니다.',
    completed: '이 모듈을 이수했습니다.',
    lmsError: '학습 플랫폼이 진도 정보를 받지 못했습니다({detail}). 이 페이지를 닫지 말고 교육 담당자에게 문의하십시오.',
    launchError: '이 모듈을 시작하지 못했습니다({detail}). 강좌에서 다시 여십시오.',
    exited: '모듈에서 나왔습니다. 이 창을 닫아도 됩니다.',
  },

  notes: lmsNotes,
};
