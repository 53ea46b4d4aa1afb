/**
 * The packages of both programs, as files: every manifest and course structure is
 * validated with libxml2 (xmllint-wasm) against the official ADL SCORM XSDs and the
 * cmi5 CourseStructure.xsd; every href exists in its zip; identifiers are stable
 * xs:IDs; the program's policy is stated the way each format expects; zips are sound
 * for Info-ZIP, sorted, stamped with the sources' date and rebuilt byte for byte.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/index.ts';
import { emitCmi5, reservedLaunchParameters } from '../src/emit/cmi5/index.ts';
import type { PackageFormat } from '../src/addresses/index.ts';
import { emitScorm12 } from '../src/emit/scorm12/index.ts';
import { emitScorm2004 } from '../src/emit/scorm2004/index.ts';
import type { EmitContext, OutputFile, ProgramEmitter } from '../src/emit/types.ts';
import type { Curriculum } from '../src/model/types.ts';
import { adl, scorm12Schema, scorm2004Schema, validateAgainst } from './support/scorm-xsd.ts';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
// sax is a real, strict XML parser; it comes with the site's dependencies (svgo, sitemap).
const sax = require('sax') as { parser(strict: boolean, options: { xmlns: boolean }): any };

/* ---------- A small DOM from sax, for reading manifests ---------- */

export interface XNode {
  readonly name: string;
  readonly uri: string;
  readonly local: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XNode[];
  text: string;
}

