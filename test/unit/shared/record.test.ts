import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compareVersions,
  createRecord,
  patchRecord,
  restore,
  tombstone,
  type VersionVector,
} from '../../../shared/domain/record';

const at = (n: number) => `2026-11-23T08:00:0${n}.000Z`;
const onLaptop = (deviceId: string, memberId: string, n = 0) => ({
  now: at(n),
  deviceId,
  memberId,
});

describe('records', () => {
  const { record } = createRecord(
    { id: 'R1', caseId: 'C1' },
    { title: '谈话', body: '问：' },
    onLaptop('A', 'M1'),
  );

  it('are born with one write of their laptop on every field', () => {
    expect(record).toMatchObject({
      id: 'R1',
      caseId: 'C1',
      createdBy: 'M1',
      updatedBy: 'M1',
      rev: 1,
      vv: { A: 1 },
      clocks: { title: ['A', 1], body: ['A', 1] },
      deleted: false,
    });
  });

  it('write only the fields that really change, and say which', () => {
    const result = patchRecord(
      record,
      { title: '谈话', body: '问：情况？' },
      onLaptop('B', 'M2', 1),
    )!;
    expect(result.changes).toEqual({ body: '问：情况？' });
    expect(result.record).toMatchObject({
      rev: 2,
      vv: { A: 1, B: 1 },
      clocks: { title: ['A', 1], body: ['B', 1] },
      updatedBy: 'M2',
      updatedAt: at(1),
      createdBy: 'M1',
    });
  });

  it('cost nothing when a patch changes nothing (autosave of an untouched form)', () => {
    expect(patchRecord(record, { title: '谈话' }, onLaptop('A', 'M1', 1))).toBeNull();
  });

  it('never let a patch rewrite who created them or their versions', () => {
    const forged = { createdBy: 'X', vv: { Z: 99 }, id: 'other', title: '新' } as never;
    const result = patchRecord(record, forged, onLaptop('A', 'M1', 1))!;
    expect(result.changes).toEqual({ title: '新' });
    expect(result.record).toMatchObject({ id: 'R1', createdBy: 'M1', vv: { A: 2 } });
  });

  it('go to the recycle bin as a stamped write, and come back', () => {
    const gone = tombstone(record, onLaptop('A', 'M2', 2))!;
    expect(gone.record).toMatchObject({
      deleted: true,
      deletedBy: 'M2',
      clocks: { deleted: ['A', 2] },
    });
    expect(tombstone(gone.record, onLaptop('A', 'M2', 3))).toBeNull();
    const back = restore(gone.record, onLaptop('B', 'M1', 3))!;
    expect(back.record.deleted).toBe(false);
    expect(back.record).not.toHaveProperty('deletedBy');
    expect(back.record.vv).toEqual({ A: 2, B: 1 });
  });
});

describe('version vectors', () => {
  const vv = fc.dictionary(fc.constantFrom('A', 'B', 'C'), fc.integer({ min: 1, max: 5 }));

  it('relate two versions the same way from both sides', () => {
    const mirror = { same: 'same', newer: 'older', older: 'newer', concurrent: 'concurrent' };
    fc.assert(
      fc.property(vv, vv, (a, b) => {
        expect(compareVersions(b, a)).toBe(mirror[compareVersions(a, b)]);
      }),
    );
  });

  it('call a later write on top of a version newer, whatever the clocks say', () => {
    fc.assert(
      fc.property(vv, fc.constantFrom('A', 'B', 'C'), (a, device) => {
        const later: VersionVector = { ...a, [device]: (a[device] ?? 0) + 1 };
        expect(compareVersions(later, a)).toBe('newer');
      }),
    );
  });

  it('call edits made on two laptops from the same version concurrent', () => {
    const base = createRecord({ id: 'R', caseId: 'C' }, { t: 'x' }, onLaptop('A', 'M', 0)).record;
    // Laptop B's clock runs an hour behind: time must not decide anything.
    const onA = patchRecord(
      base,
      { t: 'a' },
      { now: '2026-11-23T09:00:00Z', deviceId: 'A', memberId: 'M' },
    )!;
    const onB = patchRecord(
      base,
      { t: 'b' },
      { now: '2026-11-23T08:00:00Z', deviceId: 'B', memberId: 'N' },
    )!;
    expect(compareVersions(onA.record.vv, onB.record.vv)).toBe('concurrent');
    expect(compareVersions(onA.record.vv, base.vv)).toBe('newer');
  });
});
