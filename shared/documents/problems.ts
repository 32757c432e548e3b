/**
 * 发现的主要问题, as the report and the feedback write it: （一） per heading of the case's
 * scheme, 1. 2. … per confirmed finding in the 组长's order. The report adds one or two 典型事例
 * from the evidence with short citations; the feedback states the problems only.
 */
import type { Paragraph } from 'docx';
import { responsibilityText, type FindingRecord } from '../domain/findings/finding.schema';
import { reportPlan } from '../domain/report/plan';
import { zh } from '../i18n/zh-CN';
import { body, heading2, heading3 } from './format';
import { citation, type DocumentCase } from './input';
import { chineseNumeral, paragraphsOf, sentence, shortQuote } from './words';

/** What stands in for the problems when no finding is confirmed. */
export const NONE_FOUND = '本次巡察未发现需要报告的主要问题。';

export function problemParagraphs(input: DocumentCase, detail: 'report' | 'feedback'): Paragraph[] {
  const plan = reportPlan(input.caseRecord, input.findings);
  if (plan.headings.length === 0) return [body(NONE_FOUND)];
  return plan.headings.flatMap((h, i) => [
    heading2(`（${chineseNumeral(i + 1)}）${h.text}`),
    ...h.findings.flatMap((f, n) => findingParagraphs(input, f, n + 1, detail)),
  ]);
}

function findingParagraphs(
  input: DocumentCase,
  f: FindingRecord,
  n: number,
  detail: 'report' | 'feedback',
): Paragraph[] {
  const [first = '', ...rest] = paragraphsOf(f.description);
  const out = [heading3(`${n}.${sentence(f.title || zh.finding.untitled)}`, first)];
  out.push(...rest.map((p) => body(p)));
  if (detail === 'feedback') return out;
  const examples = f.evidence
    .filter((e) => e.excerpt.trim() !== '')
    .slice(0, 2)
    .map((e) => {
      const quote = shortQuote(e.excerpt).replace(/[。；，、\s]+$/, '');
      return `${quote}${citation(input.sources[e.recordId])}`;
    });
  if (examples.length > 0) out.push(body(`例如，${examples.join('；')}。`));
  const basis = paragraphsOf(f.basis).map((b) => b.replace(/[。；;]$/, ''));
  if (basis.length > 0) out.push(body(`定性依据：${basis.join('；')}。`));
  if (f.responsibilities.length > 0) {
    out.push(body(`责任指向：${responsibilityText(f.responsibilities)}。`));
  }
  return out;
}
