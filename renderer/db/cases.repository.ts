/** 巡察任务: read and write cases. */
import { ulid } from 'ulid';
import {
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
import { contextOf, getLive, insertRecord, updateRecord, type Actor } from './write';

export function casesRepository(db: WorkbenchDB) {
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
     * Creates a case with its creator as the first team member, and makes that member the
     * current user of this laptop: all or nothing, in one transaction.
     */
    async create(
      input: Loose<NewCaseInput>,
      deviceId: string,
      today: IsoDate,
    ): Promise<{ caseRecord: CaseRecord; creator: MemberRecord }> {
      const { creatorName, creatorRole, ...fields } = parseOrThrow(newCaseSchema(today), input);
      const caseId = ulid();
      const memberId = ulid();
      const ctx = contextOf({ deviceId, memberId });
      return db.transaction('rw', [db.cases, db.members, db.revisions, db.settings], async () => {
        const caseRecord = await insertRecord<CaseFields>(
          db,
          'cases',
          { id: caseId, caseId },
          fields,
          ctx,
        );
        const creator = await insertRecord<MemberFields>(
          db,
          'members',
          { id: memberId, caseId },
          { name: creatorName, role: creatorRole, title: '', phone: '' },
          ctx,
        );
        await db.settings.put({ key: `currentMember:${caseId}`, value: memberId });
        return { caseRecord, creator };
      });
    },

    /** Changes some fields; the case as it would be is validated whole before anything is written. */
    async update(id: string, patch: Loose<CaseInput>, actor: Actor, today: IsoDate) {
      const schema = caseFieldsSchema(today);
      return db.transaction('rw', [db.cases, db.revisions], async () => {
        const current = await getLive<CaseFields>(db, 'cases', id);
        const merged = parseOrThrow(schema, { ...current, ...patch });
        const changed = Object.fromEntries(
          Object.keys(patch).map((k) => [k, merged[k as keyof CaseFields]]),
        ) as Partial<CaseFields>;
        return updateRecord<CaseFields>(db, 'cases', id, changed, contextOf(actor));
      });
    },

    async setArchived(id: string, archived: boolean, actor: Actor) {
      return db.transaction('rw', [db.cases, db.revisions], async () =>
        updateRecord<CaseFields>(db, 'cases', id, { archived }, contextOf(actor)),
      );
    },
  };
}

export type CasesRepository = ReturnType<typeof casesRepository>;
