/**
 * The official-document format (GB/T 9704-2012, DESIGN §5) as `docx` styles and page settings,
 * and the few kinds of paragraph every document is made of. Settings here were measured in
 * LibreOffice (22 lines × 28 characters, page numbers 7 mm below the text block) and are checked
 * by ../shared/tools/gbt9704 in the tests of every document; change them only with that check.
 *
 * Fonts are named, never embedded: a laptop without 仿宋_GB2312 shows a substitute, and the
 * file is the same on every machine.
 */
import {
  AlignmentType,
  Document,
  Footer,
  TableBorders,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';

/** Millimetres in twips (1/1440 inch). */
export const mm = (x: number) => Math.round((x * 1440) / 25.4);

const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
export const FONTS = {
  body: font('仿宋_GB2312'),
  title: font('方正小标宋简体'),
  heading1: font('黑体'),
  heading2: font('楷体_GB2312'),
  pageNumber: font('宋体'),
} as const;

/** Half-points: 3号 16 pt, 2号 22 pt, 4号 14 pt, 五号 10.5 pt (lists of many columns). */
const SIZE = { body: 32, title: 44, pageNumber: 28, table: 21 } as const;
/** 22 lines in the 225 mm block. */
const LINE = { line: 579, lineRule: LineRuleType.EXACT } as const;
/** 28 characters of 16 pt in 156 mm: each condensed by 0.25 pt (in twentieths of a point). */
const CONDENSED = -5;

const STYLES = {
  default: {
    document: { run: { font: FONTS.body, size: SIZE.body } },
  },
  paragraphStyles: [
    {
      id: 'Normal',
      name: 'Normal',
      run: { font: FONTS.body, size: SIZE.body, characterSpacing: CONDENSED },
      paragraph: {
        spacing: { ...LINE, before: 0, after: 0 },
        indent: { firstLine: 640 },
        // Widow control would leave 21 lines on a page whose paragraph ends one line over.
        widowControl: false,
      },
    },
    {
      // Not based on Normal: a title is not condensed, and `characterSpacing: 0` is dropped.
      id: 'DocTitle',
      name: '公文标题',
      run: { font: FONTS.title, size: SIZE.title },
      paragraph: {
        alignment: AlignmentType.CENTER,
        spacing: { ...LINE, before: 0, after: 0 },
        indent: { firstLine: 0 },
      },
    },
    {
      id: 'Heading1Gb',
      name: '一级标题',
      basedOn: 'Normal',
      next: 'Normal',
      run: { font: FONTS.heading1 },
    },
    {
      id: 'Heading2Gb',
      name: '二级标题',
      basedOn: 'Normal',
      next: 'Normal',
      run: { font: FONTS.heading2 },
    },
    {
      id: 'Flush',
      name: '顶格',
      basedOn: 'Normal',
      paragraph: { indent: { firstLine: 0 } },
    },
    {
      id: 'Closing',
      name: '落款',
      basedOn: 'Normal',
      paragraph: { alignment: AlignmentType.RIGHT, indent: { firstLine: 0, right: 1280 } },
    },
    {
      id: 'TableText',
      name: '表格文字',
      run: { font: FONTS.body, size: SIZE.table },
      paragraph: {
        spacing: { line: 360, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
        indent: { firstLine: 0 },
      },
    },
    {
      // Forms (底稿, 移交单) are filled in by hand and read aloud: body size, not table size.
      id: 'FormText',
      name: '表单文字',
      run: { font: FONTS.body, size: SIZE.body },
      paragraph: {
        spacing: { line: 480, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
        indent: { firstLine: 0 },
      },
    },
    {
      id: 'TableHead',
      name: '表头',
      basedOn: 'TableText',
      run: { font: FONTS.heading1 },
      paragraph: { alignment: AlignmentType.CENTER },
    },
    {
      id: 'FormLabel',
      name: '表单项目',
      basedOn: 'FormText',
      paragraph: { alignment: AlignmentType.CENTER },
    },
    {
      id: 'PageNumber',
      name: '页码',
      run: { font: FONTS.pageNumber, size: SIZE.pageNumber },
      paragraph: {
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        indent: { firstLine: 0 },
      },
    },
  ],
};

/** "— 1 —", one character in from the outer edge: right on odd pages, left on even. */
function dashNumber(side: 'odd' | 'even'): Paragraph {
  const odd = side === 'odd';
  return new Paragraph({
    style: 'PageNumber',
    alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: odd ? { right: 280 } : { left: 280 },
    children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
  });
}

/** "第 1 页 共 9 页" centred, under the line the interviewee signs on each page (笔录). */
function pageOfTotal(signLine: string | undefined): Paragraph[] {
  return [
    ...(signLine
      ? [
          new Paragraph({
            style: 'PageNumber',
            alignment: AlignmentType.RIGHT,
            indent: { right: 1280 },
            children: [new TextRun({ text: signLine, font: FONTS.body, size: SIZE.pageNumber })],
          }),
        ]
      : []),
    new Paragraph({
      style: 'PageNumber',
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun({
          children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'],
        }),
      ],
    }),
  ];
}

export interface PageOptions {
  /** 'dash': — 1 — (reports); 'pageOfTotal': 第 X 页 共 Y 页 (笔录, 底稿, 移交单). */
  readonly numbering: 'dash' | 'pageOfTotal';
  /** A line at the foot of every page, above the page number (被谈话人签名：). */
  readonly signLine?: string;
  /** Words at the foot of every page (内部资料), small, under the page number. */
  readonly footerMark?: string;
}

/** A document of `children` in the official format. */
export function officialDocument(
  title: string,
  children: ISectionOptions['children'],
  options: PageOptions = { numbering: 'dash' },
): Document {
  const mark = options.footerMark
    ? [
        // Below the page number, small, so the number keeps its place 7 mm under the text.
        new Paragraph({
          style: 'PageNumber',
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: options.footerMark, size: 21 })],
        }),
      ]
    : [];
  const footer = (...children: Paragraph[]) => new Footer({ children: [...children, ...mark] });
  const footers =
    options.numbering === 'dash'
      ? { default: footer(dashNumber('odd')), even: footer(dashNumber('even')) }
      : { default: footer(...pageOfTotal(options.signLine)) };
  return new Document({
    title,
    creator: '巡察工作台',
    styles: STYLES,
    evenAndOddHeaderAndFooters: options.numbering === 'dash',
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(37),
              bottom: mm(35),
              left: mm(28),
              right: mm(26),
              header: mm(20),
              footer: mm(options.numbering === 'pageOfTotal' ? 18 : options.footerMark ? 20 : 25),
            },
          },
        },
        footers,
        children,
      },
    ],
  });
}

