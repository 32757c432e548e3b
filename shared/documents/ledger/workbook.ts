/**
 * The 整改台账 as an Excel workbook (exceljs): 问题清单, 任务清单, 责任清单 and 整改情况统计表,
 * each with a header row, frozen panes, widths that fit Chinese text, dates as real dates and
 * the colour of each task as a cell fill. The 任务清单 is also what the unit fills in and sends
 * back (import.ts reads it by its headers).
 */
import ExcelJS from 'exceljs';
import type { IsoDate } from '../../domain/dates';
import {
  COMPLETED,
  TASK_STATUSES,
  type LedgerItemRecord,
  type TaskRecord,
} from '../../domain/ledger/task.schema';
import { ledgerOverview, warningOf, WARNINGS, type Warning } from '../../domain/ledger/warning';
import { zh } from '../../i18n/zh-CN';
import { xmlSafe } from '../format';
import { stampZip } from '../pack';
import { TASK_COLUMNS } from './columns';

const l = zh.ledger;

const FILLS: Record<Warning, string> = {
  red: 'FFFF7875',
  yellow: 'FFFFD666',
  green: 'FF95DE64',
  blue: 'FF69B1FF',
};

export interface LedgerBook {
  readonly items: readonly LedgerItemRecord[];
  readonly tasks: readonly TaskRecord[];
  readonly today: IsoDate;
  readonly warnDays: number;
}

/** A day as Excel keeps it: a date at midnight UTC (exceljs writes it as a serial number). */
const asDate = (day: string) => (day ? new Date(`${day}T00:00:00Z`) : null);
const byNo = (a: TaskRecord, b: TaskRecord) => a.no.localeCompare(b.no, 'zh-CN', { numeric: true });

function sheetOf(
  book: ExcelJS.Workbook,
  name: string,
  headers: readonly string[],
  widths: number[],
) {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const head = sheet.addRow([...headers]);
  head.font = { name: '黑体', size: 11 };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  sheet.columns.forEach((c, i) => {
    c.width = widths[i] ?? 12;
  });
  return sheet;
}

function finish(sheet: ExcelJS.Worksheet) {
  const thin = { style: 'thin' as const };
  sheet.eachRow((row) =>
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = { top: thin, left: thin, bottom: thin, right: thin };
      c.alignment = { ...c.alignment, wrapText: true, vertical: 'top' };
    }),
  );
}

export async function ledgerWorkbook(ledger: LedgerBook): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  book.creator = '巡察工作台';
  book.created = book.modified = new Date(`${ledger.today}T00:00:00Z`);
  const warning = (t: TaskRecord) => warningOf(t, ledger.today, ledger.warnDays);
  const itemOf = new Map(ledger.items.map((i) => [i.id, i]));
  const tasks = [...ledger.tasks].sort(byNo);
  const fill = (cell: ExcelJS.Cell, w: Warning) => {
    cell.value = l.warnings[w];
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[w] } };
  };

  // 问题清单
  const problems = sheetOf(
    book,
    l.tabs.items,
    ['序号', '底稿编号', '问题', '整改任务（项）', '已完成（项）', '预警'],
    [6, 20, 40, 10, 10, 6],
  );
  ledger.items.forEach((item, i) => {
    const own = tasks.filter((t) => t.itemId === item.id);
    const row = problems.addRow([
      i + 1,
      item.draftNo,
      xmlSafe(item.title),
      own.length,
      own.filter((t) => COMPLETED.has(t.status)).length,
    ]);
    const worst = WARNINGS.find((w) => own.some((t) => warning(t) === w));
    if (worst) fill(row.getCell(6), worst);
  });
  finish(problems);

  // 任务清单
  const list = sheetOf(
    book,
    l.tabs.tasks,
    TASK_COLUMNS.map((c) => c.header),
    TASK_COLUMNS.map((c) => c.width),
  );
  for (const t of tasks) {
    const item = itemOf.get(t.itemId);
    const row = list.addRow(
      TASK_COLUMNS.map((c) => {
        switch (c.header) {
          case '底稿编号':
            return item?.draftNo ?? '';
          case '问题':
            return xmlSafe(item?.title ?? '');
          case '预警':
            return '';
        }
        switch (c.field) {
          case 'due':
            return asDate(t.due);
          case 'stage':
            return l.stages[t.stage];
          case 'status':
            return l.statuses[t.status];
          case 'recoveredFen':
            return t.recoveredFen / 100;
          case undefined:
            return '';
          default:
            return typeof t[c.field] === 'string' ? xmlSafe(t[c.field] as string) : t[c.field];
        }
      }),
    );
    fill(row.getCell(TASK_COLUMNS.findIndex((c) => c.header === '预警') + 1), warning(t));
  }
  list.getColumn(TASK_COLUMNS.findIndex((c) => c.field === 'due') + 1).numFmt =
    'yyyy"年"m"月"d"日"';
  list.getColumn(TASK_COLUMNS.findIndex((c) => c.field === 'recoveredFen') + 1).numFmt = '#,##0.00';
  finish(list);

  // 责任清单: by 责任领导, then 责任部门.
  const duty = sheetOf(
    book,
    l.tabs.duty,
    ['责任领导', '责任部门', '编号', '整改措施', '完成时限', '状态', '预警'],
    [10, 14, 8, 40, 12, 14, 6],
  );
  const sorted = [...tasks].sort(
    (a, b) =>
      a.leader.localeCompare(b.leader, 'zh-CN') ||
      a.department.localeCompare(b.department, 'zh-CN') ||
      byNo(a, b),
  );
  for (const t of sorted) {
    const row = duty.addRow([
      t.leader,
      t.department,
      t.no,
      xmlSafe(t.measure),
      asDate(t.due),
      l.statuses[t.status],
    ]);
    fill(row.getCell(7), warning(t));
  }
  duty.getColumn(5).numFmt = 'yyyy"年"m"月"d"日"';
  finish(duty);

  // 整改情况统计表
  const overview = ledgerOverview(tasks, ledger.today, ledger.warnDays);
  const stats = sheetOf(book, l.statsSheet, ['项目', '数量'], [28, 14]);
  const sum = (pick: (t: TaskRecord) => number) => tasks.reduce((n, t) => n + pick(t), 0);
  const lines: [string, number | string][] = [
    ['问题（个）', ledger.items.length],
    ['整改任务（项）', tasks.length],
    ...TASK_STATUSES.map((s): [string, number] => [
      l.statuses[s],
      tasks.filter((t) => t.status === s).length,
    ]),
    ...WARNINGS.map((w): [string, number] => [`预警：${l.warnings[w]}`, overview.byWarning[w]]),
    ['完成率', `${overview.completionRate}%`],
    ['建立完善制度（项）', sum((t) => t.rulesMade)],
    ['追回或清退资金（元）', sum((t) => t.recoveredFen) / 100],
    ['处理人员（人）', sum((t) => t.peopleHandled)],
  ];
  for (const line of lines) stats.addRow(line);
  finish(stats);

  return stampZip(new Uint8Array(await book.xlsx.writeBuffer()), ledger.today);
}
