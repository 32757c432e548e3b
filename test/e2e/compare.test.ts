/**
 * 数据比对 as a member who is not a data specialist does it, in Chromium with real IndexedDB: a
 * 低保 list (xlsx, one person under the old 15-digit number, one number Excel mangled) and a
 * vehicle list (a GBK CSV from Chinese Windows) are imported and mapped, the preset rule is
 * run, one 疑点 is verified 属实 and becomes a clue with both rows as evidence, one 不属实.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkCharacter } from '../../shared/domain/compare/idNumber';
import { browserPerTest } from '../support/browser';
import { encodeGbk } from '../support/gbk';
import { button, choose, field, rowTexts, storedRows } from '../support/ui';
import { createCase, openSection, waitSaved } from '../support/workbench';

const session = browserPerTest();
const valid = (first17: string) => first17 + checkCharacter(first17);
const A = valid('32010619800101123');
const B = valid('32010619751215004');
const C = valid('32010619900101001');

async function importList(page: Page, name: string, buffer: Buffer, kind: string, rows: number) {
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  const modal = page.getByRole('dialog');
  await modal.getByTestId('column-mapping').waitFor();
  // The dialog zooms in: a dropdown opened while it moves closes again.
  await expect.poll(() => page.locator('.ant-zoom-appear, .ant-zoom-enter').count()).toBe(0);
  await choose(page, field(modal, '名单类别'), kind);
  await button(modal, `导入 ${rows} 行`).click();
  await expect
    .poll(() => page.locator('.ant-message').textContent())
    .toContain(`已导入 ${rows} 行`);
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
}

describe('数据比对', () => {
  it('imports two lists, runs the preset rule, verifies two 疑点 and turns one into a clue', async () => {
    const { page, problems } = session();
    await createCase(page);
    await openSection(page, '数据比对');

    // A file that is no list: one sentence beside the button, and nothing kept.
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles({
        name: '低保名册.xlsx',
        mimeType: 'application/octet-stream',
        buffer: Buffer.alloc(0),
      });
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('文件是空的，没有可比对的内容，未导入');
    expect(await storedRows(page, 'compareLists')).toEqual([]);

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('低保名册');
    sheet.addRow(['石桥镇2026年低保对象名册']);
    sheet.addRow(['序号', '姓名', '身份证号码', '家庭住址']);
    sheet.addRow([1, '张三', A.toLowerCase(), '一村3组']);
    sheet.addRow([2, '李四', B.slice(0, 6) + B.slice(8, 17), '二村1组']); // the old 15 digits
    sheet.addRow([3, '王五', '1.10105E+17', '三村2组']);
    const dibao = Buffer.from(await book.xlsx.writeBuffer());
    await importList(page, '低保名册.xlsx', dibao, '低保对象', 3);
    const lists = page.getByTestId('compare-lists');
    // The mangled number is listed with its reason, never dropped.
    await lists.getByRole('button', { name: '1' }).click();
    await expect
      .poll(() => page.getByTestId('id-problems').textContent())
      .toContain('被 Excel 改成了科学计数法');
    await page.keyboard.press('Escape');

    const cars = Buffer.from(
      encodeGbk(
        `车主,身份证号,车辆类型\r\n张三,${A},小型轿车\r\n李四,${B},货车\r\n赵六,${C},轿车\r\n`,
      ),
    );
    await importList(page, '车辆登记.csv', cars, '车辆登记', 3);
    await expect
      .poll(async () => (await rowTexts(lists)).map((r) => r.split('\t').slice(0, 3)))
      .toEqual([
        ['低保名册', '低保对象', '3'],
        ['车辆登记', '车辆登记', '3'],
      ]);

    await choose(
      page,
      page.locator('.ant-card').filter({ hasText: '比对规则' }).locator('.ant-card-extra'),
      '低保对象 × 车辆登记',
    );
    await button(page, '运行比对').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('新增疑点 2 个');
    const hits = page.getByTestId('compare-hits');
    const texts = await rowTexts(hits);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('张三');
    expect(texts[1]).toContain('李四'); // through the 15-digit number
    // Numbers are masked on screen.
    expect(texts[1]).toContain(`${B.slice(0, 6)}********${B.slice(-4)}`);
    expect(texts.join('')).not.toContain(B);

    const verify = async (no: string, status: string, note: string) => {
      await hits.getByRole('button', { name: no, exact: true }).click();
      const drawer = page.getByRole('dialog');
      // Both matched rows as their lists hold them, the number masked.
      await expect.poll(() => drawer.getByTestId('matched-row').count()).toBe(2);
      expect(await drawer.textContent()).toContain(no === '1' ? '小型轿车' : '货车');
      expect(await drawer.textContent()).not.toContain(no === '1' ? A : B);
      await drawer.getByRole('radio', { name: status, exact: true }).check();
      await drawer.getByLabel('核实说明').fill(note);
      await waitSaved(drawer as unknown as Page);
      await page.keyboard.press('Escape');
    };
    await verify('1', '属实', '经民政办核实，车辆为本人所有');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await verify('2', '不属实', '车辆已于2025年过户');
    await expect.poll(async () => (await rowTexts(hits))[1]).toContain('不属实');

    await hits.locator('.ant-table-row').first().getByRole('checkbox').check();
    await button(page, '转为问题线索').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已生成问题线索');
    const clues = await storedRows<{
      subjectName: string;
      evidence: { kind: string; excerpt: string }[];
    }>(page, 'clues');
    expect(clues).toHaveLength(1);
    expect(clues[0]!.subjectName).toBe('张三');
    expect(clues[0]!.evidence.map((e) => e.excerpt)).toEqual([
      `低保名册 第3行：张三 ${A.slice(0, 6)}********${A.slice(-4)}`,
      `车辆登记 第2行：张三 ${A.slice(0, 6)}********${A.slice(-4)}`,
    ]);
    expect(problems).toEqual([]);
  }, 120_000);
});
