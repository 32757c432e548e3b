/**
 * 数据比对 in documents: the 疑点清单 workbook (every 疑点 with its 核实, numbers masked), and the
 * report's annex of the 疑点 verified 属实 (numbers masked unless the 组长 chose to print them).
 */
import ExcelJS from 'exceljs';
import type { Paragraph, Table } from 'docx';
import { maskId } from '../domain/compare/idNumber';
import type { HitRecord } from '../domain/compare/compare.schema';
import { zh } from '../i18n/zh-CN';
import { caseWords } from './caseWords';
import { table } from './format';
import type { DocumentCase } from './input';

const t = zh.compare;
const c = t.columns;

export const HIT_COLUMNS = [
  c.no,
  c.rule,
  t.mapping.name,
  t.mapping.id,
  c.household,
  c.source,
  c.target,
  c.way,
  c.description,
  t.fields.status,
  t.fields.verifiedBy,
  t.fields.verifyNote,
] as const;
const WIDTHS = [9, 30, 10, 22, 14, 24, 24, 18, 30, 9, 10, 40];

function hitCells(
  input: DocumentCase,
  h: HitRecord,
  id: (n: string) => string,
): (string | number)[] {
  const where = (listId: string, row: number) =>
    t.rowOf(input.compare.listNames[listId] ?? '', row);
  const member = input.members.find((m) => m.id === h.verifiedBy)?.name ?? '';
  return [
    h.no,
    input.compare.ruleNames[h.ruleId] ?? h.description,
    h.name,
    id(h.idNumber),
    [h.householder, h.relation].filter(Boolean).join(' / '),
    where(h.sourceListId, h.sourceRow),
    where(h.targetListId, h.targetRow),
    t.ways[h.way] +
      (h.exempted ? `（${t.exemptedBy(h.exempted)}）` : '') +
      (h.gone ? `（${t.gone}）` : ''),
    h.description,
    t.statuses[h.status],
    member,
    h.verifyNote,
  ];
}

export async function hitsWorkbook(input: DocumentCase): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  book.creator = '巡察工作台';
  book.created = book.modified = new Date(`${input.today}T00:00:00Z`);
  const sheet = book.addWorksheet('疑点清单', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.mergeCells(1, 1, 1, HIT_COLUMNS.length);
  sheet.getCell(1, 1).value =
    `${caseWords(input.caseRecord, input.today).unitParty}数据比对疑点清单`;
  sheet.getCell(1, 1).font = { name: '黑体', size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.addRow([...HIT_COLUMNS]).font = { name: '黑体', size: 11 };
  for (const h of input.compare.hits) sheet.addRow(hitCells(input, h, maskId));
  sheet.columns.forEach((column, i) => {
    column.width = WIDTHS[i] ?? 14;
    column.alignment = { vertical: 'top', wrapText: true };
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Whether the report has the annex: some 疑点 was verified 属实. */
export const verifiedHits = (input: DocumentCase) =>
  input.compare.hits.filter((h) => h.status === 'true' && !h.exempted);

/** 附件 数据比对核实属实疑点: rule, person, both rows, what verification found. */
export function compareAnnex(input: DocumentCase): (Paragraph | Table)[] {
  const id = input.caseRecord.annexFullIds ? (n: string) => n : maskId;
  const rows = verifiedHits(input).map((h, i) => {
    const cells = hitCells(input, h, id);
    return [
      String(i + 1),
      String(cells[1]),
      String(cells[2]),
      String(cells[3]),
      `${cells[5]}\n${cells[6]}`,
      String(cells[11]),
    ];
  });
  return [
    table(
      ['序号', '比对规则', '姓名', '身份证号', '名单及行号', '核实情况'],
      rows,
      [6, 24, 10, 20, 20, 20],
    ),
  ];
}
