/**
 * 发现问题: findings, their evidence, and the leader's review. Review rules live in
 * shared/domain/findings/review.ts; here they are enforced against who is really writing.
 * Evidence is a set written element by element, and the report's order is a fractional key,
 * so a member adding evidence and the 组长 reordering never overwrite each other.
 */
import { ulid } from 'ulid';
import { elementPath } from '../../shared/domain/collections';
import { focusArea, FOCUS_TREE } from '../../shared/domain/focus';
import {
  evidenceKey,
  evidenceRef,
  findingFields,
  type EvidenceRef,
  type FindingFields,
  type FindingRecord,
} from '../../shared/domain/findings/finding.schema';
import {
  editProblems,
  mergePatches,
  reviewPatch,
  reviewProblems,
  type ReviewAction,
} from '../../shared/domain/findings/review';
import { draftPrefix, nextDraftNo } from '../../shared/domain/report/draftNumber';
import type { CaseFields } from '../../shared/domain/case.schema';
import { positionAfter, positionAt } from '../../shared/domain/order';
import type { Patch } from '../../shared/domain/record';
import { splitPatch } from '../../shared/domain/records/check';
import { COLLECTIONS } from '../../shared/domain/tables';
import type { MemberRole } from '../../shared/domain/member.schema';
import { parseOrThrow, ValidationError, type FieldErrors } from '../../shared/domain/validation';
import { zh } from '../../shared/i18n/zh-CN';
import type { WorkbenchDB } from './database';
import type { Actor, WritePath } from './write';

/** Fields that change only through review actions, never through an edit. */
const REVIEW_ONLY = new Set(['status', 'mergedInto', 'order', 'draftNo']);

/** The report's headings: the top-level focus areas, in their order; then the uncategorised. */
const area = (f: FindingRecord) => {
  const i = FOCUS_TREE.findIndex((a) => a.code === focusArea(f.category)?.code);
  return i === -1 ? FOCUS_TREE.length : i;
};
const byOrder = (a: FindingRecord, b: FindingRecord) =>
  (a.order < b.order ? -1 : a.order > b.order ? 1 : 0) || a.id.localeCompare(b.id);
const byReportOrder = (a: FindingRecord, b: FindingRecord) => area(a) - area(b) || byOrder(a, b);

