/**
 * One OpenBadgeCredential per achievement a learner earned: the W3C Verifiable Credentials
 * Data Model 2.0 with the Open Badges 3.0 context (OB 3.0 §8.1 AchievementCredential),
 * issued by the program's issuing organizer under the key's did:key, the learner named by
 * a salted hash of their e-mail address (OB 3.0 B.1.4 IdentityObject, B.2.3 IdentityHash),
 * and signed with a Data Integrity proof, cryptosuite eddsa-rdfc-2022 (W3C VC Data
 * Integrity EdDSA Cryptosuites 1.0, §3.3), by Digital Bazaar's libraries.
 */
import { createHash, createHmac } from 'node:crypto';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { issuingOrganizers, openBadgesContexts, programAchievements, type ObAchievement } from '../emit/achievements/index.ts';
import { messagesFor } from '../i18n/index.ts';
import type { Curriculum } from '../model/types.ts';
import { CredentialsInputError, type IssuerKey } from './keys.ts';
import { offlineDocumentLoader } from './loader.ts';
import type { EarnedRecord } from './results.ts';
import { achievementCredentialSchemaUrl } from './schema.ts';

export interface IssueOptions {
  /** When the credentials become valid, `YYYY-MM-DDTHH:MM:SSZ`; also the proof's creation time. */
  readonly validFrom: string;
  /** The organizer that issues (and holds the key): one of the certificate's issuers; the first of them by default. */
  readonly issuer?: string;
  /** The site's public URL, for the link to the completion page in each achievement's criteria. */
  readonly siteUrl?: string;
}

export interface IssuedCredential {
  /** A file name for it, from the learner's id and the achievement. */
  readonly fileName: string;
  readonly learnerId: string;
  /** `certificate`, or `benefits/<id>`. */
  readonly achievementKey: string;
  readonly credential: Record<string, unknown>;
}

export async function issueCredentials(curriculum: Curriculum, learners: readonly EarnedRecord[], key: IssuerKey, options: IssueOptions): Promise<IssuedCredential[]> {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(options.validFrom)) throw new CredentialsInputError(`The issue date must be a UTC instant such as 2024-07-20T09:00:00Z, not \`${options.validFrom}\``);
  const organizers = issuingOrganizers(curriculum);
  const organizer = options.issuer === undefined ? organizers[0] : organizers.find((o) => o.id === options.issuer);
  if (!organizer) {
    throw new CredentialsInputError(
      options.issuer === undefined ? `${curriculum.program.id} names no organizer to issue its certificate` : `\`${options.issuer}\` does not issue the certificate of ${curriculum.program.id}; its issuers are ${organizers.map((o) => o.id).join(', ')}`,
    );
  }
  const issuer = {
    id: key.did,
    type: ['Profile'],
    name: organizer.name,
    ...(organizer.url ? { url: organizer.url } : {}),
    ...(organizer.email ? { email: organizer.email } : {}),
  };
  const achievements = programAchievements(curriculum, options.siteUrl);
  const messages = messagesFor(curriculum.program.language);
  const documentLoader = offlineDocumentLoader();
  const names = new Map<string, number>();
  const issued: IssuedCredential[] = [];
  for (const learner of learners) {
    const earned = achievements.filter((a) => (a.benefitId === undefined ? learner.certificate : learner.benefits.includes(a.benefitId)));
    for (const a of earned) {
      const credential = {
        '@context': [...openBadgesContexts],
        id: credentialId(a.achievement.id, learner, options.validFrom),
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        name: messages.credentials.credentialName(a.achievement.name, curriculum.program.title),
        issuer,
        validFrom: options.validFrom,
        credentialSubject: {
          type: ['AchievementSubject'],
          identifier: [identityOf(learner, key)],
          achievement: a.achievement satisfies ObAchievement,
        },
        // VC JSON Schema 1.0 §3.1: type JsonSchema (defined by the VC 2.0 context; OB 3.0's
        // '1EdTechJsonSchemaValidator2019' is not, and JSON-LD safe mode refuses undefined types).
        credentialSchema: [{ id: achievementCredentialSchemaUrl, type: 'JsonSchema' }],
      };
      const suite = new DataIntegrityProof({ signer: key.keyPair.signer(), cryptosuite: eddsaRdfc2022, date: options.validFrom });
      const signed = await vc.issue({ credential, suite, documentLoader });
      const stem = `${slug(learner.id)}.${a.key.replace('/', '.')}`;
      const n = (names.get(stem) ?? 0) + 1;
      names.set(stem, n);
      issued.push({ fileName: `${stem}${n > 1 ? `-${n}` : ''}.json`, learnerId: learner.id, achievementKey: a.key, credential: signed });
    }
  }
  return issued;
}

/**
 * The learner as a hashed identifier: the e-mail address when there is one (trimmed and
 * lower-cased, as mail systems compare it), else the learner's id. The salt is derived
 * from the issuer's secret key and the identifier, so it differs per learner, cannot be
 * guessed by anyone without the key, and is the same each time the same key issues.
 */
function identityOf(learner: EarnedRecord, key: IssuerKey) {
  const value = learner.email !== undefined ? learner.email.trim().toLowerCase() : learner.id;
  const secret = key.keyPair.secretKey ?? Buffer.from(key.keyPair.secretKeyMultibase ?? '', 'utf8');
  const salt = createHmac('sha256', secret).update(`open-badges-identity-salt\n${value}`).digest('hex').slice(0, 32);
  // OB 3.0 B.2.3 IdentityHash: 'sha256$' and the hex SHA-256 of the identifier followed by the salt.
  const hash = createHash('sha256').update(value + salt, 'utf8').digest('hex');
  return { type: 'IdentityObject', identityType: learner.email !== undefined ? 'emailAddress' : 'identifier', hashed: true, identityHash: `sha256$${hash}`, salt };
}

/** A urn:uuid from the achievement, the learner and the date, so that issuing again the same day names the same credential. */
function credentialId(achievementId: string, learner: EarnedRecord, validFrom: string): string {
  const h = createHash('sha256').update(`${achievementId}\n${learner.id}\n${validFrom}`).digest('hex');
  // RFC 9562 UUID version 8 (custom): the version nibble 8 and the variant bits 10.
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function slug(id: string): string {
  const s = id
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return s.length > 0 ? s.slice(0, 80) : 'learner';
}

