import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/domain/validation';
import { freshRepos, newCase, snapshot } from './helpers';

const today = '2026-11-23';

describe('cases repository', () => {
  it('creates a case with its creator as 组长 and current member, in one go', async () => {
    const { repos, deviceId } = await freshRepos();
    const { caseRecord, creator } = await repos.cases.create(newCase, deviceId, today);
    expect(caseRecord).toMatchObject({
      unitName: '某县教育局党组',
      status: 'preparing',
      archived: false,
    });
    expect(caseRecord.createdBy).toBe(creator.id);
    expect(caseRecord.vv).toEqual({ [deviceId]: 1 });
    expect(await repos.members.list(caseRecord.id)).toMatchObject([
      { name: '张三', role: 'leader' },
    ]);
    expect(await repos.settings.currentMember(caseRecord.id)).toBe(creator.id);
    expect(await repos.cases.list()).toHaveLength(1);
  });

  it('writes nothing at all when the form is wrong', async () => {
    const { db, repos, deviceId } = await freshRepos();
    const before = await snapshot(db);
    const attempts = [
      { ...newCase, unitName: '  ' },
      { ...newCase, startDate: '2026-11-20', endDate: '2026-11-01' },
      { ...newCase, creatorName: '' },
    ];
    const messages = [];
    for (const input of attempts) {
      const error = await repos.cases.create(input, deviceId, today).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      messages.push((error as ValidationError).fieldErrors);
    }
    expect(messages).toEqual([
      { unitName: '请填写被巡察单位' },
      { endDate: '结束日期不能早于开始日期' },
      { creatorName: '请填写你的姓名' },
    ]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('updates only what changed and keeps each change in the history', async () => {
    const { db, repos, deviceId } = await freshRepos();
    const { caseRecord, creator } = await repos.cases.create(newCase, deviceId, today);
    const actor = { deviceId, memberId: creator.id };
    const updated = await repos.cases.update(
      caseRecord.id,
      { status: 'onsite', unitName: '某县教育局党组' },
      actor,
      today,
    );
    expect(updated).toMatchObject({ status: 'onsite', rev: 2, vv: { [deviceId]: 2 } });
    const history = await db.revisions.where('recordId').equals(caseRecord.id).sortBy('id');
    expect(history.map((r) => [r.kind, r.changes])).toEqual([
      ['create', expect.objectContaining({ unitName: '某县教育局党组' })],
      ['update', { status: 'onsite' }],
    ]);
  });

  it('refuses an edit that would break the case, keeping what was saved', async () => {
    const { db, repos, deviceId } = await freshRepos();
    const { caseRecord, creator } = await repos.cases.create(newCase, deviceId, today);
    const before = await snapshot(db);
    await expect(
      repos.cases.update(
        caseRecord.id,
        { endDate: '2026-10-01' },
        { deviceId, memberId: creator.id },
        today,
      ),
    ).rejects.toMatchObject({ fieldErrors: { endDate: '结束日期不能早于开始日期' } });
    expect(await snapshot(db)).toEqual(before);
  });

  it('archives and restores without losing anything', async () => {
    const { repos, deviceId } = await freshRepos();
    const { caseRecord, creator } = await repos.cases.create(newCase, deviceId, today);
    const actor = { deviceId, memberId: creator.id };
    await repos.cases.setArchived(caseRecord.id, true, actor);
    expect((await repos.cases.get(caseRecord.id))?.archived).toBe(true);
    await repos.cases.setArchived(caseRecord.id, false, actor);
    const back = await repos.cases.get(caseRecord.id);
    expect(back).toMatchObject({ archived: false, unitName: '某县教育局党组', rev: 3 });
    expect(await repos.members.list(caseRecord.id)).toHaveLength(1);
  });

  it('keeps one device id for the laptop', async () => {
    const { repos, deviceId } = await freshRepos();
    expect(await repos.settings.deviceId()).toBe(deviceId);
    expect(deviceId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });
});