export function findingsRepository(db: WorkbenchDB, w: WritePath) {
  const scope = () => w.scope('findings', 'members', 'cases');

  async function roleOf(actor: Actor): Promise<MemberRole> {
    const member = await db.members.get(actor.memberId);
    return member && !member.deleted ? member.role : 'member';
  }

  /** Refuses a change to a finding this member may not edit (confirmed: the 组长's alone). */
  async function assertEditable(finding: FindingFields, actor: Actor) {
    const problems = editProblems(finding, await roleOf(actor));
    if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  }

  async function all(caseId: string): Promise<FindingRecord[]> {
    return db.findings.where('caseId').equals(caseId).toArray();
  }

  async function live(caseId: string): Promise<FindingRecord[]> {
    return (await all(caseId)).filter((f) => !f.deleted && f.status !== 'merged');
  }

  /** The case's next 底稿编号; refused while its 轮次 or 巡察组 names no number. */
  async function nextNumber(caseId: string): Promise<string> {
    const prefix = draftPrefix(await w.getLive<CaseFields>('cases', caseId));
    if (!prefix) throw new ValidationError({ status: zh.finding.needDraftPrefix });
    return nextDraftNo(
      prefix,
      (await all(caseId)).map((f) => f.draftNo),
    );
  }

  return {
    /** Live findings in the report's order: by heading, then the leader's order. */
    async list(caseId: string): Promise<FindingRecord[]> {
      return (await live(caseId)).sort(byReportOrder);
    },

    /** Every finding not deleted, in any status: what the report plan sorts (report/plan.ts). */
    async forReport(caseId: string): Promise<FindingRecord[]> {
      return (await all(caseId)).filter((f) => !f.deleted);
    },

    /** Findings merged into others (kept, never deleted), each with the one that absorbed it. */
    async merged(caseId: string) {
      const findings = await all(caseId);
      const byId = new Map(findings.map((f) => [f.id, f]));
      return findings
        .filter((f) => !f.deleted && f.status === 'merged')
        .sort(byOrder)
        .map((finding) => ({ finding, into: byId.get(finding.mergedInto) }));
    },

    async get(id: string): Promise<FindingRecord | undefined> {
      return db.findings.get(id);
    },

    /** A new draft, usually made from a passage of a record (its first evidence), placed last. */
    async create(
      caseId: string,
      actor: Actor,
      init: { title?: string; evidence?: EvidenceRef[] } = {},
    ): Promise<FindingRecord> {
      return db.transaction('rw', scope(), async () => {
        const orders = (await all(caseId)).map((f) => f.order).sort();
        const fields = parseOrThrow(findingFields, { ...init, order: positionAfter(orders) });
        return w.insert('findings', { id: ulid(), caseId }, fields, actor);
      });
    },

    /** Edits fields (and elements of persons, departments); bad values are refused by name. */
    async patch(
      id: string,
      patch: Patch,
      actor: Actor,
    ): Promise<{ record: FindingRecord; refused: FieldErrors }> {
      const editable = Object.fromEntries(
        Object.entries(patch).filter(([k]) => !REVIEW_ONLY.has(k)),
      );
      return db.transaction('rw', scope(), async () => {
        const current = await w.getLive<FindingFields>('findings', id);
        await assertEditable(current, actor);
        const { accepted, refused } = splitPatch(
          findingFields.shape,
          editable,
          current,
          COLLECTIONS.findings,
        );
        const record = await w.update<FindingFields>('findings', id, accepted, actor);
        return { record, refused };
      });
    },

    /** Adds evidence; what is already there (the same passage) is not added twice. */
    async addEvidence(
      id: string,
      refs: readonly EvidenceRef[],
      actor: Actor,
    ): Promise<{ record: FindingRecord; added: number }> {
      const parsed = refs.map((ref) => parseOrThrow(evidenceRef, ref));
      return db.transaction('rw', scope(), async () => {
        const current = await w.getLive<FindingFields>('findings', id);
        await assertEditable(current, actor);
        const have = new Set(current.evidence.map(evidenceKey));
        const fresh = parsed.filter((ref) => !have.has(evidenceKey(ref)));
        const writes = Object.fromEntries(
          fresh.map((ref) => [elementPath('evidence', evidenceKey(ref)), ref]),
        );
        const record = await w.update<FindingFields>('findings', id, writes, actor);
        return { record, added: record.evidence.length - current.evidence.length };
      });
    },

    async removeEvidence(id: string, ref: EvidenceRef, actor: Actor): Promise<FindingRecord> {
      return db.transaction('rw', scope(), async () => {
        await assertEditable(await w.getLive<FindingFields>('findings', id), actor);
        return w.update<FindingFields>(
          'findings',
          id,
          { [elementPath('evidence', evidenceKey(ref))]: null },
          actor,
        );
      });
    },

    /** 提交审核, 确认 or 退回: refused (ValidationError) unless the rules allow it for this member. */
    async review(
      id: string,
      action: Exclude<ReviewAction, 'merge'>,
      actor: Actor,
      comment = '',
    ): Promise<FindingRecord> {
      return db.transaction('rw', scope(), async () => {
        const current = await w.getLive<FindingFields>('findings', id);
        const problems = reviewProblems(action, current, await roleOf(actor), comment);
        if (Object.keys(problems).length > 0) throw new ValidationError(problems);
        const patch = reviewPatch(action, comment);
        if (action === 'confirm' && current.draftNo === '') {
          patch.draftNo = await nextNumber(current.caseId);
        }
        return w.update<FindingFields>('findings', id, patch, actor);
      });
    },

    /** Merges `absorbedId` into `keptId` (组长 only): evidence of both is kept. */
    async merge(keptId: string, absorbedId: string, actor: Actor): Promise<FindingRecord> {
      if (keptId === absorbedId) throw new ValidationError({ status: zh.finding.mergeSelf });
      return db.transaction('rw', scope(), async () => {
        const kept = await w.getLive<FindingFields>('findings', keptId);
        const absorbed = await w.getLive<FindingFields>('findings', absorbedId);
        const role = await roleOf(actor);
        const problems = {
          ...reviewProblems('merge', absorbed, role),
          ...reviewProblems('merge', kept, role),
        };
        if (Object.keys(problems).length > 0) throw new ValidationError(problems);
        const patches = mergePatches(kept, absorbed, keptId);
        await w.update<FindingFields>('findings', absorbedId, patches.absorbed, actor);
        return w.update<FindingFields>('findings', keptId, patches.kept, actor);
      });
    },

    /**
     * Moves a finding to `index` among `groupIds` (its heading's findings as shown, itself
     * included), 组长 only. Writes the moved finding alone: its new fractional key lies between
     * its new neighbours'.
     */
    async move(id: string, groupIds: readonly string[], index: number, actor: Actor) {
      await db.transaction('rw', scope(), async () => {
        if ((await roleOf(actor)) !== 'leader') {
          throw new ValidationError({ status: zh.finding.leaderOnly });
        }
        const others = (await db.findings.bulkGet(groupIds.filter((g) => g !== id)))
          .filter((f): f is FindingRecord => f !== undefined)
          .sort(byOrder)
          .map((f) => f.order);
        const order = positionAt(others, Math.max(0, Math.min(index, others.length)));
        await w.update<FindingFields>('findings', id, { order }, actor);
      });
    },

    async remove(id: string, actor: Actor): Promise<void> {
      await db.transaction('rw', scope(), async () => {
        await assertEditable(await w.getLive<FindingFields>('findings', id), actor);
        await w.remove('findings', id, actor);
      });
    },

    /** Findings (live, any status) that cite a record, for the record's "被引用" list. */
    async citing(caseId: string, recordId: string): Promise<FindingRecord[]> {
      return (await live(caseId)).filter((f) => f.evidence.some((e) => e.recordId === recordId));
    },
  };
}

export type FindingsRepository = ReturnType<typeof findingsRepository>;
