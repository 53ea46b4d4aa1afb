/**
 * "Every live session" in a schedule with sections: a learner attends one section of each
 * group, not all of them. Checked on the series sample (two recitation sections) with its
 * policy asking for every session.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateChecklist } from '../src/describe/policy.ts';
import { check } from '../src/index.ts';
import type { ChecklistItem } from '../src/describe/policy.ts';
import type { Curriculum, Requirement } from '../src/model/types.ts';

let root: string;
let curriculum: Curriculum;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'curriculum-sections-'));
  // The folder keeps the program's id as its name.
  const dir = path.join(root, 'series-term');
  await cp('test/samples/programs/series-term', dir, { recursive: true });
  await writeFile(path.join(dir, 'policy.yaml'), 'certificate:\n  title: Certificate of Completion\n  requires:\n    all:\n      - modules: all\n      - sessions: all\n');
  const result = await check(dir);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  curriculum = result.curricula[0]!;
});

afterAll(() => rm(root, { recursive: true, force: true }));

/** The session requirement of the certificate: the second part of `all`. */
const sessionsPart = (): Requirement => {
  const requires = curriculum.policy.certificate.requires;
  if (requires.type !== 'group') throw new Error('expected a group');
  return requires.of[1]!;
};

describe('every live session, with sections', () => {
  it('asks for the sessions outside the sections and one section of each group', () => {
    const { sessions, sections } = curriculum.schedule;
    expect(sections.length).toBeGreaterThan(0);
    const part = sessionsPart();
    expect(part.type).toBe('group');
    if (part.type !== 'group') return;
    const outside = sessions.filter((s) => s.sectionId === undefined).map((s) => s.id);
    expect(part.of[0]).toEqual({ type: 'items', category: 'session', selection: 'list', ids: outside, atLeast: outside.length });
    expect(part.atLeast).toBe(part.of.length);
    for (const group of sections) {
      const inGroup = sessions.filter((s) => s.sectionId === group.id);
      const choice = part.of.find((r) => r.type === 'group' && r.atLeast === 1 && r.of.some((alt) => alt.type === 'items' && alt.ids.includes(inGroup[0]!.id)));
      expect(choice, group.id).toBeDefined();
      if (choice?.type !== 'group') continue;
      // One alternative per section, holding all of its sessions; together every session of the group.
      expect(choice.of.length).toBe(group.sessionIds.length + group.seriesIds.length);
      expect(choice.of.flatMap((alt) => (alt.type === 'items' ? alt.ids : [])).sort()).toEqual(inGroup.map((s) => s.id).sort());
    }
  });

  it('says so on the completion checklist', () => {
    const words = (item: ChecklistItem): string[] => [item.text, ...(item.detail ? [item.detail] : []), ...item.children.flatMap(words)];
    const text = words(certificateChecklist(curriculum)).join('\n');
    expect(text).toMatch(/At least one of the following:\nAttend every session of “Recitation, section A” \(\d+\)\n/);
    expect(text).toContain('Attend every session of “Recitation, section B”');
    // Sessions of a series share a title; each line names its day.
    expect(text).toMatch(/Attend “Lecture”\n(Mon|Tues|Wednes|Thurs|Fri)day, [A-Z][a-z]+ \d+, 2026\n/);
  });
});
