import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { WorkbenchDB } from '../../../renderer/db/database';
import { CURRENT_VERSION, SCHEMA_VERSIONS } from '../../../renderer/db/schema';
import { caseWithLeader, newCase, today } from './helpers';
import { SCHEMA_VERSION } from '../../../shared/domain/schemaVersion';
import { NewerDataError, repositories } from '../../../renderer/db/repositories';
import { sha256Hex } from '../../../renderer/db/hash';
import { versionsOf } from '../../../shared/domain/records/history';
import type { Stored } from '../../../shared/domain/record';
import { checkRecordRow, RECORD_TABLES, TABLES } from '../../../shared/domain/tables';
import { clueToV6 } from '../../../shared/domain/migrations/v6';
import { zh } from '../../../shared/i18n/zh-CN';
import { V1_ROWS, V1_STORES } from '../../fixtures/db/v1';
import { V2_ROWS, V2_STORES } from '../../fixtures/db/v2';
import { V3_PHOTO, V3_ROWS, V3_STORES } from '../../fixtures/db/v3';

let n = 0;
const freshName = () => `migration-${Date.now()}-${n++}`;
const device = '01JD0000000000000000000001';
const leader = { deviceId: device, memberId: '01JM0000000000000000000001' };

/** The tables and indexes of the schema as it stood at `version`. */
function storesUpTo(version: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of SCHEMA_VERSIONS) {
    if (entry.version > version) continue;
    for (const [table, spec] of Object.entries(entry.stores)) if (spec !== null) out[table] = spec;
  }
  return out;
}

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

/** The rows of `db` in the tables that version `version` had; closes `db`. */
async function closedAsOf(db: Dexie, version: number): Promise<Record<string, object[]>> {
  const rows: Record<string, object[]> = {};
  for (const table of db.tables) {
    if (table.name in storesUpTo(version)) rows[table.name] = (await table.toArray()) as object[];
  }
  db.close();
  return rows;
}

async function upgraded(
  version: number,
  stores: Record<string, string>,
  rows: Record<string, object[]>,
) {
  const name = freshName();
  await writeOldDatabase(name, version, stores, rows);
  const db = new WorkbenchDB(name);
  const repos = repositories(db);
  await repos.open();
  return { db, repos };
}

/**
 * What version 4 changes on purpose: clocks are rebuilt element by element, and the values of
 * collections, findings' order and attachments' bytes change form (checked on their own below).
 * Every other field of every old row must be there, unchanged.
 */
const RESHAPED = new Set(['clocks', 'turns', 'evidence', 'order', 'blob', 'thumbnail', 'seq']);

async function expectNothingLost(db: WorkbenchDB, rows: Record<string, object[]>) {
  for (const [table, old] of Object.entries(rows)) {
    if (table === 'revisions' || table === 'attachments') continue; // reshaped, checked below
    const key = table === 'settings' ? 'key' : 'id';
    for (const stored of old as Record<string, unknown>[]) {
      // Version 6 splits a clue's handling in two (checked on its own below).
      const row = table === 'clues' ? clueToV6(stored) : stored;
      if (row.key === 'schemaVersion') continue;
      const now = (await db.table(table).get(row[key] as string)) as Record<string, unknown>;
      expect(now, `${table} ${String(row[key])}`).toBeDefined();
      for (const [field, value] of Object.entries(row)) {
        if (RESHAPED.has(field)) continue;
        if (
          Array.isArray(value) &&
          (field === 'tags' || field === 'focus' || field === 'persons' || field === 'departments')
        ) {
          const sorted = [...(value as string[])].sort();
          expect([...(now[field] as string[])].sort(), `${table}.${field}`).toEqual(sorted);
        } else {
          expect(now[field], `${table}.${field}`).toEqual(value);
        }
      }
    }
  }
}

/** Every travelling row is in the form a package would carry, and its seq is unique. */
async function expectWellFormed(db: WorkbenchDB) {
  const seqs: number[] = [];
  for (const table of RECORD_TABLES) {
    for (const row of (await db.table(table).toArray()) as { seq: number }[]) {
      expect(() => checkRecordRow(table, row), table).not.toThrow();
      seqs.push(row.seq);
    }
  }
  for (const r of await db.revisions.toArray()) {
    seqs.push(r.seq);
    expect(Object.keys(r.vv).length, `revision ${r.id}`).toBeGreaterThan(0);
  }
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(Math.max(...seqs)).toBeLessThanOrEqual(Number((await db.settings.get('seq'))?.value));
}

