/** The Open Badges achievements and credentials, in English. */
export const credentials = {
  /** The achievement of the certificate, for wallets that show one sentence. */
  certificateDescription: (certificate: string, program: string, issuers: string) => `${certificate} of “${program}”, awarded by ${issuers} to those who meet the completion requirements.`,
  /** A benefit as an achievement, when the policy describes it in no words of its own. */
  benefitDescription: (benefit: string, program: string) => `${benefit}: granted to participants of “${program}” who meet its requirements.`,
  criteriaIntro: 'To earn it:',
  /** Joins issuer names: "A, B and C". */
  and: 'and',
  imageCaption: (title: string, program: string) => `${title} — ${program}`,
  /** The name of an issued credential, for a wallet's list. */
  credentialName: (title: string, program: string) => `${title} — ${program}`,
  /** The printable certificate. */
  print: {
    certifies: 'This certifies that',
    completed: 'has met the requirements of',
    dates: (start: string, end: string) => `${start} – ${end}`,
    issuedBy: (issuers: string) => `Issued by ${issuers}`,
    issuedOn: (date: string) => `on ${date}`,
    verifyHeading: 'Verify this certificate',
    verify: (file: string) => `This certificate is also issued as a signed Open Badges 3.0 credential (${file}). Anyone can check it with \`curriculum credentials verify ${file}\` or any Open Badges 3.0 verifier.`,
    credentialId: 'Credential',
    issuerId: 'Issuer',
  },
} as const;
