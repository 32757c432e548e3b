// Steps through the app that many e2e tests share: a case with a team, ready to record.
import type { Page } from 'playwright-core';
import { button, choose, field, typeDate } from './ui';

/**
 * Creates a case as a new user would and lands in its workspace, with 张三 as current member.
 * `numbered`: whether it names its 巡察组 and 轮次 (what confirming a finding numbers it from).
 */
export async function createCase(
  page: Page,
  unitName = '某县教育局党组',
  numbered = true,
  type = '常规巡察',
) {
  await button(page, '新建巡察任务').click();
  const dialog = page.getByRole('dialog');
  await field(dialog, '被巡察单位').locator('input').fill(unitName);
  if (numbered) {
    await field(dialog, '巡察组').locator('input').fill('县委第二巡察组');
    await field(dialog, '轮次').locator('input').fill('十五届县委第三轮');
  }
  await choose(page, field(dialog, '巡察类型'), type);
  await typeDate(dialog.getByPlaceholder('进驻日期'), '2026-11-02');
  await typeDate(dialog.getByPlaceholder('计划结束日期'), '2026-12-20');
  await field(dialog, '你的姓名').locator('input').fill('张三');
  await button(dialog, '保存').click();
  await page.getByTestId('case-title').waitFor();
}

/** Opens a section of the case from the left navigation. */
export async function openSection(page: Page, name: string) {
  await page.getByRole('menuitem', { name: new RegExp(name) }).click();
}

/** Waits until the editor says 已保存. */
export async function waitSaved(page: Page) {
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
}

/** A new interview of 王某 with one 问 and one 答, typed as a user types them. */
export async function typeInterview(page: Page, question: string, answer: string) {
  await openSection(page, '谈话记录');
  await button(page, '新建谈话记录').click();
  await page.getByLabel('姓名').first().fill('王某');
  await button(page, '添加“问”').click();
  await page.keyboard.type(question);
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type(answer);
}

/** Adds a 组员 on the team page, as the 组长 does. */
export async function addMember(page: Page, name: string) {
  await openSection(page, '巡察组成员');
  await button(page, '添加成员').click();
  const d = page.getByRole('dialog');
  await field(d, '姓名').locator('input').fill(name);
  await choose(page, field(d, '组内职务'), '组员');
  await button(d, '保存').click();
  await d.waitFor({ state: 'hidden' });
}
