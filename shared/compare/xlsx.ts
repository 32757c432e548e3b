/**
 * The cells of one sheet of an .xlsx, read straight from its XML (fflate, then a scan of the
 * sheet): a list of 200,000 people is read in a fraction of what a general workbook library
 * needs, and what cannot be trusted is refused before it is inflated. Values come as a list
 * needs them: shared and inline strings, numbers (an ID typed into a numeric column stays the
 * number Excel kept), dates where the cell's format is a date, the cached result of a formula.
 */
import { unzipSync, strFromU8, type UnzipFileInfo } from 'fflate';

/** Refused: said in one sentence; nothing is read. */
export class XlsxRefused extends Error {
  constructor(readonly problem: 'notZip' | 'encrypted' | 'tooLarge' | 'noSheet') {
    super(problem);
  }
}

/** Inflated size allowed in all: a list is tens of MB; a zip bomb is many GB. */
export const MAX_INFLATED = 1536 * 1024 * 1024;

export interface SheetCells {
  readonly sheet: string;
  readonly sheets: readonly string[];
  /** Rows in sheet order, each with its row number as Excel shows it. */
  readonly rows: readonly {
    readonly n: number;
    readonly cells: (string | number | Date | null)[];
  }[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // an encrypted .xlsx, or an old .xls
const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

const unescapeXml = (s: string) =>
  s.indexOf('&') === -1
    ? s
    : s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
        .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
        .replace(/&amp;/g, '&');

/** The text of an <si> or <is>: its <t> runs, phonetic runs (<rPh>) left out. */
const textOf = (xml: string) =>
  unescapeXml(
    [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)]
      .map((m) => m[1])
      .join(''),
  );

/** Built-in number formats that are dates (ECMA-376 18.8.30). */
const DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, 57, 58]);
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function dateStyles(styles: string): boolean[] {
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(/<numFmt\s[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g)) {
    custom.set(Number(m[1]), unescapeXml(m[2]!));
  }
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\s[^>]*?numFmtId="(\d+)"/g)].map((m) => {
    const id = Number(m[1]);
    if (DATE_FORMATS.has(id)) return true;
    const code = custom.get(id)?.replace(/\[[^\]]*\]|"[^"]*"|\\./g, '') ?? '';
    return /[ymd]/i.test(code) && !/^[#0.,%\s]*$/.test(code);
  });
}

/** "AB12" → 27 (0-based column). */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

export function readXlsx(bytes: Uint8Array, sheetName?: string): SheetCells {
  if (startsWith(bytes, OLE)) throw new XlsxRefused('encrypted');
  if (!startsWith(bytes, ZIP)) throw new XlsxRefused('notZip');
  let inflated = 0;
  const wanted = (f: UnzipFileInfo) => {
    if (!/^(xl\/|\[Content_Types\])/.test(f.name) || /\.(bin|png|jpe?g|emf|wmf)$/.test(f.name))
      return false;
    inflated += f.originalSize;
    // A declared size beyond any list, or a ratio only a bomb has: never inflated.
    const bombLike =
      f.originalSize > 50 * 1024 * 1024 && f.originalSize / Math.max(f.size, 1) > 500;
    if (inflated > MAX_INFLATED || bombLike) throw new XlsxRefused('tooLarge');
    return true;
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: wanted });
  } catch (error) {
    if (error instanceof XlsxRefused) throw error;
    throw new XlsxRefused('notZip');
  }
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  const sheets = [...workbook.matchAll(/<sheet\s[^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"/g)].map(
    (m) => ({ name: unescapeXml(m[1]!), rid: m[2]! }),
  );
  const sheet = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new XlsxRefused('noSheet');
  const target =
    new RegExp(`<Relationship\\s[^>]*?Id="${sheet.rid}"[^>]*?Target="([^"]*)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]*)"[^>]*?Id="${sheet.rid}"`).exec(rels)?.[1];
  const path = target?.startsWith('/') ? target.slice(1) : `xl/${target ?? ''}`;
  const xml = files[path];
  if (!xml) throw new XlsxRefused('noSheet');
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    textOf(m[1]!),
  );
  const isDate = dateStyles(text('xl/styles.xml'));
  return {
    sheet: sheet.name,
    sheets: sheets.map((s) => s.name),
    rows: readRows(strFromU8(xml), shared, isDate),
  };
}

function readRows(xml: string, shared: readonly string[], isDate: readonly boolean[]) {
  const rows: { n: number; cells: (string | number | Date | null)[] }[] = [];
  const rowRe = /<row\b([^>]*?)(\/>|>([\s\S]*?)<\/row>)/g;
  const cellRe = /<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g;
  let last = 0;
  for (let row = rowRe.exec(xml); row; row = rowRe.exec(xml)) {
    const n = Number(/\br="(\d+)"/.exec(row[1]!)?.[1] ?? last + 1);
    last = n;
    const body = row[3];
    if (!body) continue;
    const cells: (string | number | Date | null)[] = [];
    let next = 0;
    cellRe.lastIndex = 0;
    for (let c = cellRe.exec(body); c; c = cellRe.exec(body)) {
      const attrs = c[1]!;
      const ref = /\br="([A-Z]+)\d*"/.exec(attrs)?.[1];
      const col = ref ? columnOf(ref) : next;
      next = col + 1;
      const inner = c[3] ?? '';
      const type = /\bt="([a-zA-Z]+)"/.exec(attrs)?.[1] ?? 'n';
      const v = /<v>([^<]*)<\/v>/.exec(inner)?.[1];
      let value: string | number | Date | null = null;
      if (type === 's') value = v === undefined ? null : (shared[Number(v)] ?? null);
      else if (type === 'inlineStr') value = textOf(inner);
      else if (type === 'str' || type === 'e') value = v === undefined ? null : unescapeXml(v);
      else if (type === 'b') value = v === '1' ? '是' : '否';
      else if (v !== undefined && v !== '') {
        const num = Number(v);
        const style = Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? 0);
        value =
          isDate[style] && num > 0 && num < 2_958_466
            ? new Date(EXCEL_EPOCH + Math.round(num * 86_400_000))
            : num;
      }
      if (value === null || value === '') continue;
      while (cells.length < col) cells.push(null);
      cells[col] = value;
    }
    if (cells.length > 0) rows.push({ n, cells });
  }
  return rows;
}
