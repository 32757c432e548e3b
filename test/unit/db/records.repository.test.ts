import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/domain/validation';
import { versionsOf } from '../../../shared/domain/records/history';
import { REDACTED } from '../../../shared/domain/revision';
import { caseWithLeader, handClock, snapshot, today } from './helpers';

const turn = (id: string, pos: string, text: string, speaker: 'q' | 'a' = 'q') => ({
  id,
  pos,
  speaker,
  text,
});

describe('field records', () => {
  it('are created as drafts with a summary row, counted per kind', async () => {
    const { repos, caseId, actor } = await caseWithLeader();
    const interview = await repos.records.create('interviews', caseId, actor, today);
    await repos.records.create('petitions', caseId, actor, today);
    expect(interview).toMatchObject({ date: today, interviewers: [actor.memberId], turns: [] });
    expect(await repos.records.summaries(caseId, 'interviews')).toMatchObject([
      { id: interview.id, kind: 'interviews', state: 'live', title: '', date: today, missing: 1 },
    ]);
    expect(await repos.records.counts(caseId)).toEqual({
      interviews: 1,
      docReviews: 0,
      siteVisits: 0,
      petitions: 1,
    });
  });

  it('save the good fields of a patch and name the bad ones, writing none of them', async () => {
    const { db, repos, caseId, actor } = await caseWithLeader();
    const { id } = await repos.records.create('interviews', caseId, actor, today);
    await repos.records.patch('interviews', id, { startTime: '10:00' }, actor, today);

    const result = await repos.records.patch(
      'interviews',
      id,
      { place: '会议室', endTime: '09:00', date: '2999-01-01' },
      actor,
      today,
    );
    expect(result.refused).toEqual({
      endTime: '结束时间不能早于开始时间',
      date: '谈话日期不能晚于今天',
    });
    const stored = await db.interviews.get(id);
    expect(stored).toMatchObject({ place: '会议室', startTime: '10:00', endTime: '', date: today });
  });

  it('write turns one by one: two stale copies editing different turns both keep their text', async () => {
    const { repos, caseId, actor } = await caseWithLeader();
    const { id } = await repos.records.create('interviews', caseId, actor, today);
    await repos.records.patch(
      'interviews',
      id,
      { 'turns/t1': turn('t1', 'a0', '问：'), 'turns/t2': turn('t2', 'a1', '答：', 'a') },
      actor,
      today,
    );
    // Two tabs opened the record at this version; each edits its own turn.
    await repos.records.patch(
      'interviews',
      id,
      { 'turns/t1': turn('t1', 'a0', '问：车辆？') },
      actor,
      today,
    );
    await repos.records.patch(
      'interviews',
      id,
      { 'turns/t2': turn('t2', 'a1', '答：有私车公养。', 'a') },
      actor,
      today,
    );
    const stored = await repos.records.get('interviews', id);
    expect((stored!.turns as { text: string }[]).map((t) => t.text)).toEqual([
      '问：车辆？',
      '答：有私车公养。',
    ]);
    expect(Object.keys(stored!.clocks)).toEqual(expect.arrayContaining(['turns/t1', 'turns/t2']));
    expect(stored!.clocks.turns).toBeUndefined();
  });

  it('refuse a whole-array write of a collection: only elements are written', async () => {
    const { repos, caseId, actor } = await caseWithLeader();
    const { id } = await repos.records.create('interviews', caseId, actor, today);
    await repos.records.patch('interviews', id, { 'tags/公车': '公车' }, actor, today);
    const result = await repos.records.patch('interviews', id, { tags: [] }, actor, today);
    expect(result.record.tags).toEqual(['公车']); // a stale form's empty list removes nothing
  });

  it('go to the recycle bin and come back', async () => {
    const { repos, caseId, actor } = await caseWithLeader();
    const { id } = await repos.records.create('siteVisits', caseId, actor, today);
    await repos.records.remove('siteVisits', id, actor);
    expect(await repos.records.summaries(caseId, 'siteVisits')).toEqual([]);
    expect(await repos.records.summaries(caseId, 'siteVisits', 'deleted')).toMatchObject([
      { id, state: 'deleted' },
    ]);
    await expect(
      repos.records.patch('siteVisits', id, { place: 'x' }, actor, today),
    ).rejects.toBeInstanceOf(ValidationError);
    await repos.records.restore('siteVisits', id, actor);
    expect(await repos.records.summaries(caseId, 'siteVisits')).toMatchObject([
      { id, state: 'live' },
    ]);
  });
});

