/**
 * A full disk under a running app. The browser's profile lives on a small tmpfs (see
 * smallDisk.ts) and the test fills that filesystem from Node while the user keeps typing.
 *
 * What Chromium 156 does (measured while writing this test):
 * - the IndexedDB write fails with `UnknownError … FILE_ERROR_NO_SPACE`, Chromium closes the
 *   connection (`InvalidStateError … connection is closing`), and every reopen fails
 *   (`UnknownError: Internal error opening backing store`) until there is room again. Dexie then
 *   stays closed for good (it remembers the failed open) unless the app reopens it.
 * - navigator.storage.estimate() reports usage + 1 GiB (10 GiB on a normal disk) throughout.
 * - localStorage.setItem never throws: the journal is kept in memory and written to disk later;
 *   that write fails silently, and what was journalled while full was gone after a restart in
 *   most runs. Nothing typed while the disk is full survives closing the window.
 * - the failed write leaves half a record at the end of LevelDB's log. Chromium reopens the
 *   database reusing that log and appends after it, and at the next start reports "checksum
 *   mismatch" and deletes the origin's whole IndexedDB ("recovering from a corrupted (and
 *   deleted) database"). Creating and deleting a throwaway database after the failure makes
 *   Chromium compact and start a fresh log, and then everything survives.
 *
 * No cheaper stand-in: DevTools' Storage.overrideQuotaForOrigin shows in neither estimate()
 * (static quota) nor small IndexedDB writes (400 writes of 6 KB passed a 64 KB quota).
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium';
import { openSmallDisk, probeSmallDisk, type SmallDisk } from '../support/smallDisk';
import { button } from '../support/ui';
import { createCase, openSection, waitSaved } from '../support/workbench';
import { openedLocalValues, openedRows, visit } from '../support/unlock';

const probe = probeSmallDisk();
const noDisk = 'reason' in probe ? probe.reason : null;
if (noDisk) console.warn(`full-disk e2e: small-disk tests skipped: ${noDisk}`);
const onSmallDisk = (name: string) => (noDisk ? `${name} — skipped: ${noDisk}` : name);

/** Room for Chromium's own files (about 3 MB) and ours; filled in a blink. */
const DISK_MB = 64;
const UNIT = '某县交通运输局党组';
const QUESTION = '你单位公务用车管理情况如何？';
const BEFORE = '基本规范。';
/** Typed while there is no room: long enough for several autosaves to fail. */
const DURING = '但存在私车公养的情况，二〇二四年有三辆车的维修费由下属单位报销，'.repeat(6);
const AFTER = '详见车辆台账。';

/** English a user must never be shown. */
const ENGLISH_ERROR = /[A-Za-z]*Error|FILE_ERROR|Failed to|IO error|backing store/;

