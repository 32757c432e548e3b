/**
 * 回头看 as rules: what the earlier ledger said of a 问题, the copies a 回头看 starts from, the
 * counts its report quotes, and the finding a failed 复核 becomes. Pure: the repository applies
 * them to what is stored, the report builder to what a package carries.
 */
import type { IsoDate } from '../dates';
import { clueFollowUp, type ClueFields, type ClueFollowUp } from '../findings/clue.schema';
import type { EvidenceRef, FindingFields } from '../findings/finding.schema';
import { zh } from '../../i18n/zh-CN';
import {
  CONCLUSIONS,
  type Conclusion,
  type PriorClue,
  type PriorProblem,
  type RecheckFields,
} from './recheck.schema';
import { COMPLETED, type LedgerItemFields, type TaskFields } from './task.schema';

/** What the earlier ledger said of a 问题: every task 销号, every task done, some not, none. */
export const STANDINGS = ['closed', 'done', 'open', 'none'] as const;
export type Standing = (typeof STANDINGS)[number];

export function priorStanding(problem: Pick<PriorProblem, 'tasks'>): Standing {
  const { tasks } = problem;
  if (tasks.length === 0) return 'none';
  if (tasks.every((t) => t.status === 'closed')) return 'closed';
  return tasks.every((t) => COMPLETED.has(t.status)) ? 'done' : 'open';
}

/** The copy of an earlier 问题 a 复核 row keeps, from its ledger item, finding and tasks. */
export function priorProblemOf(
  item: Pick<LedgerItemFields, 'draftNo' | 'title'>,
  description: string,
  tasks: readonly (Pick<TaskFields, 'no' | 'measure' | 'department' | 'due' | 'status'> &
    Pick<TaskFields, 'resultNote' | 'signOff'>)[],
): PriorProblem {
  return {
    draftNo: item.draftNo,
    title: item.title,
    description,
    tasks: [...tasks]
      .sort((a, b) => a.no.localeCompare(b.no, 'en', { numeric: true }))
      .map((t) => ({
        no: t.no,
        measure: t.measure,
        department: t.department,
        due: t.due,
        status: t.status,
        closedOn: t.signOff?.date ?? '',
        resultNote: t.resultNote,
      })),
  };
}

/** The copy of a handed-over clue: who, what was proposed, to whom, and what came back. */
export function priorClueOf(clue: ClueFields): PriorClue {
  return {
    subjectName: clue.subjectName,
    subjectTitle: clue.subjectTitle,
    proposal: clue.proposal,
    receiver: clue.receiver,
    receiverName: clue.receiverName,
    handoverDate: clue.handoverDate,
    resultDate: clue.resultDate,
    result: clue.result,
  };
}

/** A clue of the earlier round the 回头看 follows up: one handed over, or meant to be. */
export const wasHandedOver = (clue: Pick<ClueFields, 'receiver' | 'handoverDate'>) =>
  clue.receiver !== '' || clue.handoverDate !== '';

type Row = Pick<RecheckFields, 'source' | 'problem' | 'clue' | 'conclusion' | 'satisfaction'>;

export interface RecheckOverview {
  /** Earlier 问题, and how many have a 复核结论. */
  readonly problems: number;
  readonly concluded: number;
  readonly byConclusion: Readonly<Record<Conclusion, number>>;
  /** Earlier ledger standing × 复核结论 ('' for not yet concluded). */
  readonly table: Readonly<Record<Standing, Readonly<Record<Conclusion | '', number>>>>;
  /** The ledger said done or 销号, the 复核 found otherwise: what a 回头看 exists to catch. */
  readonly doneButFailed: number;
  /** 满意度测评: how many were scored, and their mean (one decimal). */
  readonly surveyed: number;
  readonly meanSatisfaction: number | null;
  /** Clues handed over by the earlier round, by where they stand today. */
  readonly clues: number;
  readonly clueFollowUp: Readonly<Record<ClueFollowUp, number>>;
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function recheckOverview(rows: readonly Row[], today: IsoDate): RecheckOverview {
  const byConclusion = zeros(CONCLUSIONS);
  const table = Object.fromEntries(
    STANDINGS.map((s) => [s, zeros(['', ...CONCLUSIONS] as const)]),
  ) as Record<Standing, Record<Conclusion | '', number>>;
  const clueFollowUps = zeros(['notHanded', 'awaiting', 'overdue', 'answered'] as const);
  let problems = 0;
  let concluded = 0;
  let doneButFailed = 0;
  let clues = 0;
  const scores: number[] = [];
  for (const row of rows) {
    if (row.source === 'clue' && row.clue) {
      clues += 1;
      clueFollowUps[clueFollowUp(row.clue, today)] += 1;
      continue;
    }
    if (!row.problem) continue;
    problems += 1;
    const standing = priorStanding(row.problem);
    table[standing][row.conclusion] += 1;
    if (row.satisfaction !== null) scores.push(row.satisfaction);
    if (row.conclusion === '') continue;
    concluded += 1;
    byConclusion[row.conclusion] += 1;
    if (row.conclusion !== 'fixed' && (standing === 'closed' || standing === 'done'))
      doneButFailed += 1;
  }
  const mean =
    scores.length === 0
      ? null
      : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
  return {
    problems,
    concluded,
    byConclusion,
    table,
    doneButFailed,
    surveyed: scores.length,
    meanSatisfaction: mean,
    clues,
    clueFollowUp: clueFollowUps,
  };
}

/**
 * The finding a failed 复核 becomes: titled after the earlier 问题 and the conclusion, under
 * 上一轮巡视巡察反馈问题整改, citing the 复核 row (and through it the earlier 问题) as evidence.
 */
export function findingFromRecheck(
  recheckId: string,
  row: Pick<RecheckFields, 'problem' | 'conclusion' | 'note'>,
): Pick<FindingFields, 'title' | 'description' | 'category'> & { evidence: EvidenceRef[] } {
  const problem = row.problem!;
  const verdict = row.conclusion === '' ? '' : zh.recheck.conclusions[row.conclusion];
  const no = problem.draftNo ? `（原${problem.draftNo}）` : '';
  return {
    title: zh.recheck.findingTitle(verdict, problem.title).slice(0, 200),
    description: row.note,
    category: 'rectify.lastRound',
    evidence: [
      {
        kind: 'rechecks',
        recordId: recheckId,
        field: '',
        turnId: '',
        start: 0,
        end: 0,
        excerpt: `${problem.title}${no}：复核结论为${verdict}`.slice(0, 5000),
      },
    ],
  };
}
