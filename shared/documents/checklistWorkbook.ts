/**
 * 问题清单 as an Excel workbook: the same rows as the report's 附件, plus what the 整改 work
 * needs beside them (问题表现, 定性依据, 责任指向) and empty 整改 columns to fill in.
 */
import ExcelJS from 'exceljs';
import { CHECKLIST_COLUMNS, checklistRows } from './checklist';
import { caseWords } from './caseWords';
import type { DocumentCase } from './input';
import { xmlSafe } from './format';

const EXTRA = ['问题表现', '定性依据', '责任指向', '整改措施', '责任单位', '完成时限', '整改情况'];
const WIDTHS = [6, 22, 36, 16, 20, 12, 9, 60, 40, 20, 30, 14, 12, 30];

/** Excel holds at most 32,767 characters in a cell. */
const cell = (text: string) => {
  const safe = xmlSafe(text);
  return safe.length > 32_000 ? `${safe.slice(0, 32_000)}……（内容过长，全文见问题底稿）` : safe;
};

export async function checklistWorkbook(input: DocumentCase): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  book.creator = '巡察工作台';
  // Dated by the document, not the clock: the same case gives the same bytes (pack.ts).
  book.created = book.modified = new Date(`${input.today}T00:00:00Z`);
  const sheet = book.addWorksheet('问题清单', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  const header = [...CHECKLIST_COLUMNS, ...EXTRA];
  sheet.mergeCells(1, 1, 1, header.length);
  sheet.getCell(1, 1).value =
    `${caseWords(input.caseRecord, input.today).unitParty}巡察发现问题清单`;
  sheet.getCell(1, 1).font = { name: '黑体', size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.addRow(header.map((h) => (h === '金额' ? '金额（元）' : h))).font = {
    name: '黑体',
    size: 11,
  };
  checklistRows(input).forEach((row, i) => {
    const [, draftNo = '', title = '', category = '', people = '', , immediate = ''] = row.cells;
    // 序号 and 金额 as figures, so the sheet sorts and sums them.
    const money = row.amountFen === null ? null : row.amountFen / 100;
    const texts = [row.description, row.basis, row.responsibilities].map(cell);
    sheet.addRow([
      i + 1,
      ...[draftNo, title, category, people].map(cell),
      money,
      immediate,
      ...texts,
    ]);
  });
  sheet.getColumn(6).numFmt = '#,##0.00';
  sheet.columns.forEach((column, i) => {
    column.width = WIDTHS[i] ?? 14;
    column.alignment = { wrapText: true, vertical: 'top' };
  });
  const thin = { style: 'thin' as const };
  sheet.eachRow((r, n) => {
    if (n === 1) return;
    r.eachCell({ includeEmpty: true }, (c) => {
      c.border = { top: thin, left: thin, bottom: thin, right: thin };
    });
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}
