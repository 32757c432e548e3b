// The audit log (issue 16) as the 组长 reads it: a wrong passphrase, unlocking, locking with the
// shortcut, a join package exported, a clue registered and opened, each on the 审计日志 page.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserPerTest } from '../support/browser';
import { button } from '../support/ui';
import { addMember, createCase, openSection } from '../support/workbench';
import { enterApp, reloadApp } from '../support/unlock';

const session = browserPerTest(async ({ page, context }) => {
  // No save dialog, as in a browser without one: packages go to downloads.
  await context.addInitScript(() =>
    Object.defineProperty(window, 'showSaveFilePicker', { value: undefined }),
  );
  await reloadApp(page);
  await createCase(page); // 张三, 组长
});

/** The log's rows as the page shows them, newest first. */
async function logRows(page: Page): Promise<string[]> {
  const rows = page.getByTestId('audit-log').locator('.ant-table-row');
  return (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

describe('the audit log', () => {
  it('shows the 组长 the unlocks, a wrong passphrase, the lock, an export and a clue opened', async () => {
    const { page, problems } = session();
    // The next morning: a wrong passphrase first, then the right one.
    await page.reload();
    const lock = page.getByTestId('lock-screen');
    await lock.waitFor();
    await lock.getByLabel('开机口令', { exact: true }).fill('昨天的口令');
    await lock.getByRole('button', { name: /解\s*锁/ }).click();
    await lock.getByText(/口令不对/).waitFor();
    await enterApp(page);
    // Locked with the shortcut, and unlocked again.
    await page.getByTestId('case-title').click();
    await page.keyboard.press('Control+l');
    await enterApp(page);

    // A join package for 李四, downloaded (no save dialog in this browser).
    await addMember(page, '李四');
    await openSection(page, '数据交换');
    await page.getByTestId('join-package-李四').click();
    const download = page.waitForEvent('download');
    await button(page, '口令已告知对方，导出').click();
    const file = (await download).suggestedFilename();

    // A clue registered, then opened once more.
    await openSection(page, '问题与线索');
    await page.getByRole('tab', { name: '问题线索' }).click();
    await button(page, '登记线索').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByLabel('被反映人').fill('王某某');
    await drawer.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.isVisible()).toBe(false);
    await page.getByTestId('clue-row').first().click();
    await drawer.getByLabel('被反映人').waitFor();
    await page.keyboard.press('Escape');

    await openSection(page, '审计日志');
    await page.getByTestId('audit-log').waitFor();
    await expect.poll(async () => (await logRows(page)).length).toBeGreaterThanOrEqual(8);
    const rows = await logRows(page);
    const find = (action: string) => rows.filter((r) => r.includes(action));
    expect(find('口令输错')).toHaveLength(1);
    expect(find('口令输错')[0]).toContain('解锁前输错口令 1 次');
    expect(find('输入开机口令解锁')).toHaveLength(2);
    expect(find('按 Ctrl+L')).toHaveLength(1);
    expect(find('锁定')[0]).toContain('张三');
    expect(find('导出数据包')[0]).toContain(`入组包，给 李四，文件“${file}”`);
    // Registered (before its 被反映人 was typed), opened twice (registering opens it too), once
    // each however often the drawer rendered; the typing is one edit.
    expect(find('登记线索“')).toHaveLength(1);
    expect(find('查看线索')).toHaveLength(2);
    expect(find('修改线索“王某某”')).toHaveLength(1);
    // Newest first: the clue opened last is the top row, the wrong passphrase near the bottom.
    expect(rows[0]).toContain('查看线索');
    expect(rows.findIndex((r) => r.includes('口令输错'))).toBeGreaterThan(
      rows.findIndex((r) => r.includes('按 Ctrl+L')),
    );
    expect(rows.every((r) => r.includes('本机'))).toBe(true);

    // Filtered by action.
    await page.getByLabel('全部操作').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '导出数据包' })
      .click();
    await expect.poll(async () => (await logRows(page)).length).toBe(1);
    await expect.poll(() => page.getByTestId('audit-count').innerText()).toMatch(/筛选出 1 条/);
    expect(problems).toEqual([]);
  });
});
