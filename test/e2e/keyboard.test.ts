// The keyboard alone: a member picked with Enter stays through Tab and Esc, pickers find members
// by name, Enter in a date field does not submit a dialog, 新建 puts the cursor in the first field,
// and Tab stops only where a keyboard user has something to do, each named in Chinese.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserPerTest } from '../support/browser';
import { button, choose, field, storedRows } from '../support/ui';
import { createCase, openSection, waitSaved } from '../support/workbench';

const session = browserPerTest(async ({ page }) => {
  await createCase(page);
  await page.getByRole('menuitem', { name: /巡察组成员/ }).click();
  for (const name of ['王芳', '李四']) {
    await button(page, '添加成员').click();
    const dialog = page.getByRole('dialog');
    await field(dialog, '姓名').locator('input').fill(name);
    await choose(page, field(dialog, '组内职务'), '组员');
    await button(dialog, '保存').click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
  }
});

/** What has the focus: its accessible name as the page gives it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    return {
      label: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '',
      field: el.closest('[data-field]')?.getAttribute('data-field') ?? '',
      clear: /clear/.test(el.className),
    };
  });

async function newInterview(page: Page) {
  await openSection(page, '谈话记录');
  await button(page, '新建谈话记录').click();
  await page.getByTestId('save-status').waitFor();
}

const storedInterviewers = async (page: Page) =>
  (await storedRows<{ interviewers: string[] }>(page, 'interviews'))[0]?.interviewers.length;

describe('the keyboard alone', () => {
  it('types into the first field after 新建, and keeps a 谈话人 picked with Enter through Tab and Esc', async () => {
    const { page } = session();
    await newInterview(page);
    await expect.poll(async () => (await focused(page)).label).toBe('谈话地点');
    await page.keyboard.type('局机关三楼会议室');
    expect(await page.getByLabel('谈话地点').inputValue()).toBe('局机关三楼会议室');

    // The creator (张三) is already a 谈话人; pick 王芳 by typing her name.
    await page.keyboard.press('Tab');
    expect((await focused(page)).label).toBe('谈话人');
    await page.keyboard.type('王芳');
    await expect
      .poll(() => page.locator('.ant-select-dropdown:visible').textContent())
      .toContain('王芳（组员）');
    expect(await page.locator('.ant-select-dropdown:visible').textContent()).not.toContain('李四');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect((await focused(page)).label).toBe('记录人');
    await waitSaved(page);
    await expect.poll(() => storedInterviewers(page)).toBe(2);
    expect(await page.locator('[data-field="interviewers"]').textContent()).toContain('王芳');

    // Esc, then Tab: still there.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('李四');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await waitSaved(page);
    await expect.poll(() => storedInterviewers(page)).toBe(3);
  });

  it('stops Tab only at fields and buttons, never at a clear button, and names each in Chinese', async () => {
    const { page } = session();
    await newInterview(page);
    // Fill the fields that grow a clear button when filled.
    await page.getByLabel('谈话地点').fill('会议室');
    await page.getByLabel('开始时间').click();
    await page.getByLabel('开始时间').fill('10:00');
    await page.keyboard.press('Enter');
    await page.getByLabel('谈话地点').click();
    const stops = [];
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Tab');
      stops.push(await focused(page));
    }
    expect(stops.filter((s) => s.clear)).toEqual([]);
    expect(stops.filter((s) => /[A-Za-z]{3,}/.test(s.label))).toEqual([]);
    const clearNames = await page
      .locator('.ant-select-clear, .ant-picker-clear')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(clearNames.length).toBeGreaterThan(0);
    expect(new Set(clearNames)).toEqual(new Set(['清除']));
  });

  it('confirms a date with Enter in the new-case dialog without submitting it', async () => {
    const { page } = session();
    await button(page, '返回任务列表').click();
    await button(page, '新建巡察任务').click();
    const dialog = page.getByRole('dialog');
    const start = dialog.getByPlaceholder('进驻日期');
    await start.click();
    await start.fill('2026-11-02');
    await start.press('Enter');
    // Submitting would name every empty required field; the dialog stays, quietly, with the date.
    await page.waitForTimeout(300);
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.locator('.ant-form-item-explain-error').count()).toBe(0);
    expect(await start.inputValue()).toBe('2026-11-02');
  });
});
