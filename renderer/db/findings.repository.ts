/**
 * 发现问题: findings, their evidence, and the leader's review. Review rules live in
 * shared/domain/findings/review.ts; here they are enforced against who is really writing.
 */
import { ulid } from 'ulid';
import { FOCUS_CODES } from '../../shared/domain/focus';
import {
  addEvidence,
  findingFields,
  sameEvidence,
  type EvidenceRef,
  type FindingFields,
  type FindingRecord,
} from '../../shared/domain/findings/finding.schema';
import {
  mergePatches,
  reviewPatch,
  reviewProblems,
  type ReviewAction,
} from '../../shared/domain/findings/review';
import { splitPatch } from '../../shared/domain/records/check';
import type { MemberRole } from '../../shared/domain/member.schema';
import { ValidationError, type FieldErrors } from '../../shared/domain/validation';
import { zh } from '../../shared/i18n/zh-CN';
import type { WorkbenchDB } from './database';
import { contextOf, deleteRecord, getLive, insertRecord, updateRecord, type Actor } from './write';

/** Fields that change only through review actions, never through an edit. */
const REVIEW_ONLY = new Set(['status', 'mergedInto', 'order']);

const byReportOrder = (a: FindingRecord, b: FindingRecord) =>
  area(a) - area(b) || a.order - b.order || a.id.localeCompare(b.id);
const area = (f: FindingRecord) => {
  const i = FOCUS_CODES.indexOf(f.category);
  return i === -1 ? FOCUS_CODES.length : i;
};

export function findingsRepository(db: WorkbenchDB) {
  const tables = () => [db.findings, db.revisions, db.members];

  async function roleOf(actor: Actor): Promise<MemberRole> {
    const member = await db.members.get(actor.memberId);
    return member && !member.deleted ? member.role : 'member';
  }

  async function live(caseId: string): Promise<FindingRecord[]> {
    return (await db.findings.where('caseId').equals(caseId).toArray()).filter(
      (f) => !f.deleted && f.status !== 'merged',
    );
  }

  return {
    /** Live findings in the report's order: by focus area and item, then the leader's order. */
    async list(caseId: string): Promise<FindingRecord[]> {
      return (await live(caseId)).sort(byReportOrder);
    },

    async get(id: string): Promise<FindingRecord | undefined> {
      return db.findings.get(id);
    },

    /** A new draft, usually made from a passage of a record (its first evidence). */
    async create(
      caseId: string,
      actor: Actor,
      init: { title?: string; evidence?: EvidenceRef[] } = {},
    ): Promise<FindingRecord> {
      const fields = findingFields.parse({ ...init, order: Date.now() });
      return db.transaction('rw', tables(), async () =>
        insertRecord(db, 'findings', { id: ulid(), caseId }, fields, contextOf(actor)),
      );
    },

    /** Edits fields; bad values are refused by name and not written. */
    async patch(
      id: string,
      patch: Readonly<Record<string, unknown>>,
      actor: Actor,
    ): Promise<{ record: FindingRecord; refused: FieldErrors }> {
      const editable = Object.fromEntries(
        Object.entries(patch).filter(([k]) => !REVIEW_ONLY.has(k)),
      );
      const { accepted, refused } = splitPatch(findingFields.shape, editable);
      return db.transaction('rw', tables(), async () => {
        const record = await updateRecord<FindingFields>(
          db,
          'findings',
          id,
          accepted,
          contextOf(actor),
        );
        return { record, refused };
      });
    },

    async addEvidence(
      id: string,
      refs: readonly EvidenceRef[],
      actor: Actor,
    ): Promise<FindingRecord> {
      return db.transaction('rw', tables(), async () => {
        const current = await getLive<FindingFields>(db, 'findings', id);
        const evidence = addEvidence(current.evidence, refs);
        return updateRecord<FindingFields>(db, 'findings', id, { evidence }, contextOf(actor));
      });
    },

    async removeEvidence(id: string, ref: EvidenceRef, actor: Actor): Promise<FindingRecord> {
      return db.transaction('rw', tables(), async () => {
        const current = await getLive<FindingFields>(db, 'findings', id);
        const evidence = current.evidence.filter((e) => !sameEvidence(e, ref));
        return updateRecord<FindingFields>(db, 'findings', id, { evidence }, contextOf(actor));
      });
    },

    /** 提交审核, 确认 or 退回: refused (ValidationError) unless the rules allow it for this member. */
    async review(
      id: string,
      action: Exclude<ReviewAction, 'merge'>,
      actor: Actor,
      comment = '',
    ): Promise<FindingRecord> {
      return db.transaction('rw', tables(), async () => {
        const current = await getLive<FindingFields>(db, 'findings', id);
        const problems = reviewProblems(action, current, await roleOf(actor), comment);
        if (Object.keys(problems).length > 0) throw new ValidationError(problems);
        return updateRecord<FindingFields>(
          db,
          'findings',
          id,
          reviewPatch(action, comment),
          contextOf(actor),
        );
      });
    },

    /** Merges `absorbedId` into `keptId` (组长 only): evidence of both is kept. */
    async merge(keptId: string, absorbedId: string, actor: Actor): Promise<FindingRecord> {
      if (keptId === absorbedId) throw new ValidationError({ status: zh.finding.mergeSelf });
      return db.transaction('rw', tables(), async () => {
        const kept = await getLive<FindingFields>(db, 'findings', keptId);
        const absorbed = await getLive<FindingFields>(db, 'findings', absorbedId);
        const role = await roleOf(actor);
        const problems = {
          ...reviewProblems('merge', absorbed, role),
          ...reviewProblems('merge', kept, role),
        };
        if (Object.keys(problems).length > 0) throw new ValidationError(problems);
        const patches = mergePatches(kept, absorbed, keptId);
        const ctx = contextOf(actor);
        await updateRecord<FindingFields>(db, 'findings', absorbedId, patches.absorbed, ctx);
        return updateRecord<FindingFields>(db, 'findings', keptId, patches.kept, ctx);
      });
    },

    /** Sets the report order of findings (组长 only): `ids` in their new order. */
    async reorder(ids: readonly string[], actor: Actor): Promise<void> {
      await db.transaction('rw', tables(), async () => {
        if ((await roleOf(actor)) !== 'leader') {
          throw new ValidationError({ status: zh.finding.leaderOnly });
        }
        const ctx = contextOf(actor);
        for (const [order, id] of ids.entries()) {
          await updateRecord<FindingFields>(db, 'findings', id, { order }, ctx);
        }
      });
    },

    async remove(id: string, actor: Actor): Promise<void> {
      await db.transaction('rw', tables(), async () =>
        deleteRecord(db, 'findings', id, contextOf(actor)),
      );
    },

    /** Findings (live, any status) that cite a record, for the record's "被引用" list. */
    async citing(caseId: string, recordId: string): Promise<FindingRecord[]> {
      return (await live(caseId)).filter((f) => f.evidence.some((e) => e.recordId === recordId));
    },
  };
}

export type FindingsRepository = ReturnType<typeof findingsRepository>;
