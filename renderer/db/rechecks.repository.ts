/**
 * 回头看: a case of type 回头看 starts from an earlier case on this laptop (one in the database,
 * or one a package just brought): each 问题 of its ledger, and each clue it handed over, is
 * copied into a 复核 row of the new case, read-only, linked to the old case by id. The team
 * then records the 复核 (autosaved like every record), and a failed one becomes a finding.
 * The earlier case itself is never written.
 */
import { ulid } from 'ulid';
import type { CaseFields } from '../../shared/domain/case.schema';
import { findingFields, type FindingRecord } from '../../shared/domain/findings/finding.schema';
import { positionAfter } from '../../shared/domain/order';
import { sameValue, type Patch } from '../../shared/domain/record';
import { splitPatch } from '../../shared/domain/records/check';
import {
  FAILED,
  RECHECK_FIXED,
  recheckFields,
  type RecheckFields,
  type RecheckRecord,
} from '../../shared/domain/ledger/recheck.schema';
import {
  findingFromRecheck,
  priorClueOf,
  priorProblemOf,
  wasHandedOver,
} from '../../shared/domain/ledger/recheck';
import { COLLECTIONS } from '../../shared/domain/tables';
import { parseOrThrow, ValidationError, type FieldErrors } from '../../shared/domain/validation';
import { zh } from '../../shared/i18n/zh-CN';
import type { AccessRules } from './access';
import type { WorkbenchDB } from './database';
import type { Actor, WritePath } from './write';

const t = zh.recheck;

