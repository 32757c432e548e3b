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
  Header,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
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

/** Half-points: 3号 16 pt, 2号 22 pt, 4号 14 pt. */
const SIZE = { body: 32, title: 44, pageNumber: 28, table: 24 } as const;
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
  /** Words at the top right of every page (机密), and at the foot of every page (内部资料). */
  readonly mark?: { readonly header: string; readonly footer: string };
}

function markHeader(text: string): Header {
  return new Header({
    children: [
      new Paragraph({
        style: 'Flush',
        alignment: AlignmentType.LEFT,
        children: [new TextRun({ text, font: FONTS.heading1 })],
      }),
    ],
  });
}

/** A document of `children` in the official format. */
export function officialDocument(
  title: string,
  children: ISectionOptions['children'],
  options: PageOptions = { numbering: 'dash' },
): Document {
  const mark = options.mark
    ? [
        new Paragraph({
          style: 'PageNumber',
          alignment: AlignmentType.CENTER,
          children: [new TextRun(options.mark.footer)],
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
              footer: mm(options.numbering === 'dash' ? 25 : 18),
            },
          },
        },
        ...(options.mark && { headers: { default: markHeader(options.mark.header) } }),
        footers,
        children,
      },
    ],
  });
}

/** Text runs of a paragraph: a string, or runs already made. */
type Content = string | readonly TextRun[];
const runs = (c: Content) => (typeof c === 'string' ? [new TextRun(c)] : [...c]);

export const title = (text: string) => new Paragraph({ style: 'DocTitle', text });
export const blank = () => new Paragraph({ style: 'Flush' });
export const addressee = (text: string) => new Paragraph({ style: 'Flush', text });
export const body = (c: Content) => new Paragraph({ children: runs(c) });
export const flush = (c: Content) => new Paragraph({ style: 'Flush', children: runs(c) });
/** 一、 in 黑体. */
export const heading1 = (text: string) => new Paragraph({ style: 'Heading1Gb', text });
/** （一） in 楷体. */
export const heading2 = (text: string) => new Paragraph({ style: 'Heading2Gb', text });
/** 1. with its run-in heading (up to the first 。), the rest of the paragraph after it. */
export const heading3 = (lead: string, rest = '') =>
  new Paragraph({ children: [new TextRun(lead), ...(rest ? [new TextRun(rest)] : [])] });
/** The signature block and date, right-aligned (落款). */
export const closing = (text: string) => new Paragraph({ style: 'Closing', text });
export const strong = (text: string) => new TextRun({ text, font: FONTS.heading1 });

/** A table whose first row repeats on every page; widths in percent of the text block. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
) {
  const cell = (text: string, i: number, bold = false) =>
    new TableCell({
      width: { size: widths[i] ?? 10, type: WidthType.PERCENTAGE },
      verticalAlign: VerticalAlignTable.CENTER,
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            style: 'TableText',
            alignment: bold ? AlignmentType.CENTER : AlignmentType.LEFT,
            children: [new TextRun({ text: line, font: bold ? FONTS.heading1 : FONTS.body })],
          }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map(
        (row) => new TableRow({ cantSplit: true, children: row.map((t, i) => cell(t, i)) }),
      ),
    ],
  });
}
