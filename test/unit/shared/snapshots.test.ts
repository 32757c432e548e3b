// Snapshots (issue 16): their names on disk, which are kept, and the key they open with.
import { describe, expect, it } from 'vitest';
import { Decrypter, Encrypter } from 'age-encryption';
import {
  dailyDue,
  KEEP,
  parseSnapshotName,
  snapshotFileName,
  snapshotsToRemove,
  type SnapshotName,
  type SnapshotReason,
} from '../../../shared/rest/snapshotPlan';
import { newDataKey, snapshotIdentity, snapshotRecipient } from '../../../shared/rest/caseKeys';

const CASE = '01JCASE0000000000000000000';
const OTHER = '01JOTHER000000000000000000';

const at = (day: number, hour = 9) =>
  new Date(Date.UTC(2026, 11, day, hour, 0, 0, day * 10 + hour)).toISOString();

describe('snapshot names', () => {
  it('say which case, when and why, and read back exactly', () => {
    const s: SnapshotName = { caseId: CASE, takenAt: '2026-12-07T16:01:02.345Z', reason: 'import' };
    const name = snapshotFileName(s);
    expect(name).toBe(`${CASE}.20261207T160102345Z.import.xcsnap`);
    expect(parseSnapshotName(name)).toEqual(s);
  });

  it('leave every other file alone', () => {
    for (const name of [
      'notes.txt',
      `${CASE}.20261207T160102345Z.import.xcsnap.meta`,
      `${CASE}.20261207T160102345Z.whim.xcsnap`,
      `${CASE}.20261399T160102345Z.daily.xcsnap`,
      `../${CASE}.20261207T160102345Z.daily.xcsnap`,
      `${CASE}.20261207T160102345Z.daily.xcase`,
    ]) {
      expect(parseSnapshotName(name), name).toBeNull();
    }
  });
});

describe('which snapshots are kept', () => {
  const snap = (caseId: string, takenAt: string, reason: SnapshotReason) => ({
    caseId,
    takenAt,
    reason,
  });

  it('keeps the last 7 daily and the last 10 others of each case, removing the oldest', () => {
    const daily = Array.from({ length: 12 }, (_, i) => snap(CASE, at(i + 1), 'daily'));
    const reasons: SnapshotReason[] = ['import', 'upgrade', 'restore', 'manual'];
    const events = Array.from({ length: 14 }, (_, i) => snap(CASE, at(i + 1, 12), reasons[i % 4]!));
    const other = Array.from({ length: 9 }, (_, i) => snap(OTHER, at(i + 1), 'daily'));
    const removed = snapshotsToRemove([...events, ...other, ...daily]);
    expect(KEEP).toEqual({ daily: 7, event: 10 });
    expect(removed.filter((s) => s.reason === 'daily' && s.caseId === CASE)).toEqual(
      daily.slice(0, 5).reverse(),
    );
    expect(removed.filter((s) => s.reason !== 'daily')).toEqual(events.slice(0, 4).reverse());
    // Another case keeps its own seven, whatever this one has.
    expect(removed.filter((s) => s.caseId === OTHER)).toEqual(other.slice(0, 2).reverse());
  });

  it('removes nothing while a case has fewer than that', () => {
    const few = [snap(CASE, at(1), 'daily'), snap(CASE, at(2), 'import')];
    expect(snapshotsToRemove(few)).toEqual([]);
  });
});

describe('the daily snapshot', () => {
  const day = (iso: string) => iso.slice(0, 10);
  const s = (takenAt: string, reason: SnapshotReason, upTo: number) => ({
    caseId: CASE,
    takenAt,
    reason,
    upTo,
  });

  it('is due for a case without one, or changed since its newest snapshot of any kind', () => {
    expect(dailyDue([], 0, '2026-12-07', day)).toBe(true);
    const yesterday = s('2026-12-06T09:00:00.000Z', 'daily', 40);
    expect(dailyDue([yesterday], 41, '2026-12-07', day)).toBe(true);
    // Nothing changed since yesterday's: none today.
    expect(dailyDue([yesterday], 40, '2026-12-07', day)).toBe(false);
    // An import's snapshot this morning holds the newest change: nothing new to keep.
    const morning = s('2026-12-07T01:00:00.000Z', 'import', 55);
    expect(dailyDue([yesterday, morning], 55, '2026-12-07', day)).toBe(false);
    expect(dailyDue([yesterday, morning], 60, '2026-12-07', day)).toBe(true);
  });

  it('is taken once a day', () => {
    const today = s('2026-12-07T08:00:00.000Z', 'daily', 10);
    expect(dailyDue([today], 99, '2026-12-07', day)).toBe(false);
  });
});

describe('the snapshot key', () => {
  it('is the same for the same laptop key, another for another, and opens what is sealed to it', async () => {
    const key = newDataKey();
    expect(snapshotIdentity(key)).toBe(snapshotIdentity(Uint8Array.from(key)));
    expect(snapshotIdentity(key)).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+$/);
    expect(snapshotIdentity(newDataKey())).not.toBe(snapshotIdentity(key));
    const encrypter = new Encrypter();
    encrypter.addRecipient(await snapshotRecipient(key));
    const sealed = await encrypter.encrypt('快照');
    const decrypter = new Decrypter();
    decrypter.addIdentity(snapshotIdentity(key));
    expect(await decrypter.decrypt(sealed, 'text')).toBe('快照');
    const stranger = new Decrypter();
    stranger.addIdentity(snapshotIdentity(newDataKey()));
    await expect(stranger.decrypt(sealed)).rejects.toThrow();
  });
});
