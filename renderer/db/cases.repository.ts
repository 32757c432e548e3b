/** 巡察任务: read and write cases. */
import { ulid } from 'ulid';
import { splitPath } from '../../shared/domain/collections';
import type { Patch } from '../../shared/domain/record';
import { splitPatch } from '../../shared/domain/records/check';
import type { FieldErrors } from '../../shared/domain/validation';
import { zh } from '../../shared/i18n/zh-CN';
import {
  ledgerSettings,
  reportFields,
  caseFieldsSchema,
  newCaseSchema,
  type CaseFields,
  type CaseInput,
  type CaseRecord,
  type NewCaseInput,
} from '../../shared/domain/case.schema';
import type { MemberFields, MemberRecord } from '../../shared/domain/member.schema';
import type { IsoDate } from '../../shared/domain/dates';
import { parseOrThrow, type Loose } from '../../shared/domain/validation';
import type { WorkbenchDB } from './database';
import type { Actor, WritePath } from './write';

const LEADER_SETTINGS = { ...reportFields.shape, ...ledgerSettings.shape };

export function casesRepository(db: WorkbenchDB, w: WritePath) {
  return {
    /** Every case that is not in the recycle bin, newest start first. */
    async list(): Promise<CaseRecord[]> {
      const all = await db.cases.toArray();
      return all
        .filter((c) => !c.deleted)
        .sort((a, b) => b.startDate.localeCompare(a.startDate) || b.id.localeCompare(a.id));
    },

    async get(id: string): Promise<CaseRecord | undefined> {
      const found = await db.cases.get(id);
      return found && !found.deleted ? found : undefined;
    },

    /**
     * Creates a case with its creator as the first team member and its 组长 (findings need
     * someone to confirm them, clues someone to read them), and makes that member the current
     * user of this laptop: all or nothing, in one transaction.
     */
    async create(
      input: Loose<NewCaseInput>,
      deviceId: string,
      today: IsoDate,
    ): Promise<{ caseRecord: CaseRecord; creator: MemberRecord }> {
      const { creatorName, ...fields } = parseOrThrow(newCaseSchema(today), input);
      const caseId = ulid();
      const memberId = ulid();
      const actor = { deviceId, memberId };
      await db.keys?.ensure(caseId); // its key is stored before anything it seals
      return db.transaction('rw', w.scope('cases', 'members'), async () => {
        const caseRecord = await w.insert<CaseFields>(
          'cases',
          { id: caseId, caseId },
          fields,
          actor,
        );
        const creator = await w.insert<MemberFields>(
          'members',
          { id: memberId, caseId },
          { name: creatorName, role: 'leader', title: '', phone: '' },
          actor,
        );
        await db.settings.put({ key: `currentMember:${caseId}`, value: memberId });
        return { caseRecord, creator };
      });
    },

    /**
     * Changes the fields of `patch` (only those: a dialog opened before someone else's change
     * must not undo it). The case as it would be is validated whole before anything is written.
     */
    async update(id: string, patch: Loose<CaseInput>, actor: Actor, today: IsoDate) {
      const schema = caseFieldsSchema(today);
      return db.transaction('rw', w.scope('cases'), async () => {
        const current = await w.getLive<CaseFields>('cases', id);
        const merged = parseOrThrow(schema, { ...current, ...patch });
        const changed = Object.fromEntries(
          Object.keys(patch).map((k) => [k, merged[k as keyof CaseFields]]),
        );
        return w.update<CaseFields>('cases', id, changed, actor);
      });
    },

    /**
     * The 组长's settings of the case: the report's texts and choices (巡察报告 page) and the
     * ledger's 反馈日期, holidays and warning days (整改台账), saved as they are typed. Only these
     * fields are written; a bad value is refused by name and the rest saved.
     */
    async patchSettings(
      id: string,
      patch: Patch,
      actor: Actor,
    ): Promise<{ record: CaseRecord; refused: FieldErrors }> {
      return db.transaction('rw', w.scope('cases', 'members'), async () => {
        const current = await w.getLive<CaseFields>('cases', id);
        const member = await db.members.get(actor.memberId);
        if (!member || member.deleted || member.caseId !== id || member.role !== 'leader') {
          const refused = Object.fromEntries(
            Object.keys(patch).map((path) => [splitPath(path)[0], zh.report.leaderWrites]),
          );
          return { record: current, refused };
        }
        const { accepted, refused } = splitPatch(LEADER_SETTINGS, patch, current);
        const record = await w.update<CaseFields>('cases', id, accepted, actor);
        return { record, refused };
      });
    },

    async setArchived(id: string, archived: boolean, actor: Actor) {
      return db.transaction('rw', w.scope('cases'), async () =>
        w.update<CaseFields>('cases', id, { archived }, actor),
      );
    },
  };
}

export type CasesRepository = ReturnType<typeof casesRepository>;
