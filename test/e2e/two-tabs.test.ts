import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserPerTest } from '../support/browser';
import { button } from '../support/ui';
import { createCase, openSection, waitSaved } from '../support/workbench';

const session = browserPerTest();

/** The text of every stored turn of every interview, straight from IndexedDB. */
async function storedTurns(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('xuncha-workbench');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const req = open.result.transaction('interviews').objectStore('interviews').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(
              (req.result as { turns: { text: string }[] }[]).flatMap((r) =>
                r.turns.map((t) => t.text),
              ),
            );
          };
        };
      }),
  );
}

describe('two tabs on one record (browser build)', () => {
  it('merge what each typed into a different turn, and each tab shows the other’s text', async () => {
    const { context, page: first } = session();
    await createCase(first);
    await openSection(first, '谈话记录');
    await button(first, '新建谈话记录').click();
    await first.getByLabel('姓名').first().fill('王某');
    await button(first, '添加“问”').click();
    await first.keyboard.type('问一');
    await first.keyboard.press('Control+Enter');
    await first.keyboard.type('答一');
    await waitSaved(first);

    const second = await context.newPage();
    await second.goto(first.url());
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
    await first.reload();
    await expect.poll(() => turnsOf(first).nth(0).inputValue()).toBe('问一：公务用车谁管？');
    await expect.poll(() => turnsOf(first).nth(1).inputValue()).toBe('答一：办公室统一派车。');
  });
});