/** A browser whose profile is on the small disk; relaunching reuses the profile. */
async function launchOn(disk: SmallDisk): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(disk.profile, {
    executablePath: disk.executablePath,
    args: [...CHROMIUM_ARGS],
    headless: true,
    viewport: { width: 1360, height: 860 },
    locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const said: string[] = [];
  page.on('console', (m) => m.type() !== 'log' && said.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => said.push(`pageerror: ${e.message}`));
  consoleOf.set(page, said);
  return { context, page };
}

/** What each page launched here wrote to its console, other than logs. */
const consoleOf = new WeakMap<Page, string[]>();

/**
 * Waits up to 30 s for the case list after a restart; when it does not come, fails saying what
 * the page showed instead and what it wrote to its console (how a database lost at a restart
 * was found: see renderer/db/schema.ts, version 12).
 */
async function caseListShown(page: Page): Promise<void> {
  try {
    await page.getByText(UNIT).first().waitFor({ timeout: 30_000 });
  } catch (error) {
    const shown = await page
      .locator('body')
      .innerText()
      .catch(() => '(unreadable)');
    throw new Error(
      `${(error as Error).message}\nat ${page.url()} the page showed: ${shown.slice(0, 1500)}` +
        `\nconsole: ${(consoleOf.get(page) ?? []).join('\n').slice(0, 3000)}`,
      { cause: error },
    );
  }
}

/** A case and an interview with one question and the start of its answer, saved. */
async function startInterview(page: Page): Promise<string> {
  await visit(page, inject('baseUrl'));
  await createCase(page, UNIT);
  await openSection(page, '谈话记录');
  await button(page, '新建谈话记录').click();
  await page.getByLabel('姓名').first().fill('王某');
  await button(page, '添加“问”').click();
  await page.keyboard.type(QUESTION);
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type(BEFORE);
  await waitSaved(page);
  // The test's own reader opens its connections now: a full disk refuses new ones.
  await openedLocalValues(page);
  return page.url(); // the record's address: the hash route survives a restart
}

/** Types like a person taking notes: a few characters, a pause, so autosaves run meanwhile. */
async function typeSlowly(page: Page, text: string) {
  for (const piece of text.match(/.{1,12}/gu) ?? []) {
    await page.keyboard.type(piece);
    await page.waitForTimeout(150);
  }
}

/**
 * Types `text`, and more of it while the saves still find room (for 30 s at most): a full disk
 * may take a few more saves, into space the browser itself freed (its database compacts) before
 * the filler takes that too. What was typed.
 */
async function typeUntilRefused(page: Page, text: string): Promise<string> {
  let typed = text;
  await typeSlowly(page, text);
  for (const until = Date.now() + 30_000; Date.now() < until;) {
    if ((await statusText(page)).includes('未保存')) break;
    const more = text.slice(0, 12);
    await typeSlowly(page, more);
    typed += more;
  }
  return typed;
}

const answer = (page: Page) => page.getByTestId('turn').nth(1).locator('textarea');
/** The save indicator's text; when there is none, what the page shows instead (for the report). */
const statusText = async (page: Page) => {
  const indicator = page.getByTestId('save-status');
  if ((await indicator.count()) === 0) {
    return `[no indicator] ${(await page.locator('body').innerText()).slice(0, 300)}`;
  }
  return (await indicator.textContent()) ?? '';
};
const warningText = async (page: Page) =>
  (await page.getByTestId('storage-warning').allTextContents()).join(' ');
const wrongPage = (page: Page) => page.getByText('找不到').count();

/**
 * Waits until `read()` satisfies `ok` (or `ms` pass) and returns the last value, for a soft
 * expectation: one run then lists every broken promise, not just the first.
 */
async function settle<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000) {
  const until = Date.now() + ms;
  let value = await read();
  while (!ok(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}

/** Every 问/答 text of every stored interview, read from IndexedDB behind the app. */
async function storedTurnTexts(page: Page): Promise<string[][]> {
  const rows = await openedRows<{ turns: { text: string }[] }>(page, 'interviews');
  return rows.map((r) => r.turns.map((t) => t.text));
}

/** Whether any localStorage entry (the journal, opened) holds `text`. */
async function journalHolds(page: Page, text: string): Promise<boolean> {
  return (await openedLocalValues(page)).some((value) => value.includes(text));
}

/** What the user must see while a save fails for lack of room. */
async function expectNotSavedForLackOfRoom(page: Page, typed: string) {
  const status = await settle(
    () => statusText(page),
    (t) => t.includes('未保存'),
  );
  expect.soft(status, 'the indicator says 未保存').toContain('未保存');
  expect.soft(status, 'and why, naming the lack of room').toContain('空间');
  expect.soft(status, 'in Chinese only').not.toMatch(ENGLISH_ERROR);
  const warning = await settle(
    () => warningText(page),
    (t) => t.length > 0,
  );
  expect.soft(warning, 'a storage warning names the lack of room').toContain('空间');
  expect.soft(warning, 'in Chinese only').not.toMatch(ENGLISH_ERROR);
  expect.soft(await wrongPage(page), 'the record stays on screen').toBe(0);
  expect(await answer(page).inputValue(), 'every typed word stays on screen').toBe(typed);
}

/** What the user must see once there is room again, without a click or a keystroke. */
async function expectSavedByItself(page: Page, typed: string) {
  const status = await settle(
    () => statusText(page),
    (t) => t.includes('已保存'),
    10_000,
  );
  expect.soft(status, 'saved again by itself within 10 s').toContain('已保存');
  const warning = await settle(
    () => warningText(page),
    (t) => t.length === 0,
  );
  expect.soft(warning, 'the storage warning goes away').toBe('');
  expect
    .soft(await storedTurnTexts(page), 'IndexedDB holds the whole answer')
    .toEqual([[QUESTION, typed]]);
  expect.soft(await wrongPage(page), 'never a wrong page').toBe(0);
}

/**
 * Waits for the interview's turns after a restart. A loaded machine can take long to start
 * Chromium and open the database; when they never come, the page's own words say why (a
 * database gone, an error shown) in the failure.
 */
async function recordShown(page: Page) {
  try {
    await page.getByTestId('turns').waitFor({ timeout: 30_000 });
  } catch (error) {
    const text = await page
      .locator('body')
      .innerText()
      .catch(() => '(no page)');
    throw new Error(`${(error as Error).message}\npage shows: ${text.slice(0, 500)}`, {
      cause: error,
    });
  }
}

describe('a full disk', () => {
  let disk: SmallDisk | undefined;
  let context: BrowserContext | undefined;
  let keepFull: ReturnType<typeof setInterval> | undefined;

  /** The disk fills up (another program, a big download) and stays full. */
  const fillAndKeepFull = (d: SmallDisk) => {
    d.fill(0);
    keepFull = setInterval(() => d.fill(0), 50);
  };
  const release = (d: SmallDisk) => {
    clearInterval(keepFull);
    d.release();
  };

  afterEach(async () => {
    clearInterval(keepFull);
    await context?.close().catch(() => undefined);
    await disk?.dispose();
    disk = context = keepFull = undefined;
  });

  it.skipIf(noDisk !== null)(
    onSmallDisk(
      'keeps the typed text, says in Chinese why it is not saved, saves once space returns, and loses nothing over a restart',
    ),
    async () => {
      if (!('method' in probe)) return;
      disk = await openSmallDisk(probe.method, DISK_MB, CHROMIUM);
      let page: Page;
      ({ context, page } = await launchOn(disk));
      const recordUrl = await startInterview(page);

      fillAndKeepFull(disk);
      const during = await typeUntilRefused(page, DURING);
      await expectNotSavedForLackOfRoom(page, BEFORE + during);
      expect
        .soft(await journalHolds(page, BEFORE + during), 'the journal holds the text')
        .toBe(true);

      // Still typing while full: nothing is lost, the page stays.
      await page.keyboard.type(AFTER);
      expect(await answer(page).inputValue()).toBe(BEFORE + during + AFTER);
      expect.soft(await wrongPage(page)).toBe(0);

      release(disk);
      await expectSavedByItself(page, BEFORE + during + AFTER);

      // A restart on the same profile: the case and every word are there.
      await context.close();
      ({ context, page } = await launchOn(disk));
      await visit(page, inject('baseUrl'));
      await caseListShown(page);
      await visit(page, recordUrl);
      await recordShown(page);
      expect(await answer(page).inputValue()).toBe(BEFORE + during + AFTER);
      expect(await storedTurnTexts(page)).toEqual([[QUESTION, BEFORE + during + AFTER]]);
    },
    180_000,
  );

  it.skipIf(noDisk !== null)(
    onSmallDisk(
      'loses nothing that was saved when the browser is closed on a full disk, then restarted twice',
    ),
    async () => {
      if (!('method' in probe)) return;
      disk = await openSmallDisk(probe.method, DISK_MB, CHROMIUM);
      let page: Page;
      ({ context, page } = await launchOn(disk));
      const recordUrl = await startInterview(page);

      // The disk fills while typing, and the window is closed before space is freed. What was
      // typed meanwhile has nowhere to go (the warning says not to close); what was saved before
      // must survive.
      fillAndKeepFull(disk);
      await typeSlowly(page, DURING.slice(0, 48));
      await context.close();
      release(disk);

      // Space freed, the app started again: work goes on and is saved.
      ({ context, page } = await launchOn(disk));
      await visit(page, recordUrl);
      await recordShown(page);
      const kept = await answer(page).inputValue();
      expect(kept.startsWith(BEFORE), 'what was saved before the disk filled is there').toBe(true);
      await answer(page).click();
      await page.keyboard.press('End');
      await page.keyboard.type(AFTER);
      await waitSaved(page);

      // And once more: a restart must not find the database gone.
      await context.close();
      ({ context, page } = await launchOn(disk));
      await visit(page, inject('baseUrl'));
      await caseListShown(page);
      await visit(page, recordUrl);
      await recordShown(page);
      expect(await answer(page).inputValue()).toBe(kept + AFTER);
      expect(await storedTurnTexts(page)).toEqual([[QUESTION, kept + AFTER]]);
    },
    180_000,
  );

  it.skipIf(noDisk !== null)(
    onSmallDisk(
      'drops a snapshot the disk has no room for, says so, and leaves the case as it was',
    ),
    async () => {
      if (!('method' in probe)) return;
      disk = await openSmallDisk(probe.method, DISK_MB, CHROMIUM);
      let page: Page;
      ({ context, page } = await launchOn(disk));
      await startInterview(page);
      await page.evaluate(() => (window.location.hash = '#/backups'));
      await page.getByTestId('backup-page').waitFor();

      fillAndKeepFull(disk);
      await page.getByTestId('take-snapshots').click();
      const told = page.getByText(
        /^快照未能保存（磁盘空间不足），已放弃这份快照；巡察任务内容未受影响。$/,
      );
      await told.waitFor({ timeout: 30_000 });
      const kept = () =>
        page.evaluate(async () => {
          const root = await navigator.storage.getDirectory();
          const dir = await root.getDirectoryHandle('snapshots', { create: true });
          const names: string[] = [];
          for await (const n of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) {
            names.push(n);
          }
          return names;
        });
      expect(await kept()).toEqual([]); // no snapshot, whole or half, and no note
      expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(0);

      release(disk);
      expect(await storedTurnTexts(page)).toEqual([[QUESTION, BEFORE]]);
      // With room again, the next one is kept.
      await page.getByTestId('take-snapshots').click();
      await page.getByText('已保存 1 份快照').waitFor();
      expect(await kept()).toHaveLength(2); // the snapshot and its note
    },
    120_000,
  );
});
