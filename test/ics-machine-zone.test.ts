/**
 * The building machine's zone must not leak into calendars: the emitter runs in child
 * processes under TZ=America/New_York and TZ=Asia/Seoul, and the files must be
 * byte-identical to each other and to this process's.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { check } from '../src/index.ts';
import { emitCalendars } from '../src/emit/ics/index.ts';

const run = promisify(execFile);

interface ChildResult {
  /** The zone the child's runtime reports, to show that TZ took effect. */
  readonly zone: string;
  /** Minutes behind UTC on 2023-01-01 local midnight, by the child's own clock rules. */
  readonly januaryOffset: number;
  readonly files: Record<string, string>;
}

const script = `
import { check } from ${JSON.stringify(pathToFileURL(resolve('src/check.ts')).href)};
import { emitCalendars } from ${JSON.stringify(pathToFileURL(resolve('src/emit/ics/index.ts')).href)};
const result = await check('curriculum');
const files = {};
for (const c of result.curricula) for (const f of emitCalendars(c, { catalog: result.catalog, curricula: result.curricula })) files[f.path] = f.contents;
process.stdout.write(JSON.stringify({ zone: Intl.DateTimeFormat().resolvedOptions().timeZone, januaryOffset: new Date(2023, 0, 1).getTimezoneOffset(), files }));
`;

async function emitUnder(tz: string): Promise<ChildResult> {
  // The same Node as this test (24, with type stripping) and the same PATH.
  const { stdout } = await run(process.execPath, ['--input-type=module', '--eval', script], {
    cwd: process.cwd(),
    env: { ...process.env, TZ: tz, SOURCE_DATE_EPOCH: '1700000000' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as ChildResult;
}

describe('calendars do not depend on the building machine’s zone', () => {
  it('are byte-identical when built under TZ=America/New_York and TZ=Asia/Seoul', async () => {
    const [newYork, seoul] = await Promise.all([emitUnder('America/New_York'), emitUnder('Asia/Seoul')]);
    expect([newYork.zone, newYork.januaryOffset]).toEqual(['America/New_York', 300]);
    expect([seoul.zone, seoul.januaryOffset]).toEqual(['Asia/Seoul', -540]);
    // 14 calendars of the two seed programs; 124 of the university subject (its whole calendar,
    // 5 series, 116 occurrences, the midterm and a deadline).
    expect(Object.keys(newYork.files).length).toBe(14 + 124);
    expect(Object.keys(seoul.files).sort()).toEqual(Object.keys(newYork.files).sort());
    for (const [path, contents] of Object.entries(newYork.files)) expect(seoul.files[path], path).toBe(contents);

    const result = await check('curriculum');
    const here = result.curricula.flatMap((c) => emitCalendars(c, { catalog: result.catalog, curricula: result.curricula }));
    for (const f of here) expect(newYork.files[f.path], f.path).toBe(f.contents);
  });
});