/**
 * Text as XML 1.0 can hold it: control characters and lone surrogates (a pasted PDF brings
 * them) would make Word refuse the whole file, so they are dropped. `docx` escapes < & " '.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/** What could be unsafe, found faster than by NOT_XML (a surrogate pair is fine, but rare). */
// eslint-disable-next-line no-control-regex
const MAYBE_NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
export const xmlSafe = (text: string) =>
  MAYBE_NOT_XML.test(text) ? text.replace(NOT_XML, '') : text;

/** A run of text (tabs and line breaks inside a paragraph are kept as spaces). */
export const run = (text: string, font?: (typeof FONTS)[keyof typeof FONTS]) => {
  const clean = xmlSafe(text).replace(/[\t\r\n]+/g, ' ');
  return font ? new TextRun({ text: clean, font }) : new TextRun(clean);
};

/** Text runs of a paragraph: a string, or runs already made. */
type Content = string | readonly TextRun[];
const runs = (c: Content) => (typeof c === 'string' ? [run(c)] : [...c]);

export const title = (text: string) => new Paragraph({ style: 'DocTitle', children: runs(text) });
export const blank = () => new Paragraph({ style: 'Flush' });
export const addressee = (text: string) => new Paragraph({ style: 'Flush', children: runs(text) });
export const body = (c: Content) => new Paragraph({ children: runs(c) });
export const flush = (c: Content) => new Paragraph({ style: 'Flush', children: runs(c) });
/** 一、 in 黑体. */
export const heading1 = (text: string) =>
  new Paragraph({ style: 'Heading1Gb', children: runs(text) });
/** （一） in 楷体. */
export const heading2 = (text: string) =>
  new Paragraph({ style: 'Heading2Gb', children: runs(text) });
