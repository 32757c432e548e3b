/**
 * Search as a user meets it, in the real app on a large case (issue 11, B1): from a keystroke
 * in the search box to its highlighted results painted.
 *
 *   ui.search.first_query_ms   the first query, typed 2 s after the case opened (the app was
 *                              just started on a case that an import left with 3,500 records
 *                              sharing one updatedAt: test/support/seedCase.ts);
 *   ui.search.keystroke_p95_ms keystrokes afterwards, each word typed one character at a time.
 *
 * Timed inside the page: the box's value is set and an input event sent (what a keystroke does),
 * then the clock stops at the frame after the results for that exact text are shown
 * ([data-testid="search-results"] with data-query equal to it and aria-busy false).
 * `data-complete="false"` on the results means the index was still being built: the answer
 * then covers only what is indexed so far, and the UI says so.
 *
 *   npm run bench -- search-ui      (BENCH_REUSE_BUILD=1 measures the existing dist/renderer)
 */
import type { Page } from 'playwright-core';
import { createCase } from '../support/workbench';
import { caseIdOf, seedRows, storeSeedRows } from '../support/seedCase';
import { QUERY_WORDS } from './corpus';
import {
  buildRenderer,
  launchBrowser,
  newProfile,
  percentile,
  printBench,
  removeProfile,
  round,
  serveRenderer,
  sleep,
  type Figure,
} from './browser';

interface Timed {
  ms: number;
  complete: boolean;
  total: number;
}

/** Types `text` into the search box as one keystroke and times its results being painted. */
function typeAndTime(page: Page, text: string): Promise<Timed> {
  return page.evaluate(async (text) => {
    const box = document.querySelector<HTMLElement>('[data-testid="search-box"]');
    const input = box instanceof HTMLInputElement ? box : box?.querySelector('input');
    if (!input) throw new Error('no search box');
    const setValue = (value: string) =>
      Reflect.set(HTMLInputElement.prototype, 'value', value, input);
    const shown = () => {
      const results = document.querySelector<HTMLElement>('[data-testid="search-results"]');
      return results?.dataset.query === text && results.getAttribute('aria-busy') !== 'true'
        ? results
        : null;
    };
    const start = performance.now();
    setValue(text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const results = await new Promise<HTMLElement>((resolve) => {
      const now = shown();
      if (now) return resolve(now);
      const observer = new MutationObserver(() => {
        const found = shown();
        if (found) {
          observer.disconnect();
          resolve(found);
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    const ms = performance.now() - start;
    const summary = results.querySelector('[data-testid="search-summary"]')?.textContent ?? '';
    return {
      ms,
      complete: results.dataset.complete !== 'false',
      total: Number(/找到 (\d+)/.exec(summary)?.[1] ?? 0),
    };
  }, text);
}

/** Empties the search box and waits for the section to come back. */
async function clear(page: Page): Promise<void> {
  await page.evaluate(() => {
    const box = document.querySelector<HTMLElement>('[data-testid="search-box"]');
    const input = box instanceof HTMLInputElement ? box : box?.querySelector('input');
    if (!input) throw new Error('no search box');
    Reflect.set(HTMLInputElement.prototype, 'value', '', input);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.locator('[data-testid="search-results"]').waitFor({ state: 'detached' });
}

/** Waits until an answer says the index is complete (old builds never say otherwise). */
async function untilComplete(page: Page, text: string): Promise<number> {
  const start = Date.now();
  await page
    .locator(`[data-testid="search-results"][data-query="${text}"]:not([data-complete="false"])`)
    .waitFor({ timeout: 60_000 });
  return Date.now() - start;
}

async function main(): Promise<void> {
  buildRenderer();
  const server = await serveRenderer();
  const profile = newProfile('search-ui');
  const browser = await launchBrowser(profile);
  const figures: Figure[] = [];
  try {
    const { page } = browser;
    await page.goto(server.url);
    await createCase(page);
    const caseId = caseIdOf(page);
    const rows = seedRows(caseId);
    await storeSeedRows(page, rows);
    console.log(`seeded ${rows.length} records`);

    // Start afresh on the case, as the morning after an import.
    await page.reload();
    await page.getByTestId('case-title').waitFor();
    const opened = Date.now();
    await sleep(2000 - (Date.now() - opened));
    const first = await typeAndTime(page, '公务用车');
    const completeAfter = await untilComplete(page, '公务用车');
    console.log(
      `first query 2 s after opening: ${first.ms.toFixed(0)} ms, ${first.total} found, ` +
        `${first.complete ? 'index complete' : `index incomplete; complete ${completeAfter} ms later`}`,
    );
    await clear(page);

    const samples: number[] = [];
    const words = [...QUERY_WORDS.two.slice(0, 16), ...QUERY_WORDS.four.slice(0, 8)];
    for (const word of words) {
      for (let n = 1; n <= word.length; n++) {
        const timed = await typeAndTime(page, word.slice(0, n));
        samples.push(timed.ms);
      }
      await clear(page);
    }
    console.log(
      `keystrokes: ${samples.length}, median ${percentile(samples, 50).toFixed(1)} ms, ` +
        `p95 ${percentile(samples, 95).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms`,
    );
    figures.push(
      { name: 'ui.search.first_query_ms', value: round(first.ms) },
      { name: 'ui.search.first_query_complete_ms', value: round(first.ms + completeAfter) },
      { name: 'ui.search.keystroke_p50_ms', value: round(percentile(samples, 50)) },
      { name: 'ui.search.keystroke_p95_ms', value: round(percentile(samples, 95)) },
    );
    if (browser.problems.length > 0) console.log('page problems:', browser.problems);
  } finally {
    await browser.close();
    removeProfile(profile);
    await server.close();
  }
  printBench(figures);
}

main().catch((error: unknown) => {
  console.error('search-ui benchmark broke:', error);
  process.exitCode = 1;
});
