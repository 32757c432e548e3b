import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserPerTest } from '../support/browser';
import { button } from '../support/ui';
import { createCase, openSection, waitSaved } from '../support/workbench';
import { reloadApp, visit } from '../support/unlock';

const session = browserPerTest(async ({ page }) => {
  await createCase(page); // 张三, 组长
});

async function docReview(page: Page) {
  await openSection(page, '查阅资料');
  await button(page, '新建查阅资料').click();
  await page.getByLabel('资料名称').fill('2025年公务用车台账');
  await page.getByLabel('摘录内容').fill('3台车辆加油记录与行车记录不符。');
  await page
    .getByTestId('attachment-input')
    .setInputFiles(path.resolve('test/fixtures/site-photo.png'));
  await page.getByTestId('attachment-card').waitFor();
  await waitSaved(page);
}

async function interviewWithAnswer(page: Page) {
  await openSection(page, '谈话记录');
  await button(page, '新建谈话记录').click();
  await page.getByLabel('姓名').first().fill('王某');
  await button(page, '添加“答”').click();
  await page.keyboard.type('经查，局机关存在私车公养问题。');
  await waitSaved(page);
}

/** Selects the whole answer the way a keyboard user does, and turns it into a finding. */
async function findingFromAnswer(page: Page) {
  const answer = page.getByTestId('turn').first().locator('textarea');
  await answer.click();
  await answer.press('End');
  await answer.press('Shift+Home');
  await page.getByTestId('cite-bar').waitFor();
  expect(await page.getByTestId('cite-bar').textContent()).toContain('已选中 15 字');
  await button(page.getByTestId('cite-bar'), '生成问题').click();
  await page.getByTestId('finding-title').waitFor();
}

async function chooseCategory(page: Page, item: string) {
  await page.getByLabel('问题类别', { exact: true }).click();
  await page.locator('.ant-select-tree-title', { hasText: item }).click();
}

describe('findings built from evidence', () => {
  it('from an interview answer to a confirmed finding with a second piece of evidence, counted on the dashboard, kept over a reload', async () => {
    const { page } = session();
    await docReview(page);
    await interviewWithAnswer(page);
    await findingFromAnswer(page);

    const evidence = page.getByTestId('evidence-item');
    await expect.poll(() => evidence.count()).toBe(1);
    expect(await evidence.first().textContent()).toContain('“经查，局机关存在私车公养问题。”');

    // Confirming too early is refused, with the reasons.
    await button(page, '确认').click();
    await expect
      .poll(() => page.getByTestId('review').getByRole('alert').textContent())
      .toContain('请选择问题类别后再确认');

    await page.getByLabel('问题标题').fill('局机关私车公养');
    await chooseCategory(page, '违反中央八项规定精神');
    await page.getByLabel('添加证据').click();
    await page.locator('.ant-select-item-option', { hasText: '2025年公务用车台账' }).click();
    await expect.poll(() => evidence.count()).toBe(2);
    // A scan attached to a record is evidence of its own.
    await page.getByLabel('添加证据').click();
    await page.locator('.ant-select-item-option', { hasText: '附件 · site-photo.png' }).click();
    await expect.poll(() => evidence.count()).toBe(3);
    await waitSaved(page);

    await button(page, '确认').click();
    await expect.poll(() => page.getByTestId('finding-status').textContent()).toBe('已确认');

    await openSection(page, '概览');
    const stat = (key: string) =>
      page.getByTestId(`stat-${key}`).locator('.ant-statistic-content').textContent();
    await expect.poll(() => stat('findings')).toBe('1个');
    expect(await stat('interviews')).toBe('1人次');
    expect(await stat('docReviews')).toBe('1份');
    expect(await page.getByTestId('stats').textContent()).toContain('群众身边 1');

    await reloadApp(page);
    await expect.poll(() => stat('findings')).toBe('1个');
    await openSection(page, '问题与线索');
    await page.getByTestId('finding-row').filter({ hasText: '局机关私车公养' }).click();
    await expect.poll(() => page.getByTestId('finding-status').textContent()).toBe('已确认');
    expect(await evidence.count()).toBe(3);
    expect(session().problems).toEqual([]);
  });

  it('refuses a money amount that is not a number, and shows deleted evidence as 已删除 after a warning', async () => {
    const { page } = session();
    await interviewWithAnswer(page);
    await findingFromAnswer(page);
    await page.getByLabel('涉及金额', { exact: true }).fill('十二万');
    await expect
      .poll(() => page.locator('[data-field="amountFen"]').textContent())
      .toContain('涉及金额应为数字');
    await page.getByLabel('涉及金额', { exact: true }).fill('12.5');
    await chooseCategory(page, '违反中央八项规定精神');
    await waitSaved(page);
    await button(page, '确认').click();
    await expect.poll(() => page.getByTestId('finding-status').textContent()).toBe('已确认');

    // Delete the interview the confirmed finding cites: a warning first, then 已删除 in place.
    await page.getByTestId('evidence-item').getByRole('button', { name: '查看' }).click();
    await page.getByTestId('cited-by').waitFor();
    await button(page, '删除').click();
    expect(await page.locator('.ant-popover').textContent()).toContain('该记录是已确认问题');
    await button(page.locator('.ant-popover'), '确定').click();
    await openSection(page, '问题与线索');
    await page.getByTestId('finding-row').first().click();
    await expect
      .poll(() => page.getByTestId('evidence-item').first().textContent())
      .toContain('已删除');
    expect(await page.getByTestId('evidence-item').first().textContent()).toContain('私车公养');

    await openSection(page, '概览');
    await expect.poll(() => page.getByTestId('stat-amount').textContent()).toContain('12.50万元');
  });
});

describe('passages as evidence', () => {
  /** Selects characters `from`..`to` of the first turn with the keyboard: arrows, then shift. */
  async function select(page: Page, from: number, to: number) {
    const answer = page.getByTestId('turn').first().locator('textarea');
    await answer.click();
    await answer.press('Home');
    for (let i = 0; i < from; i++) await answer.press('ArrowRight');
    for (let i = from; i < to; i++) await answer.press('Shift+ArrowRight');
    await page.getByTestId('cite-bar').waitFor();
  }

  it('keeps two passages of one answer as two pieces of evidence, and says when one is cited again', async () => {
    const { page } = session();
    await interviewWithAnswer(page); // 经查，局机关存在私车公养问题。
    const record = page.url();
    await select(page, 3, 6); // 局机关
    await button(page.getByTestId('cite-bar'), '生成问题').click();
    await page.getByTestId('finding-title').waitFor();

    await visit(page, record);
    await select(page, 8, 12); // 私车公养
    await button(page.getByTestId('cite-bar'), '加入已有问题').click();
    await page.locator('.ant-dropdown-menu-item').first().click();
    await expect.poll(() => page.getByText('已作为证据加入').count()).toBeGreaterThan(0);

    // The same passage again: one piece of evidence, and the message says so.
    await select(page, 8, 12);
    await button(page.getByTestId('cite-bar'), '加入已有问题').click();
    await page.locator('.ant-dropdown-menu-item').first().click();
    await expect.poll(() => page.getByText('已引用过这段内容').count()).toBeGreaterThan(0);

    await openSection(page, '问题与线索');
    await page.getByTestId('finding-row').first().click();
    const evidence = page.getByTestId('evidence-item');
    await expect.poll(() => evidence.count()).toBe(2);
    const texts = await evidence.allTextContents();
    expect(texts.some((t) => t.includes('“局机关”'))).toBe(true);
    expect(texts.some((t) => t.includes('“私车公养”'))).toBe(true);
  });
});
