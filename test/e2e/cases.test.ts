import { describe, expect, it } from 'vitest';
import { browserPerTest } from '../support/browser';
import { button, choose, field, rowTexts, storeCount, typeDate } from '../support/ui';
import { reloadApp } from '../support/unlock';

const session = browserPerTest();

describe('a new team leader', () => {
  it('creates a case, adds two members, picks who uses the laptop, and finds it all after a reload', async () => {
    const { page } = session();
    await expect.poll(() => page.getByText('还没有巡察任务').isVisible()).toBe(true);

    await button(page, '新建巡察任务').click();
    const dialog = page.getByRole('dialog');
    await field(dialog, '被巡察单位').locator('input').fill('某县教育局党组');
    await field(dialog, '巡察组').locator('input').fill('县委第二巡察组');
    await field(dialog, '轮次').locator('input').fill('十五届县委第三轮');
    await choose(page, field(dialog, '巡察类型'), '常规巡察');
    await typeDate(dialog.getByPlaceholder('进驻日期'), '2026-11-02');
    await typeDate(dialog.getByPlaceholder('计划结束日期'), '2026-12-20');
    await field(dialog, '你的姓名').locator('input').fill('张三');
    await button(dialog, '保存').click();

    // The new case opens at once, with its creator as 组长 and current member.
    await expect.poll(() => page.getByTestId('case-title').textContent()).toBe('某县教育局党组');
    await page.getByRole('menuitem', { name: /巡察组成员/ }).click();
    const team = page.locator('.ant-card').filter({ hasText: '巡察组成员' }).locator('table');
    await expect.poll(() => rowTexts(team)).toEqual([expect.stringContaining('张三')]);

    for (const [name, role] of [
      ['李四', '组员'],
      ['王五', '副组长'],
    ] as const) {
      await button(page, '添加成员').click();
      const d = page.getByRole('dialog');
      await field(d, '姓名').locator('input').fill(name);
      await choose(page, field(d, '组内职务'), role);
      await button(d, '保存').click();
      await expect.poll(() => d.isVisible()).toBe(false);
    }
    await expect
      .poll(async () => (await rowTexts(team)).map((r) => r.split(/\s/)[0]))
      .toEqual(['张三', '王五', '李四']);

    await choose(page, page.getByTestId('current-member').locator('..'), '李四（组员）');
    await expect.poll(() => page.getByTestId('current-member').textContent()).toContain('李四');

    await reloadApp(page);
    await expect.poll(() => page.getByTestId('case-title').textContent()).toBe('某县教育局党组');
    await expect.poll(async () => (await rowTexts(team)).length).toBe(3);
    expect(await page.getByTestId('current-member').textContent()).toContain('李四（组员）');
    expect((await rowTexts(team)).find((r) => r.includes('李四'))).toContain('当前使用人');

    await button(page, '返回任务列表').click();
    await expect
      .poll(() => rowTexts(page.locator('table')))
      .toEqual([
        expect.stringMatching(
          /某县教育局党组.*县委第二巡察组.*十五届县委第三轮.*常规巡察.*2026-11-02 至 2026-12-20.*准备阶段/s,
        ),
      ]);
    expect(session().problems).toEqual([]);
  });
});

describe('bad input in the case form', () => {
  it('shows each problem by its field and saves nothing', async () => {
    const { page } = session();
    await button(page, '新建巡察任务').click();
    const dialog = page.getByRole('dialog');
    await choose(page, field(dialog, '巡察类型'), '专项巡察');
    await typeDate(dialog.getByPlaceholder('进驻日期'), '2026-11-20');
    await typeDate(dialog.getByPlaceholder('计划结束日期'), '2026-11-01');
    await field(dialog, '你的姓名').locator('input').fill('张三');
    await button(dialog, '保存').click();

    await expect
      .poll(() => field(dialog, '被巡察单位').textContent())
      .toContain('请填写被巡察单位');
    expect(await dialog.textContent()).toContain('结束日期不能早于开始日期');
    expect(await dialog.isVisible()).toBe(true);
    expect(await storeCount(page, 'cases')).toBe(0);
    expect(await storeCount(page, 'members')).toBe(0);

    // Fixing only the name still leaves the dates wrong: still nothing saved.
    await field(dialog, '被巡察单位').locator('input').fill('某县卫健局党组');
    await button(dialog, '保存').click();
    await expect.poll(() => field(dialog, '被巡察单位').textContent()).not.toContain('请填写');
    expect(await dialog.textContent()).toContain('结束日期不能早于开始日期');
    expect(await storeCount(page, 'cases')).toBe(0);

    await button(dialog, '取消').click();
    await reloadApp(page);
    await expect.poll(() => page.getByText('还没有巡察任务').isVisible()).toBe(true);
    expect(await storeCount(page, 'cases')).toBe(0);
  });
});
