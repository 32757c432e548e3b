/**
 * 回头看 (DESIGN §10): a later round goes through the earlier round's ledger item by item. Each
 * earlier 问题, and each clue the earlier round handed over, becomes a 复核 row of the new case:
 * a copy of what the earlier ledger showed when the 回头看 began (read-only: it is what is being
 * checked, and it travels with the new case to laptops that never held the old one), and what
 * the team records against it: the 复核结论, what was checked, the 满意度 score, the note, and
 * the new finding a failure became.
 */
import { z } from '../zod';
import { zh } from '../../i18n/zh-CN';
import { isIsoDate } from '../dates';
import { writtenText } from '../text';
import { CLUE_PROPOSALS, CLUE_RECEIVERS } from '../findings/clue.schema';
import { TASK_STATUSES } from './task.schema';
import type { Stored } from '../record';

/** 复核结论: 整改到位 / 部分到位 / 未整改 / 反弹回潮. */
export const CONCLUSIONS = ['fixed', 'partly', 'notFixed', 'relapsed'] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];

/** The conclusions that mean the problem is still there: each may become a new finding. */
export const FAILED: ReadonlySet<string> = new Set<Conclusion>(['partly', 'notFixed', 'relapsed']);

/** What was checked: 核对台账, 核查资料, 抽查案卷, 查看现场, 满意度测评. */
export const CHECKS = ['ledger', 'documents', 'files', 'site', 'survey'] as const;
export type Check = (typeof CHECKS)[number];

const r = zh.recheck.fields;
const day = z.string().refine((d) => d === '' || isIsoDate(d));

/** One 任务 of the earlier ledger, as it stood. */
export const priorTask = z.object({
  no: z.string().max(20),
  measure: z.string().max(50_000),
  department: z.string().max(100),
  due: day,
  status: z.enum(TASK_STATUSES),
  /** The 销号 date, blank if it was never signed off. */
  closedOn: day,
  resultNote: z.string().max(5000),
});
export type PriorTask = z.output<typeof priorTask>;

/** An earlier 问题: its finding's number, title and 问题表现, and its tasks. */
export const priorProblem = z.object({
  draftNo: z.string().max(60),
  title: z.string().max(200),
  description: z.string().max(50_000),
  tasks: z.array(priorTask).max(500),
});
export type PriorProblem = z.output<typeof priorProblem>;

/** A clue the earlier round handed over, and what came back. */
export const priorClue = z.object({
  subjectName: z.string().max(50),
  subjectTitle: z.string().max(100),
  proposal: z.enum(['', ...CLUE_PROPOSALS]),
  receiver: z.enum(['', ...CLUE_RECEIVERS]),
  receiverName: z.string().max(100),
  handoverDate: day,
  resultDate: day,
  result: z.string().max(5000),
});
export type PriorClue = z.output<typeof priorClue>;

export const recheckFields = z.object({
  source: z.enum(['problem', 'clue']),
  /** The earlier case, and the ledger item or clue this row copies. */
  priorCaseId: z.string().min(1).max(40),
  priorId: z.string().min(1).max(40),
  /** Position in the list: the earlier ledger's order (order.ts). */
  order: z.string().max(200).default(''),
  problem: priorProblem.nullable().default(null),
  clue: priorClue.nullable().default(null),
  conclusion: z
    .enum(['', ...CONCLUSIONS], { error: zh.validation.choose(r.conclusion) })
    .default(''),
  /** A set (collections.ts): two members ticking different checks both count. */
  checks: z.array(z.enum(CHECKS)).max(CHECKS.length).default([]),
  /** 满意度测评: the share satisfied, in per cent; null until measured. */
  satisfaction: z
    .number({ error: zh.recheck.badScore })
    .min(0, { error: zh.recheck.badScore })
    .max(100, { error: zh.recheck.badScore })
    .refine((n) => Number.isInteger(n * 10), { error: zh.recheck.badScore })
    .nullable()
    .default(null),
  note: writtenText(r.note, 20_000),
  /** The finding of this case a failure became (written by that action only). */
  findingId: z.string().max(40).default(''),
});
export type RecheckFields = z.output<typeof recheckFields>;
export type RecheckRecord = Stored<RecheckFields>;

/** Fields written when the 回头看 begins, or by their own action: never by an edit. */
export const RECHECK_FIXED: ReadonlySet<string> = new Set([
  'source',
  'priorCaseId',
  'priorId',
  'order',
  'problem',
  'clue',
  'findingId',
]);

/** A 复核 row of a clue is as confidential as the clue: the 组长's and its author's only. */
export function isClueRow(table: string, row: object): boolean {
  return (
    table === 'clues' || (table === 'rechecks' && (row as Partial<RecheckFields>).source === 'clue')
  );
}
