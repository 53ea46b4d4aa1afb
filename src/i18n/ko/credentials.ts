import type { Messages } from '../messages.ts';

/** The Open Badges achievements and credentials, in Korean. */
export const credentials: Messages['credentials'] = {
  certificateDescription: (certificate: string, program: string, issuers: string) =>
    `“${program}”의 ${certificate}입니다. 수료 요건을 충족한 교육생에게 ${issuers}에서 수여합니다.`,
  benefitDescription: (benefit: string, program: string) => `${benefit}: “${program}”의 요건을 충족한 교육생에게 주어집니다.`,
  criteriaIntro: '취득 요건:',
  // Issuer names are joined by the code with this word ("A, B and C"); Korean's 과/와 depends
  // on the name before it, which the caller does not pass, so the word that needs no particle.
  and: '및',
  imageCaption: (title: string, program: string) => `${title} — ${program}`,
  credentialName: (title: string, program: string) => `${title} — ${program}`,
  /**
   * The printable certificate, laid out title, this line, the learner's name, the next line,
   * the program. A Korean certificate names the holder first and then says 위 사람은 ("the
   * person above"), so the line above the name is its label and the sentence follows it.
   */
  print: {
    certifies: '성명',
    completed: '위 사람은 아래 교육과정의 수료 요건을 모두 충족하였으므로 이 증서를 수여합니다.',
    dates: (start: string, end: string) => `${start}~${end}`,
    issuedBy: (issuers: string) => `발급: ${issuers}`,
    issuedOn: (date: string) => `(${date})`,
    verifyHeading: '수료증 진위 확인',
    verify: (file: string) =>
      `이 수료증은 전자 서명된 Open Badges 3.0 자격 증명(${file})으로도 발급됩니다. 누구나 \`curriculum credentials verify ${file}\` 명령이나 Open Badges 3.0 검증 도구로 진위를 확인할 수 있습니다.`,
    credentialId: '자격 증명',
    issuerId: '발급 기관',
  },
};
