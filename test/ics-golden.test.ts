/**
 * Golden files: the exact bytes of every calendar of the bundled programs, so that any change
 * to the output shows up in review. After an intended change, rewrite them with
 * `UPDATE_GOLDEN=1 npx vitest run test/ics-golden.test.ts` and review the diff.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/index.ts';
import { emitCalendars } from '../src/emit/ics/index.ts';
import type { OutputFile } from '../src/emit/types.ts';

const goldenDir = 'test/golden/ics';
const update = process.env.UPDATE_GOLDEN === '1';

let files: OutputFile[];

beforeAll(async () => {
  const result = await check('curriculum');
  files = result.curricula.flatMap((c) => emitCalendars(c, { catalog: result.catalog, curricula: result.curricula }));
  if (update) {
    await rm(goldenDir, { recursive: true, force: true });
    for (const f of files) {
      const path = join(goldenDir, f.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, f.contents);
    }
  }
});

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
}

describe(`calendars match ${goldenDir}/ (UPDATE_GOLDEN=1 rewrites them)`, () => {
  it('has a golden file for every calendar and none left over', async () => {
    expect((await listFiles(goldenDir)).sort()).toEqual(files.map((f) => f.path).sort());
  });

  for (const path of [
    'caring-cities/calendar.ics',
    'caring-cities/calendars/sessions/orientation.ics',
    'caring-cities/calendars/sessions/caring-city-services.ics',
    'caring-cities/calendars/sessions/health-and-mobility-perspectives.ics',
    'caring-cities/calendars/sessions/accessible-infrastructure-and-public-spaces.ics',
    'caring-cities/calendars/deadlines/quizzes-due.ics',
    'caring-cities/calendars/deadlines/selfies-due.ics',
    'caring-cities/calendars/deadlines/essay-due.ics',
    'caring-cities/calendars/deadlines/survey-due.ics',
    'crisis-scro/calendar.ics',
    'crisis-scro/calendars/core.ics',
    'crisis-scro/calendars/advanced.ics',
    'crisis-scro/calendars/elective.ics',
    'crisis-scro/calendars/final.ics',
    'mit-608-spring-2018/calendar.ics',
    'mit-608-spring-2018/calendars/series/lecture.ics',
    'mit-608-spring-2018/calendars/series/lab-section-4.ics',
    'mit-608-spring-2018/calendars/sessions/lecture-2018-02-19.ics',
    'mit-608-spring-2018/calendars/exams/midterm.ics',
    'mit-608-spring-2018/calendars/deadlines/end-of-semester.ics',
  ]) {
    it(path, async () => {
      const emitted = files.find((f) => f.path === path);
      expect(emitted, `emitted ${path}`).toBeDefined();
      const golden = await readFile(join(goldenDir, path));
      const bytes = Buffer.from(emitted!.contents);
      // Line by line first, for a readable diff; each line keeps its CR, so a lost CRLF shows.
      expect(bytes.toString('utf8').split('\n')).toEqual(golden.toString('utf8').split('\n'));
      expect(bytes.equals(golden)).toBe(true);
    });
  }
});
