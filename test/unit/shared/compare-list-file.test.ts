import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { listRows, ListRefused, readListFile } from '../../../shared/compare/read';
import { zh } from '../../../shared/i18n/zh-CN';
import { encodeGbk } from '../../support/gbk';

const r = zh.compare.read;
const utf8 = (s: string) => new TextEncoder().encode(s);
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error instanceof ListRefused ? error.message : String(error);
  }
  return 'read';
};

describe('a list file', () => {
  it('finds the header under a title row and guesses the columns from their names', () => {
    const csv =
      '石桥镇2026年低保名册\n序号,户主姓名,身份证号码,与户主关系,家庭住址,保障金额\n1,张三,11010519491231002x,户主,一村3组,520\n';
    const file = readListFile(encodeGbk(csv), { fileName: '低保.csv' });
    expect(file).toMatchObject({ format: 'csv', encoding: 'gb18030', header: 1, notice: '' });
    expect(file.mapping).toMatchObject({
      name: 1,
      id: 2,
      relation: 3,
      address: 4,
      amount: 5,
      householder: -1,
    });
    const [row] = listRows(file, file.mapping);
    expect(row).toMatchObject({ n: 3, name: '张三', id: '11010519491231002X', address: '一村3组' });
  });

  it('finds the ID column by what it holds when its header says nothing', () => {
    const file = readListFile(utf8('甲,乙\n张三,11010519491231002X\n李四,110105491231002\n'));
    expect(file.mapping).toMatchObject({ id: 1 });
    const none = readListFile(utf8('名称,数量\n笔记本,3\n'));
    expect(none.mapping.id).toBe(-1);
    expect(refusal(() => listRows(none, none.mapping))).toBe(r.needColumns);
  });

  it('says so when a workbook is really a CSV, and reads it as one', () => {
    const file = readListFile(utf8('姓名,身份证号\n张三,11010519491231002X\n'), {
      fileName: '名单.xlsx',
    });
    expect(file.notice).toBe(r.misnamed('CSV 文本'));
    expect(file.rows).toHaveLength(2);
  });

  it('refuses an empty file, a mixed-encoding CSV unless told the encoding, and a sheet cut at Excel’s last row', async () => {
    expect(refusal(() => readListFile(new Uint8Array()))).toBe(r.empty);
    expect(refusal(() => readListFile(utf8('\n\n')))).toBe(r.empty);
    const line = '姓名,身份证号,地址\n张三,11010519491231002X,石桥镇一村\n';
    const mixed = new Uint8Array([...utf8(line.repeat(10)), ...encodeGbk(line.repeat(10))]);
    expect(refusal(() => readListFile(mixed))).toBe(r.mixed);
    expect(readListFile(mixed, { encoding: 'gb18030' }).rows.length).toBe(40);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名单');
    sheet.addRow(['姓名', '身份证号']);
    sheet.getCell('A1048576').value = '张三';
    const full = new Uint8Array(await book.xlsx.writeBuffer());
    expect(refusal(() => readListFile(full))).toBe(r.fullSheet);
  });

  it('refuses a picture renamed .xlsx, one column taken for both name and number, and a column with no number', () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(refusal(() => readListFile(png, { fileName: '名单.xlsx' }))).toBe(r.notZip);
    const text = readListFile(utf8('随便写的\n一些文字\n'));
    expect(refusal(() => listRows(text, { ...text.mapping, name: 0, id: 0 }))).toBe(r.sameColumn);
    const names = readListFile(utf8('姓名,备注\n张三,无\n李四,无\n'));
    expect(refusal(() => listRows(names, { ...names.mapping, name: 0, id: 1 }))).toBe(r.noValidId);
  });
});
