/**
 * A list file made ready for the mapping step: its rows (xlsx or CSV, whichever it really is),
 * where the header is, and a first guess at which column is which. Refusals are one sentence
 * each, and nothing has been kept when one is said.
 */
import { readIdNumber } from '../domain/compare/idNumber';
import {
  listRow,
  MAPPING_FIELDS,
  type CellValue,
  type ColumnMapping,
  type ListRow,
} from '../domain/compare/rows';
import { zh } from '../i18n/zh-CN';
import { decodeText, guessEncoding, parseCsv, type Encoding } from './csv';
import { readXlsx, XlsxRefused } from './xlsx';

const r = zh.compare.read;

export class ListRefused extends Error {}

/** Excel's last row: a sheet that fills it was cut off when it was exported. */
export const EXCEL_MAX_ROWS = 1_048_576;

export interface ListFile {
  readonly format: 'xlsx' | 'csv';
  readonly encoding: Encoding | '';
  readonly sheet: string;
  readonly sheets: readonly string[];
  readonly rows: readonly { readonly n: number; readonly cells: readonly CellValue[] }[];
  /** Index into `rows` of the header row. */
  readonly header: number;
  readonly columns: readonly string[];
  readonly mapping: ColumnMapping;
  /** Said above the mapping: a file that is not what its name says, read as what it is. */
  readonly notice: string;
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf;

export function readListFile(
  bytes: Uint8Array,
  options: { encoding?: Encoding; sheet?: string; fileName?: string } = {},
): ListFile {
  if (bytes.length === 0) throw new ListRefused(r.empty);
  let format: ListFile['format'];
  let encoding: Encoding | '' = '';
  let sheet = '';
  let sheets: readonly string[] = [];
  let rows: { n: number; cells: CellValue[] }[];
  if (isZip(bytes) || isOle(bytes)) {
    format = 'xlsx';
    try {
      const read = readXlsx(bytes, options.sheet);
      ({ sheet, sheets } = read);
      rows = read.rows as { n: number; cells: CellValue[] }[];
    } catch (error) {
      if (error instanceof XlsxRefused) throw new ListRefused(r[error.problem]);
      throw error;
    }
  } else {
    format = 'csv';
    // A picture or a program is no text: NUL bytes (outside UTF-16) say so at once.
    const head = bytes.subarray(0, 65_536);
    const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
    if (!utf16 && head.includes(0)) throw new ListRefused(r.notZip);
    const guess = guessEncoding(bytes);
    if (!options.encoding && 'mixed' in guess) throw new ListRefused(r.mixed);
    encoding = options.encoding ?? ('encoding' in guess ? guess.encoding : 'utf-8');
    rows = parseCsv(decodeText(bytes, encoding)).map((row) => ({ n: row.line, cells: row.cells }));
  }
  if (rows.length === 0) throw new ListRefused(r.empty);
  if (rows.at(-1)!.n >= EXCEL_MAX_ROWS) throw new ListRefused(r.fullSheet);
  const header = headerIndex(rows);
  const columns = rows[header]!.cells.map((c) =>
    c === null || c === undefined ? '' : String(c).trim(),
  );
  const mapping = guessMapping(
    columns,
    rows.slice(header + 1, header + 201).map((x) => x.cells),
  );
  const named = /\.xlsx?$/i.test(options.fileName ?? '')
    ? 'xlsx'
    : /\.(csv|txt)$/i.test(options.fileName ?? '')
      ? 'csv'
      : format;
  const notice = named !== format ? r.misnamed(format === 'csv' ? 'CSV 文本' : 'Excel 工作簿') : '';
  return { format, encoding, sheet, sheets, rows, header, columns, mapping, notice };
}

/** The header: the first of the first 20 rows with two or more texts and no ID number. */
function headerIndex(rows: readonly { cells: readonly CellValue[] }[]): number {
  for (let i = 0; i < Math.min(rows.length, 20); i++) {
    const texts = rows[i]!.cells.filter((c) => typeof c === 'string' && c.trim() !== '');
    if (texts.length >= 2 && !rows[i]!.cells.some((c) => readIdNumber(c as string).ok)) return i;
  }
  return 0;
}

const HEADERS: Record<keyof ColumnMapping, RegExp> = {
  householderId: /户主.*(身份|证件|证号)/,
  householder: /^户主(姓名)?$/,
  birth: /出生/,
  name: /^(姓名|名字|人员姓名|保障对象|对象姓名|车主|所有人|权利人|死者姓名)/,
  id: /(身份证|证件号|公民身份号码|身份号码|证号)/,
  relation: /关系/,
  address: /(地址|住址|村组|村（社区）|居住地|户籍地)/,
  amount: /(金额|补助|保障金|补贴|工资)/,
  date: /(日期|时间)/,
};

/** Columns by header text first; the ID column, failing that, by what its cells hold. */
export function guessMapping(
  columns: readonly string[],
  sample: readonly (readonly CellValue[])[],
): ColumnMapping {
  const taken = new Set<number>();
  const out: Record<string, number> = {};
  for (const field of Object.keys(HEADERS) as (keyof ColumnMapping)[]) {
    const at = columns.findIndex(
      (c, i) => !taken.has(i) && HEADERS[field].test(c.replace(/\s+/g, '')),
    );
    out[field] = at;
    if (at >= 0) taken.add(at);
  }
  if (out.id === -1) out.id = idLikeColumn(columns.length, sample, taken);
  // A list of households names each by its 户主: that is the person of the row.
  if (out.name === -1 && out.householder !== undefined && out.householder !== -1) {
    out.name = out.householder;
    out.householder = -1;
  }
  return Object.fromEntries(
    MAPPING_FIELDS.map((f) => [f, out[f] ?? -1]),
  ) as unknown as ColumnMapping;
}

/** The column most of whose cells read as ID numbers (-1: none does). */
export function idLikeColumn(
  width: number,
  sample: readonly (readonly CellValue[])[],
  skip = new Set<number>(),
): number {
  let best = -1;
  let bestShare = 0.5;
  for (let col = 0; col < width; col++) {
    if (skip.has(col)) continue;
    const filled = sample.filter(
      (row) => row[col] !== null && row[col] !== undefined && row[col] !== '',
    );
    if (filled.length === 0) continue;
    const share =
      filled.filter((row) => readIdNumber(row[col] as string | number).ok).length / filled.length;
    if (share > bestShare) [best, bestShare] = [col, share];
  }
  return best;
}

/** The rows under the header as the 比对 reads them. */
export function listRows(file: ListFile, mapping: ColumnMapping): ListRow[] {
  if (mapping.id < 0 || mapping.name < 0) throw new ListRefused(r.needColumns);
  if (mapping.id === mapping.name) throw new ListRefused(r.sameColumn);
  const rows = file.rows.slice(file.header + 1).map((row) => listRow(row.n, row.cells, mapping));
  // Not one number read: the wrong column, or the wrong file. Nothing to compare by.
  if (rows.length > 0 && !rows.some((row) => row.id)) throw new ListRefused(r.noValidId);
  return rows;
}
