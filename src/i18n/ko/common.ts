import type { Messages } from '../messages.ts';

/**
 * Words shared by every output, in Korean. Korean counts with counters (개, 회, 주) and has
 * no plural forms, so a count never changes the noun. The kinds are whole nouns ("심화
 * 모듈"), because Korean puts the kind before the noun and the sentences that use them
 * ("심화 모듈 전체(3개) 통과") need no second noun.
 */
export const common: Messages['common'] = {
  module: '모듈',
  modules: '모듈',
  week: (n: number) => `${n}주차`,
  weeks: (first: number, last: number) => `${first}~${last}주차`,
  hours: (n: number) => `${n}시간`,
  due: '마감',
  noDeadlineStated: (date: string) => `마감일이 따로 정해져 있지 않습니다. 교육과정은 ${date}에 끝납니다.`,
  optional: '선택',
  /** 본문 각주: 화면 낭독기용 제목과, 각주를 인용한 곳으로 돌아가는 링크. */
  footnotes: '각주',
  backToReference: (reference: string) => `본문 ${reference}번으로 돌아가기`,
  /** 문장 안에서 인용하는 제목. */
  quote: (text: string) => `“${text}”`,
  moduleKinds: { core: '핵심 모듈', advanced: '심화 모듈', elective: '선택 모듈', lecture: '강의', module: '모듈' },
  assignmentKinds: {
    practical: '실습 과제',
    project: '프로젝트 과제',
    essay: '에세이 과제',
    submission: '제출 과제',
    survey: '설문',
    'action-plan': '실행 계획서',
    presentation: '발표 과제',
    other: '과제',
  },
  sessionKinds: {
    orientation: '오리엔테이션',
    lecture: '강의',
    seminar: '세미나',
    workshop: '워크숍',
    webinar: '웨비나',
    discussion: '토론',
    exam: '시험',
    other: '수업',
  },
};
