/**
 * 整改台账 (DESIGN §10): one 问题 per confirmed finding (a ledger item), each with one or more
 * 任务 (整改措施) that the inspected unit carries out and the team tracks to 销号. Both are
 * records like any other: written through the write path, carried in packages, merged field by
 * field; progress notes are items (collections.ts), so two laptops adding notes never collide.
 */
import { z } from '../zod';
import { zh } from '../../i18n/zh-CN';
import { isIsoDate } from '../dates';
import { choice, optionalText, writtenText } from '../text';
import { longText } from '../records/common';
import type { Stored } from '../record';

export const TASK_STAGES = ['concentrated', 'continuous', 'longTerm'] as const;
export type TaskStage = (typeof TASK_STAGES)[number];

export const TASK_STATUSES = [
  'notStarted',
  'inProgress',
  'done',
  'basicallyDone',
  'notDone',
  'closed',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** 已完成 and 已销号: what the completion rate counts. */
export const COMPLETED: ReadonlySet<TaskStatus> = new Set(['done', 'closed']);

const f = zh.ledger.fields;

const isoDay = (label: string) =>
  z
    .string()
    .refine((d) => d === '' || isIsoDate(d), { error: zh.validation.date(label) })
    .default('');

/** A ledger item: the 问题 of the 问题清单, linked to its finding. */
export const ledgerItemFields = z.object({
  findingId: z.string().min(1).max(40),
  /** The finding's 底稿编号 when the item was made (kept if the finding changes later). */
  draftNo: z.string().max(60).default(''),
  title: optionalText(f.title, 200),
  /** Position in the 问题清单: a fractional key (order.ts). */
  order: z.string().max(200).default(''),
});
export type LedgerItemFields = z.output<typeof ledgerItemFields>;
export type LedgerItemRecord = Stored<LedgerItemFields>;

/** 整改进展: a dated note of what was done, and who reported it. */
export const progressNote = z.object({
  id: z.string().min(1).max(40),
  pos: z.string().max(200).default(''),
  date: isoDay(f.progressDate),
  /** Who reported it: a team member, or the unit's contact by name. */
  by: optionalText(f.reportedBy, 50),
  text: longText(f.progress),
});
export type ProgressNote = z.output<typeof progressNote>;

/** 对账销号: who checked the evidence and when. Kept when the task is later reopened. */
export const signOff = z.object({
  /** The 巡察组 member who checked it. */
  checkedBy: z.string().min(1).max(40),
  /** Optional co-signers: the 巡察办 and the inspected unit's contact, by name. */
  office: optionalText(f.office, 50),
  unitContact: optionalText(f.unitContact, 50),
  date: z.string().refine(isIsoDate, { error: zh.validation.date(f.signOffDate) }),
});
export type SignOff = z.output<typeof signOff>;

const count = (label: string, max = 1_000_000, error = zh.ledger.notCount(label)) =>
  z.number({ error }).int({ error }).nonnegative({ error }).max(max, { error }).default(0);

export const taskFields = z.object({
  itemId: z.string().min(1).max(40),
  /** 编号, as the unit's workbook names the task (1-1, 1-2, 2-1 …): what an import matches by. */
  no: optionalText(f.no, 20),
  goal: writtenText(f.goal, 2000),
  measure: longText(f.measure),
  leader: optionalText(f.leader, 50),
  department: optionalText(f.department, 100),
  owner: optionalText(f.owner, 50),
  due: isoDay(f.due),
  stage: choice(TASK_STAGES, f.stage).default('concentrated'),
  status: choice(TASK_STATUSES, f.status).default('notStarted'),
  progress: z.array(progressNote).max(2000).default([]),
  /** 整改成效. */
  rulesMade: count(f.rulesMade),
  /** In 分; up to 1,000 亿元. */
  recoveredFen: count(f.recovered, 10_000_000_000_000, zh.ledger.notMoney(f.recovered)),
  peopleHandled: count(f.peopleHandled),
  resultNote: writtenText(f.resultNote, 5000),
  signOff: signOff.nullable().default(null),
  /** Why a 销号 task was opened again (反弹): required to reopen, kept with the sign-off. */
  reopenReason: optionalText(f.reopenReason, 2000),
});
export type TaskFields = z.output<typeof taskFields>;
export type TaskRecord = Stored<TaskFields>;

/** Fields only the 销号 and reopen actions write, never an edit. */
export const CLOSE_ONLY: ReadonlySet<string> = new Set(['signOff', 'reopenReason']);
