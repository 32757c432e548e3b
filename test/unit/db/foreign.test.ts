import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRecord, patchRecord, type Stored } from '../../../shared/domain/record';
import { COLLECTIONS } from '../../../shared/domain/tables';
import { RECORD_SPECS } from '../../../shared/domain/records';
import type { Revision } from '../../../shared/domain/revision';
import { ValidationError } from '../../../shared/domain/validation';
import { caseWithLeader, snapshot, today } from './helpers';

/** Another laptop: its own device id, writing records the way the app does there. */
const OTHER = '01JDOTHER000000000000000000';
const at = '2026-11-23T03:00:00.000Z';

function foreignInterview(caseId: string, memberId: string, id = '01JIFOREIGN0000000000000001') {
  const spec = RECORD_SPECS.interviews;
  const fields = spec.fields(today).parse({
    ...spec.defaults({ today, memberId }),
    place: '乡政府会议室',
    turns: [{ id: 'ft1', pos: 'a0', speaker: 'q', text: '低保评定由谁审核？' }],
    tags: ['低保'],
  });
  const ctx = { now: at, deviceId: OTHER, memberId };
  const { record, changes } = createRecord({ id, caseId }, fields, ctx, COLLECTIONS.interviews);
  const revision: Revision = {
    id: '01JRFOREIGN0000000000000001',
    caseId,
    table: 'interviews',
    recordId: id,
    kind: 'create',
    at,
    by: memberId,
    dot: [OTHER, 1],
    vv: record.vv,
    changes,
    seq: 77, // the other laptop's own number: replaced here
  };
  return { record: { ...record, seq: 41 }, revision, ctx };
}

