/** 巡察组成员: read and write the team of a case. */
import { ulid } from 'ulid';
import {
  MEMBER_ROLES,
  memberFieldsSchema,
  teamConflicts,
  type MemberFields,
  type MemberInput,
  type MemberRecord,
} from '../../shared/domain/member.schema';
import { parseOrThrow, ValidationError, type Loose } from '../../shared/domain/validation';
import { zh } from '../../shared/i18n/zh-CN';
import type { WorkbenchDB } from './database';
import { contextOf, deleteRecord, insertRecord, updateRecord, type Actor } from './write';

const roleOrder = (m: MemberRecord) => MEMBER_ROLES.indexOf(m.role);

export function membersRepository(db: WorkbenchDB) {
  async function team(caseId: string): Promise<MemberRecord[]> {
    return db.members.where('caseId').equals(caseId).toArray();
  }

  function assertFits(candidate: MemberFields, all: MemberRecord[], selfId?: string) {
    const conflicts = teamConflicts(candidate, all, selfId);
    if (Object.keys(conflicts).length > 0) throw new ValidationError(conflicts);
  }

  return {
    /** The current team: 组长 first, then 副组长, 组员, 联络员, each in joining order. */
    async list(caseId: string): Promise<MemberRecord[]> {
      return (await team(caseId))
        .filter((m) => !m.deleted)
        .sort((a, b) => roleOrder(a) - roleOrder(b) || a.id.localeCompare(b.id));
    },

    /** Everyone who was ever on the team, removed members included: records keep their names. */
    async everyone(caseId: string): Promise<MemberRecord[]> {
      return team(caseId);
    },

    async add(caseId: string, input: Loose<MemberInput>, actor: Actor): Promise<MemberRecord> {
      const fields = parseOrThrow(memberFieldsSchema, input);
      return db.transaction('rw', [db.members, db.revisions], async () => {
        assertFits(fields, await team(caseId));
        return insertRecord(db, 'members', { id: ulid(), caseId }, fields, contextOf(actor));
      });
    },

    async update(id: string, input: Loose<MemberInput>, actor: Actor): Promise<MemberRecord> {
      const fields = parseOrThrow(memberFieldsSchema, input);
      return db.transaction('rw', [db.members, db.revisions], async () => {
        const current = await db.members.get(id);
        if (current) assertFits(fields, await team(current.caseId), id);
        return updateRecord<MemberFields>(db, 'members', id, fields, contextOf(actor));
      });
    },

    /**
     * Takes a member off the team list; records they wrote keep their name. The 组长 stays:
     * findings need someone to confirm them, and clues someone to read them.
     */
    async remove(id: string, actor: Actor): Promise<void> {
      await db.transaction('rw', [db.members, db.revisions], async () => {
        if ((await db.members.get(id))?.role === 'leader') {
          throw new ValidationError({ role: zh.validation.leaderStays });
        }
        await deleteRecord(db, 'members', id, contextOf(actor));
      });
    },
  };
}

export type MembersRepository = ReturnType<typeof membersRepository>;
