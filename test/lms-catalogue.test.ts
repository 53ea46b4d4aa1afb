/**
 * The LOM metadata of the SCORM manifests, what LMS catalogues list: the title (with the
 * program's name in a module's package), the description, the language, keywords from
 * the topics and competences, and the typical learning time from the effort data. The
 * SCORM 1.2 record is checked against the official IMS Meta-data 1.2.1 schema, which
 * must also refuse a record out of the schema's order.
 */
import sax from 'sax';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { check } from '../src/index.ts';
import { catalogueEntry, isoHours } from '../src/emit/lom/index.ts';
import { emitScorm12 } from '../src/emit/scorm12/index.ts';
import { emitScorm2004 } from '../src/emit/scorm2004/index.ts';
import type { Curriculum } from '../src/model/types.ts';
import { scorm12Schema, validateAgainst } from './support/scorm-xsd.ts';

const checked = await check('curriculum');
const context = { catalog: checked.catalog, curricula: checked.curricula };
const crisis = checked.curricula.find((c) => c.program.id === 'crisis-scro')!;
const caring = checked.curricula.find((c) => c.program.id === 'caring-cities')!;

/** The texts of a manifest's LOM record, by local element name, in document order. */
function lomOf(xml: string): { path: string; text: string }[] {
  const parser = sax.parser(true, { xmlns: true });
  const out: { path: string; text: string }[] = [];
  const stack: string[] = [];
  let inLom = false;
  let text = '';
  parser.onopentag = (node) => {
    const local = (node as sax.QualifiedTag).local;
    if (local === 'lom') inLom = true;
    if (inLom) stack.push(local);
    text = '';
  };
  parser.ontext = (t) => {
    text += t;
  };
  parser.onclosetag = () => {
    if (!inLom) return;
    if (text.trim()) out.push({ path: stack.filter((s) => s !== 'langstring' && s !== 'string').join('/'), text: text.trim() });
    text = '';
    if (stack.pop() === 'lom') inLom = false;
  };
  parser.write(xml).close();
  return out;
}

function manifestOf(files: ReturnType<typeof emitScorm12>, path: string): string {
  const file = [...files].find((f) => f.path === path)!;
  return new TextDecoder().decode(unzipSync(file.contents as Uint8Array)['imsmanifest.xml']!);
}

describe('LOM metadata in the SCORM manifests', () => {
  it('a module’s package: its title with the program’s, description, language and keywords; in both versions', () => {
    const module = crisis.modules[5]!;
    for (const [emit, format] of [
      [emitScorm12, 'scorm-1.2'],
      [emitScorm2004, 'scorm-2004'],
    ] as const) {
      const lom = lomOf(manifestOf(emit(crisis, context), `crisis-scro/modules/${module.id}/${format}.zip`));
      const paths = lom.map((e) => e.path.replace(/^lom\//, ''));
      expect(paths).toEqual(['general/title', 'general/language', 'general/description', ...module.competenceIds.map(() => 'general/keyword')]);
      expect(lom[0]!.text).toBe(`${module.title} — ${crisis.program.title}`);
      expect(lom[1]!.text).toBe('en');
      expect(lom[2]!.text).toContain(crisis.competences.find((c) => c.id === module.competenceIds[0])!.title);
      expect(lom.slice(3).map((e) => e.text)).toEqual(module.competenceIds.map((id) => crisis.competences.find((c) => c.id === id)!.title));
    }
  });

  it('the program’s package: the program’s title and summary, and its total effort as the typical learning time', () => {
    const lom12 = lomOf(manifestOf(emitScorm12(crisis, context), 'crisis-scro/scorm-1.2.zip'));
    expect(lom12[0]).toEqual({ path: 'lom/general/title', text: crisis.program.title });
    expect(lom12.find((e) => e.path === 'lom/general/description')!.text).toBe(crisis.program.summary);
    expect(lom12.at(-1)).toEqual({ path: 'lom/educational/typicallearningtime/datetime', text: 'PT80H' });
    const lom2004 = lomOf(manifestOf(emitScorm2004(crisis, context), 'crisis-scro/scorm-2004.zip'));
    expect(lom2004.at(-1)).toEqual({ path: 'lom/educational/typicalLearningTime/duration', text: 'PT80H' });
    // Every competence of the program's modules, each once, in the order the modules name them.
    const named = [...new Set(crisis.modules.flatMap((m) => m.competenceIds))].map((id) => crisis.competences.find((c) => c.id === id)!.title);
    expect(lom2004.filter((e) => e.path.endsWith('keyword')).map((e) => e.text)).toEqual(named);
  });

  it('takes the effort where the model has it, and leaves the learning time out where it does not', () => {
    expect(catalogueEntry(caring, { kind: 'program' }, caring.modules).typicalLearningTime).toBeUndefined();
    const worked = structuredClone(caring) as { -readonly [K in keyof Curriculum]: Curriculum[K] };
    worked.modules = worked.modules.map((m, i) => ({ ...m, workload: { hours: i + 1.5 }, topics: ['Public space', 'public space', 'Care'] }));
    const one = catalogueEntry(worked as Curriculum, { kind: 'module', moduleId: worked.modules[0]!.id }, [worked.modules[0]!]);
    expect(one.typicalLearningTime).toBe('PT1H30M');
    expect(one.keywords).toEqual(['Public space', 'Care']);
    expect(one.description).toBe(worked.modules[0]!.summary ?? expect.any(String));
    // The program: the sum of its modules' workloads when every module has one.
    expect(catalogueEntry(worked as Curriculum, { kind: 'program' }, worked.modules).typicalLearningTime).toBe(isoHours(worked.modules.reduce((s, m) => s + m.workload!.hours, 0)));
    expect([isoHours(0.25), isoHours(2), isoHours(80)]).toEqual(['PT15M', 'PT2H', 'PT80H']);
  });

  it('SCORM 1.2: the schema is applied to the record: one out of order is refused', async () => {
    const xml = manifestOf(emitScorm12(crisis, context), `crisis-scro/modules/${crisis.modules[0]!.id}/scorm-1.2.zip`);
    const good = await validateAgainst([{ fileName: 'good.xml', contents: xml }], scorm12Schema);
    expect(good.errors).toEqual([]);
    // imsmd:language after imsmd:description breaks generalType's sequence.
    const language = /<imsmd:language>en<\/imsmd:language>\s*/;
    const swapped = xml.replace(language, '').replace('</imsmd:description>', '</imsmd:description><imsmd:language>en</imsmd:language>');
    expect(swapped).not.toBe(xml);
    const bad = await validateAgainst([{ fileName: 'bad.xml', contents: swapped }], scorm12Schema);
    expect(bad.errors.map((e) => e.message).join('\n')).toMatch(/language/);
  });
});
