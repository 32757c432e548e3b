// Which journalled edits are replayed after a crash, reload or restart: every case of replay.ts.
import { describe, expect, it } from 'vitest';
import { planReplay } from '../../../renderer/autosave/replay';
import { createRecord, patchRecord } from '../../../shared/domain/record';
import { COLLECTIONS } from '../../../shared/domain/tables';

const C = COLLECTIONS.interviews;
const turn = (id: string, text: string) => ({ id, pos: 'a0', speaker: 'q' as const, text });
const here = { now: 't', deviceId: 'HERE', memberId: 'M' };
const there = { ...here, deviceId: 'THERE' };
const born = createRecord(
  { id: 'R', caseId: 'C' },
  { place: '', turns: [turn('t1', '问')] },
  here,
  C,
).record;
const entry = (patch: Record<string, unknown>, base = born) => ({
  patch,
  base: base.vv,
  baseSeq: base.seq,
  at: '2026-11-23T02:00:00.000Z',
});

describe('replaying the journal', () => {
  it('applies edits typed against the version still stored: they never reached the disk', () => {
    const plan = planReplay(entry({ place: '会议室' }), born, 'HERE', C);
    expect(plan).toMatchObject({ apply: { place: '会议室' }, aside: {} });
  });

  it('drops an older draft that the stored text still contains (the journal on disk lagged)', () => {
    const saved = patchRecord(born, { 'turns/t1': turn('t1', '问：食堂采购？') }, here, C)!.record;
    const plan = planReplay(entry({ 'turns/t1': turn('t1', '问：食') }), saved, 'HERE', C);
    expect(plan).toMatchObject({ apply: {}, aside: {} });
  });

  it('applies an edit to a field nobody wrote since, beside one that was saved', () => {
    const saved = patchRecord(born, { 'turns/t1': turn('t1', '问：食堂') }, here, C)!.record;
    const plan = planReplay(
      entry({ 'turns/t1': turn('t1', '问：食'), place: '校长室' }),
      saved,
      'HERE',
      C,
    );
    expect(plan).toMatchObject({ apply: { place: '校长室' }, aside: {} });
  });

  it('applies a later draft that grew on top of what this laptop saved meanwhile', () => {
    // Typing went on while a write was under way; the browser died before the next write.
    const saved = patchRecord(born, { 'turns/t1': turn('t1', '问：食堂') }, here, C)!.record;
    const plan = planReplay(entry({ 'turns/t1': turn('t1', '问：食堂采购') }), saved, 'HERE', C);
    expect(plan).toMatchObject({ apply: { 'turns/t1': turn('t1', '问：食堂采购') }, aside: {} });
    // …but never over another laptop's text, however alike.
    const theirs = patchRecord(born, { 'turns/t1': turn('t1', '问：食堂') }, there, C)!.record;
    expect(
      planReplay(entry({ 'turns/t1': turn('t1', '问：食堂采购') }), theirs, 'HERE', C).aside,
    ).toEqual({ 'turns/t1': turn('t1', '问：食堂采购') });
  });

  it('keeps aside a draft the stored text no longer contains, even from this laptop', () => {
    const edited = patchRecord(
      born,
      { 'turns/t1': turn('t1', '问：改写后的问题') },
      here,
      C,
    )!.record;
    const plan = planReplay(entry({ 'turns/t1': turn('t1', '问：食堂') }), edited, 'HERE', C);
    expect(plan).toMatchObject({ apply: {}, aside: { 'turns/t1': turn('t1', '问：食堂') } });
  });

  it('keeps aside an edit to what another laptop wrote since', () => {
    const merged = patchRecord(born, { 'turns/t1': turn('t1', '问：对方') }, there, C)!.record;
    const plan = planReplay(entry({ 'turns/t1': turn('t1', '问：本机') }), merged, 'HERE', C);
    expect(plan).toMatchObject({
      apply: {},
      aside: { 'turns/t1': turn('t1', '问：本机') },
      reason: 'stale',
    });
  });

  it('keeps everything aside when the record is gone or older than the edits (data lost)', () => {
    const later = patchRecord(born, { place: '甲' }, here, C)!.record;
    expect(planReplay(entry({ place: '乙' }, later), born, 'HERE', C)).toMatchObject({
      apply: {},
      aside: { place: '乙' },
    });
    expect(planReplay(entry({ place: '乙' }), undefined, 'HERE', C)).toMatchObject({
      aside: { place: '乙' },
      reason: 'deleted',
    });
  });

  it('drops an edit whose value is already stored, whoever stored it', () => {
    const merged = patchRecord(born, { place: '村委会' }, there, C)!.record;
    expect(planReplay(entry({ place: '村委会' }), merged, 'HERE', C)).toMatchObject({
      apply: {},
      aside: {},
    });
  });
});
