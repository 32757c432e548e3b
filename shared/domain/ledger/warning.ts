/**
 * The red–yellow–green of a ledger (DESIGN §10), computed from today's date every time, never
 * stored: 绿 on schedule or finished, 黄 due within `warnDays`, 红 overdue, 蓝 long-term (长期坚持).
 */
import type { IsoDate } from '../dates';
import { daysBetween } from './deadlines';
import { COMPLETED, type TaskFields } from './task.schema';

export const WARNINGS = ['red', 'yellow', 'green', 'blue'] as const;
export type Warning = (typeof WARNINGS)[number];

/** Days before the 完成时限 when a task turns yellow, unless the case says otherwise. */
export const WARN_DAYS = 10;

export function warningOf(
  task: Pick<TaskFields, 'status' | 'stage' | 'due'>,
  today: IsoDate,
  warnDays = WARN_DAYS,
): Warning {
  if (COMPLETED.has(task.status) || task.status === 'basicallyDone') return 'green';
  if (task.stage === 'longTerm') return 'blue';
  if (task.due === '') return 'green';
  const left = daysBetween(today, task.due);
  if (left < 0) return 'red';
  return left <= warnDays ? 'yellow' : 'green';
}

export interface LedgerOverview {
  readonly tasks: number;
  readonly byWarning: Readonly<Record<Warning, number>>;
  readonly completed: number;
  /** 已完成 + 已销号 ÷ all, as a percentage with one decimal (0 for no task). */
  readonly completionRate: number;
}

export function ledgerOverview(
  tasks: readonly Pick<TaskFields, 'status' | 'stage' | 'due'>[],
  today: IsoDate,
  warnDays = WARN_DAYS,
): LedgerOverview {
  const byWarning = { red: 0, yellow: 0, green: 0, blue: 0 };
  let completed = 0;
  for (const task of tasks) {
    byWarning[warningOf(task, today, warnDays)] += 1;
    if (COMPLETED.has(task.status)) completed += 1;
  }
  const completionRate =
    tasks.length === 0 ? 0 : Math.round((completed / tasks.length) * 1000) / 10;
  return { tasks: tasks.length, byWarning, completed, completionRate };
}
