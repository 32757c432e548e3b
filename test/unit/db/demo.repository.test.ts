import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { demoRows, demoSettingKey, generateDemoCase } from '../../../shared/demo';
import { TABLES, type TableName } from '../../../shared/domain/tables';
import { ValidationError } from '../../../shared/domain/validation';
import { openBlob, storable } from '../../../renderer/db/atRest';
import type { WorkbenchDB } from '../../../renderer/db/database';
import {
  A,
  caseWithLeader,
  freshRepos,
  handClock,
  listInput,
  listRowsOf,
  snapshot,
  today,
} from './helpers';

const sha256 = async (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Every row of every table, files as their bytes (Blobs do not compare by content). */
async function contents(db: WorkbenchDB) {
  const all = await snapshot(db);
  for (const blob of all.blobs as { sha256: string; blob: Blob }[]) {
    Object.assign(blob, {
      blob: createHash('sha256')
        .update(await bytesOf(await openBlob(db.keys, blob)))
        .digest('hex'),
    });
  }
  return all;
}
const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

/** Rows that name `caseId` anywhere, by table. */
async function rowsOf(db: WorkbenchDB, caseId: string) {
  const found: Record<string, number> = {};
  for (const [table, rows] of Object.entries(await snapshot(db))) {
    const n = rows.filter((r) => JSON.stringify(r).includes(caseId)).length;
    if (n > 0) found[table] = n;
  }
  return found;
}

describe('the demo case', () => {
  it('loads in one step, through the checked path, as the 组长 of this laptop', async () => {
    const clock = handClock('2026-11-23T02:00:00.000Z');
    const { db, repos, deviceId } = await freshRepos({ clock });
    const result = await repos.demo.load(deviceId);
    expect(result.created).toBe(true);
    expect(result.counts).toMatchObject({ interviews: 30, docReviews: 15, findings: 12, clues: 5 });
    const [demoCase] = await repos.cases.list();
    expect(demoCase!.unitName).toMatch(/^【示例】/);
    expect(await repos.demo.current()).toBe(result.caseId);
    const leader = await repos.settings.currentMember(result.caseId);
    expect((await db.members.get(leader!))!.role).toBe('leader');
    // The 组长's writes were made on this laptop: its device is in the records' vectors.
    const interviews = await db.interviews.where('caseId').equals(result.caseId).toArray();
    expect(interviews.some((r) => (r.vv[deviceId] ?? 0) > 0)).toBe(true);
    // List rows were rebuilt for every field record, as for any row that arrives.
    expect(await db.summaries.count()).toBe(30 + 15 + 10 + 8);
  });

  it('stores exactly the rows demoRows gives a benchmark to bulk-put', async () => {
    const clock = handClock('2026-11-23T02:00:00.000Z');
    const a = await freshRepos({ clock });
    await a.repos.demo.load(a.deviceId);
    const b = await freshRepos({ clock });
    const demo = await generateDemoCase({ today, leaderDeviceId: a.deviceId, sha256 });
    const rows = demoRows(demo, {
      firstSeq: (await b.repos.sync.currentSeq()) + 1,
      toBlob: (bytes, type) => new Blob([bytes], { type }),
    });
    // As a benchmark on an encrypted database: the case's key first, the files sealed.
    await b.db.keys!.ensure(demo.caseId);
    const sealed = {
      ...rows,
      blobs: await storable(b.db.keys, rows.blobs as { sha256: string; blob: Blob }[]),
    };
    for (const name of Object.keys(TABLES) as TableName[]) {
      await b.db.table(name).bulkPut([...sealed[name]]);
    }
    const [left, right] = [await contents(a.db), await contents(b.db)];
    const local = (s: { key: string }) => s.key !== 'deviceId';
    left.settings = (left.settings as { key: string }[]).filter(local);
    right.settings = (right.settings as { key: string }[]).filter(local);
    expect(right).toEqual(left);
  });

  it('is removed in one step: no row of it is left in any table, and other cases are untouched', async () => {
    const clock = handClock('2026-11-23T02:00:00.000Z');
    const { db, repos, deviceId, caseId: realId, actor } = await caseWithLeader({ clock });
    // A real case with a record and a file whose bytes the demo also has (stored once).
    const real = await repos.records.create('interviews', realId, actor, today);
    await repos.records.patch('interviews', real.id, { place: '谈话室' }, actor, today);
    const demo = await generateDemoCase({ today, leaderDeviceId: deviceId, sha256 });
    const shared = demo.blobs[0]!;
    await repos.attachments.add(
      realId,
      'interviews',
      real.id,
      [{ name: 'shared.jpg', mime: shared.mime, blob: new Blob([shared.bytes]), thumbnail: null }],
      actor,
    );
    const before = await contents(db);

    const { caseId } = await repos.demo.load(deviceId);
    expect(await rowsOf(db, caseId)).toMatchObject({ cases: 1, members: 5, interviews: 30 });
    // Someone tried it out: edited an interview, and left typing unsaved in the journal.
    const leader = { deviceId, memberId: (await repos.settings.currentMember(caseId))! };
    const interview = (await db.interviews.where('caseId').equals(caseId).first())!;
    clock.advance(60_000);
    await repos.records.patch('interviews', interview.id, { place: '改过的地点' }, leader, today);
    await repos.journal.put(`pending:interviews:${interview.id}`, { patch: { place: 'x' } });
    await repos.journal.put(`aside:interviews:${interview.id}`, [{ patch: {} }]);
    // And imported a 数据比对 list: its rows (names and numbers) are files that must go too.
    await repos.compare.addList(
      caseId,
      listInput('dibao', '低保名单'),
      listRowsOf([['张三', A]]),
      leader,
    );

    const removed = await repos.demo.remove(caseId);
    expect(removed.rows).toBeGreaterThan(500);
    expect(removed.records.map((r) => r.id)).toContain(interview.id);
    expect(await rowsOf(db, caseId)).toEqual({});
    expect(await repos.demo.current()).toBeUndefined();

    const after = await contents(db);
    // The change sequence only goes up (search and exports sync by it); everything else is as
    // it was before the demo came, the file the real case shares included.
    const seq = (s: Record<string, unknown>) =>
      Number((s.settings as { key: string; value: string }[]).find((x) => x.key === 'seq')!.value);
    expect(seq(after)).toBeGreaterThan(seq(before));
    const noSeq = (s: Record<string, unknown[]>) => ({
      ...s,
      settings: (s.settings as { key: string }[]).filter((x) => x.key !== 'seq'),
    });
    expect(noSeq(after)).toEqual(noSeq(before));
    expect(after.blobs!.map((b) => (b as { sha256: string }).sha256)).toContain(shared.sha256);
  });

  it('refuses to remove a case this laptop did not load as the demo, even one named 【示例】, and changes nothing', async () => {
    const { db, repos, caseId, actor } = await caseWithLeader();
    await repos.cases.update(caseId, { unitName: '【示例】某县教育局党组' }, actor, today);
    const before = await snapshot(db);
    const refusal = repos.demo.remove(caseId);
    await expect(refusal).rejects.toBeInstanceOf(ValidationError);
    await expect(repos.demo.remove(caseId)).rejects.toThrow(/只有本机载入的示例巡察任务/);
    await expect(repos.demo.remove('no-such-case')).rejects.toBeInstanceOf(ValidationError);
    expect(await snapshot(db)).toEqual(before);
  });

  it('a load that fails stores nothing at all, says why, and can be tried again', async () => {
    const { db, repos, deviceId } = await freshRepos();
    const before = await snapshot(db);
    // A device id no laptop makes: the rows fail the checks for rows from other laptops.
    await expect(repos.demo.load('x'.repeat(60))).rejects.toBeInstanceOf(ValidationError);
    expect(await snapshot(db)).toEqual(before);
    expect((await repos.demo.load(deviceId)).created).toBe(true);
  });

  it('is loaded once, however many times it is asked for at once or again', async () => {
    const { db, repos, deviceId } = await freshRepos();
    const [first, second] = await Promise.all([
      repos.demo.load(deviceId),
      repos.demo.load(deviceId),
    ]);
    expect(second.caseId).toBe(first.caseId);
    const third = await repos.demo.load(deviceId);
    expect(third).toEqual({ caseId: first.caseId, created: false, counts: {} });
    expect(await db.cases.count()).toBe(1);
    expect(await db.settings.get(demoSettingKey(first.caseId))).toBeDefined();
  });

  it('a second database page loading at the same time still ends with one demo', async () => {
    const { db, repos, deviceId } = await freshRepos();
    const { repositories } = await import('../../../renderer/db/repositories');
    const otherTab = repositories(db);
    const results = await Promise.all([repos.demo.load(deviceId), otherTab.demo.load(deviceId)]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.cases.count()).toBe(1);
  });
});
