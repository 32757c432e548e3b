/**
 * UI timing benchmark: the two wall-clock figures the e2e tests used to assert, measured here
 * against a baseline in the same run instead (DESIGN §7: these machines are noisy).
 *
 *   ui.list.scroll_end_ms      a list of 10,000 interviews scrolled to its last row with the
 *                              mouse wheel (turned a long way, again until that row is wholly
 *                              in view: antd's virtual list may stop short on the first turn,
 *                              before it has measured the rows), against a list of 100;
 *   ui.bigpaste.keystroke_ms   a keystroke at the end of an answer holding 10 MB of pasted text
 *                              (End, one character, the next frame), against one in an empty
 *                              answer of another interview.
 *
 * Each figure is the median of REPEATS tries after a warm-up (the first try, which is what a
 * user meets first: the table shows it, and every try). Each list, and the pair of keystroke
 * measurements, runs in a fresh browser with its own profile.
 *
 *   npm run bench -- ui-timing      (BENCH_REUSE_BUILD=1 measures the existing dist/renderer)
 *
 * UI contract: createCase/openSection (test/support/workbench.ts); the list's
 * [data-testid="record-count"] (共 N 条) and antd's virtual table (its scrolling body
 * .ant-table-tbody-virtual-holder, rows .ant-table-row, cells .ant-table-cell, the title cell
 * reading 被谈话人N); 新建谈话记录, 添加“答”, [data-testid="turn"] textarea,
 * [data-testid="folded-text"], [data-testid="save-status"] 已保存; the summaries and interviews
 * stores of IndexedDB xuncha-workbench (summaries seeded with the fields the e2e test uses).
 */
import type { Locator, Page } from 'playwright-core';
import { button } from '../support/ui';
import { createCase, openSection, waitSaved } from '../support/workbench';
import { passLockScreen } from '../support/lockScreen';
import {
  against,
  buildRenderer,
  launchBrowser,
  newProfile,
  percentile,
  printBench,
  removeProfile,
  round,
  serveRenderer,
  sleep,
  storedTurnLengths,
  type Figure,
} from './browser';

const REPEATS = 5;
const BIG_LIST = 10_000;
const SMALL_LIST = 100;
const PASTE_CHARS = 10 * 1024 * 1024;

/** Runs `measure` in a fresh browser on the app's start page, then closes it. */
async function inBrowser<T>(url: string, measure: (page: Page) => Promise<T>): Promise<T> {
  const profile = newProfile('ui-timing');
  const browser = await launchBrowser(profile);
  try {
    await browser.page.goto(url);
    await passLockScreen(browser.page);
    return await measure(browser.page);
  } finally {
    await browser.close();
    removeProfile(profile);
  }
}

interface Tries {
  /** The first try, apart: the first time is what a user meets first, but it is noisier. */
  warmUp: number;
  samples: number[];
}

/** Times `run` once to warm up, then REPEATS times, each after `reset` (not timed). */
async function tries(run: () => Promise<void>, reset: () => Promise<void>): Promise<Tries> {
  const samples: number[] = [];
  for (let i = 0; i <= REPEATS; i++) {
    await reset();
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return { warmUp: samples[0]!, samples: samples.slice(1) };
}

/** Seeds `count` interview summaries into a new case and opens its list. */
async function listOf(page: Page, count: number): Promise<void> {
  await createCase(page);
  const caseId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
  await page.evaluate(
    async ({ caseId, count }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('xuncha-workbench');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(new Error(String(open.error)));
      });
      const tx = db.transaction('summaries', 'readwrite');
      const store = tx.objectStore('summaries');
      const day = 24 * 3600 * 1000;
      for (let i = 0; i < count; i++) {
        const date = new Date(Date.UTC(2026, 10, 23) - i * day).toISOString().slice(0, 10);
        store.put({
          id: `seed-${String(i).padStart(5, '0')}`,
          caseId,
          kind: 'interviews',
          state: 'live',
          title: `被谈话人${i}`,
          date,
          subKind: 'individual',
          members: [],
          focus: [],
          tags: [],
          missing: 0,
          createdBy: '',
          updatedAt: '2026-11-23T00:00:00.000Z',
          updatedBy: '',
        });
      }
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    },
    { caseId, count },
  );
  // Written behind Dexie's back: start the app afresh so that its queries see the rows.
  await page.reload();
  await passLockScreen(page);
  await openSection(page, '谈话记录');
  await page
    .getByTestId('record-count')
    .filter({ hasText: `共 ${count} 条` })
    .waitFor();
}

/** Whether the row titled `title` is wholly inside the list's scrolled view. */
function rowInView(page: Page, title: string): Promise<boolean> {
  return page.evaluate((title) => {
    const holder = document.querySelector('.ant-table-tbody-virtual-holder');
    const row = [...document.querySelectorAll('.ant-table-row')].find((r) =>
      [...r.querySelectorAll('.ant-table-cell')].some(
        (c) => (c as HTMLElement).innerText.trim() === title,
      ),
    );
    if (!holder || !row) return false;
    const view = holder.getBoundingClientRect();
    const box = row.getBoundingClientRect();
    return box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
  }, title);
}

