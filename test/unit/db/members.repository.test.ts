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
});
