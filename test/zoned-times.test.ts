/**
 * A resolved date-time says which day it falls on and whether its wall-clock time names
 * it alone, so that calendars and pages can take those facts from the model.
 */
import { describe, expect, it } from 'vitest';
import { Reporter } from '../src/diagnostics/reporter.ts';
import { checkLocalDateTime, zonedAt } from '../src/resolve/time-checks.ts';

const at = { file: 'schedule.yaml' };

describe('the wall-clock time of a resolved date-time', () => {
  it('is exact on an ordinary day, with the day it falls on', () => {
    const reporter = new Reporter();
    expect(checkLocalDateTime('2023-07-03T09:00', 'Europe/Paris', at, reporter)).toEqual({
      local: '2023-07-03T09:00:00',
      date: '2023-07-03',
      timeZone: 'Europe/Paris',
      offset: '+02:00',
      utc: '2023-07-03T07:00:00Z',
      resolution: { kind: 'exact' },
    });
    expect(reporter.diagnostics).toEqual([]);
  });

  it('takes the earlier of a time that happens twice, and says so', () => {
    const reporter = new Reporter();
    const zoned = checkLocalDateTime('2024-10-27T02:30', 'Europe/Paris', at, reporter);
    expect(zoned).toMatchObject({ utc: '2024-10-27T00:30:00Z', offset: '+02:00', resolution: { kind: 'ambiguous', chose: 'earlier', otherOffset: '+01:00' } });
    expect(reporter.diagnostics.map((d) => d.code)).toEqual(['local_time_ambiguous']);
  });

  it('tells the later occurrence of a repeated hour from the earlier one', () => {
    expect(zonedAt(Date.parse('2024-10-27T01:30:00Z'), 'Europe/Paris')).toMatchObject({
      local: '2024-10-27T02:30:00',
      offset: '+01:00',
      resolution: { kind: 'ambiguous', chose: 'later', otherOffset: '+02:00' },
    });
  });

  it('gives the date of the zone, not of UTC', () => {
    expect(zonedAt(Date.parse('2023-07-03T23:30:00Z'), 'Asia/Seoul')).toMatchObject({ local: '2023-07-04T08:30:00', date: '2023-07-04' });
  });

  it('reports a time that never happens, and resolves it to nothing', () => {
    const reporter = new Reporter();
    expect(checkLocalDateTime('2024-03-31T02:30', 'Europe/Paris', at, reporter)).toBeUndefined();
    expect(reporter.diagnostics.map((d) => d.code)).toEqual(['local_time_nonexistent']);
  });
});