/** The next frame painted. */
const nextFrame = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/**
 * Turns the mouse wheel a long way (a million pixels) until the row titled `title` is in view,
 * as someone who wants the end of the list keeps turning it; returns how many turns it took.
 */
async function wheelUntil(page: Page, deltaY: number, title: string): Promise<number> {
  for (let turns = 1; turns <= 20; turns++) {
    await page.mouse.wheel(0, deltaY);
    await nextFrame(page);
    if (await rowInView(page, title)) return turns;
  }
  throw new Error(`${title} never came into view`);
}

/** Milliseconds from the first wheel turn until the list's last row is in view. */
async function scrollToEnd(page: Page, count: number): Promise<Tries & { turns: number[] }> {
  await listOf(page, count);
  await page.locator('.ant-table-tbody-virtual-holder').hover();
  const turns: number[] = [];
  const timed = await tries(
    async () => void turns.push(await wheelUntil(page, 1_000_000, `被谈话人${count - 1}`)),
    async () => {
      await wheelUntil(page, -1_000_000, '被谈话人0');
      await sleep(200);
    },
  );
  return { ...timed, turns };
}

/** Milliseconds for a keystroke at the end of a new interview's answer, after `fill` ran. */
async function keystrokes(page: Page, fill: (answer: Locator) => Promise<void>) {
  await openSection(page, '谈话记录');
  await button(page, '新建谈话记录').click();
  await page.getByTestId('save-status').waitFor();
  await button(page, '添加“答”').click();
  const answer = page.getByTestId('turn').first().locator('textarea');
  await fill(answer);
  await waitSaved(page);
  let typed = 0;
  const samples = await tries(
    async () => {
      await answer.press('End');
      await answer.pressSequentially('完');
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
      typed++;
    },
    async () => {
      await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
      await sleep(200);
    },
  );
  await waitSaved(page);
  const value = await answer.inputValue();
  if (!value.endsWith('完'.repeat(typed))) throw new Error('keystrokes did not land');
  return samples;
}

/** Pastes 10 MB into an answer as Ctrl+V would, and waits until it is folded. */
async function pasteHuge(answer: Locator): Promise<void> {
  const huge = '经查，'.repeat(Math.ceil(PASTE_CHARS / 3)).slice(0, PASTE_CHARS);
  await answer.evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, huge);
  await answer.page().getByTestId('folded-text').waitFor();
}

async function main(): Promise<void> {
  buildRenderer();
  const server = await serveRenderer();
  const figures: Figure[] = [];
  const rows: [label: string, timed: Tries, note?: string][] = [];
  try {
    const small = await inBrowser(server.url, (page) => scrollToEnd(page, SMALL_LIST));
    const big = await inBrowser(server.url, (page) => scrollToEnd(page, BIG_LIST));
    rows.push(
      [`scroll to end, ${SMALL_LIST} rows`, small, `wheel turns ${small.turns.join(' ')}`],
      [`scroll to end, ${BIG_LIST} rows`, big, `wheel turns ${big.turns.join(' ')}`],
    );
    figures.push(
      against(
        'ui.list.scroll_end_ms',
        round(percentile(big.samples, 50)),
        'ui.list100.scroll_end_ms',
        round(percentile(small.samples, 50)),
      ),
      against(
        'ui.list.first_scroll_end_ms',
        round(big.warmUp),
        'ui.list100.first_scroll_end_ms',
        round(small.warmUp),
      ),
    );

    const [empty, pasted] = await inBrowser(server.url, async (page) => {
      await createCase(page);
      const empty = await keystrokes(page, async () => undefined);
      const pasted = await keystrokes(page, pasteHuge);
      const lengths = (await storedTurnLengths(page)).map((turns) => turns[0]);
      if (!lengths.includes(PASTE_CHARS + REPEATS + 1)) {
        throw new Error(`the pasted answer was not stored whole: ${lengths.join(', ')}`);
      }
      return [empty, pasted];
    });
    rows.push(['keystroke, empty answer', empty], ['keystroke, 10 MB answer', pasted]);
    figures.push(
      against(
        'ui.bigpaste.keystroke_ms',
        round(percentile(pasted.samples, 50)),
        'ui.empty.keystroke_ms',
        round(percentile(empty.samples, 50)),
      ),
      against(
        'ui.bigpaste.first_keystroke_ms',
        round(pasted.warmUp),
        'ui.empty.first_keystroke_ms',
        round(empty.warmUp),
      ),
    );
  } finally {
    await server.close();
  }

  console.log(
    `\nui-timing benchmark (ms; the figures are medians of ${REPEATS} tries after a warm-up)`,
  );
  console.log(`  ${''.padEnd(28)} ${'median'.padStart(6)} ${'warm-up'.padStart(7)}   tries`);
  for (const [label, { warmUp, samples }, note = ''] of rows) {
    const all = samples.map((s) => s.toFixed(0).padStart(5)).join(' ');
    const median = percentile(samples, 50).toFixed(0).padStart(6);
    console.log(
      `  ${label.padEnd(28)} ${median} ${warmUp.toFixed(0).padStart(7)}  ${all}   ${note}`,
    );
  }
  console.log('');
  printBench(figures);
}

main().catch((error: unknown) => {
  console.error('ui-timing benchmark broke:', error);
  process.exitCode = 1;
});