describe('schema upgrades', () => {
  it('number versions upward without gaps', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
  });

  it('name exactly the tables of the registry', () => {
    const declared = new Set(SCHEMA_VERSIONS.flatMap((v) => Object.keys(v.stores)));
    expect([...declared].sort()).toEqual(Object.keys(TABLES).sort());
  });

  it('give every travelling table the name an import preview shows it by', () => {
    expect(RECORD_TABLES.filter((t) => !(t in zh.exchange.tables))).toEqual([]);
  });

  it('open version 1 data and lose nothing', async () => {
    const { db, repos } = await upgraded(1, V1_STORES, V1_ROWS);
    expect(db.verno).toBe(CURRENT_VERSION);
    await expectNothingLost(db, V1_ROWS);
    await expectWellFormed(db);
    expect(await db.table('settings').get('schemaVersion')).toEqual({
      key: 'schemaVersion',
      value: String(CURRENT_VERSION),
    });
    // …and the app reads it the way it did before.
    const [c] = await repos.cases.list();
    expect(c?.unitName).toBe('某县教育局党组');
    expect((await repos.members.list(c!.id)).map((m) => m.name)).toEqual(['张三']);
    expect(await repos.settings.deviceId()).toBe(device);
    expect(await repos.settings.currentMember(c!.id)).toBe(leader.memberId);
    const interview = await repos.records.create('interviews', c!.id, leader, '2026-03-12');
    expect(interview.caseId).toBe(c!.id);
    db.close();
  });

  it('open version 2 data, lose nothing, and count the people each interview met', async () => {
    const { db } = await upgraded(2, V2_STORES, V2_ROWS);
    await expectNothingLost(db, V2_ROWS);
    await expectWellFormed(db);
    const summaries = await db.summaries.orderBy('id').toArray();
    expect(summaries.map((s) => [s.title, s.headcount])).toEqual([
      ['王某、赵某', 2],
      ['2025年局党组会议记录', 0],
    ]);
    expect(await db.table('findings').count()).toBe(0);
    db.close();
  });

  it('open version 3 data: turns, evidence and tags become element-wise, nothing lost', async () => {
    const { db } = await upgraded(3, V3_STORES, V3_ROWS);
    await expectNothingLost(db, V3_ROWS);
    await expectWellFormed(db);

    const old = V3_ROWS.interviews[1]!;
    const interview = (await db.interviews.get(old.id)) as Stored<{
      turns: { id: string; pos: string; speaker: string; text: string }[];
    }>;
    // Turns keep their ids, texts and order, and get ascending positions.
    expect(interview.turns.map(({ pos: _, ...t }) => t)).toEqual(old.turns);
    const positions = interview.turns.map((t) => t.pos);
    expect([...positions].sort()).toEqual(positions);
    expect(new Set(positions).size).toBe(positions.length);
    // Each turn and tag carries the old field's dot; the whole-array clock is gone.
    expect(interview.clocks).toMatchObject({
      [`turns/${old.turns[0]!.id}`]: [device, 3],
      'tags/营养餐': [device, 2],
      'focus/people.welfare': [device, 1],
      place: [device, 3], // no dot before: the latest write the version vector knows
    });
    expect(interview.clocks.turns).toBeUndefined();

    // Evidence learns the passage's field and offsets; each link has its own clock.
    const finding = (await db.findings.get('01JF0000000000000000000002'))!;
    expect(finding.evidence).toHaveLength(2);
    expect(finding.evidence.map((e) => [e.turnId, e.excerpt, e.field, e.start, e.end])).toEqual(
      V3_ROWS.findings[0]!.evidence.map((e) => [e.turnId, e.excerpt, '', 0, 0]),
    );
    expect(Object.keys(finding.clocks).filter((p) => p.startsWith('evidence/'))).toHaveLength(2);
    // Numbered order becomes fractional keys, in the same order (10 before 20).
    const [first, second] = await db.findings.orderBy('id').toArray();
    expect(first!.order < second!.order).toBe(true);
    expect(typeof first!.order).toBe('string');
    db.close();
  });

  it('open version 3 attachments as records, their bytes once by SHA-256, history intact', async () => {
    const { db, repos } = await upgraded(3, V3_STORES, V3_ROWS);
    const sha = await sha256Hex(new Blob([V3_PHOTO]));
    const [kept, removed] = await db.attachments.orderBy('id').toArray();
    expect(kept).toMatchObject({
      name: '食堂.jpg',
      sha256: sha,
      deleted: false,
      vv: { [device]: 1 },
    });
    expect(kept!.thumbSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(removed).toMatchObject({
      name: '食堂（重复）.jpg',
      sha256: sha,
      deleted: true,
      thumbSha256: '',
    });
    expect('blob' in kept!).toBe(false);
    expect(await db.blobs.count()).toBe(2); // the photo once, and the thumbnail
    const bytes = await repos.attachments.bytes(sha);
    expect(new Uint8Array(await bytes!.arrayBuffer())).toEqual(V3_PHOTO);

    const interviewId = V3_ROWS.interviews[1]!.id;
    const versions = versionsOf(await repos.history.of('interviews', interviewId, leader));
    expect(versions.map((v) => v.kind)).toEqual([
      'create',
      'update',
      'update',
      'attach',
      'attach',
      'detach',
    ]);
    expect(versions[2]!.values.turns).toEqual(V3_ROWS.interviews[1]!.turns);
    db.close();
  });

  it('let migrated records be edited element by element', async () => {
    const { db, repos } = await upgraded(3, V3_STORES, V3_ROWS);
    const old = V3_ROWS.interviews[1]!;
    const first = (await repos.records.get('interviews', old.id))!.turns as {
      id: string;
      pos: string;
    }[];
    await repos.records.patch(
      'interviews',
      old.id,
      { [`turns/${first[1]!.id}`]: { ...first[1]!, speaker: 'a', text: '由后勤主任负责。' } },
      leader,
      '2026-03-13',
    );
    const record = await repos.records.get('interviews', old.id);
    expect((record!.turns as { text: string }[]).map((t) => t.text)).toEqual([
      '食堂采购由谁负责？',
      '由后勤主任负责。',
      '营养餐补助如何发放？',
    ]);
    expect(record!.vv).toEqual({ [device]: 4 });
    db.close();
  });

  it('open version 4 data as it is: no row changes, no conflicts', async () => {
    // Version 4 rows, as the app wrote them: made by today's write path, then stored in a
    // database that has only version 4's tables and indexes.
    const made = await caseWithLeader();
    const talk = await made.repos.records.create(
      'interviews',
      made.caseId,
      made.actor,
      '2026-11-23',
    );
    await made.repos.records.patch(
      'interviews',
      talk.id,
      { place: '县教育局' },
      made.actor,
      '2026-11-23',
    );
    const rows = await closedAsOf(made.db, 4);
    const { db } = await upgraded(4, storesUpTo(4), rows);
    for (const [table, old] of Object.entries(rows)) {
      expect(await db.table(table).toArray(), table).toEqual(
        table === 'settings' ? expect.arrayContaining(old) : old,
      );
    }
    expect(await db.conflicts.count()).toBe(0);
    db.close();
  });

  it('open version 5 clues with their handling split into proposal and receiver, nothing lost', async () => {
    const made = await caseWithLeader();
    const handlings = ['discipline', 'organization', 'department', 'pending', 'closed'];
    const ids: string[] = [];
    for (const handling of handlings) {
      const clue = await made.repos.clues.create(made.caseId, made.actor);
      await made.repos.clues.patch(clue.id, { subjectName: `张${handling}` }, made.actor);
      ids.push(clue.id);
    }
    const rows = await closedAsOf(made.db, 5);
    // As version 5 stored them: one `handling` field with its own dot, a conflict on one.
    const dot: [string, number] = [device, 9];
    rows.clues = (rows.clues as Record<string, unknown>[]).map((row, i) => {
      const { proposal, receiver, receiverName, handoverDate, ...v5 } = row;
      void [proposal, receiver, receiverName, handoverDate];
      const clocks = { ...(row.clocks as Record<string, unknown>) };
      for (const f of ['proposal', 'receiver', 'receiverName', 'handoverDate']) delete clocks[f];
      return {
        ...v5,
        handling: handlings[i],
        clocks: { ...clocks, handling: dot },
        ...(i === 0 && { siblings: { handling: [{ value: 'closed', dot: ['other', 3] }] } }),
      };
    });
    const { db, repos } = await upgraded(5, storesUpTo(5), rows);
    const after = await db.clues.bulkGet(ids);
    expect(after.map((c) => [c!.proposal, c!.receiver])).toEqual([
      ['', 'discipline'],
      ['', 'organization'],
      ['', 'other'],
      ['hold', ''],
      ['close', ''],
    ]);
    for (const clue of after) {
      expect(clue).not.toHaveProperty('handling');
      expect(clue!.clocks).not.toHaveProperty('handling');
      expect(clue!.clocks.proposal).toEqual(dot);
      expect(clue!.subjectName).toMatch(/^张/);
      expect(() => checkRecordRow('clues', clue)).not.toThrow();
    }
    // The conflict over the old field is kept, as a conflict over what it now means.
    expect(after[0]!.siblings).toEqual({
      proposal: [{ value: 'close', dot: ['other', 3] }],
      receiver: [{ value: '', dot: ['other', 3] }],
    });
    const { record } = await repos.clues.patch(ids[3]!, { receiver: 'discipline' }, made.actor);
    expect([record.proposal, record.receiver]).toEqual(['hold', 'discipline']);
    db.close();
  });

  it('open version 7 data as it is: a clue gains its reply fields only when written', async () => {
    const made = await caseWithLeader();
    const clue = await made.repos.clues.create(made.caseId, made.actor);
    await made.repos.clues.patch(
      clue.id,
      { subjectName: '王某', handoverDate: '2026-09-01' },
      made.actor,
    );
    const rows = await closedAsOf(made.db, 7);
    // As version 7 wrote them: no reply fields, no clocks for them.
    rows.clues = (rows.clues as Record<string, unknown>[]).map((row) => {
      const { resultDate, result, ...v7 } = row;
      void [resultDate, result];
      const clocks = { ...(row.clocks as Record<string, unknown>) };
      delete clocks.resultDate;
      delete clocks.result;
      return { ...v7, clocks };
    });
    const { db, repos } = await upgraded(7, storesUpTo(7), rows);
    expect(await db.clues.toArray()).toEqual(rows.clues);
    for (const row of await db.clues.toArray())
      expect(() => checkRecordRow('clues', row)).not.toThrow();
    const { record } = await repos.clues.patch(
      clue.id,
      { resultDate: '2026-11-20', result: '已初核，予以了结' },
      made.actor,
    );
    expect(record).toMatchObject({ subjectName: '王某', resultDate: '2026-11-20' });
    db.close();
  });

  it('open version 8 data as it is: cases without a prior case, and a 回头看 can start', async () => {
    const made = await caseWithLeader();
    await made.repos.cases.update(made.caseId, { notes: '上轮' }, made.actor, today);
    const rows = await closedAsOf(made.db, 8);
    // As version 8 wrote them: no prior case field, no clock for it.
    rows.cases = (rows.cases as Record<string, unknown>[]).map((row) => {
      const { priorCaseId, ...v8 } = row;
      void priorCaseId;
      return v8;
    });
    const { db, repos } = await upgraded(8, storesUpTo(8), rows);
    expect(await db.cases.toArray()).toEqual(rows.cases);
    expect(await db.rechecks.count()).toBe(0);
    for (const row of await db.cases.toArray())
      expect(() => checkRecordRow('cases', row)).not.toThrow();
    const lookback = await repos.cases.create(
      { ...newCase, type: 'lookback' },
      made.deviceId,
      today,
    );
    const actor = { deviceId: made.deviceId, memberId: lookback.creator.id };
    await repos.clues.create(made.caseId, made.actor, { receiver: 'discipline' });
    expect(await repos.rechecks.start(lookback.caseRecord.id, made.caseId, actor)).toEqual({
      added: 1,
      updated: 0,
    });
    expect((await repos.cases.get(made.caseId))?.notes).toBe('上轮');
    db.close();
  });

  it('open version 9 data as it is, with the 数据比对 tables empty and ready', async () => {
    const made = await caseWithLeader();
    await made.repos.findings.create(made.caseId, made.actor, { title: '上轮问题反弹' });
    const rows = await closedAsOf(made.db, 9);
    const { db, repos } = await upgraded(9, storesUpTo(9), rows);
    expect(await db.findings.toArray()).toEqual(rows.findings);
    expect(await db.compareLists.count()).toBe(0);
    const rule = await repos.compare.addRule(
      made.caseId,
      { preset: 'preset:dibao:death' },
      made.actor,
    );
    expect(rule.meaning).toBe('享受低保对象待遇但本人已死亡');
    db.close();
  });

  it('open version 10 data as it is, with an empty audit log that takes entries', async () => {
    const made = await caseWithLeader();
    await made.repos.records.create('interviews', made.caseId, made.actor, today);
    const rows = await closedAsOf(made.db, 10);
    const { db, repos } = await upgraded(10, storesUpTo(10), rows);
    expect(await db.interviews.toArray()).toEqual(rows.interviews);
    expect(await db.auditLog.count()).toBe(0);
    expect(await repos.audit.appendAll('unlock', { how: 'passphrase' })).toBe(1);
    expect(await repos.audit.list(made.caseId, made.actor)).toMatchObject([
      { action: 'unlock', memberId: made.actor.memberId },
    ]);
    db.close();
  });

  it('open version 11 data as it is, its list rows listed and counted by kind as before', async () => {
    const made = await caseWithLeader();
    for (const kind of ['interviews', 'docReviews', 'docReviews'] as const) {
      await made.repos.records.create(kind, made.caseId, made.actor, today);
    }
    const rows = await closedAsOf(made.db, 11);
    const { db, repos } = await upgraded(11, storesUpTo(11), rows);
    expect(await db.summaries.toArray()).toEqual(rows.summaries);
    const docs = await repos.records.summaries(made.caseId, 'docReviews');
    expect(docs.map((s) => s.kind)).toEqual(['docReviews', 'docReviews']);
    expect(await repos.records.counts(made.caseId)).toMatchObject({ interviews: 1, docReviews: 2 });
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
    check.close();
  });

  it('refuse a newer database even when it lacks the settings row that names its version', async () => {
    const name = freshName();
    const future = CURRENT_VERSION + 1;
    await writeOldDatabase(name, future, { ...V1_STORES, future: 'id' }, { cases: V1_ROWS.cases });
    const db = new WorkbenchDB(name);
    await expect(repositories(db).open()).rejects.toBeInstanceOf(NewerDataError);
    const check = new Dexie(name);
    await check.open();
    expect(await check.table('settings').count()).toBe(0); // nothing written
    check.close();
  });

  it('stop writing when a newer version opens the database elsewhere, instead of reopening it', async () => {
    const name = freshName();
    let told = 0;
    const db = new WorkbenchDB(name);
    const repos = repositories(db, { onNewerVersionElsewhere: () => told++ });
    await repos.open();
    const deviceId = await repos.settings.deviceId();
    const { caseRecord, creator } = await repos.cases.create(
      {
        unitName: '某县',
        type: 'regular',
        startDate: '2026-11-01',
        endDate: '2026-12-31',
        creatorName: '张三',
      },
      deviceId,
      '2026-11-23',
    );

    const newer = new Dexie(name);
    newer.version(CURRENT_VERSION + 1).stores({ future: 'id' });
    await newer.open(); // another tab with a newer app: the old connection is asked to close
    expect(told).toBe(1);
    const actor = { deviceId, memberId: creator.id };
    await expect(
      repos.records.create('interviews', caseRecord.id, actor, '2026-11-23'),
    ).rejects.toMatchObject({ name: 'DatabaseClosedError' });
    newer.close();
  });
});

describe('the schema version outside the renderer', () => {
  it('is the last version of the schema (the command line and packages check against it)', () => {
    expect(SCHEMA_VERSION).toBe(CURRENT_VERSION);
  });
});
