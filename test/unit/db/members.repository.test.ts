import { describe, expect, it } from 'vitest';
import type { ValidationError } from '../../../shared/domain/validation';
import { freshRepos, newCase, snapshot } from './helpers';

async function teamCase() {
  const setup = await freshRepos();
  const { caseRecord, creator } = await setup.repos.cases.create(
    newCase,
    setup.deviceId,
    '2026-11-23',
  );
  return {
    ...setup,
    caseId: caseRecord.id,
    actor: { deviceId: setup.deviceId, memberId: creator.id },
  };
}

describe('members repository', () => {
  it('adds members and lists the 组长 first', async () => {
    const { repos, caseId, actor } = await teamCase();
    await repos.members.add(caseId, { name: '王五', role: 'liaison' }, actor);
    await repos.members.add(caseId, { name: '李四', role: 'deputy', phone: '13800000000' }, actor);
    expect((await repos.members.list(caseId)).map((m) => `${m.name}:${m.role}`)).toEqual([
      '张三:leader',
      '李四:deputy',
      '王五:liaison',
    ]);
  });

  it('refuses a second 组长 or a duplicate name and writes nothing', async () => {
    const { db, repos, caseId, actor } = await teamCase();
    const before = await snapshot(db);
    await expect(
      repos.members.add(caseId, { name: '赵六', role: 'leader' }, actor),
    ).rejects.toMatchObject({
      fieldErrors: { role: '本组已有组长（张三），一个巡察组只设一名组长' },
    });
    await expect(
      repos.members.add(caseId, { name: '张三', role: 'member' }, actor),
    ).rejects.toMatchObject({
      fieldErrors: { name: '本组已有名为“张三”的成员' },
    });
    await expect(
      repos.members.add(caseId, { name: '', role: 'member' }, actor),
    ).rejects.toMatchObject({
      fieldErrors: { name: '请填写姓名' },
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('removes a member as a tombstone: off the list, still in the data', async () => {
    const { db, repos, caseId, actor } = await teamCase();
    const li = await repos.members.add(caseId, { name: '李四', role: 'member' }, actor);
    await repos.members.remove(li.id, actor);
    expect((await repos.members.list(caseId)).map((m) => m.name)).toEqual(['张三']);
    expect(await db.members.get(li.id)).toMatchObject({
      name: '李四',
      deleted: true,
      deletedBy: actor.memberId,
    });
    // A removed name may be used again.
    await repos.members.add(caseId, { name: '李四', role: 'member' }, actor);
  });

  it('never removes the 组长', async () => {
    const { db, repos, caseId, actor } = await teamCase();
    const [leader] = await repos.members.list(caseId);
    const before = await snapshot(db);
    const error = await repos.members.remove(leader!.id, actor).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors.role).toMatch(/^组长不能被移除/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('edits a member, and the 组长 may keep the role', async () => {
    const { repos, caseId, actor } = await teamCase();
    const [leader] = await repos.members.list(caseId);
    const edited = await repos.members.update(
      leader!.id,
      { name: '张三', role: 'leader', title: '巡察办副主任' },
      actor,
    );
    expect(edited).toMatchObject({ title: '巡察办副主任', rev: 2 });
  });

  it('remembers who uses this laptop, per case', async () => {
    const { repos, caseId, actor } = await teamCase();
    const li = await repos.members.add(caseId, { name: '李四', role: 'member' }, actor);
    await repos.settings.setCurrentMember(caseId, li.id);
    expect(await repos.settings.currentMember(caseId)).toBe(li.id);
    expect(await repos.settings.currentMember('another-case')).toBeUndefined();
  });

  it('makes the first member of a case its 组长, whatever the form said', async () => {
    const { repos, caseId } = await teamCase();
    const created = await repos.cases.create(
      { ...newCase, creatorRole: 'member' } as typeof newCase,
      'another-laptop',
      '2026-11-23',
    );
    expect(created.creator.role).toBe('leader');
    expect((await repos.members.list(caseId))[0]!.role).toBe('leader');
  });

  it('lets only the 组长 change roles: a 组员 cannot make themselves 组长', async () => {
    const { db, repos, caseId, actor } = await teamCase();
    const li = await repos.members.add(caseId, { name: '李四', role: 'member' }, actor);
    const self = { deviceId: actor.deviceId, memberId: li.id };
    const before = await snapshot(db);
    for (const attempt of [
      () => repos.members.update(li.id, { role: 'leader' }, self),
      () => repos.members.update(li.id, { role: 'deputy' }, self),
      () => repos.members.update(actor.memberId, { role: 'member' }, self),
      () => repos.members.add(caseId, { name: '王五', role: 'member' }, self),
      () => repos.members.remove(actor.memberId, self),
    ]) {
      const error = (await attempt().catch((e: unknown) => e)) as ValidationError;
      expect(error.fieldErrors.role).toMatch(/组长/);
    }
    expect(await snapshot(db)).toEqual(before);
    // …but may correct their own phone number.
    const fixed = await repos.members.update(li.id, { phone: '13900000000' }, self);
    expect(fixed).toMatchObject({ phone: '13900000000', role: 'member' });
  });

  it('hands over: the 组长 names a new 组长 and becomes 副组长', async () => {
    const { repos, caseId, actor } = await teamCase();
    const li = await repos.members.add(caseId, { name: '李四', role: 'member' }, actor);
    await repos.members.update(li.id, { role: 'leader' }, actor);
    expect((await repos.members.list(caseId)).map((m) => `${m.name}:${m.role}`)).toEqual([
      '李四:leader',
      '张三:deputy',
    ]);
  });

  it('writes only the fields a dialog changed, so a stale dialog undoes nothing', async () => {
    const { repos, caseId, actor } = await teamCase();
    const li = await repos.members.add(caseId, { name: '李四', role: 'member' }, actor);
    // Two dialogs opened on 李四; one saves a title, the other (opened before) a phone number.
    await repos.members.update(li.id, { title: '县审计局科员' }, actor);
    await repos.members.update(li.id, { phone: '13800000000' }, actor);
    expect(await repos.members.get(li.id)).toMatchObject({
      title: '县审计局科员',
      phone: '13800000000',
    });
  });
});
