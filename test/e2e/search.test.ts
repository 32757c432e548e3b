import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RECORD_SPECS } from '../../shared/domain/records';
import { ANY_DAY } from '../../shared/domain/dates';
import { browserPerTest } from '../support/browser';
import { button } from '../support/ui';
import { caseIdOf, seedRows, storeSeedRows } from '../support/seedCase';
import { createCase, openSection, waitSaved } from '../support/workbench';
import { reloadApp } from '../support/unlock';

const session = browserPerTest();

const results = (page: Page) => page.getByTestId('search-results');
const searchBox = (page: Page) => page.getByTestId('search-box').locator('input');
const summary = (page: Page) => page.getByTestId('search-summary').textContent();

/** A new interview of `name` with one 问 and one 答, typed as a user types them. */
async function interview(page: Page, name: string, question: string, answer: string) {
  await openSection(page, '谈话记录');
  await button(page, '新建谈话记录').click();
  await page.getByLabel('姓名').first().fill(name);
  await button(page, '添加“问”').click();
  await page.keyboard.type(question);
  await page.keyboard.press('Control+Enter');
  await page.keyboard.insertText(answer);
  await waitSaved(page);
}

describe('search on a large case', () => {
  it('answers the first query while the index is built, says so, and then answers in full', async () => {
    const { page } = session();
    await createCase(page);
    const rows = seedRows(caseIdOf(page));
    await storeSeedRows(page, rows);
    const word = '公务用车';
    const expected = rows.filter(({ kind, record }) => {
      const spec = RECORD_SPECS[kind];
      return spec.text(spec.fields(ANY_DAY).parse(record)).includes(word);
    }).length;

    // The morning after an import: the app starts on the case and the first query comes at once.
    await reloadApp(page);
    await page.getByTestId('case-title').waitFor();
    await searchBox(page).fill(word);
    await results(page).waitFor();
    expect(await results(page).getAttribute('data-complete')).toBe('false');
    expect(await page.getByTestId('search-index-building').textContent()).toMatch(
      /^正在建立索引(，已索引 \d+ \/ 3500 条记录)?：以下结果可能不全/,
    );
    const partial = Number(/找到 (\d+)/.exec((await summary(page)) ?? '')?.[1] ?? 0);
    expect(partial).toBeLessThan(expected);

    // The answer updates by itself when the build completes.
    await expect
      .poll(() => results(page).getAttribute('data-complete'), { timeout: 60_000 })
      .toBe('true');
    expect(await summary(page)).toContain(`找到 ${expected} 条记录，显示最相关的 10 条`);
    expect(await page.getByTestId('search-index-building').count()).toBe(0);

    // A screenful of hits first; reaching the end of the list brings the next thirty.
    const hits = page.getByTestId('search-hit');
    expect(await hits.count()).toBe(10);
    await page.getByTestId('search-more').scrollIntoViewIfNeeded();
    await expect.poll(() => hits.count()).toBe(Math.min(40, expected));
    expect(await summary(page)).toContain(`显示最相关的 ${Math.min(40, expected)} 条`);

    // A word typed into a record a moment ago is found by the next query.
    await searchBox(page).fill('');
    await interview(page, '赵某', '锅炉房的情况？', '去年冬天锅炉房漏水三次');
    await searchBox(page).fill('锅炉房漏水');
    await expect.poll(() => summary(page)).toContain('找到 1 条记录');
    expect(await page.getByTestId('search-hit').textContent()).toContain('赵某');
  }, 240_000); // seeding 3,500 records through the page takes a while on a busy machine
});

describe('searching while a record is open', () => {
  it('keeps the record under the results: clearing the box brings it back as it was', async () => {
    const { page } = session();
    await createCase(page);
    await interview(page, '周某', '车辆管理？', '有一辆车长期停在家中。');
    const answer = page.getByTestId('turn').nth(1).locator('textarea');
    await answer.click();
    await page.keyboard.press('Control+End');
    const unsaved = '司机说是领导安排的';
    await page.keyboard.type(unsaved);

    // At once, before the autosave: what was typed is neither lost nor saved twice.
    await searchBox(page).fill('停在家中');
    await expect.poll(() => summary(page)).toContain('找到 1 条记录');
    expect(await page.getByTestId('record-title').isVisible()).toBe(false);

    await searchBox(page).fill('');
    expect(await results(page).count()).toBe(0);
    expect(await answer.isVisible()).toBe(true);
    expect(await answer.inputValue()).toBe(`有一辆车长期停在家中。${unsaved}`);
    await waitSaved(page);
    await reloadApp(page);
    await expect
      .poll(() => page.getByTestId('turn').nth(1).locator('textarea').inputValue())
      .toBe(`有一辆车长期停在家中。${unsaved}`);
  });
});

describe('moving through search results', () => {
  it('↑/↓ and Enter open a hit at its match, selected; 返回 brings back the same results', async () => {
    const { page } = session();
    await createCase(page);
    const filler = Array.from({ length: 60 }, (_, i) => `第${i + 1}行，与本题无关的陈述。`);
    await interview(page, '钱某', '食堂的账目？', '食堂账目由办公室管理，违规宴请没有听说。');
    await interview(
      page,
      '孙某',
      '其他情况？',
      [...filler, '另外，去年有违规宴请的情况。'].join('\n'),
    );
    await interview(page, '李某', '有无其他问题？', '没有了。');

    const box = searchBox(page);
    await box.fill('违规宴请');
    await expect.poll(() => summary(page)).toContain('找到 2 条记录');
    const hits = page.getByTestId('search-hit');
    expect(await hits.nth(0).getAttribute('aria-selected')).toBe('true');

    await box.press('ArrowDown');
    expect(await hits.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await hits.nth(0).getAttribute('aria-selected')).toBe('false');
    expect(await box.getAttribute('aria-activedescendant')).toBe(
      await hits.nth(1).getAttribute('id'),
    );
    await box.press('ArrowUp');
    await box.press('ArrowDown');
    const chosen = (await hits.nth(1).textContent()) ?? '';
    const name = chosen.includes('孙某') ? '孙某' : '钱某';

    await box.press('Enter');
    await expect.poll(() => page.getByTestId('record-title').textContent()).toContain(name);
    // The answer holding the match has the focus, with the match selected, and is in view.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const area = document.activeElement;
          if (!(area instanceof HTMLTextAreaElement)) return null;
          const box = area.getBoundingClientRect();
          return {
            selected: area.value.slice(area.selectionStart, area.selectionEnd),
            inView: box.top < window.innerHeight && box.bottom > 0,
          };
        }),
      )
      .toEqual({ selected: '违规宴请', inView: true });
    if (name === '孙某') {
      // Past the text area's own 24 rows: it scrolled itself to the match.
      expect(await page.evaluate(() => document.activeElement!.scrollTop)).toBeGreaterThan(0);
    }
    expect(await box.inputValue()).toBe('');

    await button(page, '返回搜索结果').click();
    expect(await box.inputValue()).toBe('违规宴请');
    await expect.poll(() => summary(page)).toContain('找到 2 条记录');
    expect(await hits.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await hits.nth(1).textContent()).toBe(chosen);
  });
});
