import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { NoCaseKey, openBlob, sealBlob, Unreadable } from '../../../renderer/db/atRest';
import { WorkbenchDB } from '../../../renderer/db/database';
import { memoryKeys } from '../../../renderer/db/keyring';
import { repositories } from '../../../renderer/db/repositories';
import { sealExisting } from '../../../renderer/db/sealExisting';
import { caseWithLeader, newCase, snapshot, today } from './helpers';

const SECRET = '王某某在食堂采购中收受回扣三万元';
const PLACE = '县教育局三楼谈话室';

/** Every row of every table as IndexedDB holds it: opened without the app's keys. */
async function onDisk(name: string): Promise<Record<string, unknown[]>> {
  const raw = new Dexie(name);
  await raw.open(); // dynamic mode: the stores that are there, no middleware
  try {
    const out: Record<string, unknown[]> = {};
    for (const table of raw.tables) out[table.name] = await table.toArray();
    return out;
  } finally {
    raw.close();
  }
}

/** All bytes of the rows: strings as UTF-8 and UTF-16, binary as it is, Blobs read. */
async function bytesOf(value: unknown): Promise<Buffer> {
  const parts: Buffer[] = [];
  const walk = async (v: unknown): Promise<void> => {
    if (typeof v === 'string') parts.push(Buffer.from(v, 'utf8'), Buffer.from(v, 'utf16le'));
    else if (v instanceof Uint8Array) parts.push(Buffer.from(v));
    else if (v instanceof Blob) parts.push(Buffer.from(await v.arrayBuffer()));
    else if (v && typeof v === 'object') for (const x of Object.values(v)) await walk(x);
  };
  await walk(value);
  return Buffer.concat(parts);
}

const contains = (haystack: Buffer, text: string) =>
  haystack.includes(Buffer.from(text, 'utf8')) || haystack.includes(Buffer.from(text, 'utf16le'));

async function interviewWithSecret() {
  const setup = await caseWithLeader();
  const { repos, caseId, actor } = setup;
  const { id } = await repos.records.create('interviews', caseId, actor, today);
  await repos.records.patch(
    'interviews',
    id,
    { place: PLACE, 'turns/t1': { id: 't1', pos: 'a', speaker: 'a', text: SECRET } },
    actor,
    today,
  );
  return { ...setup, recordId: id };
}

