/**
 * `curriculum credentials keygen | issue | verify`: its own options, parsed here, so that
 * the options of the other commands stay as they are.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { check } from '../check.ts';
import { CredentialsInputError } from '../credentials/keys.ts';
import { summarize } from '../diagnostics/diagnostic.ts';
import { describeSummary, renderDiagnostics } from '../diagnostics/render.ts';
import { closest } from '../util/suggest.ts';

export const credentialsUsage = `curriculum credentials — Open Badges 3.0 credentials for those who completed a program

Usage:
  curriculum credentials keygen --out <file>
      make an Ed25519 signing key (written readable by you alone; never inside dist/
      or where git would commit it: name it *.key.json or keep it outside the repository)
  curriculum credentials issue <program> --results <evaluation.json> --key <file> --out <dir>
      write one signed OpenBadgeCredential per certificate and benefit earned
      [--issuer <organizer id>]  which of the certificate's issuers signs (default: the first)
      [--valid-from <instant>]   e.g. 2024-07-20T09:00:00Z (default: now)
      [--site-url <url>]         the site's public URL, for the criteria link
      [--print]                  also a printable certificate (HTML, A4) beside each one
  curriculum credentials verify <file>... [--issuer <did>]
      check each credential's signature, its issuer and 1EdTech's JSON Schema

The key may instead be given in the environment variable CURRICULUM_CREDENTIALS_KEY (the
key file's contents). Exit codes: 0 done (every credential valid), 1 a credential is not
valid or the program has errors, 2 misuse.
`;

const options = {
  out: { type: 'string', short: 'o' },
  key: { type: 'string' },
  results: { type: 'string' },
  issuer: { type: 'string' },
  'valid-from': { type: 'string' },
  'site-url': { type: 'string' },
  print: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const subcommands = ['keygen', 'issue', 'verify'];

/** Runs a credentials subcommand; returns the exit code. */
export async function runCredentials(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (error) {
    return misuse(error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : String(error));
  }
  const { values, positionals } = parsed;
  const [sub, ...rest] = positionals;
  if (values.help || sub === undefined || sub === 'help') {
    process.stdout.write(credentialsUsage);
    return sub === undefined && !values.help ? 2 : 0;
  }
  try {
    switch (sub) {
      case 'keygen':
        return await keygen(values.out, rest);
      case 'issue':
        return await issue(rest, values);
      case 'verify':
        return await verify(rest, values.issuer);
      default: {
        const suggestion = closest(sub, subcommands);
        return misuse(`Unknown credentials command \`${sub}\`${suggestion ? `; did you mean \`${suggestion}\`?` : `; use ${subcommands.join(', ')}`}`);
      }
    }
  } catch (error) {
    if (error instanceof CredentialsInputError) return misuse(error.message);
    process.stderr.write(`internal error: ${error instanceof Error ? error.message : String(error)}\nThis is a bug in the compiler, not in your curriculum or results. Set CURRICULUM_DEBUG=1 for details.\n`);
    if (process.env.CURRICULUM_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 2;
  }
}

function misuse(message: string): number {
  process.stderr.write(`error: ${message}\n\nRun \`curriculum credentials help\` for usage.\n`);
  return 2;
}

async function keygen(out: string | undefined, rest: readonly string[]): Promise<number> {
  if (rest.length > 0) return misuse('`keygen` takes no folder; give the key file with `--out <file>`');
  if (out === undefined) return misuse('`keygen` needs `--out <file>`, e.g. `--out issuer.key.json`');
  const { generateKeyFile, refuseKeyPath, writeKeyFile } = await import('../credentials/keys.ts');
  const refusal = refuseKeyPath(out);
  if (refusal) return misuse(refusal);
  const { text, did } = await generateKeyFile();
  writeKeyFile(out, text);
  process.stdout.write(`Wrote a signing key to ${out} (readable by you alone).\nIssuer: ${did}\nKeep a copy somewhere safe: credentials signed with it verify only against this key.\n`);
  return 0;
}

async function issue(rest: readonly string[], values: { out?: string | undefined; key?: string | undefined; results?: string | undefined; issuer?: string | undefined; 'valid-from'?: string | undefined; 'site-url'?: string | undefined; print?: boolean | undefined }): Promise<number> {
  const [programDir, ...extra] = rest;
  if (programDir === undefined || extra.length > 0) return misuse('`issue` takes one program folder, e.g. `curriculum credentials issue curriculum/caring-cities --results results.json --key issuer.key.json --out credentials`');
  if (values.results === undefined) return misuse('`issue` needs `--results <evaluation.json>` (what `curriculum evaluate --format json` writes)');
  if (values.out === undefined) return misuse('`issue` needs `--out <dir>`, a folder outside the site’s output: the credentials name learners');
  if (!existsSync(programDir)) return misuse(`No such folder \`${programDir}\``);
  if (!existsSync(values.results)) return misuse(`No results file \`${values.results}\``);
  const siteUrl = values['site-url'];
  if (siteUrl !== undefined && !/^https?:\/\/\S+$/.test(siteUrl)) return misuse(`--site-url must be an http(s) address, not \`${siteUrl}\``);
  if (path.resolve(values.out).split(path.sep).includes('dist')) return misuse(`\`${values.out}\` is inside a \`dist\` folder, which is published; the credentials name learners. Write them elsewhere.`);
  const { readIssuerKey } = await import('../credentials/keys.ts');
  const { parseResults } = await import('../credentials/results.ts');
  const { issueCredentials } = await import('../credentials/issue.ts');
  const key = await readIssuerKey(values.key);

  const result = await check(programDir, siteUrl ? { siteUrl } : {});
  const summary = summarize(result.diagnostics);
  if (summary.errors > 0) {
    process.stdout.write(renderDiagnostics(result.diagnostics, 'pretty', { readText: readTextOrUndefined, color: false }));
    process.stdout.write(`${describeSummary(summary)}\nNo credentials issued: fix the program first.\n`);
    return 1;
  }
  if (result.curricula.length !== 1) return misuse(`\`${programDir}\` holds ${result.curricula.length} programs; give the folder of one program`);
  const curriculum = result.curricula[0]!;
  const learners = parseResults(readFileSync(values.results, 'utf8'), values.results, curriculum);
  const validFrom = values['valid-from'] ?? `${new Date().toISOString().slice(0, 19)}Z`;
  const issued = await issueCredentials(curriculum, learners, key, {
    validFrom,
    ...(values.issuer !== undefined ? { issuer: values.issuer } : {}),
    // The same site URL as the build's (catalog.yaml unless --site-url), so the achievement in a
    // credential is the one published.
    ...(result.catalog.url ? { siteUrl: result.catalog.url } : {}),
  });
  mkdirSync(values.out, { recursive: true });
  for (const c of issued) writeFileSync(path.join(values.out, c.fileName), `${JSON.stringify(c.credential, null, 2)}\n`, { mode: 0o600 });
  if (values.print) {
    const { certificateHtml } = await import('../credentials/printable.ts');
    const byId = new Map(learners.map((l) => [l.id, l]));
    for (const c of issued.filter((x) => x.achievementKey === 'certificate')) {
      const learner = byId.get(c.learnerId)!;
      const html = certificateHtml(curriculum, { learner: learner.name ?? learner.id, credential: c.credential, credentialFile: c.fileName });
      writeFileSync(path.join(values.out, c.fileName.replace(/\.json$/, '.html')), html, { mode: 0o600 });
    }
  }
  const learnersWith = new Set(issued.map((c) => c.learnerId)).size;
  process.stdout.write(`Issued ${issued.length} credential${issued.length === 1 ? '' : 's'} to ${learnersWith} of ${learners.length} learner${learners.length === 1 ? '' : 's'} into ${path.normalize(values.out)}/ (issuer ${key.did}).\n`);
  return 0;
}

async function verify(files: readonly string[], expectedIssuer: string | undefined): Promise<number> {
  if (files.length === 0) return misuse('`verify` takes the credential files to check');
  const { verifyCredential } = await import('../credentials/verify.ts');
  let failed = 0;
  for (const file of files) {
    let credential: unknown;
    try {
      credential = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      failed++;
      process.stdout.write(`✗ ${file}: cannot be read as JSON (${error instanceof Error ? error.message : String(error)})\n`);
      continue;
    }
    const v = await verifyCredential(credential, expectedIssuer !== undefined ? { expectedIssuer } : {});
    if (v.ok) {
      process.stdout.write(`✓ ${file}: ${v.achievement ?? 'credential'}, issued by ${v.issuerId}: signature, issuer and schema valid\n`);
      continue;
    }
    failed++;
    process.stdout.write(`✗ ${file}: not valid\n`);
    for (const m of v.signature) process.stdout.write(`  signature: ${m}\n`);
    for (const m of v.issuer) process.stdout.write(`  issuer: ${m}\n`);
    for (const m of v.schema) process.stdout.write(`  schema: ${m}\n`);
  }
  if (files.length > 1) process.stdout.write(`${files.length - failed} of ${files.length} credentials valid\n`);
  return failed > 0 ? 1 : 0;
}

function readTextOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
