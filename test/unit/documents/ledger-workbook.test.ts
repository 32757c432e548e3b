/**
 * The 整改台账 workbook out and back in: exported, edited as a unit would edit it (with exceljs:
 * dates as text and serial numbers, a formula, a merged cell, an empty row, a row of its own),
 * and read back as exactly the cells that changed. Files that are not workbooks are refused in
 * one sentence.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ledgerWorkbook } from '../../../shared/documents/ledger/workbook';
import { dayOf, ImportRefused, readTaskWorkbook } from '../../../shared/documents/ledger/import';
import {
  taskFields,
  type LedgerItemRecord,
  type TaskRecord,
} from '../../../shared/domain/ledger/task.schema';
import { zh } from '../../../shared/i18n/zh-CN';

const meta = (id: string) => ({
  id,
  caseId: 'c1',
  createdAt: '2026-12-01T00:00:00.000Z',
  createdBy: 'm1',
  updatedAt: '2026-12-01T00:00:00.000Z',
  updatedBy: 'm1',
  rev: 1,
  vv: { d: 1 },
  clocks: {},
  deleted: false,
  seq: 1,
});

const items: LedgerItemRecord[] = [
  { ...meta('i1'), findingId: 'f1', draftNo: '[2026]4巡-3组-01号', title: '公车私用', order: 'a0' },
  {
    ...meta('i2'),
    findingId: 'f2',
    draftNo: '[2026]4巡-3组-02号',
    title: '低保把关不严',
    order: 'a1',
  },
];
const task = (
  id: string,
  itemId: string,
  no: string,
  over: Partial<TaskRecord> = {},
): TaskRecord => ({
  ...meta(id),
  ...taskFields.parse({ itemId, no }),
  ...over,
});
const tasks: TaskRecord[] = [
  task('t1', 'i1', '1-1', { measure: '制定公车管理办法', department: '党政办', due: '2026-12-31' }),
  task('t2', 'i1', '1-2', { measure: '清退违规油费', due: '2026-12-10', status: 'inProgress' }),
  task('t3', 'i2', '2-1', { measure: '低保复核', stage: 'longTerm' }),
];
const book = { items, tasks, today: '2026-12-07', warnDays: 10 };

async function loaded(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}
const save = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

describe('the ledger workbook', () => {
  it('has the three lists and the statistics, dates as dates and colours as fills', async () => {
    const wb = await loaded(await ledgerWorkbook(book));
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      '问题清单',
      '任务清单',
      '责任清单',
      '整改情况统计表',
    ]);
    const list = wb.getWorksheet('任务清单')!;
    expect(list.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(list.getRow(2).getCell(1).value).toBe('1-1');
    const due = list.getRow(2).getCell(9).value;
    expect(due).toBeInstanceOf(Date);
    expect((due as Date).toISOString().slice(0, 10)).toBe('2026-12-31');
    // 1-2 is due in three days: yellow, as a fill.
    const warn = list.getRow(3).getCell(12);
    expect(warn.value).toBe('黄');
    expect(warn.fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFFD666' } });
    const stats = wb.getWorksheet('整改情况统计表')!;
    const rows = stats
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1, 3));
    expect(rows).toContainEqual(['整改任务（项）', 3]);
    expect(rows).toContainEqual(['完成率', '0%']);
  });

  it('reads back exactly the cells a unit changed, whatever form they were written in', async () => {
    const wb = await loaded(await ledgerWorkbook(book));
    const list = wb.getWorksheet('任务清单')!;
    list.getRow(2).getCell(11).value = '已完成'; // 状态 of 1-1
    list.getRow(2).getCell(13).value = { formula: '1+1', result: 2 }; // 建立完善制度, by formula
    list.getRow(3).getCell(9).value = '2026.12.20'; // 完成时限 of 1-2 as text
    list.getRow(3).getCell(14).value = '12,345.6'; // 追回资金 with a thousands comma
    list.getRow(4).getCell(9).value = 46_052; // a serial number: 2026-01-30, before the feedback
    list.getRow(4).getCell(7).value = '民政办';
    list.addRow([]); // an empty row
    list.addRow(['9-9', '', '', '', '新增的任务']); // a row of the unit's own
    list.getColumn(17).values = ['备注', '随便写']; // an unknown column
    const reading = await readTaskWorkbook(await save(wb), tasks, '2026-12-01');
    expect(reading.proposals.map((p) => [p.no, p.field, p.from, p.to])).toEqual([
      ['1-1', 'status', 'notStarted', 'done'],
      ['1-1', 'rulesMade', 0, 2],
      ['1-2', 'due', '2026-12-10', '2026-12-20'],
      ['1-2', 'recoveredFen', 0, 1_234_560],
      ['2-1', 'department', '', '民政办'],
    ]);
    expect(reading.unmatched).toEqual([{ row: 6, no: '9-9' }]);
    expect(reading.problems).toEqual([
      { row: 4, message: `完成时限：${zh.ledger.dueBeforeFeedback('2026-12-01')}` },
    ]);
    expect(reading.rows).toBe(4);
  });

  it('reads a merged cell as its master and an unknown status as a problem, proposing nothing for it', async () => {
    const wb = await loaded(await ledgerWorkbook(book));
    const list = wb.getWorksheet('任务清单')!;
    list.getRow(2).getCell(7).value = '纪检组';
    list.mergeCells(2, 7, 3, 7); // 责任部门 of 1-1 and 1-2 merged
    list.getRow(3).getCell(11).value = '差不多了';
    const reading = await readTaskWorkbook(await save(wb), tasks, '2026-12-01');
    expect(reading.proposals.map((p) => [p.no, p.field, p.to])).toEqual([
      ['1-1', 'department', '纪检组'],
      ['1-2', 'department', '纪检组'],
    ]);
    expect(reading.problems).toEqual([{ row: 3, message: '状态：“差不多了”不是可选的值' }]);
  });

  it('refuses what is not a workbook, a protected one, and one without the header, in one sentence', async () => {
    const refused = (bytes: Uint8Array) => readTaskWorkbook(bytes, tasks, '2026-12-01');
    await expect(refused(new TextEncoder().encode('编号,整改措施\n1-1,x'))).rejects.toThrow(
      new ImportRefused(zh.ledger.import.notWorkbook),
    );
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(refused(ole)).rejects.toThrow(zh.ledger.import.encrypted);
    await expect(refused(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow(
      zh.ledger.import.notWorkbook,
    );
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').addRow(['姓名', '电话']);
    await expect(refused(await save(other))).rejects.toThrow(zh.ledger.import.noHeader);
  });

  it('reads days as units write them', () => {
    expect(dayOf('2026.12.1')).toBe('2026-12-01');
    expect(dayOf('2026年12月1日')).toBe('2026-12-01');
    expect(dayOf('2026/12/01')).toBe('2026-12-01');
    expect(dayOf(46_357)).toBe('2026-12-01');
    expect(dayOf('46357')).toBe('2026-12-01');
    expect(dayOf(new Date('2026-12-01T00:00:00Z'))).toBe('2026-12-01');
    expect(dayOf('2026-02-30')).toBeUndefined();
    expect(dayOf('下个月')).toBeUndefined();
    expect(dayOf('')).toBe('');
  });
});
