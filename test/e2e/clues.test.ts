import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserPerTest } from '../support/browser';
import { button } from '../support/ui';
import { createCase, openSection, waitSaved } from '../support/workbench';
import { reloadApp } from '../support/unlock';

const session = browserPerTest(async ({ page }) => createCase(page));

async function newClue(page: Page) {
  await openSection(page, '问题与线索');
  await page.getByRole('tab', { name: '问题线索' }).click();
  await button(page, '登记线索').click();
  await page.locator('.ant-drawer').getByTestId('save-status').waitFor();
}

const drawer = (page: Page) => page.locator('.ant-drawer');

describe('a clue', () => {
  it('keeps what was typed when its drawer is closed with Esc at once, saying whether it is saved', async () => {
    const { page } = session();
    await newClue(page);
    await drawer(page).getByLabel('被反映人').fill('某村主任');
    await drawer(page).getByLabel('反映的主要问题').fill('虚报冒领种粮补贴');
    await page.keyboard.press('Escape'); // no wait: straight away
    await expect.poll(() => drawer(page).isVisible()).toBe(false);
    await page.getByTestId('clue-row').first().click();
    await expect.poll(() => drawer(page).getByLabel('被反映人').inputValue()).toBe('某村主任');
    expect(await drawer(page).getByLabel('反映的主要问题').inputValue()).toBe('虚报冒领种粮补贴');
    await waitSaved(page);
  });

  it('keeps what was typed over a reload 1.5 s later', async () => {
    const { page } = session();
    await newClue(page);
    await drawer(page).getByLabel('反映的主要问题').fill('工程款拨付不规范');
    await page.waitForTimeout(1500);
    await reloadApp(page);
    await openSection(page, '问题与线索');
    await page.getByRole('tab', { name: '问题线索' }).click();
    await page.getByTestId('clue-row').first().click();
    await expect
      .poll(() => drawer(page).getByLabel('反映的主要问题').inputValue())
      .toBe('工程款拨付不规范');
  });

  it('shows a handed-over clue overdue past its 反馈期限, and answered once the reply is written', async () => {
    const { page } = session();
    await newClue(page);
    await drawer(page).getByLabel('被反映人').fill('某村主任');
    const handover = drawer(page).getByLabel('移交日期');
    await handover.click();
    await handover.fill('2026-01-05');
    await handover.press('Enter');
    await expect.poll(() => drawer(page).textContent()).toContain('反馈期限：2026年4月5日');
    await expect
      .poll(() => drawer(page).getByTestId('clue-follow-up').textContent())
      .toBe('反馈逾期');
    const reply = drawer(page).getByLabel('回复日期');
    await reply.click();
    await reply.fill('2026-03-20');
    await reply.press('Enter');
    await drawer(page)
      .getByLabel('办理结果')
      .fill('经初步核实，反映问题部分属实，已给予诫勉谈话。');
    await expect
      .poll(() => drawer(page).getByTestId('clue-follow-up').textContent())
      .toBe('已反馈');
    await waitSaved(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('clue-row').first().textContent()).toContain('已反馈');
  });
});
