import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserPerTest } from '../support/browser';
import { button, rowTexts, storeCount } from '../support/ui';
import { openSection } from '../support/workbench';
import { reloadApp } from '../support/unlock';

const session = browserPerTest();

const STORES = [
  'cases',
  'members',
  'interviews',
  'docReviews',
  'siteVisits',
  'petitions',
  'findings',
  'clues',
  'attachments',
  'revisions',
  'blobs',
  'summaries',
  'journal',
];

/** Rows of every store but settings (which holds this laptop's own keys), straight from IndexedDB. */
async function storedRows(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const store of STORES) out[store] = await storeCount(page, store);
  return out;
}

const stat = (page: Page, key: string) =>
  page.getByTestId(`stat-${key}`).locator('.ant-statistic-content-value').textContent();

describe('the 示例巡察任务', () => {
  it('loads from the empty list in one click, shows a marked case with its figures and real records, and goes again in one step, for good', async () => {
    const { page } = session();
    await expect.poll(() => page.getByText('还没有巡察任务').isVisible()).toBe(true);
    // One line says what it is before anyone clicks.
    expect(await page.getByTestId('demo-offer').textContent()).toContain('虚构');

    // An impatient double click loads one demo, and says so only once it is stored.
    await button(page, '载入示例巡察任务').dblclick();
    await expect
      .poll(() => page.locator('.ant-message').textContent(), { timeout: 30_000 })
      .toContain('示例巡察任务已载入：谈话记录 30 份、查阅资料 15 份、问题 12 个、线索 5 条');
    expect(await storeCount(page, 'cases')).toBe(1);

    // It opens, marked as a demo, with the figures of three weeks of work.
    await expect
      .poll(() => page.getByTestId('case-title').textContent())
      .toBe('【示例】清河县石桥镇党委');
    expect(await page.getByTestId('demo-tag').textContent()).toBe('示例');
    await expect.poll(() => stat(page, 'docReviews')).toBe('15');
    expect(await stat(page, 'siteVisits')).toBe('10');
    expect(await stat(page, 'petitions')).toBe('8');
    expect(await stat(page, 'findings')).toBe('4'); // confirmed by the 组长
    expect(Number(await stat(page, 'interviews'))).toBeGreaterThanOrEqual(30); // 人次
    expect(await page.getByTestId('stats').textContent()).toContain(
      '另有 3 个待组长审核，4 个在编写或退回修改',
    );
    await expect
      .poll(() => page.getByTestId('current-member').textContent())
      .toContain('周立新（组长）');

    // Findings at every stage of review.
    await openSection(page, '问题与线索');
    // Each group (the merged ones among them) arrives from its own query: wait for each.
    for (const stage of ['草稿', '待组长审核', '退回', '已确认', '已合并'])
      await expect.poll(() => page.locator('main').last().textContent()).toContain(stage);

    // An interview with what was said, in Chinese.
    await openSection(page, '谈话记录');
    await expect.poll(() => page.getByTestId('record-count').textContent()).toContain('30');
    await page.locator('.ant-table-row').first().click();
    await expect.poll(() => page.getByTestId('turn').count()).toBeGreaterThan(6);
    const said = await page
      .getByTestId('turn')
      .locator('textarea')
      .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value).join('\n'));
    expect(said).toMatch(/营养餐|低保|工程|公车|车辆|项目/);
    expect(said.length).toBeGreaterThan(300);

    // Back on the list it is marked too; removing it asks first, then takes all of it.
    await button(page, '返回任务列表').click();
    // The 示例 mark is a local setting, read a moment after the list itself.
    await expect
      .poll(() => rowTexts(page.locator('table')))
      .toEqual([expect.stringMatching(/【示例】.*示例/s)]);
    await page.getByTestId('remove-demo').click();
    await page
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: /删除示例数据/ })
      .click();
    await expect
      .poll(() => page.locator('.ant-message').textContent())
      .toMatch(/示例数据已全部删除（共 \d+ 条）/);
    await expect.poll(() => page.getByText('还没有巡察任务').isVisible()).toBe(true);
    expect(await button(page, '载入示例巡察任务').isVisible()).toBe(true);

    const empty = Object.fromEntries(STORES.map((s) => [s, 0]));
    expect(await storedRows(page)).toEqual(empty);
    await reloadApp(page);
    await expect.poll(() => page.getByText('还没有巡察任务').isVisible()).toBe(true);
    expect(await storedRows(page)).toEqual(empty);
    expect(session().problems).toEqual([]);
  });

  it('can be removed from inside it too, which returns to the empty list', async () => {
    const { page } = session();
    await button(page, '载入示例巡察任务').click();
    await expect
      .poll(() => page.getByTestId('case-title').textContent(), { timeout: 30_000 })
      .toBe('【示例】清河县石桥镇党委');
    // Asked first: cancelling keeps everything.
    await page.getByTestId('remove-demo').click();
    await page
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: /取\s*消/ })
      .click();
    expect(await storeCount(page, 'interviews')).toBe(30);

    await page.getByTestId('remove-demo').click();
    await page
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: /删除示例数据/ })
      .click();
    await expect.poll(() => page.getByText('还没有巡察任务').isVisible()).toBe(true);
    expect(await page.getByText('找不到该巡察任务').count()).toBe(0);
    expect(await storedRows(page)).toEqual(Object.fromEntries(STORES.map((s) => [s, 0])));
    expect(session().problems).toEqual([]);
  });
});
