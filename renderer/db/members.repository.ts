/**
 * 巡察组成员: read and write the team of a case. Only the 组长 manages the team (adds, removes,
 * changes roles): a 组员 who could make themselves 组长 could confirm findings and read every
 * clue. A case without a 组长 (old data) lets anyone name one, so the team can repair it.
 */
import { ulid } from 'ulid';
import {
  memberFieldsSchema,
  teamConflicts,
  MEMBER_ROLES,
  type MemberFields,
  type MemberInput,
  type MemberRecord,
} from '../../shared/domain/member.schema';
import { parseOrThrow, ValidationError, type Loose } from '../../shared/domain/validation';
import { zh } from '../../shared/i18n/zh-CN';
import type { WorkbenchDB } from './database';
import type { Actor, WritePath } from './write';

const roleOrder = (m: MemberRecord) => MEMBER_ROLES.indexOf(m.role);

export function membersRepository(db: WorkbenchDB, w: WritePath) {
  async function team(caseId: string): Promise<MemberRecord[]> {
    return db.members.where('caseId').equals(caseId).toArray();
  }

  function assertFits(candidate: MemberFields, all: MemberRecord[], selfId?: string) {
    const conflicts = teamConflicts(candidate, all, selfId);
    if (Object.keys(conflicts).length > 0) throw new ValidationError(conflicts);
  }

  /** Refuses team changes by anyone but the 组长 (while the case has one). */
  function assertManages(all: MemberRecord[], actor: Actor, field: string) {
    const live = all.filter((m) => !m.deleted);
    const leader = live.find((m) => m.role === 'leader');
    if (leader && leader.id !== actor.memberId) {
      throw new ValidationError({ [field]: zh.member.leaderManagesTeam });
    }
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

    async get(id: string): Promise<MemberRecord | undefined> {
      return db.members.get(id);
    },

    async add(caseId: string, input: Loose<MemberInput>, actor: Actor): Promise<MemberRecord> {
      const fields = parseOrThrow(memberFieldsSchema, input);
      return db.transaction('rw', w.scope('members'), async () => {
        const all = await team(caseId);
        assertManages(all, actor, 'role');
        assertFits(fields, all);
        return w.insert('members', { id: ulid(), caseId }, fields, actor);
      });
    },

    /**
     * Changes the fields of `patch`, and only those (a dialog opened before someone else's
     * change must not undo it). Anyone may correct a name, title or phone number; only the 组长
     * changes a role.
     */
    async update(id: string, patch: Loose<MemberInput>, actor: Actor): Promise<MemberRecord> {
      return db.transaction('rw', w.scope('members'), async () => {
        const current = await w.getLive<MemberFields>('members', id);
        const fields = parseOrThrow(memberFieldsSchema, { ...current, ...patch });
        const all = await team(current.caseId);
        const handover = fields.role === 'leader' && current.role !== 'leader';
        if (fields.role !== current.role) {
          assertManages(all, actor, 'role');
          if (current.role === 'leader')
            throw new ValidationError({ role: zh.validation.leaderStays });
        }
        // The 组长 naming a new 组长 hands over: the old one becomes 副组长 in the same write.
        const outgoing = handover ? all.find((m) => !m.deleted && m.role === 'leader') : undefined;
        if (outgoing) {
          await w.update<MemberFields>('members', outgoing.id, { role: 'deputy' }, actor);
        }
        assertFits(fields, outgoing ? all.filter((m) => m.id !== outgoing.id) : all, id);
        const changed = Object.fromEntries(
          Object.keys(patch).map((k) => [k, fields[k as keyof MemberFields]]),
        );
        return w.update<MemberFields>('members', id, changed, actor);
      });
    },

    /**
     * Takes a member off the team list; records they wrote keep their name. The 组长 stays:
     * findings need someone to confirm them, and clues someone to read them.
     */
    async remove(id: string, actor: Actor): Promise<void> {
      await db.transaction('rw', w.scope('members'), async () => {
        const member = await w.getLive<MemberFields>('members', id);
        if (member.role === 'leader')
          throw new ValidationError({ role: zh.validation.leaderStays });
        assertManages(await team(member.caseId), actor, 'role');
        await w.remove('members', id, actor);
      });
    },
  };
}

export type MembersRepository = ReturnType<typeof membersRepository>;