describe('rows from another laptop', () => {
  it('are stored exactly as they came, with this laptop’s sequence, and their list row rebuilt', async () => {
    const { db, repos, caseId, actor } = await caseWithLeader();
    const { record, revision } = foreignInterview(caseId, actor.memberId);
    const before = await repos.sync.currentSeq();
    const result = await repos.sync.storeForeign({
      rows: [{ table: 'interviews', row: record }],
      revisions: [revision],
    });
    expect(result).toEqual({ stored: 1, skipped: 0, conflicts: [] });

    const stored = await db.interviews.get(record.id);
    const { seq, ...rest } = stored!;
    const { seq: _theirs, ...sent } = record;
    expect(rest).toEqual(sent); // vv, clocks, dots, times: untouched
    expect(seq).toBeGreaterThan(before);
    const { seq: _their, ...sentRevision } = revision;
    expect(await db.revisions.get(revision.id)).toMatchObject(sentRevision);
    expect((await db.revisions.get(revision.id))!.seq).not.toBe(77);

    const [summary] = await repos.records.summaries(caseId, 'interviews');
    expect(summary).toMatchObject({ id: record.id, tags: ['低保'], seq });
    expect((await repos.records.changedSince(caseId, before)).map((s) => s.id)).toEqual([
      record.id,
    ]);
  });

  it('change nothing when the same batch arrives twice', async () => {
    const { db, repos, caseId, actor } = await caseWithLeader();
    const { record, revision } = foreignInterview(caseId, actor.memberId);
    const batch = { rows: [{ table: 'interviews' as const, row: record }], revisions: [revision] };
    await repos.sync.storeForeign(batch);
    const once = await snapshot(db);
    expect(await repos.sync.storeForeign(batch)).toEqual({ stored: 0, skipped: 1, conflicts: [] });
    expect(await snapshot(db)).toEqual(once);
  });

  it('never undo newer local work with an older copy; replace an older local copy', async () => {
    const { db, repos, caseId, actor } = await caseWithLeader();
    const { record, ctx } = foreignInterview(caseId, actor.memberId);
    await repos.sync.storeForeign({ rows: [{ table: 'interviews', row: record }] });
    // Edited here after it arrived: the old copy arriving again must not undo the edit.
    await repos.records.patch('interviews', record.id, { place: '村委会' }, actor, today);
    expect(
      await repos.sync.storeForeign({ rows: [{ table: 'interviews', row: record }] }),
    ).toMatchObject({ skipped: 1 });
    expect((await db.interviews.get(record.id))!).toMatchObject({ place: '村委会' });

    // The other laptop, having received this laptop's edit, edits again: that copy is newer.
    const local = (await db.interviews.get(record.id)) as Stored<Record<string, unknown>>;
    const newer = patchRecord(local, { place: '镇政府' }, ctx, COLLECTIONS.interviews)!.record;
    expect(
      await repos.sync.storeForeign({ rows: [{ table: 'interviews', row: newer }] }),
    ).toMatchObject({ stored: 1 });
    expect((await db.interviews.get(record.id))!).toMatchObject({ place: '镇政府', vv: newer.vv });
  });

  it('merge a concurrent copy field by field, and report the field both changed', async () => {
    const { db, repos, caseId, actor } = await caseWithLeader();
    const { record, ctx } = foreignInterview(caseId, actor.memberId);
    await repos.sync.storeForeign({ rows: [{ table: 'interviews', row: record }] });
    await repos.records.patch(
      'interviews',
      record.id,
      { place: '村委会', 'turns/lt1': { id: 'lt1', pos: 'a1', speaker: 'a', text: '村里评的。' } },
      actor,
      today,
    );
    const theirs = patchRecord(
      record as Stored<Record<string, unknown>>,
      { place: '镇政府', 'tags/公车': '公车' },
      ctx,
      COLLECTIONS.interviews,
    )!.record;
    const result = await repos.sync.storeForeign({ rows: [{ table: 'interviews', row: theirs }] });
    expect(result.stored).toBe(1);
    expect(result.conflicts.map((c) => [c.table, c.path])).toEqual([['interviews', 'place']]);
    const merged = (await db.interviews.get(record.id)) as Record<string, unknown>;
    expect(merged.tags).toEqual(['低保', '公车']);
    expect((merged.turns as { id: string }[]).map((t) => t.id)).toEqual(['ft1', 'lt1']);
    expect(merged.vv).toEqual({ [OTHER]: 2, [actor.deviceId]: 1 });
  });

  it('refuse a batch with one bad row, writing nothing of it', async () => {
    const { db, repos, caseId, actor } = await caseWithLeader();
    const good = foreignInterview(caseId, actor.memberId);
    const bad = [
      {
        ...foreignInterview(caseId, actor.memberId, '01JIBAD00000000000000000001').record,
        date: '昨天',
      },
      { ...good.record, id: '01JIBAD00000000000000000002', secret: 'x' },
      { ...good.record, id: '01JIBAD00000000000000000003', vv: { [OTHER]: -1 } },
      { ...good.record, id: '01JIBAD00000000000000000004', place: '  带空格  ' },
      { ...good.record, id: '01JIBAD00000000000000000005', tags: ['低保', '低保'] },
      'not a row',
    ];
    const before = await snapshot(db);
    for (const row of bad) {
      const error = await repos.sync
        .storeForeign({
          rows: [
            { table: 'interviews', row: good.record },
            { table: 'interviews', row },
          ],
        })
        .catch((e: unknown) => e);
      expect(error, JSON.stringify(row).slice(0, 80)).toBeInstanceOf(ValidationError);
    }
    const badRevision = { ...good.revision, dot: ['x'] };
    await expect(
      repos.sync.storeForeign({
        rows: [{ table: 'interviews', row: good.record }],
        revisions: [badRevision],
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await snapshot(db)).toEqual(before);
  });

  it('store a file’s bytes once, under their SHA-256', async () => {
    const { db, repos } = await caseWithLeader();
    const blob = new Blob(['扫描件']);
    const sha256 = 'a'.repeat(64);
    const row = { sha256, size: blob.size, blob };
    await repos.sync.storeForeign({ rows: [], blobs: [row, row] });
    expect(await db.blobs.count()).toBe(1);
    await expect(
      repos.sync.storeForeign({ rows: [], blobs: [{ sha256: '../etc', size: 1, blob }] }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('end the same whatever order concurrent copies arrive in (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('镇政府', '村委会', '学校'), { minLength: 1, maxLength: 4 }),
        fc.array(fc.constantFrom('低保', '公车', '食堂'), { maxLength: 3 }),
        async (places, tags) => {
          const copies = await Promise.all(
            [0, 1].map(async () => {
              const { db, repos, caseId, actor } = await caseWithLeader();
              return { db, repos, caseId, actor };
            }),
          );
          // The same foreign history, built once: versions from two other laptops.
          const { record } = foreignInterview(copies[0]!.caseId, copies[0]!.actor.memberId);
          const versions: Stored<Record<string, unknown>>[] = [];
          let x = record as Stored<Record<string, unknown>>;
          let y = record as Stored<Record<string, unknown>>;
          places.forEach((place, i) => {
            x =
              patchRecord(
                x,
                { place },
                { now: at, deviceId: 'X', memberId: 'M' },
                COLLECTIONS.interviews,
              )?.record ?? x;
            const tag = tags[i % Math.max(1, tags.length)];
            if (tag)
              y =
                patchRecord(
                  y,
                  { [`tags/${tag}`]: tag },
                  { now: at, deviceId: 'Y', memberId: 'M' },
                  COLLECTIONS.interviews,
                )?.record ?? y;
            versions.push(x, y);
          });
          const rows = (list: typeof versions) =>
            list.map((row) => ({
              table: 'interviews' as const,
              row: { ...row, caseId: copies[0]!.caseId },
            }));
          await copies[0]!.repos.sync.storeForeign({ rows: rows(versions) });
          await copies[1]!.repos.sync.storeForeign({ rows: rows([...versions].reverse()) });
          const a = (await copies[0]!.db.interviews.get(record.id)) as Record<string, unknown>;
          const b = (await copies[1]!.db.interviews.get(record.id)) as Record<string, unknown>;
          const strip = ({ seq: _s, ...rest }: Record<string, unknown>) => rest;
          expect(strip(a)).toEqual(strip(b));
          for (const c of copies) c.db.close();
        },
      ),
      { numRuns: 15 },
    );
  });
});
