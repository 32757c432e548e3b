/**
 * 问题线索报告: the clues, apart from the main report (which quotes only their count), marked
 * 机密 in its 版头 and 内部资料 at the foot of every page. One entry per clue, 附件 问题线索移交清单, and one 移交单 per
 * clue with the signatures of who hands it over and who receives it. The 组长's alone: refused
 * here, in the code that builds it, for anyone else.
 */
import type { Document, Paragraph, Table } from 'docx';
import { chineseDate } from '../domain/dates';
import { feedbackDue, type ClueRecord } from '../domain/findings/clue.schema';
import { zh } from '../i18n/zh-CN';
import { caseWords } from './caseWords';
import {
  addressee,
  attachmentStart,
  blank,
  body,
  signature,
  form,
  keptTogether,
  heading2,
  newPage,
  officialDocument,
  secrecyMark,
  table,
  title,
} from './format';
import { citation, type DocumentCase } from './input';
import { chineseNumeral, sentence, shortQuote } from './words';

export class DocumentRefused extends Error {}

const c = zh.clue;

export const HANDOVER_COLUMNS = [
  '序号',
  '线索编号',
  '被反映人',
  '工作单位及职务',
  '问题线索摘要',
  '线索来源',
  '主要证据',
  '拟处置建议',
  '移交对象',
  '备注',
] as const;
const HANDOVER_WIDTHS = [5, 9, 8, 12, 22, 7, 13, 9, 9, 6];

/** 线索编号 in the order the clues were registered: 线索01, 线索02 … */
const numbered = (clues: readonly ClueRecord[]) =>
  [...clues]
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
    .map((clue, i) => ({ clue, no: `线索${String(i + 1).padStart(2, '0')}` }));

export function clueReport(input: DocumentCase): Document {
  if (input.viewer.role !== 'leader') throw new DocumentRefused(zh.report.cluesLeaderOnly);
  const w = caseWords(input.caseRecord, input.today);
  const clues = numbered(input.clues.filter((x) => !x.deleted));
  const people = (list: typeof clues) =>
    new Set(list.map(({ clue }) => clue.subjectName).filter(Boolean)).size;
  // The 移交清单 and the 移交单 are for the clues handed over, not those 暂存待查 or 了结.
  const handed = clues.filter(({ clue }) => clue.receiver !== '');
  const where = ({ clue }: { clue: ClueRecord }) =>
    [clue.subjectUnit, clue.subjectTitle].filter(Boolean).join('');
  const evidenceOf = (clue: ClueRecord) =>
    clue.evidence.map((e) => citation(input.sources[e.recordId])).join('');
  const proposal = (clue: ClueRecord) => (clue.proposal ? c.proposals[clue.proposal] : c.undecided);
  const receiver = (clue: ClueRecord) =>
    clue.receiverName || (clue.receiver ? c.receivers[clue.receiver] : c.notHandedOver);
  const entries: Paragraph[] = clues.flatMap(({ clue, no }, i) => [
    heading2(`（${chineseNumeral(i + 1)}）关于反映${where({ clue })}${clue.subjectName}的问题线索`),
    body(`线索编号：${no}。线索来源：${c.sources[clue.source]}。`),
    body(sentence(clue.allegation || '（未填写反映的主要问题）')),
    ...(clue.evidence.length > 0 ? [body(`主要证据：${evidenceOf(clue)}。`)] : []),
    body(`拟处置建议：${proposal(clue)}；移交对象：${receiver(clue)}。`),
  ]);
  const rows = handed.map(({ clue, no }, i) => [
    String(i + 1),
    no,
    clue.subjectName,
    where({ clue }),
    shortQuote(clue.allegation, 200),
    c.sources[clue.source],
    evidenceOf(clue),
    proposal(clue),
    receiver(clue),
    [
      clue.handoverDate &&
        `移交日期${chineseDate(clue.handoverDate)}，反馈期限${chineseDate(feedbackDue(clue))}`,
      clue.resultDate && `已于${chineseDate(clue.resultDate)}反馈`,
    ]
      .filter(Boolean)
      .join('；'),
  ]);
  const slips: (Paragraph | Table)[] = handed.flatMap(({ clue, no }) => [
    newPage('问题线索移交单'),
    blank(),
    form([
      ['线索编号', no],
      ['被反映人', clue.subjectName],
      ['工作单位及职务', where({ clue })],
      ['问题线索摘要', clue.allegation],
      ['线索来源', c.sources[clue.source]],
      ['主要证据', evidenceOf(clue)],
      ['拟处置建议', proposal(clue)],
      ['移交对象', receiver(clue)],
      ['移交日期', clue.handoverDate ? chineseDate(clue.handoverDate) : ''],
      ['反馈期限', clue.handoverDate ? chineseDate(feedbackDue(clue)) : ''],
    ]),
    ...keptTogether(
      blank(),
      body('移交人（签字）：　　　　　　　年　　月　　日'),
      blank(),
      body('接收人（签字）：　　　　　　　年　　月　　日'),
    ),
  ]);
  const name = '问题线索报告';
  return officialDocument(
    name,
    [
      secrecyMark('机密'),
      title(`关于${w.unitParty}巡察发现问题线索的报告`),
      blank(),
      addressee(w.addressee),
      body(
        `${w.signature}在对${w.unitParty}开展${w.type}期间，共发现问题线索${clues.length}件，` +
          `涉及${people(clues)}人，其中拟移交${handed.length}件${people(handed)}人。现将有关情况报告如下。`,
      ),
      ...(clues.length > 0 ? entries : [body('巡察期间未发现问题线索。')]),
      ...(handed.length > 0 ? [blank(), body('附件：1. 问题线索移交清单')] : []),
      ...signature(w.signature, w.date),
      ...(handed.length > 0
        ? [
            ...attachmentStart('附件1', '问题线索移交清单'),
            table(HANDOVER_COLUMNS, rows, HANDOVER_WIDTHS),
            ...slips,
          ]
        : []),
    ],
    { numbering: 'dash', footerMark: '内部资料' },
  );
}