describe('encryption at rest', () => {
  it('keeps no record text, name or key on disk, only what indexes need', async () => {
    const { db, repos, caseId, recordId } = await interviewWithSecret();
    const { identity } = await repos.settings.laptopKey();
    const NOTE = '尚未保存的一句：账外资金存放在食堂';
    await repos.journal.put(`interviews:${recordId}`, { patch: { place: NOTE } });
    expect(await repos.journal.get(`interviews:${recordId}`)).toEqual({ patch: { place: NOTE } });
    // Through the app, everything reads as written.
    const record = (await repos.records.get('interviews', recordId)) as unknown as {
      place: string;
      turns: { text: string }[];
    };
    expect(record.place).toBe(PLACE);
    expect(record.turns[0]!.text).toBe(SECRET);

    const disk = await onDisk(db.name);
    const all = await bytesOf(disk);
    for (const text of [SECRET, PLACE, NOTE, '张三', '某县教育局党组', identity]) {
      expect(contains(all, text), text).toBe(false);
    }
    // What indexes need is there, and nothing else beside the sealed body.
    const stored = disk.interviews!.find((r) => (r as { id: string }).id === recordId);
    expect(Object.keys(stored as object).sort()).toEqual(['$', 'caseId', 'id', 'seq']);
    expect(stored).toMatchObject({ caseId, id: recordId });
    const summary = disk.summaries!.find((r) => (r as { id: string }).id === recordId);
    expect(Object.keys(summary as object).sort()).toEqual([
      '$',
      'caseId',
      'id',
      'kind',
      'seq',
      'state',
    ]);
  });

  it('refuses to open a sealed body moved onto another row', async () => {
    const { db, repos, caseId, actor, recordId } = await interviewWithSecret();
    const other = await repos.records.create('interviews', caseId, actor, today);
    const raw = new Dexie(db.name);
    await raw.open();
    const stolen = (await raw.table('interviews').get(recordId)) as { $: string };
    await raw.table('interviews').update(other.id, { $: stolen.$ });
    raw.close();
    await expect(db.interviews.get(other.id)).rejects.toBeInstanceOf(Unreadable);
    expect(await db.interviews.get(recordId)).toMatchObject({ id: recordId });
  });

  it('reads rows sealed before bodies were stored as byte strings, and stores them so again', async () => {
    const { db, repos, caseId, actor, recordId } = await interviewWithSecret();
    // As the app stored them until now: the same sealed bytes, in a Uint8Array.
    const raw = new Dexie(db.name);
    await raw.open();
    for (const table of ['interviews', 'summaries']) {
      const row = (await raw.table(table).get(recordId)) as { $: string };
      expect(typeof row.$).toBe('string');
      const bytes = Uint8Array.from(row.$, (c) => c.charCodeAt(0));
      await raw.table(table).update(recordId, { $: bytes });
    }
    raw.close();
    const other = new WorkbenchDB(db.name, {}, db.keys); // nothing opened before
    const [summary] = await repositories(other).records.summaries(caseId, 'interviews');
    expect(summary).toMatchObject({ id: recordId, kind: 'interviews', state: 'live' });
    const record = (await repositories(other).records.get('interviews', recordId))!;
    expect((record as unknown as { turns: { text: string }[] }).turns[0]!.text).toBe(SECRET);
    await repositories(other).records.patch(
      'interviews',
      recordId,
      { place: '会议室' },
      actor,
      today,
    );
    other.close();
    expect(typeof ((await onDisk(db.name)).interviews![0] as { $: unknown }).$).toBe('string');
    expect((await repos.records.get('interviews', recordId))!.place).toBe('会议室');
  });

  it('upgrades a sealed database of version 11 in place: its list rows listed, still sealed', async () => {
    const keys = memoryKeys();
    const name = `at-rest-v11-${Date.now()}`;
    // As the app of version 11 left it, sealed.
    const old = new WorkbenchDB(name, {}, keys, 11);
    const made = await repositories(old).cases.create(newCase, 'device-1', today);
    const actor = { deviceId: 'device-1', memberId: made.creator.id };
    const ids: string[] = [];
    for (const kind of ['docReviews', 'interviews', 'docReviews'] as const) {
      ids.push((await repositories(old).records.create(kind, made.caseRecord.id, actor, today)).id);
    }
    old.close();
    const db = new WorkbenchDB(name, {}, keys);
    const repos = repositories(db);
    await repos.open();
    expect(db.verno).toBe(12);
    const docs = await repos.records.summaries(made.caseRecord.id, 'docReviews');
    expect(docs.map((s) => s.id).sort()).toEqual([ids[0], ids[2]].sort());
    const disk = await onDisk(name);
    expect(disk.summaries!.every((row) => typeof (row as { $: unknown }).$ === 'string')).toBe(
      true,
    );
    db.close();
  });

  it('seals file bytes and gives them back whole; a damaged or cut file does not open', async () => {
    const { db, repos, caseId, actor, recordId } = await interviewWithSecret();
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 7919) % 251);
    const [attachment] = await repos.attachments.add(
      caseId,
      'interviews',
      recordId,
      [{ name: '现场照片.png', mime: 'image/png', blob: new Blob([bytes]), thumbnail: null }],
      actor,
    );
    const back = await repos.attachments.bytes(attachment!.sha256);
    expect(new Uint8Array(await back!.arrayBuffer())).toEqual(bytes);
    expect(attachment!.size).toBe(200_000);

    const disk = await onDisk(db.name);
    const row = disk.blobs![0] as { sha256: string; blob: Blob; size?: number };
    expect(row.size).toBeUndefined(); // sealed with the rest
    const sealed = new Uint8Array(await row.blob.arrayBuffer());
    expect(Buffer.from(sealed).includes(Buffer.from(bytes.subarray(1000, 1064)))).toBe(false);

    // Damaged on disk: the last chunk cut off, or one byte flipped.
    const flipped = sealed.slice();
    flipped[70_000]! ^= 1;
    for (const blob of [row.blob.slice(0, 65_536 + 41), new Blob([flipped])]) {
      const raw = new Dexie(db.name);
      await raw.open();
      await raw.table('blobs').update(row.sha256, { blob });
      raw.close();
      await expect(repos.attachments.bytes(row.sha256)).rejects.toBeInstanceOf(Unreadable);
    }
  });

  it('refuses a file not sealed, and a row of a case with no key, writing nothing', async () => {
    const { db, caseId } = await caseWithLeader();
    const before = await snapshot(db);
    await expect(
      db.blobs.put({ sha256: 'ab'.repeat(32), size: 3, blob: new Blob(['abc']) }),
    ).rejects.toThrow(/not sealed/);
    await expect(
      db.interviews.put({ id: 'x', caseId: 'no-such-case' } as never),
    ).rejects.toBeInstanceOf(NoCaseKey);
    expect(await snapshot(db)).toEqual(before);
    // The case with a key takes the same row.
    await db.interviews.put({ id: 'x', caseId } as never);
    expect(await db.interviews.get('x')).toEqual({ id: 'x', caseId });
  });

  it('reads rows written before encryption as they are', async () => {
    const name = `plain-${Date.now()}`;
    const plain = repositories(new WorkbenchDB(name));
    await plain.open();
    const deviceId = await plain.settings.deviceId(); // an app from before issue 16
    const sealed = repositories(new WorkbenchDB(name, {}, memoryKeys()));
    await sealed.open();
    expect(await sealed.settings.deviceId()).toBe(deviceId);
  });

  it('a file sealed for one hash does not open as another', async () => {
    const keys = memoryKeys();
    const sealed = await sealBlob(keys, new Blob(['证据']), 'a'.repeat(64));
    const db = new WorkbenchDB(`blob-${Date.now()}`, {}, keys);
    await db.blobs.put({ sha256: 'b'.repeat(64), size: 6, blob: sealed });
    const row = (await db.blobs.get('b'.repeat(64)))!;
    await expect(openBlob(keys, row)).rejects.toBeInstanceOf(Unreadable);
  });
});

