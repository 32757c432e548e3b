/**
 * 问题清单: one row per confirmed finding, in the report's order. The report's 附件 prints it,
 * and the Excel workbook (checklistWorkbook.ts) carries it into the 整改 work that follows.
 */
import { formatAmount } from '../domain/findings/amount';
import { focusPath } from '../domain/focus';
import { reportPlan } from '../domain/report/plan';
import { zh } from '../i18n/zh-CN';
import { responsibilityText } from '../domain/findings/finding.schema';
import type { DocumentCase } from './input';

export const CHECKLIST_COLUMNS = [
  '序号',
  '底稿编号',
  '问题',
  '类别',
  '涉及人员/部门',
  '金额',
  '立行立改',
] as const;

/** Column widths in the Word table, in percent of the text block. */
export const CHECKLIST_WIDTHS = [6, 20, 28, 14, 13, 12, 7] as const;

export interface ChecklistRow {
  readonly cells: readonly string[];
  /** What the workbook adds beyond the Word table. */
  readonly description: string;
  readonly basis: string;
  readonly responsibilities: string;
  /** The money as a number, in 分 (the workbook keeps it as a figure). */
  readonly amountFen: number | null;
}

export function checklistRows(input: DocumentCase): ChecklistRow[] {
  const plan = reportPlan(input.caseRecord, input.findings);
  const findings = plan.headings.flatMap((h) => h.findings);
  return findings.map((f, i) => ({
    cells: [
      String(i + 1),
      f.draftNo,
      f.title || zh.finding.untitled,
      focusPath(f.category),
      [...f.persons, ...f.departments].join('、'),
      f.amountFen === null ? '' : formatAmount(f.amountFen),
      f.immediate ? '是' : '否',
    ],
    description: f.description,
    basis: f.basis,
    responsibilities: responsibilityText(f.responsibilities),
    amountFen: f.amountFen,
  }));
}
