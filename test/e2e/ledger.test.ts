/**
 * The 整改台账 as a 组长 keeps it, in Chromium with real IndexedDB: the confirmed findings become
 * the 问题清单, two 整改任务 are added; one reaches 已销号 with a scan as its evidence (refused
 * first, without); the other goes red when the clock passes its 完成时限. Then a 回头看 case starts
 * from that ledger and records one 反弹回潮, which becomes a new finding citing the earlier 问题.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserPerTest } from '../support/browser';
import { button, choose, field, rowTexts } from '../support/ui';
import { createCase, openSection, waitSaved } from '../support/workbench';
import { reloadApp } from '../support/unlock';

const session = browserPerTest(async ({ context, page }) => {
  // The app's clock, set by the test: today is 2026-12-07 until the test moves it.
  await page.clock.install({ time: new Date('2026-12-07T09:00:00+08:00') });
  // No system save dialog to drive from a test: save as a browser without one does.
  await context.addInitScript(() =>
    Object.defineProperty(window, 'showSaveFilePicker', { value: undefined }),
  );
  await reloadApp(page);
});

const overview = (page: Page, colour: string) =>
  page.getByTestId(`warning-${colour}`).textContent();

async function addTask(page: Page, row: number, measure: string, due: string) {
  await page
    .getByTestId('ledger-items')
    .getByRole('button', { name: /添加整改任务/ })
    .nth(row)
    .click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('整改措施', { exact: true }).fill(measure);
  await drawer.getByLabel('责任部门', { exact: true }).fill('党政办');
  const date = drawer.getByLabel('完成时限', { exact: true });
  await date.click();
  await date.fill(due);
  await date.press('Enter');
  await waitSaved(drawer as unknown as Page);
  return drawer;
}

describe('整改台账', () => {
  it('turns confirmed findings into 问题, tracks two tasks to 销号 and to red, and keeps them over a reload', async () => {
    const { page, problems } = session();
    await button(page, '载入示例巡察任务').click();
    await page.getByTestId('case-title').waitFor({ timeout: 30_000 });
    await openSection(page, '整改台账');

    // Not before the 反馈日期: the button says why.
    await button(page, '建立整改台账').click();
    await expect
      .poll(() => page.locator('.ant-message').textContent())
      .toContain('请先填写反馈日期');
    const feedback = page.getByLabel('反馈日期');
    await feedback.click();
    await feedback.fill('2026-12-01');
    await feedback.press('Enter');
    await waitSaved(page);
    await expect
      .poll(() => page.getByTestId('ledger-summary').textContent())
      .toContain('2026年12月22日'); // 整改方案: 15 working days
    await button(page, '建立整改台账').click();
    const items = page.getByTestId('ledger-items');
    // The demo's four confirmed findings, by 底稿编号.
    await expect.poll(() => items.locator('tbody tr').count()).toBe(4);
    expect(await items.locator('tbody tr').first().textContent()).toContain('[2026]4巡-3组-01号');

    const first = await addTask(page, 0, '退回挤占的营养改善计划资金', '2026-12-31');
    // 销号 without evidence is refused, with the reason.
    await button(first, '对账销号').click();
    await expect
      .poll(() => first.getByTestId('close-card').textContent())
      .toContain('销号前请先上传至少一份佐证材料');
    await first.locator('input[type=file]').setInputFiles({
      name: '退款凭证扫描件.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 scan'),
    });
    await expect.poll(() => first.textContent()).toContain('退款凭证扫描件.pdf');
    await button(first, '对账销号').click();
    await expect
      .poll(() => first.getByTestId('sign-off').textContent())
      .toMatch(/^周立新于2026年12月7日核查销号/);
    // The drawer's own 销号 is not announced as another window's change, and reads 已销号.
    expect(await first.getByText('这条记录刚在另一个窗口被修改').count()).toBe(0);
    expect(await first.getByLabel('状态', { exact: true }).locator('..').textContent()).toContain(
      '已销号',
    );
    await page.keyboard.press('Escape');

    await addTask(page, 1, '重新开展低保对象资格复核', '2026-12-15');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('completion-rate').textContent()).toBe('完成率 50%');
    expect(await overview(page, 'red')).toBe('红 0');
    expect(await overview(page, 'green')).toBe('绿 1'); // the 销号 one
    expect(await overview(page, 'yellow')).toBe('黄 1'); // due in 8 days: within 10

    // The clock passes the second task's 完成时限: it turns red, nothing stored changes.
    await page.clock.setSystemTime(new Date('2026-12-21T09:00:00+08:00'));
    await reloadApp(page);
    await openSection(page, '整改台账');
    await expect.poll(() => overview(page, 'red')).toBe('红 1');
    expect(await page.getByTestId('completion-rate').textContent()).toBe('完成率 50%');
    await page.getByRole('tab', { name: '任务清单' }).click();
    await expect
      .poll(() => page.getByTestId('ledger-tasks').locator('.ant-table-row').count())
      .toBe(2);

    // The workbook goes out; the unit fills in a status and a department and sends it back.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /整改台账（Excel）/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('【示例】清河县石桥镇党委整改台账.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await file.path()) as unknown as ArrayBuffer);
    const list = book.getWorksheet('任务清单')!;
    expect(list.getRow(3).getCell(12).value).toBe('红'); // 2-1, overdue by now
    list.getRow(3).getCell(11).value = '已完成';
    list.getRow(3).getCell(7).value = '民政办';
    const back = Buffer.from(await book.xlsx.writeBuffer());
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /导入单位填报的任务清单/ }).click();
    await (
      await chooser
    ).setFiles({
      name: '任务清单（单位填报）.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: back,
    });
    const proposals = page.getByTestId('import-proposals');
    await expect.poll(() => proposals.locator('.ant-table-row').count()).toBe(2);
    // Nothing is written before the 组长 accepts.
    expect(await page.getByTestId('completion-rate').textContent()).toBe('完成率 50%');
    await page.getByRole('button', { name: /接受所选（2 处）/ }).click();
    await expect.poll(() => page.getByTestId('completion-rate').textContent()).toBe('完成率 100%');
    // The case overview shows the ledger at a glance.
    await openSection(page, '概览');
    await expect
      .poll(() => page.getByTestId('ledger-glance').textContent())
      .toContain('完成率 100%');

    // 回头看: a later round's case starts from this one, and checks its ledger item by item.
    await page.evaluate(() => (window.location.hash = '#/cases'));
    await createCase(page, '清河县石桥镇党委', true, '巡察“回头看”');
    await openSection(page, '回头看复核');
    await choose(page, field(page.locator('main'), '上轮巡察任务'), '【示例】清河县石桥镇党委');
    await button(page, '载入上轮台账').click();
    const rechecks = page.getByTestId('recheck-table');
    await expect.poll(() => rechecks.locator('.ant-table-row').count()).toBe(4);
    // What the earlier ledger said: the first 问题 销号, the second done (by the import).
    expect(
      (await rowTexts(rechecks)).map((r) =>
        r
          .split('\t')
          .slice(0, 4)
          .map((c) => c.trim()),
      ),
    ).toEqual([
      ['[2026]4巡-3组-01号', '中心学校挤占挪用营养改善计划资金', '已销号', '未复核'],
      ['[2026]4巡-3组-02号', '低保对象认定把关不严，“有车有房”人员享受低保', '已完成', '未复核'],
      ['[2026]4巡-3组-03号', '通村公路项目拆分规避公开招标，涉嫌串通投标', '无整改任务', '未复核'],
      ['[2026]4巡-3组-04号', '公务用车节假日私用，派车管理不规范', '无整改任务', '未复核'],
    ]);
    await rechecks.getByRole('button', { name: '中心学校挤占挪用营养改善计划资金' }).click();
    const recheck = page.getByRole('dialog');
    await expect.poll(() => recheck.textContent()).toContain('退回挤占的营养改善计划资金');
    await recheck.getByRole('radio', { name: '反弹回潮' }).check();
    await recheck.getByRole('checkbox', { name: '查看现场' }).check();
    await recheck.getByRole('checkbox', { name: '满意度测评' }).check();
    // A score out of range is refused beside the field, never clamped to 100 and saved.
    await recheck.getByLabel('满意度（%）').fill('150');
    await expect
      .poll(() => recheck.locator('[data-field="satisfaction"]').textContent())
      .toContain('满意度应为 0 至 100 之间的百分数');
    await recheck.getByLabel('满意度（%）').fill('55');
    await recheck.getByLabel('复核情况').fill('2026年3月起又挤占营养改善计划资金2.1万元。');
    await waitSaved(recheck as unknown as Page);
    // 销号 in the ledger, 反弹回潮 on the ground: what a 回头看 exists to catch.
    await expect
      .poll(() => page.getByTestId('lookback-summary').textContent())
      .toContain('台账显示已完成或销号、复核未到位 1 个');
    await button(recheck, '转为发现问题').click();
    const title = page.getByLabel('问题标题');
    await expect.poll(() => title.inputValue()).toMatch(/^上轮反馈问题反弹回潮：/);
    await expect
      .poll(() => page.getByTestId('evidence-item').first().textContent())
      .toContain('回头看复核');
    // The evidence opens the 复核 it cites.
    await page.getByTestId('evidence-item').first().getByRole('button', { name: '查看' }).click();
    await expect
      .poll(() => page.getByRole('dialog').getByLabel('满意度（%）').inputValue())
      .toBe('55');
    await page.keyboard.press('Escape');
    // Kept over a reload, and the 复核 row links to the finding it became.
    await reloadApp(page);
    await openSection(page, '回头看复核');
    await expect
      .poll(() => page.getByTestId('lookback-summary').textContent())
      .toContain('反弹回潮 1');
    expect(await rechecks.locator('.ant-table-row').first().textContent()).toContain(
      '查看新发现的问题',
    );
    expect(problems).toEqual([]);
  }, 180_000);
});
