/**
 * 巡察情况报告 (draft), as DESIGN §9 describes it: title, addressee, opening, 一、基本情况 (the
 * 组长's text, then the work sentence from the data), 二、发现的主要问题 (problems.ts), 三、意见建议,
 * the 附件 line, signature and date, and 附件1 问题清单. Clue details never appear: only the count.
 */
import type { Document } from 'docx';
import { CHECKLIST_COLUMNS, CHECKLIST_WIDTHS, checklistRows } from './checklist';
import type { CaseFields } from '../domain/case.schema';
import { caseWords, unitParty, workSentence } from './caseWords';
import {
  addressee,
  attachmentStart,
  blank,
  body,
  signature,
  heading1,
  officialDocument,
  table,
  title,
} from './format';
import type { DocumentCase } from './input';
import { problemParagraphs } from './problems';
import { hasLookback, lookbackParagraphs } from './lookback';
import { compareAnnex, verifiedHits } from './compare';
import { chineseNumeral } from './words';
import { paragraphsOf } from './words';

/** What a section the 组长 has not written yet says, so the draft shows the gap. */
export const TO_WRITE = '（待组长填写）';

export const texts = (text: string) => {
  const list = paragraphsOf(text);
  return (list.length > 0 ? list : [TO_WRITE]).map((p) => body(p));
};

export function reportTitle(c: Pick<CaseFields, 'unitName'>) {
  return `关于对${unitParty(c.unitName)}巡察情况的报告`;
}

/** The opening sentence the report uses while the 组长 has written none. */
export function defaultOpening(c: CaseFields): string {
  const w = caseWords(c, c.startDate);
  return `${w.mandate}，${w.signature}于${w.period}对${w.unitParty}开展了${w.type}。现将巡察情况报告如下。`;
}

export function situationReport(input: DocumentCase): Document {
  const w = caseWords(input.caseRecord, input.today);
  const c = input.caseRecord;
  const opening = c.reportOpening.trim() || defaultOpening(c);
  const rows = checklistRows(input).map((r) => r.cells);
  const name = reportTitle(c);
  // No confirmed problem, no list of them; no 疑点 verified 属实, no table of them.
  const annexes = [
    ...(rows.length > 0
      ? [
          {
            title: '问题清单',
            // A narrow column's header on two lines, not one character a line.
            content: [
              table(
                CHECKLIST_COLUMNS.map((h) => (h === '立行立改' ? '立行\n立改' : h)),
                rows,
                CHECKLIST_WIDTHS,
              ),
            ],
          },
        ]
      : []),
    ...(verifiedHits(input).length > 0
      ? [{ title: '数据比对核实属实疑点清单', content: compareAnnex(input) }]
      : []),
  ];
  // A 回头看 report adds the earlier round's rectification as its second part.
  let part = 0;
  const part1 = (text: string) => heading1(`${chineseNumeral(++part)}、${text}`);
  return officialDocument(name, [
    title(name),
    blank(),
    addressee(w.addressee),
    ...paragraphsOf(opening).map((p) => body(p)),
    part1('基本情况'),
    ...(c.reportBasics.trim() ? paragraphsOf(c.reportBasics).map((p) => body(p)) : []),
    body(workSentence(input)),
    ...(hasLookback(input) ? [part1('上轮巡察整改落实情况'), ...lookbackParagraphs(input)] : []),
    part1('发现的主要问题'),
    ...problemParagraphs(input, 'report'),
    part1('意见建议'),
    ...texts(c.reportSuggestions),
    // Each annex listed under the text (GB/T 9704 7.3.5), then each on its own page.
    ...annexes.flatMap((a, i) =>
      i === 0
        ? [blank(), body(`附件：1. ${a.title}`)]
        : [body(`\u3000\u3000\u3000${i + 1}. ${a.title}`)],
    ),
    ...signature(w.signature, w.date),
    ...annexes.flatMap((a, i) => [...attachmentStart(`附件${i + 1}`, a.title), ...a.content]),
  ]);
}
