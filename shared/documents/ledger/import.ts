/**
 * Reading back the 任务清单 the inspected unit filled in: each row matched to a task by its 编号,
 * each changed cell a proposed update for the 组长 to accept or reject. Nothing is written here.
 * Columns are found by their header text, so moved, added or unknown columns do no harm; cell
 * values come as units write them: formulas (their result), merged cells, rich text, and dates
 * as dates, as Excel serial numbers (45627) or as text (2026.12.1, 2026年12月1日, 2026/12/01).
 */
import ExcelJS from 'exceljs';
import { isIsoDate } from '../../domain/dates';
import { dueProblem } from '../../domain/ledger/close';
import { TASK_STAGES, TASK_STATUSES, type TaskRecord } from '../../domain/ledger/task.schema';
import { zh } from '../../i18n/zh-CN';
import { TASK_COLUMNS, type TaskColumnField } from './columns';

const m = zh.ledger.import;

/** The file is not something to read: said in one sentence, nothing written. */
export class ImportRefused extends Error {}

export interface Proposal {
  readonly taskId: string;
  readonly no: string;
  readonly field: TaskColumnField;
  readonly label: string;
  readonly from: string | number;
  readonly to: string | number;
}

export interface ImportReading {
  readonly proposals: readonly Proposal[];
  /** Rows whose 编号 matches no task: listed, never guessed. */
  readonly unmatched: readonly { readonly row: number; readonly no: string }[];
  /** Cells that could not be read as their column needs, with why. */
  readonly problems: readonly { readonly row: number; readonly message: string }[];
  /** Rows read (empty rows not counted). */
  readonly rows: number;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // an encrypted .xlsx, or an old .xls
const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** "追回或清退资金（元）" and "追回或清退资金" are the same column; spaces and breaks do not count. */
const headerKey = (text: string) => text.replace(/\s+/g, '').replace(/[（(][^）)]*[）)]$/, '');
const COLUMNS = new Map(
  TASK_COLUMNS.filter((c) => c.field).map((c) => [headerKey(c.header), c] as const),
);

/** What a cell holds, as text or number: the result of a formula, the master of a merge. */
function valueOf(cell: ExcelJS.Cell): string | number | Date | null {
  const v = (cell.isMerged ? cell.master : cell).value;
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if ('result' in v) {
    const r = v.result;
    return r instanceof Date || typeof r === 'number' || typeof r === 'string' ? r : null;
  }
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('text' in v) return String(v.text);
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A day from what a cell holds; undefined when it is no day. */
export function dayOf(v: string | number | Date | null): string | undefined {
  if (v === null || v === '') return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 1 || v > 2_958_465) return undefined;
    return new Date(EXCEL_EPOCH + v * 86_400_000).toISOString().slice(0, 10);
  }
  const s = v.trim();
  if (/^\d{5}$/.test(s)) return dayOf(Number(s));
  const d = /^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*[.\-/月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (!d) return undefined;
  const iso = `${d[1]}-${pad(Number(d[2]))}-${pad(Number(d[3]))}`;
  return isIsoDate(iso) ? iso : undefined;
}

const reverse = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  new Map(keys.map((k) => [labels[k], k] as const));
const STAGES = reverse(TASK_STAGES, zh.ledger.stages);
const STATUSES = reverse(TASK_STATUSES, zh.ledger.statuses);

/** A cell as the value its field stores, or a message why it cannot be. */
function read(
  field: TaskColumnField,
  v: string | number | Date | null,
): { value: string | number } | { problem: string } {
  const text = v === null ? '' : v instanceof Date ? dayOf(v)! : String(v).trim();
  switch (field) {
    case 'due': {
      const day = dayOf(v);
      return day === undefined ? { problem: m.notADate(text) } : { value: day };
    }
    case 'stage':
    case 'status': {
      const key = (field === 'stage' ? STAGES : STATUSES).get(text);
      return key ? { value: key } : { problem: m.unknownChoice(text) };
    }
    case 'rulesMade':
    case 'peopleHandled': {
      const n = text === '' ? 0 : Number(text);
      return Number.isInteger(n) && n >= 0 ? { value: n } : { problem: m.notACount(text) };
    }
    case 'recoveredFen': {
      const n = text === '' ? 0 : Number(text.replace(/,/g, ''));
      return Number.isFinite(n) && n >= 0
        ? { value: Math.round(n * 100) }
        : { problem: m.notMoney(text) };
    }
    default:
      return { value: text };
  }
}

export async function readTaskWorkbook(
  bytes: Uint8Array,
  tasks: readonly TaskRecord[],
  feedbackDate: string,
): Promise<ImportReading> {
  if (startsWith(bytes, OLE)) throw new ImportRefused(m.encrypted);
  if (!startsWith(bytes, ZIP)) throw new ImportRefused(m.notWorkbook);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ImportRefused(m.notWorkbook);
  }
  const found = findHeader(book);
  if (!found) throw new ImportRefused(m.noHeader);
  const { sheet, headerRow, columns } = found;
  const byNo = new Map(tasks.filter((t) => !t.deleted).map((t) => [t.no, t]));
  const proposals: Proposal[] = [];
  const unmatched: { row: number; no: string }[] = [];
  const problems: { row: number; message: string }[] = [];
  let rows = 0;
  const noColumn = columns.find((c) => c.field === 'no')!.index;
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells = columns.map((c) => valueOf(row.getCell(c.index)));
    if (cells.every((v) => v === null || String(v).trim() === '')) continue;
    rows++;
    const no = String(valueOf(row.getCell(noColumn)) ?? '').trim();
    const task = byNo.get(no);
    if (!task) {
      unmatched.push({ row: r, no });
      continue;
    }
    columns.forEach((c, i) => {
      if (c.field === 'no') return;
      const got = read(c.field, cells[i]!);
      if ('problem' in got) {
        problems.push({ row: r, message: `${c.header}：${got.problem}` });
        return;
      }
      const was = task[c.field];
      if (got.value === was) return;
      const late = c.field === 'due' ? dueProblem(String(got.value), feedbackDate) : undefined;
      if (late) {
        problems.push({ row: r, message: `${c.header}：${late}` });
        return;
      }
      proposals.push({
        taskId: task.id,
        no,
        field: c.field,
        label: c.header,
        from: was,
        to: got.value,
      });
    });
  }
  return { proposals, unmatched, problems, rows };
}

interface Located {
  readonly sheet: ExcelJS.Worksheet;
  readonly headerRow: number;
  readonly columns: {
    readonly index: number;
    readonly field: TaskColumnField;
    readonly header: string;
  }[];
}

/** The first row, in the first ten of any sheet, that names 编号 and at least two task columns. */
function findHeader(book: ExcelJS.Workbook): Located | undefined {
  for (const sheet of book.worksheets) {
    for (let r = 1; r <= Math.min(10, sheet.rowCount); r++) {
      const columns: Located['columns'] = [];
      sheet.getRow(r).eachCell((cell, index) => {
        const column = COLUMNS.get(headerKey(String(valueOf(cell) ?? '')));
        if (column?.field) columns.push({ index, field: column.field, header: column.header });
      });
      if (columns.some((c) => c.field === 'no') && columns.length >= 3)
        return { sheet, headerRow: r, columns };
    }
  }
  return undefined;
}