describe('anonymous petitions', () => {
  it('remove the reporter from the record and from its whole history, and say so without the values', async () => {
    const { db, repos, caseId, actor } = await caseWithLeader();
    const { id } = await repos.records.create('petitions', caseId, actor, today);
    await repos.records.patch(
      'petitions',
      id,
      { reporterName: '王大爷', reporterContact: '13912345678' },
      actor,
      today,
    );
    await repos.sync.markExported(await repos.sync.currentSeq()); // not folded: a revision of its own
    await repos.records.patch(
      'petitions',
      id,
      { reporterContact: '13987654321', summary: '反映低保评定不公' },
      actor,
      today,
    );
    await repos.records.patch(
      'petitions',
      id,
      { anonymous: true, reporterName: '', reporterContact: '' },
      actor,
      today,
    );

    const stored = JSON.stringify(await snapshot(db));
    for (const secret of ['王大爷', '13912345678', '13987654321'])
      expect(stored).not.toContain(secret);
    const revisions = await repos.history.of('petitions', id, actor);
    const redaction = revisions.find((r) => r.kind === 'redact')!;
    expect(redaction.changes).toEqual({ reporterName: REDACTED, reporterContact: REDACTED });
    expect((await repos.records.get('petitions', id))!).toMatchObject({
      anonymous: true,
      summary: '反映低保评定不公',
    });
    // The history says what was removed, never what it was.
    const versions = versionsOf(revisions);
    expect(versions.at(-1)!.kind).toBe('redact');
    expect(JSON.stringify(versions)).not.toContain('王大爷');
  });

  it('record the removal even when the name was typed and removed in one editing session', async () => {
    const { repos, caseId, actor } = await caseWithLeader();
    const { id } = await repos.records.create('petitions', caseId, actor, today);
    await repos.records.patch('petitions', id, { reporterName: '赵某' }, actor, today);
    await repos.records.patch('petitions', id, { anonymous: true, reporterName: '' }, actor, today);
    const revisions = await repos.history.of('petitions', id, actor);
    expect(JSON.stringify(revisions)).not.toContain('赵某');
    expect(revisions.find((r) => r.kind === 'redact')?.changes).toEqual({ reporterName: REDACTED });
  });

  it('refuse a name or contact typed while anonymous is ticked, keeping the rest', async () => {
    const { repos, caseId, actor } = await caseWithLeader();
    const { id } = await repos.records.create('petitions', caseId, actor, today);
    await repos.records.patch('petitions', id, { anonymous: true }, actor, today);
    const result = await repos.records.patch(
      'petitions',
      id,
      { reporterContact: '电话', subject: '低保' },
      actor,
      today,
    );
    expect(result.refused).toEqual({
      reporterContact: '匿名反映的信访件不记录反映人姓名和联系方式',
    });
    expect(result.record).toMatchObject({ reporterContact: '', subject: '低保' });
  });

  it('travel: a redaction from another laptop removes the values from this laptop’s copies', async () => {
    const { db, repos, caseId, actor } = await caseWithLeader();
    const { id } = await repos.records.create('petitions', caseId, actor, today);
    await repos.records.patch('petitions', id, { reporterName: '李某' }, actor, today);
    const record = (await repos.records.get('petitions', id))!;
    const redaction = {
      id: '01JRREDACT0000000000000001',
      caseId,
      table: 'petitions',
      recordId: id,
      kind: 'redact' as const,
      at: '2026-11-23T05:00:00.000Z',
      by: actor.memberId,
      dot: ['OTHER', 1] as const,
      vv: { ...record.vv, OTHER: 1 },
      changes: { reporterName: REDACTED },
      seq: 0,
    };
    await repos.sync.storeForeign({ rows: [], revisions: [redaction] });
    const revisions = await db.revisions.where('recordId').equals(id).toArray();
    expect(JSON.stringify(revisions)).not.toContain('李某');
  });
});

