/**
 * The printable certificate, printed by the Chromium the browser tests use: one A4
 * landscape page, the learner's name as text (hostile text escaped), nothing fetched.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/check.ts';
import { issueCredentials } from '../src/credentials/issue.ts';
import { generateKeyFile, parseKey } from '../src/credentials/keys.ts';
import { certificateHtml } from '../src/credentials/printable.ts';
import type { Curriculum } from '../src/model/types.ts';
import { browserAvailable, launchBrowser, type LaunchedBrowser } from './support/browser.ts';
import { repoRoot } from './support/samples.ts';

let caring: Curriculum;
let credential: Record<string, unknown>;
let browser: LaunchedBrowser | undefined;

beforeAll(async () => {
  caring = (await check(path.join(repoRoot, 'curriculum/caring-cities'))).curricula[0]!;
  const key = await parseKey((await generateKeyFile()).text, 'test key');
  const [issued] = await issueCredentials(caring, [{ id: 'ana@example.org', email: 'ana@example.org', certificate: true, benefits: [] }], key, { validFrom: '2023-07-25T09:00:00Z' });
  credential = issued!.credential;
  if (browserAvailable || process.env.CI) browser = await launchBrowser();
}, 60_000);
afterAll(() => browser?.close());

describe('the printable certificate', () => {
  it('names the learner, the certificate, the program, its issuers, the date and how to verify', () => {
    const html = certificateHtml(caring, { learner: 'Ana Kim', credential, credentialFile: 'ana-example.org.certificate.json' });
    expect(html).toContain('<p class="learner">Ana Kim</p>');
    expect(html).toContain('<h1>Certificate of Completion</h1>');
    expect(html).toContain(caring.program.title.replace(/&/g, '&amp;'));
    expect(html).toContain('Issued by Seoul Human Resource Development Center, ');
    expect(html).toContain('on July 25, 2023');
    expect(html).toContain('`curriculum credentials verify ana-example.org.certificate.json`');
    expect(html).toContain(String(credential.id));
    // Self-contained: nothing to fetch when printed.
    expect(html).not.toMatch(/\b(?:src|href)=|url\(|@import/);
  });

  it('escapes a hostile name', () => {
    const html = certificateHtml(caring, { learner: '<img src=x onerror=alert(1)>"Ana"', credential, credentialFile: 'a.json' });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;Ana&quot;');
  });

  it.skipIf(!browserAvailable && !process.env.CI)('prints as one A4 landscape page with the name as text', async () => {
    const page = await browser!.browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('data:')) requests.push(r.url());
    });
    const name = 'Maximiliana Alexandrina von Hohenzollern-Sigmaringen de la Fuente';
    await page.setContent(certificateHtml(caring, { learner: name, credential, credentialFile: 'ana-example.org.certificate.json' }));
    expect(await page.locator('.learner').innerText()).toBe(name);
    const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const text = pdf.toString('latin1');
    expect(text.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    // A4 landscape: 842 × 595 points.
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text)!;
    expect(Math.round(Number(box[1]))).toBe(842);
    expect(Math.round(Number(box[2]))).toBe(595);
    expect(requests).toEqual([]);
    await page.close();
  }, 60_000);
});
