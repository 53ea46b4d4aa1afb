import type { Messages } from '../messages.ts';

/** The Open Badges achievements and credentials, in French. */
/**
 * "que A délivre", "que A et B délivrent": the verb agrees with the issuers, which arrive
 * already joined with `and` (", " and " et ").
 */
const deliver = (issuers: string): string => (/, | et /.test(issuers) ? 'délivrent' : 'délivre');

export const credentials: Messages['credentials'] = {
  certificateDescription: (certificate: string, program: string, issuers: string) =>
    // The certificate's title may be masculine or feminine: a relative clause ("que … délivrent") needs no agreement with it.
    `${certificate} du programme « ${program} », que ${issuers} ${deliver(issuers)} aux participants qui remplissent les conditions de réussite.`,
  benefitDescription: (benefit: string, program: string) => `${benefit} : un avantage accordé aux participants du programme « ${program} » qui en remplissent les conditions.`,
  criteriaIntro: 'Pour l’obtenir :',
  and: 'et',
  imageCaption: (title: string, program: string) => `${title} — ${program}`,
  credentialName: (title: string, program: string) => `${title} — ${program}`,
  print: {
    certifies: 'Nous certifions que',
    completed: 'a rempli les conditions de réussite du programme',
    dates: (start: string, end: string) => `du ${start} au ${end}`,
    issuedBy: (issuers: string) => `Délivré par ${issuers}`,
    issuedOn: (date: string) => `en date du ${date}`,
    verifyHeading: 'Vérifier ce certificat',
    verify: (file: string) =>
      `Ce certificat est aussi délivré sous la forme d’un justificatif Open Badges 3.0 signé (${file}). Chacun peut le vérifier avec \`curriculum credentials verify ${file}\` ou avec tout vérificateur Open Badges 3.0.`,
    credentialId: 'Justificatif',
    issuerId: 'Émetteur',
  },
};
