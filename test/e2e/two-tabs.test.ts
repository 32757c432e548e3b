import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserPerTest } from '../support/browser';
import { button, field } from '../support/ui';
import { createCase, typeInterview, waitSaved } from '../support/workbench';
import { openedRows, reloadApp, visit } from '../support/unlock';

const session = browserPerTest();

/** The text of every stored turn of every interview, read from IndexedDB behind the app. */
async function storedTurns(page: Page): Promise<string[]> {
  const rows = await openedRows<{ turns: { text: string }[] }>(page, 'interviews');
  return rows.flatMap((r) => r.turns.map((t) => t.text));
}

describe('two tabs on one record (browser build)', () => {
  it('merge what each typed into a different turn, and each tab shows the other’s text', async () => {
    const { context, page: first } = session();
    await createCase(first);
    await typeInterview(first, '问一', '答一');
    await waitSaved(first);

    const second = await context.newPage();
    await visit(second, first.url());
    const turnsOf = (page: typeof first) => page.getByTestId('turn').locator('textarea');
    await expect.poll(() => turnsOf(second).count()).toBe(2);

    // Each tab edits its own turn: the user types in one, then switches to the other (the
    // second tab opened before the first tab's edit was saved).
    await first.bringToFront();
    await turnsOf(first).nth(0).click();
    await first.keyboard.press('End');
    await first.keyboard.type('：公务用车谁管？');
    await second.bringToFront();
    await turnsOf(second).nth(1).click();
    await second.keyboard.press('End');
    await second.keyboard.type('：办公室统一派车。');
    await waitSaved(first);
    await waitSaved(second);

    await expect
      .poll(() => storedTurns(first))
      .toEqual(['问一：公务用车谁管？', '答一：办公室统一派车。']);
    // Each tab follows the other's turn, and says the record changed elsewhere.
    await expect.poll(() => turnsOf(first).nth(1).inputValue()).toBe('答一：办公室统一派车。');
    await expect.poll(() => turnsOf(second).nth(0).inputValue()).toBe('问一：公务用车谁管？');
    await expect
      .poll(
        async () =>
          (await first.getByTestId('changed-elsewhere').count()) +
          (await second.getByTestId('changed-elsewhere').count()),
      )
      .toBeGreaterThan(0);

    // History keeps both tabs' writes.
    await reloadApp(first);
    await expect.poll(() => turnsOf(first).nth(0).inputValue()).toBe('问一：公务用车谁管？');
    await expect.poll(() => turnsOf(first).nth(1).inputValue()).toBe('答一：办公室统一派车。');
  });

  it('let a dialog opened before another tab’s change save its own field without undoing that change', async () => {
    const { context, page: first } = session();
    await createCase(first);
    const second = await context.newPage();
    await visit(second, first.url());
    await second.getByTestId('case-title').waitFor();

    // The first tab opens 编辑 and leaves it open…
    await button(first, '编辑').first().click();
    const stale = first.getByRole('dialog');
    await field(stale, '巡察组').locator('input').waitFor();
    // …while the second tab writes the notes.
    await second.bringToFront();
    await button(second, '编辑').first().click();
    const other = second.getByRole('dialog');
    await field(other, '备注').locator('textarea').fill('进驻动员会 11 月 2 日召开');
    await button(other, '保存').click();
    await expect.poll(() => other.isVisible()).toBe(false);

    await first.bringToFront();
    await field(stale, '巡察组').locator('input').fill('县委第二巡察组');
    await button(stale, '保存').click();
    await expect.poll(() => stale.isVisible()).toBe(false);

    const [stored] = await openedRows<{ teamName: string; notes: string }>(first, 'cases');
    expect(stored).toMatchObject({
      teamName: '县委第二巡察组',
      notes: '进驻动员会 11 月 2 日召开',
    });
  });

  it('stop saving, and say so, when another tab opens the data with a newer version', async () => {
    const { context, page: first } = session();
    await createCase(first);
    await typeInterview(first, '问', '答');
    await waitSaved(first);

    // A newer app in another tab upgrades the database.
    const second = await context.newPage();
    await second.goto('about:blank');
    await second.goto(new URL(first.url()).origin + '/does-not-matter.html');
    await second.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('xuncha-workbench', 1000);
          open.onupgradeneeded = () => open.result.createObjectStore('future');
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
          open.onerror = () => reject(new Error(String(open.error)));
        }),
    );

    await first.bringToFront();
    await expect.poll(() => first.getByTestId('newer-version').isVisible()).toBe(true);
    await first.getByLabel('姓名').first().fill('王某某');
    await expect.poll(() => first.getByTestId('save-status').textContent()).toMatch(/^未保存/);
    expect(await first.getByLabel('姓名').first().inputValue()).toBe('王某某');
  });
});