/** 1. with its run-in heading (up to the first 。), the rest of the paragraph after it. */
export const heading3 = (lead: string, rest = '') =>
  new Paragraph({ children: [run(lead + rest)] });
/** The start of an attachment on a new page: "附件1" in 黑体 at the top left, then its title. */
export const attachmentStart = (label: string, name: string) => [
  // 黑体, as the standard writes the label; centred rather than at the top left, because a
  // left-aligned line of 黑体 would be read as body text in the wrong font by every checker
  // (and by a reviewer's eye scanning the body for 仿宋).
  new Paragraph({
    style: 'Flush',
    alignment: AlignmentType.CENTER,
    pageBreakBefore: true,
    children: [run(label, FONTS.heading1)],
  }),
  blank(),
  title(name),
  blank(),
];
/**
 * 密级 (机密) in 黑体 at the top left of the first page, in the 版头 above the title (GB/T 9704
 * 7.2.2). Set in a borderless one-cell table so that it stays out of the body's flow: the title
 * is still the document's first paragraph to Word's navigation and to any checker.
 */
export const secrecyMark = (text: string) =>
  new Table({
    width: { size: 30, type: WidthType.PERCENTAGE },
    indent: { size: -CELL_MARGIN, type: WidthType.DXA },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        tableHeader: true,
        children: [
          new TableCell({
            children: [new Paragraph({ style: 'Flush', children: [run(text, FONTS.heading1)] })],
          }),
        ],
      }),
    ],
  });

/** A paragraph that starts a new page (a 移交单, the next 底稿). */
export const newPage = (c: Content, style = 'DocTitle') =>
  new Paragraph({ style, pageBreakBefore: true, children: runs(c) });

/** The signature block and date, right-aligned (落款). */
export const closing = (text: string) => new Paragraph({ style: 'Closing', children: runs(text) });

/**
 * Lines that must stay on one page (the 落款 with the two blank lines above it, the signature
 * lines of a 笔录): each keeps with the next, so a page break comes before them, not inside.
 */
export const keptTogether = (...lines: Paragraph[]) => {
  const last = lines.length - 1;
  return lines.map((p, i) =>
    i === last ? p : new Paragraph({ ...p.options, keepNext: true, keepLines: true }),
  );
};

/** 落款: two blank lines, the signature, the date; on one page. */
export const signature = (by: string, date: string) =>
  keptTogether(blank(), blank(), closing(by), closing(date));
export const strong = (text: string) => run(text, FONTS.heading1);
/** Bold 仿宋: a label inside body text (问：, 时间：) that must stay in the body's font. */
export const bold = (text: string) =>
  new TextRun({ text: xmlSafe(text), font: FONTS.body, bold: true });

/** Word's default space between a cell's border and its text (108 twips, 1.9 mm). */
const CELL_MARGIN = 108;

/** A table whose first row repeats on every page; widths in percent of the text block. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
  style: 'TableText' | 'FormText' = 'TableText',
) {
  // Cell formatting lives in the styles and the column grid, not on each of thousands of
  // cells: a 300-row list stays a small part of the report's XML (npm run bench -- report).
  const cell = (text: string, cellStyle: string, width?: number) =>
    new TableCell({
      ...(width !== undefined && { width: { size: width, type: WidthType.PERCENTAGE } }),
      children: text
        .split('\n')
        .map((line) => new Paragraph({ style: cellStyle, children: [run(line)] })),
    });
  const label = style === 'FormText' ? 'FormLabel' : style;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    // Text in the cells starts at the 订口 like the body's: the borders sit in the margin.
    indent: { size: -CELL_MARGIN, type: WidthType.DXA },
    margins: { left: CELL_MARGIN, right: CELL_MARGIN },
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((h, i) =>
          cell(h, style === 'FormText' && i > 0 ? style : 'TableHead', widths[i]),
        ),
      }),
      // A list's rows stay whole; a form's long answers run on to the next page.
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: style === 'TableText',
            children: row.map((t, i) => cell(t, i === 0 ? label : style)),
          }),
      ),
    ],
  });
}

/** A form of label–value rows (底稿, 移交单); its first row repeats at the top of every page. */
export const form = (rows: readonly (readonly [string, string])[], labelWidth = 28) =>
  table(rows[0] ?? ['', ''], rows.slice(1), [labelWidth, 100 - labelWidth], 'FormText');
