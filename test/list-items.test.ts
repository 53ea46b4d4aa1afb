/**
 * One wrong value inside a list item withholds that item alone: its siblings stay in the
 * document (and are checked), the item's id is known to be withheld, every kept value is
 * still located where it is written, and the worker-thread path hands back the same.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceEntry } from '../src/load/discover.ts';
import { checkFile } from '../src/validate/index.ts';
import { checkFilesInParallel } from '../src/validate/parallel.ts';

const samples = path.resolve(import.meta.dirname, 'samples/diagnostics');
const entry = (sample: string, kind: SourceEntry['kind'], file: string): SourceEntry => ({ kind, absolutePath: path.join(samples, sample, file), relativePath: file });

describe('a list item that fails its schema', () => {
  it('is left out alone: the other assignments stay, and their places are where they are written', async () => {
    const checked = await checkFile(entry('schema_type_mismatch/invalid-one-assignment-of-many', 'assignments', 'assignments.yaml'));
    expect(checked.usable).toBe(true);
    if (!checked.usable) return;
    expect(checked.pruned).toBe(true);
    expect(checked.dropped).toEqual([{ list: ['assignments'], id: 'lab-2' }]);
    const ids = (checked.document.data as { assignments: { id: string }[] }).assignments.map((a) => a.id);
    expect(ids).toEqual(['problem-set-1', 'problem-set-2', 'problem-set-3', 'problem-set-4', 'problem-set-5', 'lab-1', 'lab-3', 'project-proposal', 'project-report', 'survey']);
    // lab-3 is the 7th item of the data but the 8th of the file, on line 13 (after two comment lines).
    const at = checked.document.at(['assignments', 6, 'id']).range!;
    expect(checked.document.file.text.split('\n')[at.start.line - 1]).toContain('id: lab-3');
    expect(checked.document.at(['assignments', 5, 'id']).range!.start.line).toBe(8);
  });

  it('keeps the item itself when leaving out a wrong optional key is enough (a session without its kind)', async () => {
    const checked = await checkFile(entry('schema_value_invalid/invalid-one-session-kind', 'schedule', 'schedule.yaml'));
    expect(checked.usable && checked.pruned).toBe(true);
    expect(checked.usable && checked.dropped).toBeUndefined();
    expect(checked.usable && (checked.document.data as { sessions: { id: string; kind?: string }[] }).sessions.map((s) => [s.id, s.kind])).toEqual([
      ['welcome', 'orientation'],
      ['final-exam', undefined],
    ]);
  });

  it('leaves a session out whole when a required value is wrong, and keeps the other', async () => {
    const checked = await checkFile(entry('schema_value_invalid/invalid-one-session-start', 'schedule', 'schedule.yaml'));
    expect(checked.usable && checked.dropped).toEqual([{ list: ['sessions'], id: 'final-exam' }]);
    expect(checked.usable && (checked.document.data as { sessions: { id: string }[] }).sessions.map((s) => s.id)).toEqual(['welcome']);
  });

  it('withholds the file whole when leaving the item out would empty a list that must not be empty', async () => {
    const checked = await checkFile(entry('schema_value_invalid/invalid-assignment-kind', 'assignments', 'assignments.yaml'));
    expect(checked.usable).toBe(false);
  });

  it('comes back the same from a worker thread, locations included', async () => {
    const entries = [entry('schema_type_mismatch/invalid-one-assignment-of-many', 'assignments', 'assignments.yaml'), entry('schema_value_invalid/invalid-one-session-kind', 'schedule', 'schedule.yaml')];
    const parallel = await checkFilesInParallel(entries, 1);
    const serial = await Promise.all(entries.map(checkFile));
    for (const [i, p] of parallel.entries()) {
      const s = serial[i]!;
      expect(p.usable && p.dropped).toEqual(s.usable && s.dropped);
      expect(p.document?.data).toEqual(s.document?.data);
    }
    expect(parallel[0]!.document!.at(['assignments', 6, 'id']).range).toEqual(serial[0]!.document!.at(['assignments', 6, 'id']).range);
  });
});
