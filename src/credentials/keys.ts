/**
 * The issuer's signing key: an Ed25519 key pair in the Multikey format (W3C Controlled
 * Identifiers 1.0, §2.2.2), made and read by Digital Bazaar's `ed25519-multikey`, and the
 * `did:key` it stands for (W3C CCG did:key method; `@digitalbazaar/did-method-key`).
 *
 * The secret half is read from a file or from the CURRICULUM_CREDENTIALS_KEY variable,
 * never from the program's folder or the build output: whoever holds it can issue the
 * program's certificates.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as didKey from '@digitalbazaar/did-method-key';

/** The environment variable that may hold the key file's contents instead of a file. */
export const keyVariable = 'CURRICULUM_CREDENTIALS_KEY';

/** A mistake in what was given (a missing or malformed key, a refused path): reported, exit code 2. */
export class CredentialsInputError extends Error {}

export interface IssuerKey {
  /** The issuer's DID, `did:key:z6Mk…`. */
  readonly did: string;
  /** The key's id within the DID document, `did:key:z6Mk…#z6Mk…`. */
  readonly verificationMethod: string;
  readonly keyPair: Ed25519Multikey.Ed25519KeyPair;
}

/** A did:key driver that reads Ed25519 keys as Multikeys (the eddsa-rdfc-2022 cryptosuite needs that type). */
export function multikeyDidDriver(): didKey.DidKeyDriver {
  const driver = didKey.driver();
  // 'z6Mk' is the multibase prefix of an Ed25519 public key (multicodec 0xed01, base58btc).
  driver.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });
  return driver;
}

async function issuerKeyOf(keyPair: Ed25519Multikey.Ed25519KeyPair): Promise<IssuerKey> {
  const { didDocument, methodFor } = await multikeyDidDriver().fromKeyPair({ verificationKeyPair: keyPair });
  const method = methodFor({ purpose: 'assertionMethod' });
  // The signer carries the verification method's id, which the proof names.
  const bound = await Ed25519Multikey.from({ ...(await keyPair.export({ publicKey: true, secretKey: true })), id: method.id, controller: didDocument.id });
  return { did: didDocument.id, verificationMethod: method.id, keyPair: bound };
}

/** A new key, as the JSON text of its file. */
export async function generateKeyFile(): Promise<{ text: string; did: string }> {
  const key = await issuerKeyOf(await Ed25519Multikey.generate());
  const exported = await key.keyPair.export({ publicKey: true, secretKey: true, includeContext: true });
  return { text: `${JSON.stringify(exported, null, 2)}\n`, did: key.did };
}

/** Reads a key file's text (as written by `generateKeyFile`). */
export async function parseKey(text: string, where: string): Promise<IssuerKey> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new CredentialsInputError(`${where} is not a key file: it is not JSON. Make one with \`curriculum credentials keygen --out <file>\`.`);
  }
  const record = data as Record<string, unknown>;
  if (typeof data !== 'object' || data === null || record.type !== 'Multikey' || typeof record.secretKeyMultibase !== 'string' || typeof record.publicKeyMultibase !== 'string') {
    throw new CredentialsInputError(`${where} is not a signing key: it needs "type": "Multikey" with publicKeyMultibase and secretKeyMultibase. Make one with \`curriculum credentials keygen --out <file>\`.`);
  }
  try {
    return await issuerKeyOf(await Ed25519Multikey.from({ type: 'Multikey', publicKeyMultibase: record.publicKeyMultibase, secretKeyMultibase: record.secretKeyMultibase }));
  } catch (error) {
    throw new CredentialsInputError(`${where} holds no usable Ed25519 key: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The key from `--key <file>`, else from the environment variable; an error naming both when neither is there. */
export async function readIssuerKey(file: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<IssuerKey> {
  if (file !== undefined) {
    if (!existsSync(file)) throw new CredentialsInputError(`No key file \`${file}\`. Make one with \`curriculum credentials keygen --out ${file}\`.`);
    return parseKey(readFileSync(file, 'utf8'), `\`${file}\``);
  }
  const value = env[keyVariable];
  if (value) return parseKey(value, `The variable ${keyVariable}`);
  throw new CredentialsInputError(`No signing key: give \`--key <file>\` or set ${keyVariable} to the contents of a key file (\`curriculum credentials keygen --out <file>\` makes one).`);
}

/**
 * Why a key must not be written at `file`, or undefined when it may. A key inside an
 * output folder named `dist` would be published with the site; a key in a git work tree
 * that git does not ignore would be committed with the next `git add -A`.
 */
export function refuseKeyPath(file: string, cwd: string = process.cwd()): string | undefined {
  const absolute = path.resolve(cwd, file);
  if (existsSync(absolute)) return `\`${file}\` already exists; a key is never overwritten (the credentials it signed would no longer verify against a new one). Choose another file.`;
  if (absolute.split(path.sep).includes('dist')) return `\`${file}\` is inside a \`dist\` folder, which is published. Keep the key outside the build output.`;
  const dir = path.dirname(absolute);
  if (!existsSync(dir)) return `The folder \`${path.dirname(file)}\` does not exist.`;
  if (insideGitWorkTree(dir) && !gitIgnores(dir, absolute)) {
    return `\`${file}\` is inside a git work tree and git does not ignore it, so it could be committed. Keep the key outside the repository, or name it \`*.key.json\` (ignored by this repository's .gitignore) or add it to .gitignore.`;
  }
  return undefined;
}

function insideGitWorkTree(dir: string): boolean {
  try {
    return execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() === 'true';
  } catch {
    // No git, or not a repository: nothing would commit the file.
    return false;
  }
}

function gitIgnores(dir: string, file: string): boolean {
  try {
    execFileSync('git', ['check-ignore', '-q', '--no-index', file], { cwd: dir, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Writes a new key file readable by its owner alone (mode 0600), refusing an existing file. */
export function writeKeyFile(file: string, text: string): void {
  writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
  // The mode of a new file is masked by the umask; set it outright so no umask widens it.
  chmodSync(file, 0o600);
}
