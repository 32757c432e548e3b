/**
 * 对账销号 as rules: a task is 销号 only with evidence (佐证材料) and a sign-off naming the team
 * member who checked it; reopening a 销号 task (反弹) needs a reason. The repository applies these
 * against what is stored; the screen asks them which buttons to offer.
 */
import { zh } from '../../i18n/zh-CN';
import type { FieldErrors } from '../validation';
import type { SignOff, TaskFields } from './task.schema';

export function closeProblems(
  task: Pick<TaskFields, 'status'>,
  evidence: number,
  sign: Partial<SignOff> | null,
  teamIds: ReadonlySet<string>,
): FieldErrors {
  const out: Record<string, string> = {};
  if (task.status === 'closed') out.status = zh.ledger.alreadyClosed;
  if (evidence === 0) out.evidence = zh.ledger.needEvidence;
  if (!sign?.checkedBy || !teamIds.has(sign.checkedBy)) out.signOff = zh.ledger.needSignOff;
  return out;
}

export function reopenProblems(task: Pick<TaskFields, 'status'>, reason: string): FieldErrors {
  if (task.status !== 'closed') return { status: zh.ledger.notClosed };
  if (reason.trim() === '') return { reopenReason: zh.ledger.needReopenReason };
  return {};
}

/** A 完成时限 before the 反馈日期 is a typing mistake: rectification starts with the feedback. */
export function dueProblem(due: string, feedbackDate: string): string | undefined {
  return due !== '' && feedbackDate !== '' && due < feedbackDate
    ? zh.ledger.dueBeforeFeedback(feedbackDate)
    : undefined;
}
