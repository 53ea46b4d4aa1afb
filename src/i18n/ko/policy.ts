import type { Messages } from '../messages.ts';

/**
 * How the completion policy is written out, in Korean. The lines of a checklist are written
 * the way Korean course rules list requirements (개조식: "모든 모듈(4개) 통과"), ending
 * in the noun of the action, with the headings above them as full sentences. A title then
 * needs no particle after it, whatever sound it ends in.
 */
export const policy: Messages['policy'] = {
  allOf: '다음 요건을 모두 충족해야 합니다.',
  anyOf: '다음 중 하나 이상을 충족해야 합니다.',
  atLeastOf: (n: number) => `다음 중 ${n}개 이상을 충족해야 합니다.`,
  passEveryModule: (count: number) => `모든 모듈(${count}개) 통과`,
  passModules: (count: number) => (count === 1 ? '이 모듈 통과' : `다음 모듈 ${count}개 모두 통과`),
  passModulesOfKind: (kind: string, count: number) => `${kind} 전체(${count}개) 통과`,
  passAtLeastModules: (n: number, of: number) => `다음 모듈 ${of}개 중 ${n}개 이상 통과`,
  completeEveryAssignment: (count: number) => `필수 과제 전체(${count}개) 완료`,
  completeAssignments: (count: number) => (count === 1 ? '이 과제 완료' : `다음 과제 ${count}개 모두 완료`),
  completeAssignmentsOfKind: (kind: string, count: number) => `${kind} 전체(${count}개) 완료`,
  completeAtLeastAssignments: (n: number, of: number) => `다음 과제 ${of}개 중 ${n}개 이상 완료`,
  attendEverySession: (count: number) => `모든 수업(${count}회) 참석`,
  attendSessions: (count: number) => (count === 1 ? '이 수업 참석' : `다음 수업 ${count}회 모두 참석`),
  attendSessionsOfKind: (kind: string, count: number) => `${kind} 전체(${count}회) 참석`,
  attendAtLeastSessions: (n: number, of: number) => `다음 수업 ${of}회 중 ${n}회 이상 참석`,
  earnCertificate: (title: string) => `${title} 취득`,
  earnGrade: (grade: string) => `최종 성적 ${grade} 이상`,
  earnTotal: (min: number, scale: 'percent' | 'points') => `최종 합계 ${scale === 'percent' ? `${min}%` : `${min}점`} 이상`,
  passModule: (title: string) => `“${title}” 통과`,
  completeModule: (title: string) => `“${title}” 이수`,
  completeAssignment: (title: string) => `“${title}” 완료`,
  attendSession: (title: string) => `“${title}” 참석`,
  attendSeries: (title: string, count: number) => `“${title}” 전 회차(${count}회) 참석`,
  // Korean writes the per cent sign without a space ("60%").
  passRule: (minScore: number) => `${minScore}% 이상 득점`,
  attempts: (n: number) => (n === 1 ? '1회만 응시 가능' : `최대 ${n}회 응시 가능`),
  retriesAllowed: '재응시 횟수 제한 없음',
  viewToComplete: '내용 전체 학습',
  gradedElsewhere: '이 사이트 밖에서 채점',
  chooseOptions: (select: number, from: number) => `선택지 ${from}개 중 ${select}개 선택`,
};
