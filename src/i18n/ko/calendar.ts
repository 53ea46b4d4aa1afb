import type { Messages } from '../messages.ts';
import { andList, orList } from './josa.ts';

/** Calendar (ICS) strings, in Korean: every word a learner reads in a calendar app. */

/** `2023-07-21` → `2023년 7월 21일`, from the date's digits (no zone, no locale data). */
const date = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${y}년 ${m}월 ${d}일`;
};

const dayNames: Readonly<Record<string, string>> = {
  monday: '월요일',
  tuesday: '화요일',
  wednesday: '수요일',
  thursday: '목요일',
  friday: '금요일',
  saturday: '토요일',
  sunday: '일요일',
};
const dayName = (day: string): string => dayNames[day] ?? day;

const weeks = (first: number, last: number): string => (first === last ? `${first}주차` : `${first}~${last}주차`);

export const calendar: Messages['calendar'] = {
  date,

  programCalendar: (program: string) => program,
  phaseCalendar: (program: string, phase: string) => `${program}: ${phase}`,

  summary: {
    session: (title: string) => title,
    exam: (title: string) => title,
    module: (title: string, label?: string) => (label ? `${label}: ${title}` : `모듈: ${title}`),
    assignment: (title: string) => `과제: ${title}`,
    // A deadline title often already says 마감 or 기한 ("보고서 제출 마감"), or "due" when the
    // program's titles stay in English; not twice.
    deadline: (title: string) => (/마감|기한|\bdue\b/i.test(title) ? title : `마감: ${title}`),
    implicitDeadline: (title: string) => `교육과정 종료 시까지: ${title}`,
    week: (first: number, last: number, title?: string) => `${weeks(first, last)}${title ? `: ${title}` : ''}`,
    period: (title: string) => title,
    break: (title: string) => title,
  },

  category: {
    session: '수업',
    exam: '시험',
    module: '모듈',
    assignment: '과제',
    deadline: '마감',
    week: '주차',
    period: '활동 기간',
    break: '휴강',
  },
  sessionKind: {
    orientation: '오리엔테이션',
    lecture: '강의',
    seminar: '세미나',
    workshop: '워크숍',
    webinar: '웨비나',
    discussion: '토론',
    exam: '시험',
    other: '기타',
  },

  examKind: {
    written: '필기시험',
    oral: '구술시험',
    practical: '실기시험',
    online: '온라인 시험',
  },

  weekly: (days: readonly string[], from: string, until: string) =>
    `${date(from)}부터 ${date(until)}까지 매주 ${andList(days.map(dayName))}에 진행합니다.`,
  noSession: (items: readonly { readonly date: string; readonly reason: 'except' | 'break' | 'cancelled'; readonly breakTitle?: string }[]) =>
    `수업 없는 날: ${items.map((i) => `${date(i.date)}${i.reason === 'cancelled' ? '(취소)' : i.reason === 'break' && i.breakTitle ? `(${i.breakTitle})` : ''}`).join('; ')}.`,
  moved: (from: string) => `${date(from)}에서 일정이 변경되었습니다.`,
  movedOccurrences: (items: readonly { readonly from: string; readonly to: string }[]) =>
    `일정 변경: ${items.map((i) => `${date(i.from)} → ${date(i.to)}`).join('; ')}.`,
  attendOneOf: (group: string, alternatives: readonly string[]) => `${group}: ${orList(alternatives)} 중 하나에 참석하십시오.`,
  covers: (modules: readonly string[]) => `다루는 모듈: ${modules.join('; ')}`,
  slots: (minutes: number, count: number) =>
    `개인별 시간 배정: ${minutes}분짜리 시간대 하나에만 응시합니다(이 시간 동안 총 ${count}개 시간대). 캘린더에는 내 응시 시간이 아니라 시험 시간 전체가 표시됩니다.`,

  onlineLocation: (platform: string, url?: string) => (url ? `${platform}: ${url}` : platform),

  online: (platform: string) => `온라인: ${platform}`,
  join: (url: string) => `참여 링크: ${url}`,
  dialIn: (text: string) => `전화 참여: ${text}`,
  place: (place: string) => `장소: ${place}`,
  by: (names: readonly string[]) => `진행: ${names.join(', ')}`,
  program: (title: string) => `교육과정: ${title}`,
  details: (url: string) => `자세히 보기: ${url}`,
  week: weeks,
  studied: (when: readonly string[]) => `학습 시기: ${when.join('; ')}`,
  deliverable: (what: string) => `제출물: ${what}`,
  submit: (where: string) => `제출처: ${where}`,
  optional: '선택 과제입니다.',
  choice: (select: number, from: number) => `${from}개 중 ${select}개를 골라 수행합니다.`,
  // `zone` is the program's IANA zone ("Europe/Athens"), named as it is written.
  dueEndOfDay: (day: string, time: string, zone: string) =>
    `마감: ${date(day)} 하루가 끝날 때까지(${zone} 시간 기준 ${time}). 캘린더에는 내 시간대로 바뀌어 표시됩니다.`,
  dueAt: (day: string, time: string, zone: string) => `마감: ${date(day)} ${time}(${zone} 시간 기준). 캘린더에는 내 시간대로 바뀌어 표시됩니다.`,
  dueFor: (items: readonly string[]) => `대상: ${items.join('; ')}`,
  deadlines: (items: readonly string[]) => `마감: ${items.join('; ')}`,
  deadlineOn: (title: string, day: string) => `${title}(${date(day)})`,
  implicitDeadline: (end: string) =>
    `교육과정 문서에 이 항목의 마감일이 없어 교육과정 종료일(${date(end)})을 대신 표시합니다. 운영 기관에 확인하십시오.`,

  reminder: {
    session: (title: string) => `곧 시작: ${title}`,
    deadline: (title: string) => `마감 임박: ${title}`,
    exam: (title: string) => `시험 임박: ${title}`,
  },
};
