/**
 * 发现问题: a problem the team found, the evidence it rests on, and where it stands in the
 * leader's review. Categories are codes of the focus tree (shared/domain/focus.ts).
 */
import { z } from '../zod';
import { zh } from '../../i18n/zh-CN';
import { isFocusCode } from '../focus';
import { optionalText, writtenText } from '../text';
import { RECORD_KINDS, longText } from '../records/common';
import type { Stored } from '../record';

export const SEVERITIES = ['general', 'serious', 'grave'] as const;
/** 责任指向: whose responsibility a problem is (several may apply). */
export const RESPONSIBILITIES = [
  'principal',
  'firstPerson',
  'leadership',
  'supervision',
  'direct',
] as const;
export type Responsibility = (typeof RESPONSIBILITIES)[number];
export const FINDING_STATUSES = ['draft', 'pending', 'confirmed', 'returned', 'merged'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/**
 * A pointer to what proves a finding: a record, a passage of it (which field, which 问/答 turn,
 * which characters), or a file. Evidence is a set (see collections.ts): two members citing
 * different passages of one interview add two pieces of evidence, citing the same one adds one.
 */
export const evidenceRef = z.object({
  /**
   * 'rechecks': a 回头看's 复核 of an earlier 问题 (ledger/recheck.schema.ts); 'compareLists': a
   * row of a 数据比对 list, its row number as `start` and `end`.
   */
  kind: z.enum([...RECORD_KINDS, 'attachments', 'rechecks', 'compareLists']),
  recordId: z.string().min(1).max(40),
  /** The field the passage was selected in; blank for the whole record. */
  field: z.string().max(40).default(''),
  /** The turn of an interview the passage comes from; blank for the whole record. */
  turnId: z.string().max(40).default(''),
  /** Where the passage starts and ends in that text (0, 0 for the whole record or file). */
  start: z.number().int().nonnegative().default(0),
  end: z.number().int().nonnegative().default(0),
  /** The quoted passage, as it read when it was cited. */
  excerpt: z.string().max(5000).default(''),
});
export type EvidenceRef = z.output<typeof evidenceRef>;

const f = zh.finding.fields;

export const personName = z.string().trim().min(1).max(50);
export const departmentName = z.string().trim().min(1).max(100);

export const findingFields = z.object({
  title: optionalText(f.title, 200),
  /** 问题表现: what happened (time, place, people, numbers). */
  description: longText(f.description),
  /** 定性依据: the rule or policy the problem breaks. */
  basis: writtenText(f.basis, 5000),
  responsibilities: z.array(z.enum(RESPONSIBILITIES)).max(RESPONSIBILITIES.length).default([]),
  /** 立行立改: the unit began correcting it while the team was still there. */
  immediate: z.boolean().default(false),
  /** 底稿编号, assigned when the 组长 first confirms the finding (draftNumber.ts); kept after. */
  draftNo: z.string().max(60).default(''),
  category: z
    .string()
    .refine((c) => c === '' || isFocusCode(c), { error: zh.validation.focus })
    .default(''),
  persons: z.array(personName).max(100).default([]),
  departments: z.array(departmentName).max(100).default([]),
  /** Money involved, in 分; null when none is stated. See amount.ts. */
  amountFen: z.number().int().nonnegative().nullable().default(null),
  severity: z.enum(SEVERITIES).default('general'),
  status: z.enum(FINDING_STATUSES).default('draft'),
  reviewComment: optionalText(f.reviewComment, 2000),
  /** Position within its category, the order of the report: a fractional key (order.ts). */
  order: z.string().max(200).default(''),
  evidence: z.array(evidenceRef).max(500).default([]),
  /** Set on a finding merged into another: the one that now carries its evidence. */
  mergedInto: z.string().max(40).default(''),
});

export type FindingFields = z.output<typeof findingFields>;
export type FindingRecord = Stored<FindingFields>;

/** 责任指向 as documents write it: in the order of the list, 主体责任 first. */
export function responsibilityText(list: readonly Responsibility[]): string {
  return RESPONSIBILITIES.filter((r) => list.includes(r))
    .map((r) => zh.finding.responsibilities[r])
    .join('、');
}

/** What a piece of evidence is: the same key is the same evidence, however often cited. */
export function evidenceKey(e: EvidenceRef): string {
  return [e.kind, e.recordId, e.field, e.turnId, e.start, e.end].join('|');
}

export function sameEvidence(a: EvidenceRef, b: EvidenceRef): boolean {
  return evidenceKey(a) === evidenceKey(b);
}