describe('a laptop with data from before encryption', () => {
  it('has every row sealed at the first unlock, resuming after an interruption', async () => {
    const name = `before-${Date.now()}`;
    const plainDb = new WorkbenchDB(name);
    const plain = repositories(plainDb);
    await plain.open();
    const deviceId = await plain.settings.deviceId();
    const { caseRecord, creator } = await plain.cases.create(
      { ...newCase, unitName: '某县财政局党组' },
      deviceId,
      today,
    );
    const actor = { deviceId, memberId: creator.id };
    const { id } = await plain.records.create('interviews', caseRecord.id, actor, today);
    await plain.records.patch('interviews', id, { place: PLACE }, actor, today);
    const photo = new Uint8Array(70_000).fill(7);
    await plain.attachments.add(
      caseRecord.id,
      'interviews',
      id,
      [{ name: '照片.jpg', mime: 'image/jpeg', blob: new Blob([photo]), thumbnail: null }],
      actor,
    );
    plainDb.close();
    expect(contains(await bytesOf(await onDisk(name)), PLACE)).toBe(true);

    const db = new WorkbenchDB(name, {}, memoryKeys());
    const repos = repositories(db);
    await repos.open();
    // The window is closed after the first batch of three rows.
    const closed = new Error('window closed');
    await expect(
      sealExisting(
        db,
        () => {
          throw closed;
        },
        3,
      ),
    ).rejects.toBe(closed);
    const seen: number[] = [];
    const { done, total } = await sealExisting(db, (p) => seen.push(p.done), 3);
    expect(done).toBe(total);
    expect(seen.at(-1)).toBe(total);
    expect(await sealExisting(db)).toEqual({ done: 0, total: 0 }); // nothing left in the clear

    const disk = await onDisk(name);
    const all = await bytesOf(disk);
    for (const text of [PLACE, '某县财政局党组', deviceId]) expect(contains(all, text)).toBe(false);
    expect(
      Object.values(disk)
        .flat()
        .every((row) => '$' in (row as object)),
    ).toBe(true);
    expect(all.includes(Buffer.from(photo.subarray(0, 64)))).toBe(false);
    // And it all reads as before.
    expect(await repos.settings.deviceId()).toBe(deviceId);
    expect(await repos.records.get('interviews', id)).toMatchObject({ place: PLACE });
    const [attachment] = await repos.attachments.list(id);
    const bytes = await repos.attachments.bytes(attachment!.sha256);
    expect(new Uint8Array(await bytes!.arrayBuffer())).toEqual(photo);
  });
});

describe('file bytes sealed in chunks', () => {
  it('come back whole at every size around a chunk and a read', async () => {
    const keys = memoryKeys();
    const db = new WorkbenchDB(`chunks-${Date.now()}`, {}, keys);
    for (const size of [0, 1, 65_536, 65_537, 64 * 65_536, 64 * 65_536 + 5]) {
      const bytes = new Uint8Array(size).map((_, i) => (i * 31 + size) % 256);
      const sha256 = size.toString(16).padStart(64, '0');
      const sealed = await sealBlob(keys, new Blob([bytes], { type: 'image/png' }), sha256);
      await db.blobs.put({ sha256, size, blob: sealed });
      const back = await openBlob(keys, (await db.blobs.get(sha256))!);
      expect(back.type).toBe('image/png');
      // Compared as buffers: a deep equal of 4 million elements takes seconds.
      expect(Buffer.from(await back.arrayBuffer()).equals(Buffer.from(bytes)), `${size}`).toBe(
        true,
      );
    }
  }, 30_000);
});
