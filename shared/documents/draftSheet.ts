/**
 * 问题底稿: one sheet per problem (DESIGN §9), the record a report's problem rests on. A form in
 * a table: 底稿编号 (repeated at the top of every page of the sheet), title, what happened, the
 * rule broken, the evidence list, responsibility, who found and wrote it, the team meeting's
 * opinion and the 组长's signature.
 */
import type { Document, Paragraph, Table } from 'docx';
import { chineseDate, localIsoDate } from '../domain/dates';
import { responsibilityText, type FindingRecord } from '../domain/findings/finding.schema';
import { reportPlan } from '../domain/report/plan';
import { zh } from '../i18n/zh-CN';
import { blank, body, form, newPage, officialDocument, title } from './format';
import { kindLabel, type DocumentCase } from './input';
import { caseWords } from './caseWords';
import { shortQuote } from './words';

const NOT_NUMBERED = '（组长确认后编号）';

/** One finding (any status: a draft 底稿 may be printed for the team meeting), or every
 * confirmed finding in the report's order. */
export function draftFindings(input: DocumentCase, findingId?: string): FindingRecord[] {
  if (findingId) return input.findings.filter((f) => f.id === findingId);
  return reportPlan(input.caseRecord, input.findings).headings.flatMap((h) => h.findings);
}

export function draftSheets(
  input: DocumentCase,
  findings: readonly FindingRecord[],
  name: string,
): Document {
  const unit = body(`被巡察单位：${caseWords(input.caseRecord, input.today).unitParty}`);
  const children: (Paragraph | Table)[] = [];
  findings.forEach((f, i) => {
    children.push(
      i === 0 ? title('问题底稿') : newPage('问题底稿'),
      unit,
      blank(),
      sheet(input, f),
    );
  });
  if (findings.length === 0) children.push(title('问题底稿'), unit, body('没有已确认的问题。'));
  return officialDocument(name, children, { numbering: 'pageOfTotal' });
}

function sheet(input: DocumentCase, f: FindingRecord): Table {
  const nameOf = new Map(input.members.map((m) => [m.id, m.name]));
  const evidence = f.evidence.map((e, i) => {
    const s = input.sources[e.recordId];
    const head = [
      `证据${i + 1}`,
      s ? kindLabel(s.kind) : '',
      s?.date ? chineseDate(s.date) : '',
      s?.label ?? '',
    ].filter(Boolean);
    return `${head.join(' ')}${e.excerpt ? `：${shortQuote(e.excerpt, 200)}` : ''}`;
  });
  const finders = [
    ...new Set(f.evidence.map((e) => nameOf.get(input.sources[e.recordId]?.by ?? '') ?? '')),
  ].filter(Boolean);
  const firstDate = f.evidence
    .map((e) => input.sources[e.recordId]?.date ?? '')
    .filter(Boolean)
    .sort()[0];
  const rows: [string, string][] = [
    ['问题标题', f.title || zh.finding.untitled],
    ['问题表现', f.description],
    ['定性依据', f.basis],
    ['佐证材料清单', evidence.join('\n')],
    ['责任指向', responsibilityText(f.responsibilities)],
    [
      '发现人及时间',
      [finders.join('、'), firstDate ? chineseDate(firstDate) : ''].filter(Boolean).join('，'),
    ],
    [
      '撰写人及时间',
      `${nameOf.get(f.createdBy) ?? ''}，${chineseDate(localIsoDate(new Date(f.createdAt)))}`,
    ],
    ['组务会审核意见', f.reviewComment],
    ['组长签字', '\n\n　　　　　　　　　　　　　　　　年　　月　　日'],
  ];
  return form([['底稿编号', f.draftNo || NOT_NUMBERED], ...rows]);
}
