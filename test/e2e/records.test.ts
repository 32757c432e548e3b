import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserPerTest } from '../support/browser';
import { button } from '../support/ui';
import { createCase, openSection, waitSaved } from '../support/workbench';
import { reloadApp } from '../support/unlock';

const session = browserPerTest();

const photo = path.resolve('test/fixtures/site-photo.png');

async function newRecord(page: Page, section: string) {
  await openSection(page, section);
  await button(page, `新建${section}`).click();
  await page.getByTestId('save-status').waitFor();
}

async function backToList(page: Page) {
  await waitSaved(page);
  await page.getByRole('button', { name: '返回列表' }).click();
}

async function search(page: Page, words: string) {
  await page.getByTestId('search-box').locator('input').fill(words);
  // Wait for the answer to these words, not the one still shown for the previous query.
  await page
    .locator(`[data-testid="search-results"][data-query="${words}"][aria-busy="false"]`)
    .waitFor();
  return page.getByTestId('search-hit');
}

describe('a team member recording the day’s work', () => {
  it('records one of each kind, attaches a photo, finds each by a Chinese word, deletes and restores, and keeps it all over a reload', async () => {
    const { page } = session();
    await createCase(page);

    await newRecord(page, '谈话记录');
    await page.getByLabel('姓名').first().fill('王某');
    await page.getByLabel('单位').first().fill('县财政局');
    await button(page, '添加“问”').click();
    await page.keyboard.type('请介绍一下单位公务用车管理情况。');
    await page.keyboard.press('Control+Enter');
    await page.keyboard.type('总体规范，但存在私车公养问题。');
    await waitSaved(page);
    // The history shows the creation and the typing, with who did it.
    await button(page, '修改历史').click();
    const entries = page.getByTestId('history-entry');
    await expect.poll(() => entries.count()).toBe(2);
    expect(await entries.first().textContent()).toMatch(/第 2 版.*张三.*私车公养/s);
    await page.keyboard.press('Escape');
    await backToList(page);

    await newRecord(page, '查阅资料');
    await page.getByLabel('资料名称').fill('2025年局党组会议记录');
    await page
      .getByLabel('摘录内容')
      .fill('第12次党组会研究工程款支付，三重一大事项未经集体决策。');
    await backToList(page);

    await newRecord(page, '实地走访');
    await page.getByLabel('走访地点').fill('城关镇中心小学食堂');
    await page.getByLabel('走访情况').fill('食堂营养餐台账缺失，留样记录不全。');
    await page.getByTestId('attachment-input').setInputFiles(photo);
    await expect.poll(() => page.getByTestId('attachment-card').count()).toBe(1);
    expect(await page.getByTestId('attachment-card').textContent()).toContain('site-photo.png');
    await backToList(page);

    await newRecord(page, '信访件');
    await page.getByLabel('反映人', { exact: true }).fill('李某');
    await page.getByLabel('反映内容摘要').fill('反映村干部虚报冒领种粮补贴。');
    await backToList(page);

    for (const section of ['谈话记录', '查阅资料', '实地走访', '信访件']) {
      expect(
        await page.getByRole('menuitem', { name: new RegExp(`${section}（1）`) }).count(),
      ).toBe(1);
    }

    // Search finds each record by a word from its body, and marks the word.
    for (const [word, kind] of [
      ['私车公养', '谈话记录'],
      ['集体决策', '查阅资料'],
      ['营养餐', '实地走访'],
      ['种粮补贴', '信访件'],
    ]) {
      const hits = await search(page, word!);
      await expect.poll(() => hits.count()).toBe(1);
      expect(await hits.first().textContent()).toContain(kind);
      expect(await hits.first().locator('mark').first().textContent()).toBe(word);
    }
    // Opening a hit opens the record.
    await (await search(page, '私车公养')).first().click();
    await expect
      .poll(() => page.getByTestId('record-title').textContent())
      .toContain('王某（县财政局）');

    // Delete the petition: it leaves the list and the search, and comes back from the bin.
    await openSection(page, '信访件');
    await page.getByText('反映村干部虚报冒领种粮补贴').first().click();
    await button(page, '删除').click();
    await button(page.locator('.ant-popover'), '确定').click();
    await expect.poll(() => page.getByTestId('record-count').textContent()).toBe('共 0 条');
    expect(await (await search(page, '种粮补贴')).count()).toBe(0);
    await page.getByTestId('search-box').locator('input').fill('');
    const views = page.locator('.ant-segmented');
    await views.getByText('回收站', { exact: true }).click();
    await button(page, '恢复').click();
    await views.getByText('信访件', { exact: true }).click();
    await expect.poll(() => page.getByTestId('record-count').textContent()).toBe('共 1 条');
    await expect.poll(async () => (await search(page, '种粮补贴')).count()).toBe(1);

    await reloadApp(page);
    for (const section of ['谈话记录', '查阅资料', '实地走访', '信访件']) {
      await page.getByRole('menuitem', { name: new RegExp(`${section}（1）`) }).waitFor();
    }
    await openSection(page, '实地走访');
    await page.getByText('城关镇中心小学食堂').click();
    await expect.poll(() => page.getByTestId('attachment-card').count()).toBe(1);
    expect(await (await search(page, '私车公养')).count()).toBe(1);
    expect(session().problems).toEqual([]);
  });
});
