/**
 * Which findings the report lists, under which heading, in what order; and which it leaves out
 * and why. The 巡察报告 page shows this plan before export, and the documents are built from it,
 * so what the 组长 previews is what the file holds.
 */
import type { ReportFields } from '../case.schema';
import type { FindingRecord } from '../findings/finding.schema';
import { headingOf, headingText, SCHEMES, type Heading } from './headings';

export type LeftOutReason = 'notConfirmed' | 'merged' | 'noCategory' | 'noHeading';

export interface PlannedHeading {
  readonly heading: Heading;
  /** As printed: the 组长's wording, or the scheme's. */
  readonly text: string;
  /** In the 组长's order. */
  readonly findings: readonly FindingRecord[];
}

export interface ReportPlan {
  /** Headings that have findings, in the scheme's order (empty headings are not printed). */
  readonly headings: readonly PlannedHeading[];
  readonly leftOut: readonly { readonly finding: FindingRecord; readonly reason: LeftOutReason }[];
}

const byOrder = (a: FindingRecord, b: FindingRecord) =>
  (a.order < b.order ? -1 : a.order > b.order ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function reportPlan(
  settings: Pick<ReportFields, 'reportScheme' | 'headingTexts'>,
  findings: readonly FindingRecord[],
): ReportPlan {
  const placed = new Map<string, FindingRecord[]>();
  const leftOut: { finding: FindingRecord; reason: LeftOutReason }[] = [];
  for (const finding of [...findings].sort(byOrder)) {
    if (finding.deleted) continue;
    const heading = headingOf(settings.reportScheme, finding.category);
    const reason: LeftOutReason | undefined =
      finding.status === 'merged'
        ? 'merged'
        : finding.status !== 'confirmed'
          ? 'notConfirmed'
          : finding.category === ''
            ? 'noCategory'
            : !heading
              ? 'noHeading'
              : undefined;
    if (reason) leftOut.push({ finding, reason });
    else placed.set(heading!.key, [...(placed.get(heading!.key) ?? []), finding]);
  }
  const headings = SCHEMES[settings.reportScheme]
    .filter((h) => placed.has(h.key))
    .map((heading) => ({
      heading,
      text: headingText(heading, settings.headingTexts),
      findings: placed.get(heading.key)!,
    }));
  return { headings, leftOut };
}
