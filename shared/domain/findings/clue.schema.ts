/**
 * 问题线索: an allegation about a person, to be handed on (纪委监委, 组织部 …). Clues are the most
 * sensitive thing in a case: only the 组长 and the member who registered a clue may read it, and
 * the repository enforces that (canSeeClue), not just the screen.
 */
import { z } from '../zod';
import { zh } from '../../i18n/zh-CN';
import { choice, optionalText, writtenText } from '../text';
import { addMonths, isIsoDate, type IsoDate } from '../dates';
import { longText } from '../records/common';
import type { MemberRole } from '../member.schema';
import type { Stored } from '../record';
import { evidenceRef } from './finding.schema';

export const CLUE_SOURCES = [
  'interview',
  'petition',
  'docReview',
  'comparison',
  'siteVisit',
] as const;
/** 拟处置建议: what the team proposes; the receiver decides. */
export const CLUE_PROPOSALS = ['talk', 'verify', 'hold', 'close', 'investigate'] as const;
/** 移交对象: who receives the clue (纪委监委 or 组织部, by who manages the cadre). */
export const CLUE_RECEIVERS = ['discipline', 'organization', 'other'] as const;

/** The receiver reports back within three months of the handover (反馈期限). */
export const FEEDBACK_MONTHS = 3;

const f = zh.clue.fields;

export const clueFields = z.object({
  subjectName: optionalText(f.subjectName, 50),
  subjectTitle: optionalText(f.subjectTitle, 100),
  subjectUnit: optionalText(f.subjectUnit, 100),
  allegation: longText(f.allegation),
  source: choice(CLUE_SOURCES, f.source).default('interview'),
  /** Blank until the team decides. */
  proposal: z
    .enum(['', ...CLUE_PROPOSALS], { error: zh.validation.choose(f.proposal) })
    .default(''),
  receiver: z
    .enum(['', ...CLUE_RECEIVERS], { error: zh.validation.choose(f.receiver) })
    .default(''),
  /** The receiving body by name (县纪委监委第三监督检查室, 县财政局 …). */
  receiverName: optionalText(f.receiverName, 100),
  /** 移交日期: blank until handed over; the 反馈期限 follows from it (feedbackDue). */
  handoverDate: z
    .string()
    .refine((d) => d === '' || isIsoDate(d), { error: zh.validation.date(f.handoverDate) })
    .default(''),
  confidentiality: writtenText(f.confidentiality, 2000),
  /** When the receiver replied (回复日期), blank until then. */
  resultDate: z
    .string()
    .refine((d) => d === '' || isIsoDate(d), { error: zh.validation.date(f.resultDate) })
    .default(''),
  /** What the receiver did with it (办理结果), as they reported it. */
  result: writtenText(f.result, 5000),
  evidence: z.array(evidenceRef).max(500).default([]),
});

export type ClueFields = z.output<typeof clueFields>;
export type ClueRecord = Stored<ClueFields>;

/** 反馈期限: three months after the handover; blank before it. */
export function feedbackDue(clue: Pick<ClueFields, 'handoverDate'>): IsoDate {
  return clue.handoverDate === '' ? '' : addMonths(clue.handoverDate, FEEDBACK_MONTHS);
}

/**
 * Where a handed-over clue stands (移交事项和线索办理是否到位, what a 回头看 checks): not handed
 * over, awaiting the receiver's reply, overdue (past the 反馈期限 with no reply), or answered.
 * From today's date every time, never stored.
 */
export type ClueFollowUp = 'notHanded' | 'awaiting' | 'overdue' | 'answered';

export function clueFollowUp(
  clue: Pick<ClueFields, 'handoverDate' | 'resultDate'>,
  today: IsoDate,
): ClueFollowUp {
  if (clue.handoverDate === '') return 'notHanded';
  if (clue.resultDate !== '') return 'answered';
  return today > feedbackDue(clue) ? 'overdue' : 'awaiting';
}

/** Only the 组长, or the member who registered the clue. */
export function canSeeClue(clue: { createdBy: string }, viewer: { id: string; role: MemberRole }) {
  return viewer.role === 'leader' || clue.createdBy === viewer.id;
}

export function clueMissing(values: ClueFields): Record<string, string> {
  const out: Record<string, string> = {};
  if (values.subjectName === '') out.subjectName = zh.clue.needSubject;
  if (values.allegation.trim() === '') out.allegation = zh.clue.needAllegation;
  return out;
}