export function rechecksRepository(db: WorkbenchDB, w: WritePath, access: AccessRules) {
  const scope = () => w.scope('rechecks', 'cases', 'members', 'findings');
  const live = async <T extends { deleted?: boolean }>(rows: Promise<T[]>) =>
    (await rows).filter((r) => !r.deleted);

  async function readable(id: string, actor: Actor): Promise<RecheckRecord> {
    const row = await db.rechecks.get(id);
    if (!row || row.deleted) throw new ValidationError({ _: zh.validation.notFound });
    await access.assert('rechecks', row, actor);
    return row;
  }

  /** Copies of the earlier case's 问题 and handed-over clues, as that case holds them now. */
  async function copies(priorCaseId: string) {
    const items = (await live(db.ledgerItems.where('caseId').equals(priorCaseId).toArray())).sort(
      (a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1),
    );
    const tasks = await live(db.tasks.where('caseId').equals(priorCaseId).toArray());
    const clues = (await live(db.clues.where('caseId').equals(priorCaseId).toArray())).filter((c) =>
      wasHandedOver(c),
    );
    const out: Omit<RecheckFields, 'order'>[] = [];
    const base = { priorCaseId, conclusion: '' as const, checks: [], satisfaction: null, note: '' };
    for (const item of items) {
      const finding = await db.findings.get(item.findingId);
      const problem = priorProblemOf(
        item,
        finding?.description ?? '',
        tasks.filter((task) => task.itemId === item.id),
      );
      out.push({
        ...base,
        source: 'problem',
        priorId: item.id,
        problem,
        clue: null,
        findingId: '',
      });
    }
    for (const clue of clues) {
      const copy = priorClueOf(clue);
      out.push({
        ...base,
        source: 'clue',
        priorId: clue.id,
        problem: null,
        clue: copy,
        findingId: '',
      });
    }
    return out;
  }

  return {
    /**
     * Starts the 回头看 from `priorCaseId`, or brings its copies up to date: a 问题 added to the
     * earlier ledger since is added, one whose tasks moved on is copied again (the 复核 recorded
     * against it stays). The 组长's; the case must be a 回头看, the earlier case on this laptop
     * and not this one, and a 回头看 checks one earlier case only.
     */
    async start(
      caseId: string,
      priorCaseId: string,
      actor: Actor,
    ): Promise<{ added: number; updated: number }> {
      return db.transaction('rw', [...scope(), db.ledgerItems, db.tasks, db.clues], async () => {
        const me = await db.members.get(actor.memberId);
        if (!me || me.deleted || me.caseId !== caseId || me.role !== 'leader')
          throw new ValidationError({ _: t.leaderStarts });
        const c = await w.getLive<CaseFields>('cases', caseId);
        if (c.type !== 'lookback') throw new ValidationError({ type: t.onlyLookback });
        if (priorCaseId === caseId) throw new ValidationError({ priorCaseId: t.notItself });
        const prior = await db.cases.get(priorCaseId);
        if (!prior || prior.deleted) throw new ValidationError({ priorCaseId: t.noPrior });
        if (c.priorCaseId && c.priorCaseId !== priorCaseId) {
          const linked = await db.cases.get(c.priorCaseId);
          throw new ValidationError({ priorCaseId: t.otherPrior(linked?.unitName ?? '') });
        }
        const now = await copies(priorCaseId);
        if (now.length === 0) throw new ValidationError({ priorCaseId: t.emptyPrior });
        if (!c.priorCaseId) await w.update('cases', caseId, { priorCaseId }, actor);
        const have = await live(db.rechecks.where('caseId').equals(caseId).toArray());
        const byPrior = new Map(have.map((r) => [r.priorId, r]));
        const orders = have.map((r) => r.order).sort();
        let added = 0;
        let updated = 0;
        for (const row of now) {
          const kept = byPrior.get(row.priorId);
          if (!kept) {
            const order = positionAfter(orders);
            orders.push(order);
            const fields = parseOrThrow(recheckFields, { ...row, order });
            await w.insert('rechecks', { id: ulid(), caseId }, fields, actor);
            added += 1;
          } else if (!sameValue(kept.problem, row.problem) || !sameValue(kept.clue, row.clue)) {
            await w.update('rechecks', kept.id, { problem: row.problem, clue: row.clue }, actor);
            updated += 1;
          }
        }
        return { added, updated };
      });
    },

    /** The 复核 rows this member may read, in the earlier ledger's order (clues last). */
    async list(caseId: string, actor: Actor): Promise<RecheckRecord[]> {
      const rows = await live(db.rechecks.where('caseId').equals(caseId).toArray());
      return (await access.filter('rechecks', rows, actor)).sort(
        (a, b) => a.order.localeCompare(b.order) || a.id.localeCompare(b.id),
      );
    },

    get: readable,

    /** Records the 复核 (autosaved); the copy of the earlier ledger is refused by name. */
    async patch(
      id: string,
      patch: Patch,
      actor: Actor,
    ): Promise<{ record: RecheckRecord; refused: FieldErrors }> {
      return db.transaction('rw', scope(), async () => {
        const current = await readable(id, actor);
        const editable: Record<string, unknown> = {};
        const fixed: Record<string, string> = {};
        for (const [path, value] of Object.entries(patch)) {
          if (RECHECK_FIXED.has(path)) fixed[path] = t.readOnly;
          else editable[path] = value;
        }
        const split = splitPatch(recheckFields.shape, editable, current, COLLECTIONS.rechecks);
        const record = await w.update<RecheckFields>('rechecks', id, split.accepted, actor);
        return { record, refused: { ...split.refused, ...fixed } };
      });
    },

    /**
     * A failed 复核 (部分到位, 未整改, 反弹回潮) becomes a draft finding of this case citing the
     * earlier 问题; once made, the same finding is returned, never a second one.
     */
    async toFinding(
      id: string,
      actor: Actor,
    ): Promise<{ finding: FindingRecord; recheck: RecheckRecord }> {
      return db.transaction('rw', scope(), async () => {
        const row = await readable(id, actor);
        if (row.findingId) {
          const made = await db.findings.get(row.findingId);
          if (made && !made.deleted) return { finding: made, recheck: row };
        }
        if (row.source !== 'problem' || !FAILED.has(row.conclusion))
          throw new ValidationError({ conclusion: t.notFailed });
        const orders = (await db.findings.where('caseId').equals(row.caseId).toArray())
          .map((f) => f.order)
          .sort();
        const init = findingFromRecheck(row.id, row);
        const fields = parseOrThrow(findingFields, { ...init, order: positionAfter(orders) });
        const finding = await w.insert<typeof fields>(
          'findings',
          { id: ulid(), caseId: row.caseId },
          fields,
          actor,
        );
        const recheck = await w.update<RecheckFields>(
          'rechecks',
          id,
          { findingId: finding.id },
          actor,
        );
        return { finding, recheck };
      });
    },
  };
}

export type RechecksRepository = ReturnType<typeof rechecksRepository>;
