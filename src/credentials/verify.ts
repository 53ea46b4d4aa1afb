/**
 * `curriculum credentials verify`: a credential is accepted only when all three hold —
 * its Data Integrity proof verifies (Digital Bazaar's `vc.verifyCredential`, offline),
 * the proof was made by the issuer (the verification method is a key of the issuer's own
 * DID, a did:key that resolves from itself), and it conforms to 1EdTech's JSON Schema
 * of an OpenBadgeCredential.
 */
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { offlineDocumentLoader } from './loader.ts';
import { credentialSchemaProblems } from './schema.ts';

export interface Verification {
  readonly ok: boolean;
  readonly signature: readonly string[];
  readonly issuer: readonly string[];
  readonly schema: readonly string[];
  /** The issuer's DID and the achievement's name, for the report. */
  readonly issuerId?: string;
  readonly achievement?: string;
}

export interface VerifyOptions {
  /** The DID the credential must be issued by (a program's own did:key); any issuer when absent. */
  readonly expectedIssuer?: string;
  /** The instant to check validity dates against; now when absent. */
  readonly now?: string;
}

export async function verifyCredential(credential: unknown, options: VerifyOptions = {}): Promise<Verification> {
  const schema = credentialSchemaProblems(credential);
  const record = (typeof credential === 'object' && credential !== null ? credential : {}) as Record<string, unknown>;
  const issuerId = typeof record.issuer === 'string' ? record.issuer : typeof (record.issuer as { id?: unknown } | undefined)?.id === 'string' ? (record.issuer as { id: string }).id : undefined;
  const achievementName = (record.credentialSubject as { achievement?: { name?: unknown } } | undefined)?.achievement?.name;

  const issuer: string[] = [];
  const proofs = Array.isArray(record.proof) ? record.proof : record.proof !== undefined ? [record.proof] : [];
  if (issuerId === undefined) issuer.push('the credential names no issuer id');
  else {
    if (!issuerId.startsWith('did:key:')) issuer.push(`the issuer \`${issuerId}\` is not a did:key, which is the only kind checked without fetching anything`);
    if (options.expectedIssuer !== undefined && issuerId !== options.expectedIssuer) issuer.push(`issued by \`${issuerId}\`, not by the expected \`${options.expectedIssuer}\``);
    for (const proof of proofs as { verificationMethod?: unknown }[]) {
      const method = typeof proof?.verificationMethod === 'string' ? proof.verificationMethod : undefined;
      // A did:key's one key is `<did>#<multibase key>` (did:key method, §3.1.2): the method must be the issuer's own.
      if (method === undefined || !method.startsWith(`${issuerId}#`)) issuer.push(`the proof was made with \`${String(method)}\`, which is not a key of the issuer \`${issuerId}\``);
    }
  }

  const signature: string[] = [];
  if (proofs.length === 0) signature.push('the credential has no proof');
  else {
    try {
      const result = await vc.verifyCredential({
        credential: record,
        suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
        documentLoader: offlineDocumentLoader(),
        ...(options.now ? { now: options.now } : {}),
      });
      if (!result.verified) {
        const messages = [...(result.error?.errors?.map((e) => e.message) ?? []), ...(result.results?.map((r) => r.error?.message) ?? []), result.error?.message];
        let found = [...new Set(messages.filter((m): m is string => typeof m === 'string' && m.length > 0))];
        // The library wraps the specific errors in a generic one; the specific ones say what failed.
        if (found.length > 1) found = found.filter((m) => m !== 'Verification error(s).');
        signature.push(...(found.length > 0 ? found : ['the proof does not verify']));
      }
    } catch (error) {
      signature.push(error instanceof Error ? error.message : String(error));
    }
  }
  return {
    ok: schema.length === 0 && issuer.length === 0 && signature.length === 0,
    signature,
    issuer,
    schema,
    ...(issuerId !== undefined ? { issuerId } : {}),
    ...(typeof achievementName === 'string' ? { achievement: achievementName } : {}),
  };
}
