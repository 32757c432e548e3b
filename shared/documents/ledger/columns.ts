/**
 * The columns of the 任务清单 workbook, in order: what the export writes and what an import of
 * the unit's filled-in copy reads back (matched by header text, so a unit that moves or adds
 * columns still imports). `field` names the task field a column carries; columns without one
 * are for reading only (the 问题 a task belongs to, its colour).
 */
import type { TaskFields } from '../../domain/ledger/task.schema';

export type TaskColumnField =
  | 'no'
  | 'goal'
  | 'measure'
  | 'leader'
  | 'department'
  | 'owner'
  | 'due'
  | 'stage'
  | 'status'
  | 'rulesMade'
  | 'recoveredFen'
  | 'peopleHandled'
  | 'resultNote';

export interface TaskColumn {
  readonly header: string;
  readonly width: number;
  readonly field?: TaskColumnField & keyof TaskFields;
}

export const TASK_COLUMNS: readonly TaskColumn[] = [
  { header: '编号', width: 8, field: 'no' },
  { header: '底稿编号', width: 20 },
  { header: '问题', width: 30 },
  { header: '整改目标', width: 30, field: 'goal' },
  { header: '整改措施', width: 40, field: 'measure' },
  { header: '责任领导', width: 10, field: 'leader' },
  { header: '责任部门', width: 14, field: 'department' },
  { header: '责任人', width: 10, field: 'owner' },
  { header: '完成时限', width: 12, field: 'due' },
  { header: '整改阶段', width: 10, field: 'stage' },
  { header: '状态', width: 14, field: 'status' },
  { header: '预警', width: 6 },
  { header: '建立完善制度（项）', width: 10, field: 'rulesMade' },
  { header: '追回或清退资金（元）', width: 14, field: 'recoveredFen' },
  { header: '处理人员（人）', width: 10, field: 'peopleHandled' },
  { header: '整改成效说明', width: 30, field: 'resultNote' },
];
