import type { Messages } from '../messages.ts';

/** The Open Badges achievements and credentials, in Spanish. */
export const credentials: Messages['credentials'] = {
  /**
   * The achievement of the certificate, for wallets that show one sentence. "Credencial" leads
   * so that the participle agrees with it, whatever the gender of the certificate's own title.
   */
  certificateDescription: (certificate: string, program: string, issuers: string) =>
    `Credencial «${certificate}» de «${program}», otorgada por ${issuers} a quienes cumplen los requisitos para completar el programa.`,
  /** A benefit as an achievement, when the policy describes it in no words of its own. */
  benefitDescription: (benefit: string, program: string) => `${benefit}: se concede a quienes participan en «${program}» y cumplen sus requisitos.`,
  criteriaIntro: 'Para obtenerlo:',
  /** Joins issuer names: "A, B y C". */
  and: 'y',
  imageCaption: (title: string, program: string) => `${title} — ${program}`,
  /** The name of an issued credential, for a wallet's list. */
  credentialName: (title: string, program: string) => `${title} — ${program}`,
  /** The printable certificate. */
  print: {
    certifies: 'Se certifica que',
    completed: 'ha cumplido los requisitos de',
    dates: (start: string, end: string) => `${start} – ${end}`,
    issuedBy: (issuers: string) => `Expedido por ${issuers}`,
    issuedOn: (date: string) => `el ${date}`,
    verifyHeading: 'Verifica este certificado',
    verify: (file: string) =>
      `Este certificado también se emite como credencial firmada Open Badges 3.0 (${file}). Cualquier persona puede comprobarlo con \`curriculum credentials verify ${file}\` o con cualquier verificador de Open Badges 3.0.`,
    credentialId: 'Credencial',
    issuerId: 'Emisor',
  },
};
