/**
 * The figures a case dashboard and the report quote (谈话 N 人次, 发现问题 N 个 …), computed
 * from the records every time, never typed in.
 */
import { FOCUS_TREE, focusArea } from '../focus';
import type { FindingFields } from './finding.schema';
import type { HitFields } from '../compare/compare.schema';

export interface StatsInput {
  /** Named interviewees of each live interview: 谈话人次 counts people, not meetings. */
  readonly interviewHeadcounts: readonly number[];
  readonly docReviews: number;
  readonly siteVisits: number;
  readonly petitions: number;
  /** Live (not deleted) findings, in any status. */
  readonly findings: readonly FindingFields[];
  readonly clues: number;
  /** 数据比对's 疑点, live (issue 15). */
  readonly compareHits?: readonly Pick<
    HitFields,
    'status' | 'exempted' | 'gone' | 'findingId' | 'clueId'
  >[];
}

export interface CaseStats {
  readonly interviewPeople: number;
  readonly interviews: number;
  readonly docReviews: number;
  readonly siteVisits: number;
  readonly petitions: number;
  /** Confirmed findings: what the report will list. */
  readonly confirmedFindings: number;
  /** Findings waiting for the 组长's review (待审核). */
  readonly pendingFindings: number;
  /** Findings being written or reworked (草稿, 退回). */
  readonly draftFindings: number;
  /** Findings merged into others (kept, marked, not counted elsewhere). */
  readonly mergedFindings: number;
  /** Confirmed findings per top-level focus area, in the tree's order. */
  readonly byArea: readonly { code: string; label: string; count: number }[];
  readonly clues: number;
  /** Money involved in confirmed findings, in 分. */
  readonly amountFen: number;
  /** 数据比对: 疑点 found (not exempted, still found), verified 属实, and made findings or clues. */
  readonly compare: {
    readonly hits: number;
    readonly verified: number;
    readonly findings: number;
    readonly clues: number;
  };
}

export function caseStats(input: StatsInput): CaseStats {
  const confirmed = input.findings.filter((f) => f.status === 'confirmed');
  const count = (...statuses: string[]) =>
    input.findings.filter((f) => statuses.includes(f.status)).length;
  const perArea = new Map<string, number>();
  for (const f of confirmed) {
    const area = focusArea(f.category)?.code;
    if (area) perArea.set(area, (perArea.get(area) ?? 0) + 1);
  }
  return {
    interviewPeople: input.interviewHeadcounts.reduce((n, h) => n + h, 0),
    interviews: input.interviewHeadcounts.length,
    docReviews: input.docReviews,
    siteVisits: input.siteVisits,
    petitions: input.petitions,
    confirmedFindings: confirmed.length,
    pendingFindings: count('pending'),
    draftFindings: count('draft', 'returned'),
    mergedFindings: count('merged'),
    byArea: FOCUS_TREE.map((n) => ({
      code: n.code,
      label: n.short,
      count: perArea.get(n.code) ?? 0,
    })),
    clues: input.clues,
    amountFen: confirmed.reduce((sum, f) => sum + (f.amountFen ?? 0), 0),
    compare: compareFigures(input.compareHits ?? []),
  };
}

function compareFigures(hits: NonNullable<StatsInput['compareHits']>): CaseStats['compare'] {
  const counted = hits.filter((h) => !h.exempted && !h.gone);
  return {
    hits: counted.length,
    verified: counted.filter((h) => h.status === 'true').length,
    findings: new Set(hits.map((h) => h.findingId).filter(Boolean)).size,
    clues: new Set(hits.map((h) => h.clueId).filter(Boolean)).size,
  };
}
