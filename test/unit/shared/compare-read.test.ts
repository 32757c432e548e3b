import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeText, guessEncoding, parseCsv } from '../../../shared/compare/csv';
import { readXlsx, XlsxRefused } from '../../../shared/compare/xlsx';
import { encodeGbk } from '../../support/gbk';

const utf8 = (s: string) => new TextEncoder().encode(s);
const LIST =
  '姓名,身份证号,地址\n张三,11010519491231002x,石桥镇一村\n阿卜杜·热合曼,"320106198001011236",二村\n';

describe('a CSV list', () => {
  it('is read in the encoding it was written in', () => {
    for (const [bytes, encoding] of [
      [utf8(LIST), 'utf-8'],
      [new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(LIST)]), 'utf-8'],
      [encodeGbk(LIST), 'gb18030'],
    ] as const) {
      const guess = guessEncoding(bytes);
      expect(guess).toMatchObject({ encoding });
      if ('mixed' in guess) throw new Error('mixed');
      const rows = parseCsv(decodeText(bytes, guess.encoding));
      expect(rows.map((r) => r.cells[0])).toEqual(['姓名', '张三', '阿卜杜·热合曼']);
    }
  });

  it('is read as GBK when chance UTF-8 sequences are scattered through it (小 is d0 a1)', () => {
    const names = [
      '张伟',
      '王芳',
      '李娜',
      '刘小明',
      '陈小红',
      '杨磊',
      '赵敏',
      '黄勇',
      '周小平',
      '吴小燕',
    ];
    const types = ['小型轿车', '中型客车', '小型越野客车', '残疾人专用代步车', '小型普通客车'];
    const csv = [
      '车主,身份证号,车辆类型',
      ...names.map((n, i) => `${n},11010519491231002X,${types[i % 5]}`),
    ].join('\r\n');
    expect(guessEncoding(encodeGbk(csv))).toEqual({ encoding: 'gb18030', bom: 0 });
  });

  it('is refused when UTF-8 and GBK are mixed in one file', () => {
    const half = LIST.length >> 1;
    const mixed = new Uint8Array([
      ...utf8(LIST.slice(0, half).repeat(20)),
      ...encodeGbk(LIST.slice(half).repeat(20)),
    ]);
    expect(guessEncoding(mixed)).toEqual({ mixed: true });
  });

  it('keeps quoted separators, quotes and line breaks, skips empty lines, numbers rows by line', () => {
    const rows = parseCsv('a,b\r\n\r\n"1,2","say ""hi""\nthere"\r\n3\t,4\n');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['1,2', 'say "hi"\nthere'] },
      { line: 5, cells: ['3\t', '4'] },
    ]);
    expect(parseCsv('姓名\t身份证号\n张三\t1\n')[1]!.cells).toEqual(['张三', '1']);
  });
});

async function workbook(fill: (sheet: ExcelJS.Worksheet) => void, second = false) {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet('低保名单'));
  if (second) book.addWorksheet('说明').addRow(['本表由民政办提供']);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('an xlsx list', () => {
  it('gives every cell as the sheet holds it: text, numbers, dates, formula results, rare characters', async () => {
    const bytes = await workbook((s) => {
      s.addRow(['姓名', '身份证号', '出生日期', '金额']);
      s.addRow(['𠮷娜', '11010519491231002X', new Date(Date.UTC(1949, 11, 31)), 520]);
      s.getCell('C2').numFmt = 'yyyy-mm-dd';
      s.addRow(['张三', 110105491231002, null, { formula: 'D2*2', result: 1040 }]);
      s.getRow(5).getCell(2).value = '  x  ';
    }, true);
    const read = readXlsx(bytes);
    expect(read.sheets).toEqual(['低保名单', '说明']);
    expect(read.rows.map((r) => r.n)).toEqual([1, 2, 3, 5]);
    expect(read.rows[1]!.cells).toEqual([
      '𠮷娜',
      '11010519491231002X',
      new Date(Date.UTC(1949, 11, 31)),
      520,
    ]);
    expect(read.rows[2]!.cells).toEqual(['张三', 110105491231002, null, 1040]);
    expect(readXlsx(bytes, '说明').rows[0]!.cells).toEqual(['本表由民政办提供']);
  });

  it('refuses what is not a workbook, a password-protected one, and a zip bomb, before inflating it', () => {
    const refused = (bytes: Uint8Array) => {
      try {
        readXlsx(bytes);
      } catch (error) {
        return error instanceof XlsxRefused ? error.problem : String(error);
      }
      return 'read';
    };
    expect(refused(utf8(LIST))).toBe('notZip'); // a CSV renamed .xlsx
    expect(refused(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(
      'encrypted',
    );
    const bomb = zipSync(
      { 'xl/worksheets/sheet1.xml': new Uint8Array(120 * 1024 * 1024) },
      { level: 9 },
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(refused(bomb)).toBe('tooLarge');
  });
});
