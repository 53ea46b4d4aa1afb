/**
 * Zone names in their canonical spelling: a name in another case or a retired one is a
 * warning with the canonical name as the fix, and every output uses the canonical name.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../src/index.ts';
import { checkZone, retiredZoneNames } from '../src/time/zones.ts';

describe('zone names', () => {
  it('are respelled from another case, and renamed from a retired name, to names the runtime knows', () => {
    expect(checkZone('europe/madrid')).toEqual({ ok: true, zone: 'Europe/Madrid', respelled: { retired: false } });
    expect(checkZone('US/Eastern')).toEqual({ ok: true, zone: 'America/New_York', respelled: { retired: true } });
    expect(checkZone('us/eastern')).toEqual({ ok: true, zone: 'America/New_York', respelled: { retired: true } });
    expect(checkZone('Asia/Calcutta')).toEqual({ ok: true, zone: 'Asia/Kolkata', respelled: { retired: true } });
    // The runtime's own list says Asia/Calcutta; the IANA name is still taken as written.
    expect(checkZone('Asia/Kolkata')).toEqual({ ok: true, zone: 'Asia/Kolkata' });
    expect(checkZone('utc')).toEqual({ ok: true, zone: 'UTC', respelled: { retired: false } });
    expect(checkZone('etc/gmt+5')).toEqual({ ok: true, zone: 'Etc/GMT+5', respelled: { retired: false } });
    // A country's own zone merged into a neighbour's is not retired.
    expect(checkZone('Europe/Bratislava')).toEqual({ ok: true, zone: 'Europe/Bratislava' });
    expect(checkZone('UTC')).toEqual({ ok: true, zone: 'UTC' });
    for (const name of retiredZoneNames) {
      const check = checkZone(name);
      expect(check.ok, name).toBe(true);
      const zone = (check as { zone: string }).zone;
      expect(zone, name).not.toBe(name);
      expect(() => new Intl.DateTimeFormat('en', { timeZone: zone }), `${name} → ${zone}`).not.toThrow();
      expect(checkZone(zone), `${name} → ${zone}`).toEqual({ ok: true, zone });
    }
  });

  it('reach the outputs in the canonical spelling only', async () => {
    const lower = await compile({ input: 'test/samples/diagnostics/timezone_noncanonical/invalid-lowercase', outputs: 'light' });
    expect(lower.diagnostics.map((d) => d.code)).toContain('timezone_noncanonical');
    const retired = await compile({ input: 'test/samples/diagnostics/timezone_noncanonical/invalid-retired-session-zone', outputs: 'light' });
    const text = (path: string, files: readonly { path: string; contents: string | Uint8Array }[]) => files.find((f) => f.path === path)!.contents as string;

    const lowerFiles = lower.outputs!.files;
    expect(text('invalid-lowercase/calendar.ics', lowerFiles)).toContain('X-WR-TIMEZONE:Europe/Madrid\r\n');
    expect(JSON.parse(text('invalid-lowercase/curriculum.json', lowerFiles)).program.timeZone).toBe('Europe/Madrid');
    for (const f of lowerFiles) if (typeof f.contents === 'string') expect(f.contents, f.path).not.toContain('europe/madrid');

    const session = text('invalid-retired-session-zone/calendars/sessions/kickoff.ics', retired.outputs!.files);
    expect(session).toContain('TZID:America/New_York');
    expect(session).not.toContain('US/Eastern');
  });
});
