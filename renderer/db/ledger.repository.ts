/**
 * 整改台账: the 问题 of each confirmed finding and their 任务, through the write path like every
 * record (so they travel in packages and merge). The rules (deadlines, 销号, reopening) are in
 * shared/domain/ledger; here they are enforced against what is stored and who is writing.
 */
import { ulid } from 'ulid';
import type { CaseFields } from '../../shared/domain/case.schema';
import type { FindingRecord } from '../../shared/domain/findings/finding.schema';
import { closeProblems, dueProblem, reopenProblems } from '../../shared/domain/ledger/close';
import {
  CLOSE_ONLY,
  signOff as signOffSchema,
  taskFields,
  type LedgerItemFields,
  type LedgerItemRecord,
  type SignOff,
  type TaskFields,
  type TaskRecord,
} from '../../shared/domain/ledger/task.schema';
import { positionAfter } from '../../shared/domain/order';
import type { Patch } from '../../shared/domain/record';
import { splitPatch } from '../../shared/domain/records/check';
import { COLLECTIONS } from '../../shared/domain/tables';
import { parseOrThrow, ValidationError, type FieldErrors } from '../../shared/domain/validation';
import { zh } from '../../shared/i18n/zh-CN';
import type { WorkbenchDB } from './database';
import type { Actor, WritePath } from './write';

const byOrder = (a: { order: string; id: string }, b: { order: string; id: string }) =>
  (a.order < b.order ? -1 : a.order > b.order ? 1 : 0) || (a.id < b.id ? -1 : 1);

