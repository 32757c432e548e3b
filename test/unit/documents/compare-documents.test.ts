/**
 * 数据比对 in documents: the 疑点清单 workbook and the report's annex, from a real database, with
 * numbers masked unless the 组长 chose to print them in the annex.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../shared/documents';
import { storedDocumentCase } from '../../support/storedCase';
import { readDocx } from '../../support/docx';
import { A, B, caseWithComparison, today } from '../db/helpers';

const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;

async function compared(fullIds = false) {
  const s = await caseWithComparison();
  const { repos, db, caseId, actor, run } = s;
  await run();
  const [first, second] = await repos.compare.hits(caseId);
  await repos.compare.patchHit(first!.id, { status: 'true', verifyNote: '车辆为本人所有' }, actor);
  await repos.compare.patchHit(second!.id, { status: 'false', verifyNote: '已过户' }, actor);
  if (fullIds) await repos.cases.patchSettings(caseId, { annexFullIds: true }, actor);
  const input = await storedDocumentCase(db, caseId, actor.memberId, today);
  return input;
}

describe('数据比对 documents', () => {
  it('list every 疑点 in a workbook with its 核实, every number masked', async () => {
    const input = await compared();
    const built = await buildDocument(input, { kind: 'compare' });
    expect(built.name).toBe('某县教育局党组数据比对疑点清单.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(built.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('疑点清单')!;
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(2).slice(0, 4)).toEqual(['疑点编号', '规则', '姓名', '身份证号']);
    expect(row(3)).toEqual([
      1,
      '享受低保对象待遇但名下登记有车辆',
      '张三',
      masked(A),
      '',
      '低保名单 第2行',
      '车辆登记 第2行',
      '身份证号一致',
      '享受低保对象待遇但名下登记有车辆',
      '属实',
      '张三',
      '车辆为本人所有',
    ]);
    expect(row(4)[9]).toBe('不属实');
    const all = JSON.stringify(sheet.getSheetValues());
    expect(all).not.toContain(A);
    expect(all).not.toContain(B);
  });

  it('annex the 疑点 verified 属实 to the report, masked unless the 组长 chose full numbers', async () => {
    const { paragraphs } = readDocx(
      (await buildDocument(await compared(), { kind: 'report' })).bytes,
    );
    const text = paragraphs.map((p) => p.text);
    expect(text).toContain('附件：1. 数据比对核实属实疑点清单');
    expect(text.find((t) => t.startsWith('巡察期间'))).toContain(
      '开展数据比对发现疑点2个、核实属实1个，',
    );
    const cells = paragraphs.filter((p) => p.inTable).map((p) => p.text);
    expect(cells).toContain(masked(A));
    expect(cells).toContain('张三');
    expect(cells).not.toContain('李四'); // 不属实: not annexed
    const full = readDocx((await buildDocument(await compared(true), { kind: 'report' })).bytes);
    expect(full.paragraphs.filter((p) => p.inTable).map((p) => p.text)).toContain(A);
  });
});