function parseXml(text: string): XNode {
  const parser = sax.parser(true, { xmlns: true });
  const root: XNode = { name: '#document', uri: '', local: '#document', attributes: {}, children: [], text: '' };
  const stack: XNode[] = [root];
  let failure: Error | undefined;
  parser.onerror = (e: Error) => {
    failure ??= e;
    parser.resume();
  };
  parser.onopentag = (node: { name: string; uri: string; local: string; attributes: Record<string, { value: string }> }) => {
    const attributes = Object.fromEntries(Object.entries(node.attributes).map(([k, v]) => [k, v.value]));
    const el: XNode = { name: node.name, uri: node.uri, local: node.local, attributes, children: [], text: '' };
    stack.at(-1)!.children.push(el);
    stack.push(el);
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = (t: string) => void (stack.at(-1)!.text += t);
  parser.write(text).close();
  if (failure) throw failure;
  return root.children[0]!;
}

const kids = (node: XNode, local: string) => node.children.filter((c) => c.local === local);
const kid = (node: XNode, local: string) => kids(node, local)[0];
function all(node: XNode, local: string): XNode[] {
  return [...(node.local === local ? [node] : []), ...node.children.flatMap((c) => all(c, local))];
}

/* ---------- Building ---------- */

const checked = await check('curriculum');
const curricula = checked.curricula;
const context: EmitContext = { catalog: checked.catalog, curricula };
const crisis = curricula.find((c) => c.program.id === 'crisis-scro')!;
const caring = curricula.find((c) => c.program.id === 'caring-cities')!;

const emitters: Readonly<Record<PackageFormat, ProgramEmitter>> = { 'scorm-1.2': emitScorm12, 'scorm-2004': emitScorm2004, cmi5: emitCmi5 };

interface Built {
  readonly curriculum: Curriculum;
  readonly format: PackageFormat;
  readonly path: string;
  readonly zip: Uint8Array;
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly moduleId?: string;
}

function build(curriculum: Curriculum, format: PackageFormat): Built[] {
  return [...emitters[format](curriculum, context)].map((f: OutputFile) => {
    const zip = f.contents as Uint8Array;
    const moduleId = /\/modules\/([^/]+)\//.exec(f.path)?.[1];
    return { curriculum, format, path: f.path, zip, files: new Map(Object.entries(unzipSync(zip))), ...(moduleId ? { moduleId } : {}) };
  });
}

const text = (b: Built, path: string) => new TextDecoder().decode(b.files.get(path));
/** Whether the module a SCORM item (`res.<program>.<module>`) or cmi5 AU (`…:modules:<module>`) launches has an assessment. */
const assessed = (b: Built, ref: string) => b.curriculum.modules.find((m) => m.id === ref.split(/[.:]/).at(-1))!.assessment !== undefined;

let packages: Built[];
beforeAll(() => {
  packages = curricula.flatMap((c) => (['scorm-1.2', 'scorm-2004', 'cmi5'] as const).flatMap((f) => build(c, f)));
});
const of = (format: PackageFormat) => packages.filter((p) => p.format === format);

/* ---------- Validation with libxml2 ---------- */

const cmi5Standards = join(process.cwd(), '..', 'shared', 'standards', 'cmi5');

const manifestsOf = (format: PackageFormat): XMLFileInfo[] =>
  of(format).map((p) => ({ fileName: p.path.replace(/\//g, '__'), contents: text(p, format === 'cmi5' ? 'cmi5.xml' : 'imsmanifest.xml') }));

describe('manifests validate against the official schemas (libxml2)', () => {
  it('SCORM 1.2: every manifest of both programs, against the ADL SCORM 1.2 XSDs', async () => {
    const result = await validateAgainst(manifestsOf('scorm-1.2'), scorm12Schema);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    // One program package and one per module, for every bundled program.
    expect(of('scorm-1.2')).toHaveLength(curricula.reduce((n, c) => n + 1 + c.modules.length, 0));
  });

  it('SCORM 2004: every manifest of both programs, against the ADL SCORM 2004 4th edition XSDs', async () => {
    const result = await validateAgainst(manifestsOf('scorm-2004'), scorm2004Schema);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  const haveCmi5 = existsSync(join(cmi5Standards, 'CourseStructure.xsd'));
  if (!haveCmi5 && process.env.CI) {
    it('finds the cmi5 CourseStructure.xsd', () => {
      throw new Error(`No cmi5 standards at ${cmi5Standards}: CI must provide them (see below).`);
    });
  }
  // CourseStructure.xsd comes from the public cmi5 specification repository
  // (https://github.com/AICC/CMI-5_Spec_Current, v1/CourseStructure.xsd); put it in ../shared/standards/cmi5/.
  it.skipIf(!haveCmi5)('cmi5: every cmi5.xml of both programs (and the specification’s own example), against CourseStructure.xsd', async () => {
    const xsd = readFileSync(join(cmi5Standards, 'CourseStructure.xsd'), 'utf8');
    const example = readFileSync(join(cmi5Standards, 'example-complex-cmi5.xml'), 'utf8');
    const result = await validateXML({ xml: [...manifestsOf('cmi5'), { fileName: 'example-complex-cmi5.xml', contents: example }], schema: [{ fileName: 'CourseStructure.xsd', contents: xsd }] });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('the validation can fail: broken manifests are rejected', async () => {
    const manifest12 = text(of('scorm-1.2').find((p) => p.moduleId === 'identifying-risks-in-scs')!, 'imsmanifest.xml');
    const manifest2004 = text(of('scorm-2004').find((p) => p.moduleId === 'identifying-risks-in-scs')!, 'imsmanifest.xml');
    const broken = [
      // 2004's camel case in a 1.2 manifest
      { fileName: 'case.xml', contents: manifest12.replace(/adlcp:scormtype/g, 'adlcp:scormType') },
      // the mastery score before the title
      { fileName: 'order.xml', contents: manifest12.replace(/(<title>[^<]*<\/title>)\s*(<adlcp:masteryscore>[^<]*<\/adlcp:masteryscore>)/, '$2$1') },
      // an identifier starting with a digit is no xs:ID
      { fileName: 'id.xml', contents: manifest12.replace('identifier="item.crisis-scro.identifying-risks-in-scs"', 'identifier="1item"') },
    ];
    const r12 = await validateAgainst(broken, scorm12Schema);
    expect(r12.valid).toBe(false);
    for (const f of broken) expect(r12.errors.some((e) => e.loc?.fileName === f.fileName), f.fileName).toBe(true);
    const r2004 = await validateAgainst([{ fileName: 'seq.xml', contents: manifest2004.replace('<imsss:limitConditions attemptLimit="1"/>', '<imsss:limitConditions attemptLimit="two"/>') }], scorm2004Schema);
    expect(r2004.valid).toBe(false);
  });
});

describe('zips', () => {
  /** The central directory: names in order, with their DOS date and time. */
  function directory(zip: Uint8Array): { name: string; date: number; time: number }[] {
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const end = zip.byteLength - 22;
    expect(view.getUint32(end, true)).toBe(0x06054b50);
    const count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    const out = [];
    for (let i = 0; i < count; i++) {
      expect(view.getUint32(at, true)).toBe(0x02014b50);
      const nameLength = view.getUint16(at + 28, true);
      const extra = view.getUint16(at + 30, true);
      const comment = view.getUint16(at + 32, true);
      out.push({ time: view.getUint16(at + 12, true), date: view.getUint16(at + 14, true), name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)) });
      at += 46 + nameLength + extra + comment;
    }
    return out;
  }

  it('are sound for Info-ZIP (unzip -t) and hold the manifest or cmi5.xml at their root', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'packages-'));
    try {
      for (const [i, p] of packages.entries()) {
        const file = join(folder, `${i}.zip`);
        writeFileSync(file, p.zip);
        const { stdout } = await run('unzip', ['-t', file]);
        expect(stdout, p.path).toContain('No errors detected');
        expect(p.files.has(p.format === 'cmi5' ? 'cmi5.xml' : 'imsmanifest.xml'), p.path).toBe(true);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('have sorted entries, all stamped with the sources’ date, and no absolute or parent paths', () => {
    // SOURCE_DATE_EPOCH=1700000000 is 2023-11-14 22:13:20 UTC.
    expect(crisis.sourceDate).toBe('2023-11-14T22:13:20Z');
    const date = ((2023 - 1980) << 9) | (11 << 5) | 14;
    const time = (22 << 11) | (13 << 5) | (20 >> 1);
    for (const p of packages) {
      const entries = directory(p.zip);
      const names = entries.map((e) => e.name);
      expect(names, p.path).toEqual([...names].sort());
      for (const e of entries) {
        expect([e.date, e.time], `${p.path} ${e.name}`).toEqual([date, time]);
        expect(e.name).not.toMatch(/^\/|(^|\/)\.\.?(\/|$)|\\/);
      }
    }
  });

  it('are rebuilt byte for byte, whatever the machine’s time zone', async () => {
    const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    const first = Object.fromEntries(packages.map((p) => [p.path, digest(p.zip)]));
    const again = curricula.flatMap((c) => (['scorm-1.2', 'scorm-2004', 'cmi5'] as const).flatMap((f) => build(c, f)));
    expect(Object.fromEntries(again.map((p) => [p.path, digest(p.zip)]))).toEqual(first);
    // Another process in a zone far from UTC, where a local-time ZIP writer would stamp another date.
    const script = `
      import { check } from './src/check.ts';
      import { emitScorm12 } from './src/emit/scorm12/index.ts';
      import { emitScorm2004 } from './src/emit/scorm2004/index.ts';
      import { emitCmi5 } from './src/emit/cmi5/index.ts';
      import { createHash } from 'node:crypto';
      const r = await check('curriculum');
      const out = {};
      for (const c of r.curricula) for (const e of [emitScorm12, emitScorm2004, emitCmi5])
        for (const f of e(c, { catalog: r.catalog, curricula: r.curricula })) out[f.path] = createHash('sha256').update(f.contents).digest('hex');
      console.log(JSON.stringify(out));`;
    const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TZ: 'Pacific/Kiritimati' }, encoding: 'utf8', maxBuffer: 1 << 24 });
    expect(JSON.parse(stdout)).toEqual(first);
  });

  it('carry the shared stylesheet and script once, and each module’s page', () => {
    for (const p of packages) {
      const names = [...p.files.keys()].filter((n) => !n.endsWith('/'));
      expect(names.filter((n) => n.endsWith('.css')), p.path).toEqual(['assets/sco.css']);
      expect(names.filter((n) => n.endsWith('.js')), p.path).toEqual(['assets/sco.js']);
      const modules = p.moduleId ? [p.moduleId] : p.curriculum.modules.map((m) => m.id);
      expect(names.filter((n) => n.endsWith('.html')).sort(), p.path).toEqual(modules.map((m) => `modules/${m}/index.html`).sort());
      for (const m of modules) {
        const page = text(p, `modules/${m}/index.html`);
        expect(page).toContain('<link rel="stylesheet" href="../../assets/sco.css">');
        expect(page).toContain('<script src="../../assets/sco.js"></script>');
      }
    }
  });

  it('give a module the same page in the program package and in its own package', () => {
    for (const format of ['scorm-1.2', 'scorm-2004', 'cmi5'] as const) {
      for (const c of curricula) {
        const program = of(format).find((p) => p.curriculum === c && !p.moduleId)!;
        for (const m of c.modules) {
          const own = of(format).find((p) => p.curriculum === c && p.moduleId === m.id)!;
          expect(text(own, `modules/${m.id}/index.html`)).toBe(text(program, `modules/${m.id}/index.html`));
          expect(text(own, 'assets/sco.js')).toBe(text(program, 'assets/sco.js'));
        }
      }
    }
  });

  it('ship the official ADL schema files unchanged', () => {
    for (const [format, folder] of [
      ['scorm-1.2', 'scorm12edition'],
      ['scorm-2004', 'scorm20044thedition'],
    ] as const) {
      const p = of(format)[0]!;
      const shipped = [...p.files.keys()].filter((n) => /\.(xsd|dtd)$/.test(n));
      expect(shipped.length).toBeGreaterThan(0);
      for (const name of shipped) expect(Buffer.from(p.files.get(name)!).equals(readFileSync(join(adl, folder, name))), name).toBe(true);
    }
  });
});

describe('SCORM manifests', () => {
  const ncName = /^[A-Za-z_][A-Za-z0-9._-]*$/;

  it('declare the ADL metadata, one organization with one root item, and the right scormtype attribute', () => {
    for (const p of [...of('scorm-1.2'), ...of('scorm-2004')]) {
      const manifest = parseXml(text(p, 'imsmanifest.xml'));
      const metadata = kid(manifest, 'metadata')!;
      expect(kid(metadata, 'schema')!.text).toBe('ADL SCORM');
      expect(kid(metadata, 'schemaversion')!.text).toBe(p.format === 'scorm-1.2' ? '1.2' : '2004 4th Edition');
      const organizations = kid(manifest, 'organizations')!;
      const organization = kids(organizations, 'organization');
      expect(organization).toHaveLength(1);
      expect(organizations.attributes.default).toBe(organization[0]!.attributes.identifier);
      expect(kids(organization[0]!, 'item'), p.path).toHaveLength(1);
      for (const resource of all(manifest, 'resource')) {
        const attribute = p.format === 'scorm-1.2' ? 'adlcp:scormtype' : 'adlcp:scormType';
        expect(['sco', 'asset']).toContain(resource.attributes[attribute]);
        expect(Object.keys(resource.attributes).filter((a) => /scormtype/i.test(a))).toEqual([attribute]);
      }
    }
  });

  it('name only files that are in the zip, and declare every file of the content', () => {
    for (const p of [...of('scorm-1.2'), ...of('scorm-2004')]) {
      const manifest = parseXml(text(p, 'imsmanifest.xml'));
      const hrefs = [...all(manifest, 'resource'), ...all(manifest, 'file')].map((n) => n.attributes.href).filter((h): h is string => !!h);
      for (const href of hrefs) {
        expect(href).not.toMatch(/^\/|^[a-z]+:|(^|\/)\.\.(\/|$)/i);
        expect(p.files.has(href), `${p.path}: ${href}`).toBe(true);
      }
      const declared = new Set(all(manifest, 'file').map((f) => f.attributes.href));
      const content = [...p.files.keys()].filter((n) => !n.endsWith('/') && !/\.(xsd|dtd)$/.test(n) && n !== 'imsmanifest.xml');
      for (const name of content) expect(declared.has(name), `${p.path}: ${name} is declared`).toBe(true);
      // Every identifierref points at a resource.
      const resources = new Set(all(manifest, 'resource').map((r) => r.attributes.identifier));
      for (const ref of [...all(manifest, 'item'), ...all(manifest, 'dependency')].map((n) => n.attributes.identifierref).filter(Boolean)) expect(resources.has(ref)).toBe(true);
    }
  });

  it('use stable xs:ID identifiers derived from the YAML ids, the same in program and module packages', () => {
    for (const format of ['scorm-1.2', 'scorm-2004'] as const) {
      for (const c of curricula) {
        const program = parseXml(text(of(format).find((p) => p.curriculum === c && !p.moduleId)!, 'imsmanifest.xml'));
        expect(program.attributes.identifier).toBe(c.program.id);
        const ids = [program, ...all(program, 'organization'), ...all(program, 'item'), ...all(program, 'resource')].map((n) => n.attributes.identifier!);
        for (const id of ids) expect(id).toMatch(ncName);
        expect(new Set(ids).size).toBe(ids.length);
        for (const m of c.modules) {
          const own = parseXml(text(of(format).find((p) => p.curriculum === c && p.moduleId === m.id)!, 'imsmanifest.xml'));
          expect(own.attributes.identifier).toBe(`${c.program.id}.${m.id}`);
          const item = (doc: XNode) => all(doc, 'item').find((i) => i.attributes.identifierref)!;
          const inProgram = all(program, 'item').find((i) => i.attributes.identifier === `item.${c.program.id}.${m.id}`)!;
          expect(item(own).attributes).toEqual(inProgram.attributes);
        }
      }
    }
  });

  it('organize the program by phase: one cluster per phase, modules in the phase’s order', () => {
    for (const format of ['scorm-1.2', 'scorm-2004'] as const) {
      const manifest = parseXml(text(of(format).find((p) => p.curriculum === crisis && !p.moduleId)!, 'imsmanifest.xml'));
      const root = kid(kid(kid(manifest, 'organizations')!, 'organization')!, 'item')!;
      expect(kid(root, 'title')!.text).toBe(crisis.program.title);
      const phases = crisis.schedule.phases.filter((ph) => ph.moduleIds.length > 0);
      expect(kids(root, 'item').map((i) => kid(i, 'title')!.text)).toEqual(phases.map((ph) => ph.title));
      for (const [i, cluster] of kids(root, 'item').entries()) {
        expect(kids(cluster, 'item').map((s) => s.attributes.identifier)).toEqual(phases[i]!.moduleIds.map((id) => `item.crisis-scro.${id}`));
      }
      // A program without phases: the modules sit directly under the root item.
      const flat = parseXml(text(of(format).find((p) => p.curriculum === caring && !p.moduleId)!, 'imsmanifest.xml'));
      const flatRoot = kid(kid(kid(flat, 'organizations')!, 'organization')!, 'item')!;
      expect(kids(flatRoot, 'item').map((s) => s.attributes.identifierref)).toEqual(caring.modules.map((m) => `res.caring-cities.${m.id}`));
    }
  });

  it('SCORM 1.2: the pass mark is adlcp:masteryscore (per cent) on every SCO', () => {
    for (const p of of('scorm-1.2')) {
      const manifest = parseXml(text(p, 'imsmanifest.xml'));
      for (const item of all(manifest, 'item').filter((i) => i.attributes.identifierref)) {
        const children = item.children.map((c) => c.name);
        // A module without an assessment (the university subject's topics) is completed by viewing.
        if (!assessed(p, item.attributes.identifierref!)) {
          expect(children).toEqual(['title']);
          continue;
        }
        expect(children).toEqual(['title', 'adlcp:masteryscore']);
        expect(kid(item, 'masteryscore')!.text).toBe('60');
      }
    }
  });

  it('SCORM 2004: objective satisfied by measure at minScore/100, attemptLimit 1 (the SCO counts the takes) only where attempts are limited', () => {
    for (const p of of('scorm-2004')) {
      const manifest = parseXml(text(p, 'imsmanifest.xml'));
      for (const item of all(manifest, 'item').filter((i) => i.attributes.identifierref)) {
        const sequencing = kid(item, 'sequencing')!;
        expect(item.children.map((c) => c.name)).toEqual(['title', 'imsss:sequencing']);
        if (!assessed(p, item.attributes.identifierref!)) {
          expect(all(item, 'objectives')).toEqual([]);
          continue;
        }
        const primary = kid(kid(sequencing, 'objectives')!, 'primaryObjective')!;
        expect(primary.attributes.satisfiedByMeasure).toBe('true');
        expect(kid(primary, 'minNormalizedMeasure')!.text).toBe('0.6');
        const limit = kid(sequencing, 'limitConditions');
        if (p.curriculum === crisis) expect(limit?.attributes.attemptLimit).toBe('1');
        else expect(limit).toBeUndefined();
        expect(kid(sequencing, 'deliveryControls')!.attributes).toMatchObject({ completionSetByContent: 'true', objectiveSetByContent: 'true' });
      }
      // Clusters allow choosing modules and moving with Continue / Previous.
      for (const cluster of all(manifest, 'item').filter((i) => !i.attributes.identifierref)) {
        expect(kid(kid(cluster, 'sequencing')!, 'controlMode')!.attributes).toEqual({ choice: 'true', flow: 'true' });
      }
    }
  });
});

describe('cmi5 course structures', () => {
  it('use absolute IRIs under the program’s base IRI, the same AU ids in program and module packages', () => {
    for (const c of curricula) {
      // The bundled programs declare tag: namespaces, whose parts are joined with `:`.
      expect(c.lms.iri).toBe(c.identity.namespace);
      expect(c.lms.iri).toMatch(/^tag:/);
      const base = c.lms.iri;
      const program = parseXml(text(of('cmi5').find((p) => p.curriculum === c && !p.moduleId)!, 'cmi5.xml'));
      expect(kid(program, 'course')!.attributes.id).toBe(c.lms.iri);
      for (const node of [...all(program, 'block'), ...all(program, 'au')]) {
        expect(node.attributes.id!.startsWith(`${base}:`)).toBe(true);
        expect(new URL(node.attributes.id!).href).toBe(node.attributes.id);
      }
      for (const m of c.modules) {
        const own = parseXml(text(of('cmi5').find((p) => p.curriculum === c && p.moduleId === m.id)!, 'cmi5.xml'));
        expect(all(own, 'au')[0]!.attributes).toEqual(all(program, 'au').find((a) => a.attributes.id === `${base}:modules:${m.id}`)!.attributes);
        expect(kid(own, 'course')!.attributes.id).toBe(`${base}:modules:${m.id}:course`);
      }
    }
  });

  it('state moveOn and masteryScore (0–1) on every AU, and launch relative URLs that are in the zip, without reserved parameters', () => {
    for (const p of of('cmi5')) {
      const doc = parseXml(text(p, 'cmi5.xml'));
      for (const au of all(doc, 'au')) {
        if (assessed(p, au.attributes.id!)) {
          expect(au.attributes.moveOn).toBe('CompletedAndPassed');
          expect(au.attributes.masteryScore).toBe('0.6');
        } else {
          expect(au.attributes.moveOn).toBe('Completed');
          expect(au.attributes.masteryScore).toBeUndefined();
        }
        const url = kid(au, 'url')!.text.trim();
        expect(p.files.has(url), url).toBe(true);
        expect(url).not.toContain('?');
        const parsed = new URL(url, 'https://lms.example/');
        for (const reserved of reservedLaunchParameters) expect(parsed.searchParams.has(reserved)).toBe(false);
        expect(kid(kid(au, 'title')!, 'langstring')!.attributes.lang).toBe('en');
      }
    }
  });

  it('organize the program by phase: one block per phase', () => {
    const doc = parseXml(text(of('cmi5').find((p) => p.curriculum === crisis && !p.moduleId)!, 'cmi5.xml'));
    const phases = crisis.schedule.phases.filter((ph) => ph.moduleIds.length > 0);
    expect(kids(doc, 'block').map((b) => b.attributes.id)).toEqual(phases.map((ph) => `tag:crisisproject.eu,2023:crisis-scro:phases:${ph.id}`));
    expect(kids(doc, 'block').map((b) => all(b, 'au').length)).toEqual(phases.map((ph) => ph.moduleIds.length));
    const flat = parseXml(text(of('cmi5').find((p) => p.curriculum === caring && !p.moduleId)!, 'cmi5.xml'));
    expect(kids(flat, 'au')).toHaveLength(caring.modules.length);
  });
});

describe('a module without an assessment', () => {
  it('is completed by viewing: no mastery score, no objective, moveOn Completed', () => {
    const variant = structuredClone(crisis) as { -readonly [K in keyof Curriculum]: Curriculum[K] };
    variant.modules = variant.modules.map((m, i) => (i === 0 ? { ...m, assessment: undefined } : m));
    const first = variant.modules[0]!.id;
    const [s12, s2004, c5] = (['scorm-1.2', 'scorm-2004', 'cmi5'] as const).map((f) => build(variant as Curriculum, f).find((p) => p.moduleId === first)!);
    const m12 = parseXml(text(s12!, 'imsmanifest.xml'));
    expect(all(m12, 'masteryscore')).toEqual([]);
    const m2004 = parseXml(text(s2004!, 'imsmanifest.xml'));
    expect(all(m2004, 'objectives')).toEqual([]);
    expect(all(m2004, 'limitConditions')).toEqual([]);
    expect(kid(all(m2004, 'sequencing')[0]!, 'deliveryControls')!.attributes).toMatchObject({ completionSetByContent: 'true', objectiveSetByContent: 'false' });
    const au = all(parseXml(text(c5!, 'cmi5.xml')), 'au')[0]!;
    expect(au.attributes.moveOn).toBe('Completed');
    expect(au.attributes.masteryScore).toBeUndefined();
    const page = text(s12!, `modules/${first}/index.html`);
    expect(page).toContain('completed by working through its content');
    expect(page).not.toContain('id="sco-quiz"');
  });
});

describe('golden manifests', () => {
  // One module's package in each format, kept in test/golden/packages. UPDATE_GOLDEN=1 rewrites them.
  const golden = (name: string) => join('test', 'golden', 'packages', name);
  for (const [format, file] of [
    ['scorm-1.2', 'imsmanifest.xml'],
    ['scorm-2004', 'imsmanifest.xml'],
    ['cmi5', 'cmi5.xml'],
  ] as const) {
    it(`${format}: crisis-scro / identifying-risks-in-scs`, () => {
      const actual = text(of(format).find((p) => p.curriculum === crisis && p.moduleId === 'identifying-risks-in-scs')!, file);
      const path = golden(`crisis-scro.identifying-risks-in-scs.${format}.${file}`);
      if (process.env.UPDATE_GOLDEN) writeFileSync(path, actual);
      expect(actual).toBe(readFileSync(path, 'utf8'));
    });
  }
});
