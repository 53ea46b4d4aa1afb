/**
 * The third parser the calendars must satisfy: python's `icalendar` (with its own
 * VTIMEZONE handling) reads every event of both programs at the instants ical.js reads.
 * Runs with the first python that can import icalendar (Debian's python3-icalendar is
 * for /usr/bin/python3; .ci/run installs it). Without one it is skipped on a developer's
 * machine and fails in CI, so that CI cannot pass without the third parser.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitCalendars } from '../src/emit/ics/index.ts';
import { check } from '../src/index.ts';
import type { OutputFile } from '../src/emit/types.ts';

const python = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import icalendar'], { encoding: 'utf8' }).status === 0);
const pythonIcalendar = python !== undefined;
if (!pythonIcalendar && process.env.CI) throw new Error('No python3 with icalendar: CI must install it (apt-get install python3-icalendar) before the tests.');

// Prints, per VEVENT: uid, start and end as UTC ISO instants (timed) or dates (all-day).
const reader = String.raw`
import sys, json, datetime
from icalendar import Calendar
out = []
for name in sys.argv[1:]:
    cal = Calendar.from_ical(open(name, 'rb').read())
    for ev in cal.walk('VEVENT'):
        def value(key):
            v = ev.get(key)
            if v is None: return None
            d = v.dt
            if isinstance(d, datetime.datetime):
                if d.tzinfo is None: return 'floating'
                return d.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
            return d.isoformat()
        out.append([name, str(ev.get('UID')), value('DTSTART'), value('DTEND'), str(ev.get('SUMMARY'))])
print(json.dumps(out))
`;

describe.skipIf(!pythonIcalendar)('python icalendar', () => {
  let dir: string;
  let files: OutputFile[];
  beforeAll(async () => {
    const result = await check('curriculum');
    files = result.curricula.flatMap((c) => emitCalendars(c, { catalog: result.catalog, curricula: result.curricula }));
    dir = await mkdtemp(path.join(tmpdir(), 'ics-python-'));
    for (const [i, f] of files.entries()) await writeFile(path.join(dir, `${i}.ics`), f.contents);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads every event of both programs as ical.js does', () => {
    const run = spawnSync(python!, ['-c', reader, ...files.map((_, i) => path.join(dir, `${i}.ics`))], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const read = JSON.parse(run.stdout) as [string, string, string, string | null, string][];
    const expected: (string | null)[][] = [];
    for (const [i, f] of files.entries()) {
      for (const v of new ICAL.Component(ICAL.parse(f.contents as string)).getAllSubcomponents('vevent')) {
        const e = new ICAL.Event(v);
        const at = (t: ICAL.Time) => (t.isDate ? t.toString() : t.toJSDate().toISOString().replace('.000Z', 'Z'));
        expected.push([path.join(dir, `${i}.ics`), e.uid, at(e.startDate), at(e.endDate), e.summary]);
      }
    }
    expect(read).toEqual(expected);
  });
});