describe('the local change sequence', () => {
  it('lists what changed since a sync, in order, for the search index', async () => {
    const { repos, caseId, actor } = await caseWithLeader();
    const start = await repos.sync.currentSeq();
    const a = await repos.records.create('docReviews', caseId, actor, today);
    const b = await repos.records.create('docReviews', caseId, actor, today);
    expect((await repos.records.changedSince(caseId, start)).map((s) => s.id)).toEqual([
      a.id,
      b.id,
    ]);
    expect((await repos.records.changedSince(caseId, a.seq)).map((s) => s.id)).toEqual([b.id]);
    expect(await repos.records.changedSince(caseId, b.seq)).toEqual([]);
  });

  it('finds an edit made after the laptop clock stepped back (updatedAt would miss it)', async () => {
    const clock = handClock('2026-11-23T10:00:00.000Z');
    const { repos, caseId, actor } = await caseWithLeader({ clock });
    const record = await repos.records.create('docReviews', caseId, actor, today);
    const synced = await repos.sync.currentSeq();

    clock.set('2026-11-23T09:00:00.000Z'); // the clock is corrected an hour back
    await repos.records.patch('docReviews', record.id, { title: '财务凭证' }, actor, today);
    const changed = await repos.records.changedSince(caseId, synced);
    expect(changed.map((s) => [s.id, s.title])).toEqual([[record.id, '财务凭证']]);
    expect(changed[0]!.updatedAt < record.updatedAt).toBe(true);
  });

  it('only goes up, across every table', async () => {
    const { db, repos, caseId, actor } = await caseWithLeader();
    const seqs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await repos.records.create('petitions', caseId, actor, today);
      seqs.push(r.seq);
      const f = await repos.findings.create(caseId, actor);
      seqs.push(f.seq);
    }
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);
    const revisionSeqs = (await db.revisions.toArray()).map((r) => r.seq);
    expect(Math.max(...revisionSeqs)).toBe(await repos.sync.currentSeq());
  });
});

describe('history', () => {
  async function typing() {
    const clock = handClock();
    const setup = await caseWithLeader({ clock });
    const { repos, caseId, actor } = setup;
    const { id } = await setup.repos.records.create('interviews', caseId, actor, today);
    const type = async (text: string, afterMs = 1000) => {
      clock.advance(afterMs);
      return repos.records.patch(
        'interviews',
        id,
        { 'turns/t1': turn('t1', 'a0', text) },
        actor,
        today,
      );
    };
    const history = () => repos.history.of('interviews', id, actor);
    return { ...setup, clock, id, type, history };
  }

  it('folds one typing session into one revision, holding the version it produced', async () => {
    const { repos, actor, id, type, history, clock } = await typing();
    await type('问');
    await type('问：你');
    const last = await type('问：你好');
    clock.advance(10 * 60_000); // back after a break
    await repos.records.patch('interviews', id, { place: '会议室' }, actor, today);
    await repos.records.remove('interviews', id, actor);

    const versions = versionsOf(await history());
    expect(versions.map((v) => [v.kind, v.changes.map((c) => c.field)])).toEqual([
      ['create', expect.arrayContaining(['date', 'interviewers'])],
      ['update', ['turns']],
      ['update', ['place']],
      ['delete', []],
    ]);
    const revisions = await history();
    const folded = revisions.find((r) => r.kind === 'update' && 'turns/t1' in r.changes)!;
    expect(folded.vv).toEqual(last.record.vv);
    expect(folded.changes['turns/t1']).toMatchObject({ text: '问：你好' });
    // Every dot in the record is the dot of a revision that exists.
    const record = await repos.records.get('interviews', id);
    const dots = new Set(revisions.map((r) => r.dot.join(':')));
    for (const dot of Object.values(record!.clocks)) expect(dots.has(dot.join(':'))).toBe(true);
  });

  it('never changes a revision once it may have left the laptop', async () => {
    const { db, repos, id, type } = await typing();
    await type('问：第一句');
    const exported = await db.revisions.where('recordId').equals(id).toArray();
    await repos.sync.markExported(await repos.sync.currentSeq());

    await type('问：第一句，第二句');
    const after = await db.revisions.where('recordId').equals(id).toArray();
    for (const revision of exported) {
      expect(after.find((r) => r.id === revision.id)).toEqual(revision);
    }
    expect(after).toHaveLength(exported.length + 1);
  });

  it('starts a new version every ten minutes of continuous typing', async () => {
    const { type, history } = await typing();
    let text = '';
    for (let minute = 0; minute < 25; minute++) {
      text += '字';
      await type(text, 60_000 - 1);
    }
    const updates = (await history()).filter((r) => r.kind === 'update');
    expect(updates.length).toBe(3);
  });

  it('starts a new revision when the clock went back, instead of folding across it', async () => {
    const { type, history, clock } = await typing();
    await type('问：一');
    clock.advance(-3_600_000);
    await type('问：一二');
    expect((await history()).filter((r) => r.kind === 'update')).toHaveLength(2);
  });
});

