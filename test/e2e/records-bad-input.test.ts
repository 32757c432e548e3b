import { mkdtempSync, closeSync, openSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserPerTest } from '../support/browser';
import { button, storedTurnLengths, typeDate } from '../support/ui';
import { createCase, openSection, waitSaved } from '../support/workbench';
import { reloadApp, sealedStore } from '../support/unlock';

const session = browserPerTest(async ({ page }) => {
  await createCase(page);
});

const fieldOf = (page: Page, name: string) => page.locator(`[data-field="${name}"]`);
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

async function newInterview(page: Page) {
  await openSection(page, '谈话记录');
  await button(page, '新建谈话记录').click();
  await page.getByTestId('save-status').waitFor();
}

describe('bad input in a record', () => {
  it('names what is missing, refuses an end time before the start and a far-future date, and keeps the rest', async () => {
    const { page } = session();
    await newInterview(page);
    // A new interview has no interviewee yet: said beside the field, and saved anyway.
    await expect
      .poll(() => fieldOf(page, 'interviewees').textContent())
      .toContain('请填写至少一名被谈话人的姓名');
    await page.getByLabel('谈话地点').fill('局机关三楼会议室');

    await typeDate(page.getByLabel('开始时间'), '10:00');
    await typeDate(page.getByLabel('结束时间'), '09:15');
    await expect
      .poll(() => fieldOf(page, 'endTime').textContent())
      .toContain('结束时间不能早于开始时间');
    await typeDate(page.getByLabel('谈话日期'), '2099-01-01');
    await expect.poll(() => fieldOf(page, 'date').textContent()).toContain('谈话日期不能晚于今天');
    await waitSaved(page);

    await reloadApp(page);
    await page.getByTestId('save-status').waitFor();
    expect(await page.getByLabel('谈话地点').inputValue()).toBe('局机关三楼会议室');
    expect(await page.getByLabel('开始时间').inputValue()).toBe('10:00');
    expect(await page.getByLabel('结束时间').inputValue()).toBe(''); // refused, never stored
    expect(await page.getByLabel('谈话日期').inputValue()).toBe(today()); // the good date stayed
  });

  it('accepts 10 MB pasted into one answer and stays responsive', async () => {
    const { page } = session();
    await newInterview(page);
    await button(page, '添加“答”').click();
    const answer = page.getByTestId('turn').first().locator('textarea');
    const huge = '经查，'.repeat(Math.ceil((10 * 1024 * 1024) / 3)).slice(0, 10 * 1024 * 1024);
    await answer.evaluate((el, text) => {
      // A real paste event, with the text on its clipboard data, as Ctrl+V delivers it.
      const data = new DataTransfer();
      data.setData('text/plain', text);
      el.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, huge);
    await page.getByTestId('folded-text').waitFor();
    await waitSaved(page);

    // Still responsive: keystrokes land, and are saved (how fast: npm run bench -- ui-timing).
    await answer.press('End');
    await answer.pressSequentially('完');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    await waitSaved(page);

    const stored = () => storedTurnLengths(page);
    expect(await stored()).toEqual([[huge.length + 1]]);
    await reloadApp(page);
    await page.getByTestId('folded-text').waitFor();
    expect(await page.getByTestId('turn').first().locator('textarea').inputValue()).toMatch(/完$/);
    expect(await stored()).toEqual([[huge.length + 1]]);
  });

  it('refuses an attachment over 200 MB with a clear message and stores nothing', async () => {
    const { page } = session();
    await openSection(page, '实地走访');
    await button(page, '新建实地走访').click();
    await page.getByTestId('save-status').waitFor();
    // A sparse file: 200 MB + 1 byte on paper, nothing on disk.
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'big-')), '现场录像.mp4');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 200 * 1024 * 1024 + 1);
    closeSync(fd);
    await page.getByTestId('attachment-input').setInputFiles(file);
    const alert = page.getByRole('alert').filter({ hasText: '现场录像.mp4' });
    await expect
      .poll(() => alert.textContent())
      .toContain('大小为 209,715,201 字节，超过单个文件 200 MB 的上限，未保存');
    expect(await page.getByTestId('attachment-card').count()).toBe(0);
    await reloadApp(page);
    await page.getByTestId('save-status').waitFor();
    expect(await page.getByTestId('attachment-card').count()).toBe(0);
  });
});

describe('an anonymous petition', () => {
  it('drops the reporter’s name and contact when marked anonymous, from the record, its history and the disk', async () => {
    const { page } = session();
    await openSection(page, '信访件');
    await button(page, '新建信访件').click();
    await page.getByLabel('反映人', { exact: true }).fill('孙某某');
    await page.getByLabel('联系方式').fill('13912345678');
    await waitSaved(page);
    await page.getByText('匿名反映').click();
    await waitSaved(page);
    expect(await page.getByLabel('反映人', { exact: true }).inputValue()).toBe('');
    await reloadApp(page);
    await page.getByTestId('save-status').waitFor();
    expect(await page.getByLabel('反映人', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('联系方式').inputValue()).toBe('');
    // Nor can they be typed again while it is ticked.
    expect(await page.getByLabel('联系方式').isDisabled()).toBe(true);

    // 修改历史 names the removal, never the values.
    await button(page, '修改历史').click();
    const history = page.locator('.ant-drawer');
    await expect.poll(() => history.getByText('按匿名要求删除').count()).toBeGreaterThan(0);
    expect(await history.innerText()).not.toMatch(/孙某某|13912345678/);

    // And nothing of them is left in the browser's storage for this app.
    // Read as the app reads it (opened with the keys): sealing alone must not pass this test.
    const stored = await sealedStore(page, 'dump');
    expect(stored).not.toMatch(/孙某某|13912345678/);
  });
});
