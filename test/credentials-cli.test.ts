/**
 * `curriculum credentials` as a person runs it: keygen, issue from an evaluation's results,
 * verify, in a temporary folder, through the real CLI.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, stackTracePattern } from './support/cli.ts';
import { repoRoot } from './support/samples.ts';

let dir: string;
const caring = path.join(repoRoot, 'curriculum/caring-cities');
const results = {
  program: 'caring-cities',
  learners: [
    { id: 'ana@example.org', email: 'ana@example.org', name: 'Ana Kim', certificate: { title: 'Certificate of Completion', earned: true }, benefits: [{ id: 'offline-training-priority', earned: true }] },
    { id: 'bo@example.org', email: 'bo@example.org', certificate: { earned: false }, benefits: [{ id: 'offline-training-priority', earned: false }] },
  ],
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'curriculum-credentials-'));
  await writeFile(path.join(dir, 'results.json'), JSON.stringify(results));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('curriculum credentials', () => {
  it('keygen writes a key readable by its owner alone, and never overwrites one', async () => {
    const run = await runCli(['credentials', 'keygen', '--out', 'issuer.key.json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Issuer: did:key:z6Mk\w+/);
    expect((await stat(path.join(dir, 'issuer.key.json'))).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(path.join(dir, 'issuer.key.json'), 'utf8'))).toMatchObject({ type: 'Multikey', publicKeyMultibase: expect.stringMatching(/^z6Mk/), secretKeyMultibase: expect.any(String) });
    const again = await runCli(['credentials', 'keygen', '--out', 'issuer.key.json'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; a key is never overwritten');
  });

  it('keygen refuses dist/ and a place in a git work tree that git would commit', async () => {
    await mkdir(path.join(dir, 'dist'), { recursive: true });
    const inDist = await runCli(['credentials', 'keygen', '--out', 'dist/issuer.key.json'], { cwd: dir });
    expect(inDist.code).toBe(2);
    expect(inDist.stderr).toContain('is inside a `dist` folder, which is published');
    const repo = path.join(dir, 'repo');
    await mkdir(repo);
    execFileSync('git', ['init', '-q'], { cwd: repo });
    const tracked = await runCli(['credentials', 'keygen', '--out', 'issuer.json'], { cwd: repo });
    expect(tracked.code).toBe(2);
    expect(tracked.stderr).toContain('inside a git work tree and git does not ignore it');
    expect(existsSync(path.join(repo, 'issuer.json'))).toBe(false);
    await writeFile(path.join(repo, '.gitignore'), '*.key.json\n');
    const ignored = await runCli(['credentials', 'keygen', '--out', 'issuer.key.json'], { cwd: repo });
    expect(ignored.code).toBe(0);
  });

  it('issue writes one credential per earned achievement, and verify accepts them', async () => {
    const run = await runCli(['credentials', 'issue', caring, '--results', 'results.json', '--key', 'issuer.key.json', '--out', 'out', '--valid-from', '2024-07-20T09:00:00Z'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Issued 2 credentials to 1 of 2 learners into out\/ \(issuer did:key:z6Mk\w+\)\.$/m);
    const files = (await readdir(path.join(dir, 'out'))).sort();
    expect(files).toEqual(['ana-example.org.benefits.offline-training-priority.json', 'ana-example.org.certificate.json']);
    const verify = await runCli(['credentials', 'verify', ...files.map((f) => path.join('out', f))], { cwd: dir });
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('✓ out/ana-example.org.certificate.json: Certificate of Completion, issued by did:key:');
    expect(verify.stdout).toContain('2 of 2 credentials valid');
  });

  it('verify exits 1 and says what failed for a tampered credential', async () => {
    const file = path.join(dir, 'out/ana-example.org.certificate.json');
    const credential = JSON.parse(await readFile(file, 'utf8'));
    credential.credentialSubject.achievement.name = 'Certificate of Excellence';
    await writeFile(path.join(dir, 'tampered.json'), JSON.stringify(credential));
    const run = await runCli(['credentials', 'verify', 'tampered.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ tampered.json: not valid\n  signature: Invalid signature.');
    expect(run.stdout + run.stderr).not.toMatch(stackTracePattern);
  });

  it('verify --issuer refuses a credential from another issuer', async () => {
    const run = await runCli(['credentials', 'verify', 'out/ana-example.org.certificate.json', '--issuer', 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('issuer: issued by `did:key:');
  });

  it('issue reads the key from CURRICULUM_CREDENTIALS_KEY, and says how to give one when there is none', async () => {
    const key = await readFile(path.join(dir, 'issuer.key.json'), 'utf8');
    const args = ['credentials', 'issue', caring, '--results', 'results.json', '--out', 'from-env', '--valid-from', '2024-07-20T09:00:00Z'];
    const run = await runCli(args, { cwd: dir, env: { CURRICULUM_CREDENTIALS_KEY: key } });
    expect(run.code).toBe(0);
    // The same key and results on the same date: the same credentials.
    expect(await readFile(path.join(dir, 'from-env/ana-example.org.certificate.json'), 'utf8')).toBe(await readFile(path.join(dir, 'out/ana-example.org.certificate.json'), 'utf8'));
    const none = await runCli(args, { cwd: dir, env: { CURRICULUM_CREDENTIALS_KEY: '' } });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('No signing key: give `--key <file>` or set CURRICULUM_CREDENTIALS_KEY');
  });

  it('issue refuses to write credentials into dist/, and names the place of a mistake in the results', async () => {
    const inDist = await runCli(['credentials', 'issue', caring, '--results', 'results.json', '--key', 'issuer.key.json', '--out', 'dist/credentials'], { cwd: dir });
    expect(inDist.code).toBe(2);
    expect(inDist.stderr).toContain('is inside a `dist` folder, which is published; the credentials name learners');
    await writeFile(path.join(dir, 'bad.json'), JSON.stringify({ learners: [{ id: 'x', certificate: true, benefits: ['priority'] }] }));
    const bad = await runCli(['credentials', 'issue', caring, '--results', 'bad.json', '--key', 'issuer.key.json', '--out', 'bad'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.json: learners[0].benefits[0]: no benefit `priority` in the policy of caring-cities');
    expect(existsSync(path.join(dir, 'bad'))).toBe(false);
  });

  it('issue --print writes a printable certificate beside each certificate credential, with the learner’s name', async () => {
    const run = await runCli(['credentials', 'issue', caring, '--results', 'results.json', '--key', 'issuer.key.json', '--out', 'printed', '--valid-from', '2024-07-20T09:00:00Z', '--print'], { cwd: dir });
    expect(run.code).toBe(0);
    expect((await readdir(path.join(dir, 'printed'))).sort()).toEqual(['ana-example.org.benefits.offline-training-priority.json', 'ana-example.org.certificate.html', 'ana-example.org.certificate.json']);
    const html = await readFile(path.join(dir, 'printed/ana-example.org.certificate.html'), 'utf8');
    expect(html).toContain('<p class="learner">Ana Kim</p>');
    expect(html).toContain('curriculum credentials verify ana-example.org.certificate.json');
  });

  it('issue links each achievement’s criteria to the completion page when the site’s URL is known, as the build does', async () => {
    const run = await runCli(['credentials', 'issue', caring, '--results', 'results.json', '--key', 'issuer.key.json', '--out', 'with-url', '--valid-from', '2024-07-20T09:00:00Z', '--site-url', 'https://courses.example.net/seoul'], { cwd: dir });
    expect(run.code).toBe(0);
    const credential = JSON.parse(await readFile(path.join(dir, 'with-url/ana-example.org.certificate.json'), 'utf8'));
    expect(credential.credentialSubject.achievement.criteria.id).toBe('https://courses.example.net/seoul/caring-cities/completion/');
    expect(credential.credentialSubject.achievement.id).toBe('tag:hrd.seoul.go.kr,2023:caring-cities:achievements:certificate');
  });

  it('a misspelt subcommand gets a suggestion and exit code 2', async () => {
    const run = await runCli(['credentials', 'verfy', 'x.json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown credentials command `verfy`; did you mean `verify`?');
  });
});