describe('attachments', () => {
  const photoBytes = new Uint8Array([0xff, 0xd8, 0xff]);
  const photo = () => new Blob([photoBytes], { type: 'image/jpeg' });

  it('are records with versions and revisions; their bytes are stored once by SHA-256', async () => {
    const { db, repos, caseId, actor } = await caseWithLeader();
    const { id } = await repos.records.create('siteVisits', caseId, actor, today);
    const file = { name: '现场.jpg', mime: 'image/jpeg', blob: photo(), thumbnail: null };
    await repos.attachments.add(caseId, 'siteVisits', id, [file], actor);
    await repos.attachments.add(
      caseId,
      'siteVisits',
      id,
      [{ ...file, name: '现场2.jpg', blob: photo() }],
      actor,
    );

    const [first, second] = await repos.attachments.list(id);
    expect(first).toMatchObject({ name: '现场.jpg', size: 3, mime: 'image/jpeg', deleted: false });
    expect(first!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(second!.sha256).toBe(first!.sha256);
    expect(await db.blobs.count()).toBe(1);
    expect(first!.vv).toEqual({ [actor.deviceId]: 1 });
    const bytes = await repos.attachments.bytes(first!.sha256);
    expect(new Uint8Array(await bytes!.arrayBuffer())).toEqual(photoBytes);

    await repos.attachments.remove(first!.id, actor);
    const removed = await repos.attachments.get(first!.id);
    expect(removed).toMatchObject({ deleted: true, vv: { [actor.deviceId]: 2 } });
    const versions = versionsOf(await repos.history.of('siteVisits', id, actor));
    expect(versions.map((v) => v.kind)).toEqual(['create', 'attach', 'attach', 'detach']);
    expect(versions.at(-1)!.changes[0]!.before).toEqual({ attachment: '现场.jpg', size: 3 });
  });

  it('refuse a file over 200 MB, with the batch, and store nothing', async () => {
    const { db, repos, caseId, actor } = await caseWithLeader();
    const { id } = await repos.records.create('siteVisits', caseId, actor, today);
    const before = await snapshot(db);
    const big = new Blob([new Uint8Array(200 * 1024 * 1024 + 1)]);
    const small = new Blob(['ok']);
    const error = await repos.attachments
      .add(
        caseId,
        'siteVisits',
        id,
        [
          { name: 'a.txt', mime: 'text/plain', blob: small, thumbnail: null },
          { name: '全程录像.mp4', mime: 'video/mp4', blob: big, thumbnail: null },
        ],
        actor,
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.attachments).toBe(
      '“全程录像.mp4”大小为 209,715,201 字节，超过单个文件 200 MB 的上限，未保存。',
    );
    expect(await snapshot(db)).toEqual(before);
  });
});
