/**
 * Open Badges 3.0: the achievements published with each program, and the credentials
 * issued for them, checked with the real parts — Digital Bazaar's verifier, and 1EdTech's
 * JSON Schema (kept in schemas/vendor/) compiled here with ajv's draft 2019-09 class.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2019, type ValidateFunction } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { beforeAll, describe, expect, it } from 'vitest';
import { outputPaths } from '../src/addresses/index.ts';
import { check } from '../src/check.ts';
import { issueCredentials, type IssuedCredential } from '../src/credentials/issue.ts';
import { CredentialsInputError, generateKeyFile, parseKey, readIssuerKey, type IssuerKey } from '../src/credentials/keys.ts';
import { offlineDocumentLoader } from '../src/credentials/loader.ts';
import { parseResults, type EarnedRecord } from '../src/credentials/results.ts';
import { achievementCredentialSchemaUrl, vc2Schema, vendoredSchema } from '../src/credentials/schema.ts';
import { verifyCredential } from '../src/credentials/verify.ts';
import { emitAchievements, programAchievements } from '../src/emit/achievements/index.ts';
import type { Curriculum } from '../src/model/types.ts';
import { repoRoot } from './support/samples.ts';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2019) => Ajv2019;

let caring: Curriculum;
let crisis: Curriculum;
let credentialSchema: ValidateFunction;
let achievementSchema: ValidateFunction;

beforeAll(async () => {
  const result = await check(path.join(repoRoot, 'curriculum'));
  caring = result.curricula.find((c) => c.program.id === 'caring-cities')!;
  crisis = result.curricula.find((c) => c.program.id === 'crisis-scro')!;
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(vc2Schema());
  credentialSchema = ajv.getSchema(achievementCredentialSchemaUrl)!;
  achievementSchema = ajv.getSchema(`${achievementCredentialSchemaUrl}#/$defs/Achievement`)!;
}, 60_000);

const validFrom = '2024-07-20T09:00:00Z';
const cohort: EarnedRecord[] = [
  { id: 'ana@example.org', email: 'Ana@Example.org', name: 'Ana Kim', certificate: true, benefits: ['offline-training-priority'] },
  { id: 'bo', name: 'Bo Lee', certificate: false, benefits: [] },
  { id: 'lms-4711', certificate: true, benefits: [] },
];

describe('the vendored schema', () => {
  it('is 1EdTech’s file as published, with the $id of the published schema', () => {
    const text = readFileSync(path.join(repoRoot, 'schemas/vendor/open-badges-3.0/ob_v3p0_achievementcredential_schema.json'), 'utf8');
    expect(createHash('sha256').update(text).digest('hex')).toBe('513c2b614bb1598f7ad2617854e06f5aa50bc2588e8efc433972de48635081e7');
    expect(vendoredSchema().$id).toBe(achievementCredentialSchemaUrl);
    expect(vendoredSchema().$schema).toBe('https://json-schema.org/draft/2019-09/schema#');
  });

  it('is read for VC 2.0 with the one rename of issuanceDate to validFrom (and expirationDate to validUntil), nothing else', () => {
    const original = vendoredSchema();
    const adapted = vc2Schema();
    const props = (s: Record<string, unknown>) => s.properties as Record<string, unknown>;
    expect(adapted.required).toEqual((original.required as string[]).map((r) => (r === 'issuanceDate' ? 'validFrom' : r)));
    expect(props(adapted).validFrom).toEqual(props(original).issuanceDate);
    expect(props(adapted).validUntil).toEqual(props(original).expirationDate);
    const { validFrom: _a, validUntil: _b, ...restAdapted } = props(adapted);
    const { issuanceDate: _c, expirationDate: _d, ...restOriginal } = props(original);
    expect(restAdapted).toEqual(restOriginal);
    expect(adapted.$defs).toEqual(original.$defs);
  });
});

describe('achievements', () => {
  it('one for the certificate and one per benefit, each valid against the schema’s Achievement', () => {
    for (const c of [caring, crisis]) {
      const achievements = programAchievements(c);
      expect(achievements.map((a) => a.key)).toEqual(['certificate', ...c.policy.benefits.map((b) => `benefits/${b.id}`)]);
      for (const a of achievements) {
        expect(achievementSchema(a.achievement), JSON.stringify(achievementSchema.errors)).toBe(true);
        expect(a.achievement.name).toBe(a.benefitId ? c.policy.benefits.find((b) => b.id === a.benefitId)!.title : c.policy.certificate.title);
      }
    }
  });

  it('have ids under the program’s namespace that do not move with the site', () => {
    const here = programAchievements(caring);
    const there = programAchievements(caring, 'https://courses.example.net/seoul/');
    expect(here[0]!.achievement.id).toBe('tag:hrd.seoul.go.kr,2023:caring-cities:achievements:certificate');
    expect(here[1]!.achievement.id).toBe('tag:hrd.seoul.go.kr,2023:caring-cities:achievements:benefits:offline-training-priority');
    expect(there.map((a) => a.achievement.id)).toEqual(here.map((a) => a.achievement.id));
    // The site's address appears only as the link to the completion page, and only when known.
    expect(here[0]!.achievement.criteria.id).toBeUndefined();
    expect(there[0]!.achievement.criteria.id).toBe('https://courses.example.net/seoul/caring-cities/completion/');
    expect(JSON.stringify(here)).not.toContain('example.net');
  });

  it('state the criteria in the completion page’s words, item by item', () => {
    const narrative = programAchievements(caring)[0]!.achievement.criteria.narrative;
    expect(narrative).toContain('- All of the following:');
    expect(narrative).toContain('Attend every live session (4)');
    for (const s of caring.schedule.sessions) expect(narrative).toContain(`Attend “${s.title}”`);
    for (const id of ['essay', 'selfies', 'survey']) expect(narrative).toContain(`Complete “${caring.assignments.find((a) => a.id === id)!.title}”`);
    // The benefit asks for the certificate and the action plan.
    const benefit = programAchievements(caring)[1]!.achievement.criteria.narrative;
    expect(benefit).toContain('Earn the Certificate of Completion');
    expect(benefit).toContain(`Complete “${caring.assignments.find((a) => a.id === 'action-plan')!.title}”`);
  });

  it('are created by the first issuing organizer', () => {
    const creator = programAchievements(caring)[0]!.achievement.creator!;
    const shrdc = caring.program.organizers.find((o) => o.id === caring.policy.certificate.issuerIds[0])!;
    expect(creator).toMatchObject({ id: 'tag:hrd.seoul.go.kr,2023:caring-cities:organizers:shrdc', type: ['Profile'], name: shrdc.name });
  });

  it('align to the competences the required modules develop, with ESCO’s URI where the competence names one', () => {
    const alignment = programAchievements(crisis)[0]!.achievement.alignment!;
    const developed = crisis.competences.filter((c) => c.moduleIds.some((m) => crisis.policy.certificate.requiredItems.modules.includes(m)));
    expect(developed.length).toBeGreaterThan(0);
    expect(alignment.map((a) => a.targetCode)).toEqual(developed.map((c) => c.id));
    expect(alignment[0]).toMatchObject({ type: ['Alignment'], targetName: developed[0]!.title, targetFramework: crisis.framework!.title, targetUrl: `tag:crisisproject.eu,2023:crisis-scro:competences:${developed[0]!.id}` });
    const esco = 'http://data.europa.eu/esco/skill/5f2c8a0b-0f59-4d43-9a6e-2b0a6d1f0f2b';
    const withEsco = { ...crisis, competences: crisis.competences.map((c, i) => (i === 0 ? { ...c, esco } : c)) };
    expect(programAchievements(withEsco)[0]!.achievement.alignment![0]!.targetUrl).toBe(esco);
    // Caring Cities states no competences: its achievements align to none.
    expect(programAchievements(caring)[0]!.achievement.alignment).toBeUndefined();
  });

  it('are published as JSON-LD documents and SVG images at their paths, the same bytes every time', () => {
    const context = { catalog: { title: 'Courses', language: 'en' } };
    const files = emitAchievements(caring, context);
    expect(files.map((f) => f.path)).toEqual([
      outputPaths.achievement('caring-cities', 'certificate'),
      outputPaths.achievementImage('caring-cities', 'certificate'),
      outputPaths.achievement('caring-cities', 'benefits/offline-training-priority'),
      outputPaths.achievementImage('caring-cities', 'benefits/offline-training-priority'),
    ]);
    const doc = JSON.parse(files[0]!.contents as string);
    expect(doc['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    expect(achievementSchema(doc)).toBe(true);
    expect(Buffer.from(doc.image.id.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString('utf8')).toBe(files[1]!.contents);
    expect(emitAchievements(caring, context)).toEqual(files);
  });

  it('escape hostile titles in the image and the criteria', () => {
    const hostile = '<script>alert(1)</script> & *bold* [link](javascript:x)';
    const c = { ...caring, policy: { ...caring.policy, certificate: { ...caring.policy.certificate, title: hostile } } };
    const [cert] = programAchievements(c);
    expect(cert!.svg).not.toContain('<script');
    expect(cert!.svg).toContain('&lt;script&gt;');
    // The SVG is well-formed XML: every tag it opens it closes.
    expect(cert!.svg.match(/<(?!\/)[a-z]+/g)!.length).toBe(cert!.svg.match(/<\/[a-z]+>|\/>/g)!.length);
    const benefit = programAchievements(c)[1]!.achievement.criteria.narrative;
    expect(benefit).toContain('\\<script\\>');
    expect(benefit).toContain('\\*bold\\*');
    expect(benefit).toContain('\\[link\\](javascript:x)');
  });
});

describe('credentials', () => {
  let key: IssuerKey;
  let other: IssuerKey;
  let issued: IssuedCredential[];

  beforeAll(async () => {
    key = await parseKey((await generateKeyFile()).text, 'test key');
    other = await parseKey((await generateKeyFile()).text, 'other key');
    issued = await issueCredentials(caring, cohort, key, { validFrom });
  }, 60_000);

  it('one per earned achievement: the certificate, and the benefit where it was earned', () => {
    expect(issued.map((c) => [c.learnerId, c.achievementKey])).toEqual([
      ['ana@example.org', 'certificate'],
      ['ana@example.org', 'benefits/offline-training-priority'],
      ['lms-4711', 'certificate'],
    ]);
    expect(issued.map((c) => c.fileName)).toEqual(['ana-example.org.certificate.json', 'ana-example.org.benefits.offline-training-priority.json', 'lms-4711.certificate.json']);
  });

  it('are VC 2.0 OpenBadgeCredentials from the issuing organizer under the key’s did:key, signed with eddsa-rdfc-2022', () => {
    const c = issued[0]!.credential as Record<string, any>;
    expect(c['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    expect(c.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(c.issuer).toMatchObject({ id: key.did, type: ['Profile'], name: 'Seoul Human Resource Development Center' });
    expect(key.did).toMatch(/^did:key:z6Mk/);
    expect(c.validFrom).toBe(validFrom);
    expect(c.credentialSubject.achievement).toEqual(programAchievements(caring)[0]!.achievement);
    expect(c.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: key.verificationMethod, created: validFrom });
    expect(c.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('name the learner by a salted SHA-256 of the e-mail address, never in plain text', () => {
    const subject = (issued[0]!.credential as Record<string, any>).credentialSubject;
    const [identity] = subject.identifier;
    expect(identity).toMatchObject({ type: 'IdentityObject', identityType: 'emailAddress', hashed: true });
    expect(identity.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(identity.identityHash).toBe(`sha256$${createHash('sha256').update(`ana@example.org${identity.salt}`).digest('hex')}`);
    for (const c of issued) {
      const text = JSON.stringify(c.credential).toLowerCase();
      for (const secret of ['ana@example.org', 'ana kim', 'bo lee']) expect(text).not.toContain(secret);
    }
    // Without an e-mail address, the learner's id is what is hashed.
    expect((issued[2]!.credential as Record<string, any>).credentialSubject.identifier[0].identityType).toBe('identifier');
  });

  it('are the same bytes when the same key issues the same results on the same date', async () => {
    const again = await issueCredentials(caring, cohort, key, { validFrom });
    expect(again.map((c) => JSON.stringify(c.credential))).toEqual(issued.map((c) => JSON.stringify(c.credential)));
  });

  it('each valid against 1EdTech’s schema', () => {
    for (const c of issued) expect(credentialSchema(c.credential), JSON.stringify(credentialSchema.errors)).toBe(true);
  });

  it('verify with Digital Bazaar’s verifier, offline', async () => {
    for (const c of issued) {
      const result = await vc.verifyCredential({ credential: c.credential, suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), documentLoader: offlineDocumentLoader() });
      expect(result.verified, JSON.stringify(result.error?.errors?.map((e) => e.message))).toBe(true);
    }
  });

  it('verify with the command’s checks: signature, issuer and schema — with no network at all', async () => {
    const realFetch = globalThis.fetch;
    globalThis.fetch = () => Promise.reject(new Error('network used'));
    try {
      for (const c of issued) expect(await verifyCredential(c.credential, { expectedIssuer: key.did })).toMatchObject({ ok: true, signature: [], issuer: [], schema: [] });
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  const tamper = (edit: (c: Record<string, any>) => void) => {
    const copy = structuredClone(issued[0]!.credential) as Record<string, any>;
    edit(copy);
    return copy;
  };

  it.each([
    ['the credential’s name', (c: Record<string, any>) => (c.name = 'Certificate of Excellence')],
    ['the achievement’s name', (c: Record<string, any>) => (c.credentialSubject.achievement.name = 'Master of Caring Cities')],
    ['the achievement itself', (c: Record<string, any>) => (c.credentialSubject.achievement = programAchievements(caring)[1]!.achievement)],
    ['the learner', (c: Record<string, any>) => (c.credentialSubject.identifier[0].identityHash = `sha256$${'0'.repeat(64)}`)],
    ['the date', (c: Record<string, any>) => (c.validFrom = '2023-07-20T09:00:00Z')],
    ['the proof value', (c: Record<string, any>) => (c.proof.proofValue = c.proof.proofValue.slice(0, -4) + (c.proof.proofValue.endsWith('AAAA') ? 'BBBB' : 'AAAA'))],
    ['the proof’s date', (c: Record<string, any>) => (c.proof.created = '2024-07-21T09:00:00Z')],
  ])('fail when %s is changed', async (_what, edit) => {
    const tampered = tamper(edit);
    const result = await verifyCredential(tampered);
    expect(result.ok).toBe(false);
    expect(result.signature.length).toBeGreaterThan(0);
    const library = await vc.verifyCredential({ credential: tampered, suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), documentLoader: offlineDocumentLoader() });
    expect(library.verified).toBe(false);
  });

  it('fail when the issuer is another key’s DID', async () => {
    const result = await verifyCredential(tamper((c) => (c.issuer.id = other.did)));
    expect(result.ok).toBe(false);
    expect(result.issuer.join('\n')).toContain('is not a key of the issuer');
    expect(result.signature.length).toBeGreaterThan(0);
  });

  it('fail when the proof names another key', async () => {
    const result = await verifyCredential(tamper((c) => (c.proof.verificationMethod = other.verificationMethod)));
    expect(result.ok).toBe(false);
    expect(result.issuer.join('\n')).toContain(other.verificationMethod);
    expect(result.signature.length).toBeGreaterThan(0);
  });

  it('fail when signed by a key other than the expected issuer’s', async () => {
    const [forged] = await issueCredentials(caring, cohort.slice(0, 1), other, { validFrom });
    expect((await verifyCredential(forged!.credential)).ok).toBe(true);
    const result = await verifyCredential(forged!.credential, { expectedIssuer: key.did });
    expect(result.ok).toBe(false);
    expect(result.issuer).toEqual([`issued by \`${other.did}\`, not by the expected \`${key.did}\``]);
  });

  it('fail the schema where 1EdTech’s schema says so', async () => {
    const result = await verifyCredential(tamper((c) => delete c.credentialSubject.achievement.criteria));
    expect(result.ok).toBe(false);
    expect(result.schema).toContain("/credentialSubject/achievement must have required property 'criteria'");
  });

  it('name the issuer chosen among the certificate’s issuers, and refuse an organizer that does not issue it', async () => {
    const [c] = await issueCredentials(caring, cohort.slice(0, 1), key, { validFrom, issuer: 'metropolis' });
    expect((c!.credential as Record<string, any>).issuer.name).toBe(caring.program.organizers.find((o) => o.id === 'metropolis')!.name);
    await expect(issueCredentials(caring, cohort, key, { validFrom, issuer: 'nobody' })).rejects.toThrow('`nobody` does not issue the certificate of caring-cities; its issuers are shrdc, metropolis, uclg, uclg-aspac');
    await expect(issueCredentials(caring, cohort, key, { validFrom: '20 July 2024' })).rejects.toThrow(CredentialsInputError);
  });
});

describe('keys', () => {
  it('are read from the environment when no file is given, and the error names both ways when neither is', async () => {
    const { text, did } = await generateKeyFile();
    expect((await readIssuerKey(undefined, { CURRICULUM_CREDENTIALS_KEY: text })).did).toBe(did);
    await expect(readIssuerKey(undefined, {})).rejects.toThrow('give `--key <file>` or set CURRICULUM_CREDENTIALS_KEY');
    await expect(parseKey('{"type":"Multikey","publicKeyMultibase":"z6Mk"}', 'k')).rejects.toThrow('it needs "type": "Multikey" with publicKeyMultibase and secretKeyMultibase');
    await expect(parseKey('not json', 'k')).rejects.toThrow('it is not JSON');
  });
});

describe('results', () => {
  const parse = (value: unknown) => parseResults(JSON.stringify(value), 'results.json', caring);

  it('read what curriculum evaluate writes: certificate and benefits as objects with earned', () => {
    // The shape of `curriculum evaluate --format json` (its Evaluation type).
    const learners = parse({
      program: { id: 'caring-cities', title: caring.program.title },
      certificate: 'Certificate of Completion',
      summary: { learners: 2, completed: 1, benefits: [{ id: 'offline-training-priority', title: 'x', earned: 0 }] },
      learners: [
        { id: 'a', email: 'a@example.org', completed: true, certificate: { title: 'Certificate of Completion', earned: true }, benefits: [{ id: 'offline-training-priority', title: 'x', earned: false, unmet: ['…'] }] },
        { id: 'b', certificate: { earned: false }, benefits: [] },
      ],
    });
    expect(learners).toEqual([
      { id: 'a', email: 'a@example.org', certificate: true, benefits: [] },
      { id: 'b', certificate: false, benefits: [] },
    ]);
    expect(parse([{ id: 'c', certificate: true, benefits: ['offline-training-priority'] }])).toEqual([{ id: 'c', certificate: true, benefits: ['offline-training-priority'] }]);
  });

  it.each([
    [{ program: 'crisis-scro', learners: [] }, 'results.json: program: the results are for `crisis-scro`, not `caring-cities`'],
    [{ program: { id: 'crisis-scro', title: 'CRISIS' }, learners: [] }, 'results.json: program: the results are for `crisis-scro`, not `caring-cities`'],
    [{ learners: {} }, 'results.json: learners: expected a list of learners'],
    [{ learners: [{ certificate: true }] }, 'results.json: learners[0].id: expected the learner’s id'],
    [{ learners: [{ id: 'a', certificate: true }, { id: 'a', certificate: false }] }, 'results.json: learners[1].id: `a` appears twice'],
    [{ learners: [{ id: 'a', certificate: 'yes' }] }, 'results.json: learners[0].certificate: expected true, false or { "earned": true|false }'],
    [{ learners: [{ id: 'a', certificate: true, benefits: ['priority'] }] }, 'results.json: learners[0].benefits[0]: no benefit `priority` in the policy of caring-cities (offline-training-priority)'],
  ])('refuse %j, saying where', (value, message) => {
    expect(() => parse(value)).toThrow(message);
  });
});
