/**
 * A 回头看 report's section on the earlier round (DESIGN §10): what the earlier ledger said
 * against what the 复核 found, in counts computed from the rows (recheckOverview), a table of
 * ledger standing × 复核结论, and each 问题 the 复核 found not put right.
 */
import type { Paragraph, Table } from 'docx';
import { recheckOverview, STANDINGS, type RecheckOverview } from '../domain/ledger/recheck';
import { CONCLUSIONS, FAILED } from '../domain/ledger/recheck.schema';
import { zh } from '../i18n/zh-CN';
import { body, heading2, table } from './format';
import type { DocumentCase } from './input';
import { paragraphsOf, sentence } from './words';

const t = zh.recheck;

/** Whether the report has this section: a 回头看 case with an earlier ledger copied in. */
export const hasLookback = (input: DocumentCase) =>
  input.caseRecord.type === 'lookback' && input.rechecks.some((r) => r.source === 'problem');

export function lookbackParagraphs(input: DocumentCase): (Paragraph | Table)[] {
  const o = recheckOverview(input.rechecks, input.today);
  const failed = input.rechecks.filter((r) => r.source === 'problem' && FAILED.has(r.conclusion));
  return [
    body(ledgerSentence(o)),
    body(recheckSentence(o)),
    ...(o.surveyed > 0
      ? [body(`开展满意度测评${o.surveyed}项，平均满意率${o.meanSatisfaction}%。`)]
      : []),
    ...(o.clues > 0 ? [body(clueSentence(o))] : []),
    table(
      ['台账状态', ...CONCLUSIONS.map((c) => t.conclusions[c]), t.notConcluded, '合计'],
      [
        ...STANDINGS.map((s) => {
          const row = o.table[s];
          const cells = [...CONCLUSIONS, ''].map((c) => row[c as keyof typeof row]);
          return [t.standings[s], ...cells.map(String), String(sum(cells))];
        }),
        totalRow(o),
      ],
      [22, 13, 13, 13, 13, 13, 13],
    ),
    ...(failed.length > 0
      ? [
          heading2('（一）复核未整改到位的问题'),
          ...failed.map((r, i) => {
            const p = r.problem!;
            const no = p.draftNo ? `（${p.draftNo}）` : '';
            const [first = ''] = paragraphsOf(r.note);
            const verdict = r.conclusion === '' ? '' : t.conclusions[r.conclusion];
            return body(
              `${i + 1}.${p.title}${no}：复核结论为${verdict}。${first ? sentence(first) : ''}`,
            );
          }),
        ]
      : []),
  ];
}

const sum = (ns: readonly number[]) => ns.reduce((a, b) => a + b, 0);

function totalRow(o: RecheckOverview): string[] {
  const column = (c: (typeof CONCLUSIONS)[number] | '') => sum(STANDINGS.map((s) => o.table[s][c]));
  return [
    '合计',
    ...[...CONCLUSIONS, ''].map((c) => String(column(c as never))),
    String(o.problems),
  ];
}

function ledgerSentence(o: RecheckOverview): string {
  const by = (s: (typeof STANDINGS)[number]) => sum(Object.values(o.table[s]));
  const parts = [`已销号${by('closed')}个`, `已完成${by('done')}个`, `未完成${by('open')}个`];
  if (by('none') > 0) parts.push(`无整改任务${by('none')}个`);
  return `上轮巡察反馈问题${o.problems}个，整改台账显示${parts.join('、')}。`;
}

function recheckSentence(o: RecheckOverview): string {
  const counts = CONCLUSIONS.map((c) => `${t.conclusions[c]}${o.byConclusion[c]}个`).join('、');
  const pending = o.problems - o.concluded;
  return (
    `本次回头看逐项复核${o.concluded}个，其中${counts}` +
    (pending > 0 ? `，尚未复核${pending}个` : '') +
    `；台账显示已完成或销号、但复核认定未整改到位的${o.doneButFailed}个。`
  );
}

function clueSentence(o: RecheckOverview): string {
  const f = o.clueFollowUp;
  const replies = `已反馈办理结果${f.answered}件，逾期未反馈${f.overdue}件，尚在反馈期限内${f.awaiting}件`;
  // Every count adds up to the total: the ones never handed over are said apart.
  return f.notHanded === 0
    ? `上轮移交问题线索${o.clues}件，${replies}。`
    : `上轮拟移交问题线索${o.clues}件，其中未办理移交手续${f.notHanded}件；已移交的${o.clues - f.notHanded}件中，${replies}。`;
}
