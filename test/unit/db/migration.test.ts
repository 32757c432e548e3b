import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { WorkbenchDB } from '../../../renderer/db/database';
import { CURRENT_VERSION, SCHEMA_VERSIONS } from '../../../renderer/db/schema';
import { NewerDataError, repositories } from '../../../renderer/db/repositories';
import { V1_ROWS, V1_STORES } from '../../fixtures/db/v1';
import { V2_ROWS, V2_STORES } from '../../fixtures/db/v2';

let n = 0;
const freshName = () => `migration-${Date.now()}-${n++}`;

/** Writes a fixture exactly as an old version of the app would have, then closes it. */
async function writeOldDatabase(
  name: string,
  version: number,
  stores: Record<string, string>,
  rows: Record<string, object[]>,
) {
  const old = new Dexie(name);
  old.version(version).stores(stores);
  await old.open();
  for (const [table, items] of Object.entries(rows)) await old.table(table).bulkAdd(items);
  old.close();
}

describe('schema upgrades', () => {
  it('number versions upward without gaps', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
  });

  it('open version 1 data and lose nothing', async () => {
    const name = freshName();
    await writeOldDatabase(name, 1, V1_STORES, V1_ROWS);

    const db = new WorkbenchDB(name);
    const repos = repositories(db);
    await repos.open();
    expect(db.verno).toBe(CURRENT_VERSION);

    const byKey = (a: object, b: object) => JSON.stringify(a).localeCompare(JSON.stringify(b));
    const unlessVersion = (row: object) => !('key' in row && row.key === 'schemaVersion');
    for (const [table, rows] of Object.entries(V1_ROWS)) {
      const now = (await db.table(table).toArray()).filter(unlessVersion).sort(byKey);
      expect(now, table).toEqual(rows.filter(unlessVersion).sort(byKey));
    }
    expect(await db.table('settings').get('schemaVersion')).toEqual({
      key: 'schemaVersion',
      value: String(CURRENT_VERSION),
    });
    // …and the app reads it the way it did before.
    const [c] = await repos.cases.list();
    expect(c?.unitName).toBe('某县教育局党组');
    expect((await repos.members.list(c!.id)).map((m) => m.name)).toEqual(['张三']);
    expect(await repos.settings.deviceId()).toBe('01JD0000000000000000000001');
    expect(await repos.settings.currentMember(c!.id)).toBe('01JM0000000000000000000001');

    // Version 2's tables are there, empty, and take records for the old case.
    const actor = {
      deviceId: '01JD0000000000000000000001',
      memberId: '01JM0000000000000000000001',
    };
    const interview = await repos.records.create('interviews', c!.id, actor, '2026-03-12');
    expect(await repos.records.counts(c!.id)).toEqual({
      interviews: 1,
      docReviews: 0,
      siteVisits: 0,
      petitions: 0,
    });
    expect(interview.caseId).toBe(c!.id);
    db.close();
  });

  it('open version 2 data, lose nothing, and count the people each interview met', async () => {
    const name = freshName();
    await writeOldDatabase(name, 2, V2_STORES, V2_ROWS);
    const db = new WorkbenchDB(name);
    const repos = repositories(db);
    await repos.open();

    for (const table of ['cases', 'members', 'interviews', 'docReviews', 'revisions'] as const) {
      expect(await db.table(table).toArray(), table).toEqual(V2_ROWS[table]);
    }
    // Version 3 adds the headcount to every list row, computed from the interview itself.
    const summaries = await db.summaries.orderBy('id').toArray();
    expect(summaries.map((s) => [s.title, s.headcount])).toEqual([
      ['王某、赵某', 2],
      ['2025年局党组会议记录', 0],
    ]);
    expect(summaries.map(({ headcount: _, ...rest }) => rest)).toEqual(
      [...V2_ROWS.summaries].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(await db.table('findings').count()).toBe(0);
    expect(await db.table('clues').count()).toBe(0);
    db.close();
  });

  it('refuse data written by a newer app, and leave it untouched', async () => {
    const name = freshName();
    const future = CURRENT_VERSION + 1;
    await writeOldDatabase(
      name,
      future,
      { ...V1_STORES, future: 'id' },
      {
        cases: V1_ROWS.cases,
        settings: [{ key: 'schemaVersion', value: String(future) }],
      },
    );
    const db = new WorkbenchDB(name);
    await expect(repositories(db).open()).rejects.toBeInstanceOf(NewerDataError);
    expect(db.isOpen()).toBe(false);

    const check = new Dexie(name);
    await check.open(); // dynamic mode: whatever version is there
    expect(check.verno).toBe(future);
    expect(await check.table('cases').toArray()).toEqual(V1_ROWS.cases);
    expect(await check.table('settings').get('schemaVersion')).toEqual({
      key: 'schemaVersion',
      value: String(future),
    });
    check.close();
  });
});
