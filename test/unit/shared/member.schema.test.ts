import { describe, expect, it } from 'vitest';
import {
  memberFieldsSchema,
  teamConflicts,
  type MemberRecord,
} from '../../../shared/domain/member.schema';
import { createRecord, tombstone } from '../../../shared/domain/record';
import { fieldErrorsOf } from '../../../shared/domain/validation';

const ctx = { now: '2026-11-23T08:00:00.000Z', deviceId: 'D1', memberId: 'M0' };
function member(id: string, name: string, role: MemberRecord['role']): MemberRecord {
  return createRecord({ id, caseId: 'C1' }, { name, role, title: '', phone: '' }, ctx).record;
}

describe('member fields', () => {
  it('accepts a member with only name and role', () => {
    expect(memberFieldsSchema.parse({ name: ' 李明 ', role: 'member' })).toEqual({
      name: '李明',
      role: 'member',
      title: '',
      phone: '',
    });
  });

  it('names each bad field in Chinese', () => {
    const result = memberFieldsSchema.safeParse({ name: '', role: 'boss', phone: 'call me' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrorsOf(result.error)).toEqual({
      name: '请填写姓名',
      role: '请选择组内职务',
      phone: '联系电话只能包含数字、空格和 -，如 0871-12345678 或 13800000000',
    });
  });

  it('accepts landline and mobile numbers', () => {
    for (const phone of ['0871-12345678', '13800000000', '010 1234 5678']) {
      expect(memberFieldsSchema.safeParse({ name: '王', role: 'member', phone }).success).toBe(
        true,
      );
    }
  });
});

describe('team rules', () => {
  const team = [member('A', '张三', 'leader'), member('B', '李四', 'member')];

  it('allows one 组长 only, naming the one there is', () => {
    expect(teamConflicts({ name: '王五', role: 'leader', title: '', phone: '' }, team)).toEqual({
      role: '本组已有组长（张三），一个巡察组只设一名组长',
    });
  });

  it('lets the 组长 edit their own entry', () => {
    expect(
      teamConflicts({ name: '张三', role: 'leader', title: 'x', phone: '' }, team, 'A'),
    ).toEqual({});
  });

  it('refuses a second member with the same name', () => {
    expect(teamConflicts({ name: '李四', role: 'member', title: '', phone: '' }, team).name).toBe(
      '本组已有名为“李四”的成员',
    );
  });

  it('ignores removed members', () => {
    const removed = tombstone(team[0]!, ctx)!.record;
    expect(
      teamConflicts({ name: '张三', role: 'leader', title: '', phone: '' }, [removed]),
    ).toEqual({});
  });
});
