import { describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../../../shared/domain/validation';
import { freshRepos, newCase, snapshot } from './helpers';

const today = '2026-11-23';

async function caseWithMember() {
  const setup = await freshRepos();
  const { caseRecord, creator } = await setup.repos.cases.create(newCase, setup.deviceId, today);
  return {
    ...setup,
    caseId: caseRecord.id,
    actor: { deviceId: setup.deviceId, memberId: creator.id },
  };
}

describe('field records', () => {
  it('are created as drafts with a summary row, counted per kind', async () => {
    const { repos, caseId, actor } = await caseWithMember();
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
    const { db, repos, caseId, actor } = await caseWithMember();
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

  it('keep a history where one typing session is one revision', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const { repos, caseId, actor } = await caseWithMember();
      vi.setSystemTime(new Date('2026-11-23T02:00:00Z'));
      const { id } = await repos.records.create('interviews', caseId, actor, today);
      const turns = (text: string) => [{ id: 't1', speaker: 'q', text }];
      for (const [second, text] of [
        [1, '问'],
        [2, '问：你'],
        [3, '问：你好'],
      ] as const) {
        vi.setSystemTime(new Date(`2026-11-23T02:00:0${second}Z`));
        await repos.records.patch('interviews', id, { turns: turns(text) }, actor, today);
      }
      vi.setSystemTime(new Date('2026-11-23T02:10:00Z')); // back after a break
      await repos.records.patch('interviews', id, { place: '会议室' }, actor, today);
      await repos.records.remove('interviews', id, actor);

      const history = await repos.records.history(id);
      expect(history.map((r) => [r.kind, r.at.slice(11, 19), Object.keys(r.changes)])).toEqual([
        ['create', '02:00:00', expect.arrayContaining(['turns', 'date'])],
        ['update', '02:00:03', ['turns']],
        ['update', '02:10:00', ['place']],
        ['delete', '02:10:00', ['deleted']],
      ]);
      expect(history[1]!.changes.turns).toEqual(turns('问：你好'));
    } finally {
      vi.useRealTimers();
    }
  });

  it('go to the recycle bin and come back', async () => {
    const { repos, caseId, actor } = await caseWithMember();
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

  it('list what changed since a moment, for the search index', async () => {
    const { repos, caseId, actor } = await caseWithMember();
    const a = await repos.records.create('docReviews', caseId, actor, today);
    const since = a.updatedAt;
    await new Promise((r) => setTimeout(r, 5));
    const b = await repos.records.create('docReviews', caseId, actor, today);
    expect((await repos.records.changedSince(caseId, since)).map((s) => s.id)).toEqual([
      a.id,
      b.id,
    ]);
    expect((await repos.records.changedSince(caseId, b.updatedAt)).map((s) => s.id)).toEqual([
      b.id,
    ]);
  });
});

describe('attachments', () => {
  it('are stored as Blobs on a record and listed', async () => {
    const { repos, caseId, actor } = await caseWithMember();
    const { id } = await repos.records.create('siteVisits', caseId, actor, today);
    const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });
    await repos.attachments.add(
      caseId,
      'siteVisits',
      id,
      [{ name: '现场.jpg', mime: 'image/jpeg', blob: photo, thumbnail: null }],
      actor,
    );
    const [stored] = await repos.attachments.list(id);
    expect(stored).toMatchObject({ name: '现场.jpg', size: 3, mime: 'image/jpeg', deleted: false });
    expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(
      new Uint8Array([0xff, 0xd8, 0xff]),
    );
    expect((await repos.records.history(id)).at(-1)!.changes).toEqual({
      attachment: '现场.jpg',
      size: 3,
    });
  });

  it('refuse a file over 200 MB, with the batch, and store nothing', async () => {
    const { db, repos, caseId, actor } = await caseWithMember();
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
      '“全程录像.mp4”大小为 200.0 MB，超过单个文件 200.0 MB 的上限，未保存。',
    );
    expect(await snapshot(db)).toEqual(before);
  });
});