export function ledgerRepository(db: WorkbenchDB, w: WritePath) {
  const scope = () =>
    w.scope('ledgerItems', 'tasks', 'findings', 'members', 'cases', 'attachments');

  const live = async <T extends { deleted?: boolean }>(rows: Promise<T[]>) =>
    (await rows).filter((r) => !r.deleted);

  async function assertLeader(caseId: string, actor: Actor) {
    const member = await db.members.get(actor.memberId);
    if (!member || member.deleted || member.caseId !== caseId || member.role !== 'leader') {
      throw new ValidationError({ _: zh.ledger.leaderOpens });
    }
  }

  async function evidenceOf(taskId: string): Promise<number> {
    return (await live(db.attachments.where('recordId').equals(taskId).toArray())).length;
  }

  /**
   * Edits a task (autosaved like every record). 销号 and its sign-off are written by `close`
   * and `reopen` only; a 完成时限 before the 反馈日期 is refused by name.
   */
  async function patchTask(
    id: string,
    patch: Patch,
    actor: Actor,
  ): Promise<{ record: TaskRecord; refused: FieldErrors }> {
    return db.transaction('rw', scope(), async () => {
      const current = await w.getLive<TaskFields>('tasks', id);
      const c = await w.getLive<CaseFields>('cases', (await db.tasks.get(id))!.caseId);
      const refused: Record<string, string> = {};
      const editable: Record<string, unknown> = {};
      for (const [path, value] of Object.entries(patch)) {
        if (CLOSE_ONLY.has(path)) continue;
        if (path === 'status' && (value === 'closed' || current.status === 'closed')) {
          refused.status = value === 'closed' ? zh.ledger.closeByButton : zh.ledger.reopenByButton;
        } else if (
          path === 'due' &&
          typeof value === 'string' &&
          dueProblem(value, c.feedbackDate)
        ) {
          refused.due = dueProblem(value, c.feedbackDate)!;
        } else {
          editable[path] = value;
        }
      }
      const split = splitPatch(taskFields.shape, editable, current, COLLECTIONS.tasks);
      const record = await w.update<TaskFields>('tasks', id, split.accepted, actor);
      return { record, refused: { ...split.refused, ...refused } };
    });
  }

  return {
    /**
     * Opens the ledger, or brings it up to date: one 问题 for each confirmed finding that has
     * none yet, in the report's order. The 组长's, once the 反馈日期 is set. Items are never
     * removed: a finding merged or withdrawn later is flagged where it is shown.
     */
    async open(caseId: string, actor: Actor): Promise<{ added: number }> {
      return db.transaction('rw', scope(), async () => {
        await assertLeader(caseId, actor);
        const c = await w.getLive<CaseFields>('cases', caseId);
        if (!c.feedbackDate)
          throw new ValidationError({ feedbackDate: zh.ledger.needFeedbackDate });
        const items = await live(db.ledgerItems.where('caseId').equals(caseId).toArray());
        const have = new Set(items.map((i) => i.findingId));
        const findings = (await live(db.findings.where('caseId').equals(caseId).toArray()))
          .filter((f) => f.status === 'confirmed' && !have.has(f.id))
          .sort((a, b) => (a.draftNo < b.draftNo ? -1 : a.draftNo > b.draftNo ? 1 : byOrder(a, b)));
        const orders = items.map((i) => i.order).sort();
        for (const f of findings) {
          const order = positionAfter(orders);
          orders.push(order);
          const fields: LedgerItemFields = {
            findingId: f.id,
            draftNo: f.draftNo,
            title: f.title,
            order,
          };
          await w.insert('ledgerItems', { id: ulid(), caseId }, fields, actor);
        }
        return { added: findings.length };
      });
    },

    async items(caseId: string): Promise<LedgerItemRecord[]> {
      return (await live(db.ledgerItems.where('caseId').equals(caseId).toArray())).sort(byOrder);
    },

    async tasks(caseId: string): Promise<TaskRecord[]> {
      return live(db.tasks.where('caseId').equals(caseId).toArray());
    },

    async getTask(id: string): Promise<TaskRecord | undefined> {
      return db.tasks.get(id);
    },

    /** The findings the items come from (to flag one merged or withdrawn since). */
    async findings(caseId: string): Promise<FindingRecord[]> {
      return db.findings.where('caseId').equals(caseId).toArray();
    },

    /** A new 任务 of a 问题, numbered after the item's place and its other tasks (2-3). */
    async addTask(itemId: string, actor: Actor): Promise<TaskRecord> {
      return db.transaction('rw', scope(), async () => {
        const item = await w.getLive<LedgerItemFields>('ledgerItems', itemId);
        const caseId = (await db.ledgerItems.get(itemId))!.caseId;
        const items = (await live(db.ledgerItems.where('caseId').equals(caseId).toArray())).sort(
          byOrder,
        );
        const siblings = await live(db.tasks.where('itemId').equals(itemId).toArray());
        const no = `${items.findIndex((i) => i.findingId === item.findingId) + 1}-${siblings.length + 1}`;
        const fields = parseOrThrow(taskFields, { itemId, no });
        return w.insert('tasks', { id: ulid(), caseId }, fields, actor);
      });
    },

    patchTask,

    /** 销号: refused without evidence or without a sign-off by a team member. */
    async close(id: string, sign: Partial<SignOff>, actor: Actor): Promise<TaskRecord> {
      return db.transaction('rw', scope(), async () => {
        const current = await w.getLive<TaskFields>('tasks', id);
        const caseId = (await db.tasks.get(id))!.caseId;
        const team = new Set(
          (await live(db.members.where('caseId').equals(caseId).toArray())).map((m) => m.id),
        );
        const problems = closeProblems(current, await evidenceOf(id), sign, team);
        if (Object.keys(problems).length > 0) throw new ValidationError(problems);
        const checked = parseOrThrow(signOffSchema, sign);
        return w.update<TaskFields>('tasks', id, { status: 'closed', signOff: checked }, actor);
      });
    },

    /** Reopens a 销号 task (反弹) with a reason; the sign-off it had is kept. */
    async reopen(id: string, reason: string, actor: Actor): Promise<TaskRecord> {
      return db.transaction('rw', scope(), async () => {
        const current = await w.getLive<TaskFields>('tasks', id);
        const problems = reopenProblems(current, reason);
        if (Object.keys(problems).length > 0) throw new ValidationError(problems);
        return w.update<TaskFields>(
          'tasks',
          id,
          { status: 'inProgress', reopenReason: reason.trim() },
          actor,
        );
      });
    },

    /**
     * The updates the 组长 accepted from a unit's workbook, task by task, through the same checks
     * as an edit: what is refused (a 销号 by import, say) is returned by task, the rest written.
     */
    async applyImport(
      accepted: readonly { taskId: string; field: string; to: string | number }[],
      actor: Actor,
    ): Promise<{ written: number; refused: { taskId: string; problems: FieldErrors }[] }> {
      const byTask = new Map<string, Record<string, unknown>>();
      for (const p of accepted) byTask.set(p.taskId, { ...byTask.get(p.taskId), [p.field]: p.to });
      let written = 0;
      const refused: { taskId: string; problems: FieldErrors }[] = [];
      for (const [taskId, patch] of byTask) {
        const result = await patchTask(taskId, patch, actor);
        written += Object.keys(patch).length - Object.keys(result.refused).length;
        if (Object.keys(result.refused).length > 0)
          refused.push({ taskId, problems: result.refused });
      }
      return { written, refused };
    },

    async removeTask(id: string, actor: Actor): Promise<void> {
      await db.transaction('rw', scope(), async () => w.remove('tasks', id, actor));
    },
  };
}

export type LedgerRepository = ReturnType<typeof ledgerRepository>;
