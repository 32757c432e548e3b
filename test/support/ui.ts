// Small steps a user takes in antd's widgets, shared by the e2e tests.
import type { Locator, Page } from 'playwright-core';
import { openedRows } from './unlock';

/**
 * A button by its text. antd puts a space between the two characters of a two-character
 * Chinese button ("保 存"), and an icon adds its own name ("plus") before the text.
 */
export const button = (page: Page | Locator, text: string) =>
  page.getByRole('button', { name: new RegExp(`(^|\\s)${[...text].join('\\s*')}\\s*$`) });

/** The form item whose label is `label`, inside `scope` (a dialog, usually). */
export const field = (scope: Locator, label: string) =>
  scope
    .locator('.ant-form-item')
    .filter({ has: scope.page().locator(`label:text-is("${label}")`) });

/** Picks an option of an antd Select by its visible text. */
export async function choose(page: Page, select: Locator, option: string) {
  await select.locator('.ant-select').first().click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

/** Types a date into an antd DatePicker the way a keyboard user does. */
export async function typeDate(input: Locator, iso: string) {
  await input.click();
  await input.fill(iso);
  await input.press('Enter');
}

/** Rows of a table, as their visible text. */
export async function rowTexts(table: Locator): Promise<string[]> {
  return table.locator('tbody tr.ant-table-row').allInnerTexts();
}

/** Counts the rows of one IndexedDB store, straight from the browser (not through the app). */
export async function storeCount(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('xuncha-workbench');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) return resolve(0);
          const req = db.transaction(name).objectStore(name).count();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
        };
      }),
    store,
  );
}

/** The length of every turn of every stored interview, read from IndexedDB behind the app. */
export async function storedTurnLengths(page: Page): Promise<number[][]> {
  const rows = await openedRows<{ turns: { text: string }[] }>(page, 'interviews');
  return rows.map((r) => r.turns.map((t) => t.text.length));
}

/** Every row of one IndexedDB store, read behind the app (opened with the test's passphrase). */
export const storedRows = openedRows;

/** Pastes `text` into the focused field as Ctrl+V does (a field's native maxlength cuts it). */
export async function paste(input: Locator, text: string) {
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.page().keyboard.insertText(text);
}
