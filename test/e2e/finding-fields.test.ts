import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chineseDate, localIsoDate } from '../../shared/domain/dates';
import { browserPerTest } from '../support/browser';
import { caseIdOf } from '../support/seedCase';
import { button, field, storedRows } from '../support/ui';
import { createCase, openSection, typeInterview, waitSaved } from '../support/workbench';
import { reloadApp, sealedStore, visit } from '../support/unlock';

const session = browserPerTest(async ({ page }) => {
  await createCase(page, undefined, false); // 张三, 组长; 轮次 and 巡察组 left blank
});

const BASIS = [
  '《中国共产党纪律处分条例》第一百零八条',
  '《党政机关厉行节约反对浪费条例》第二十七条',
];

/**
 * Gives the open case its list of 定性依据. The page that edits the list is not built yet, so
 * the list is put into the stored case as a package from the 组长 would bring it, and the page
 * is reloaded, as it would be the next morning.
 */
async function keepBasisList(page: Page, list: readonly string[]) {
  await sealedStore(page, 'patch', 'cases', caseIdOf(page), { basisList: list });
  await reloadApp(page);
  await page.getByTestId('case-title').waitFor();
}

async function newFinding(page: Page, title: string) {
  await openSection(page, '问题与线索');
  await button(page, '新建问题').click();
  await page.getByTestId('finding-title').waitFor();
  await page.getByLabel('问题标题').fill(title);
}

const checkbox = (page: Page, name: string) => page.getByRole('checkbox', { name });

describe('a finding qualified', () => {
  it('keeps its 定性依据 (typed, and one inserted from the case’s list), 责任指向 and 立行立改 over a reload', async () => {
    const { page } = session();
    await keepBasisList(page, BASIS);
    await newFinding(page, '局机关私车公养');

    const basis = page.getByLabel('定性依据', { exact: true });
    await basis.click();
    await page.keyboard.type('上述问题违反了');
    await page.getByLabel('从本任务的定性依据清单插入').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '第一百零八条' })
      .click();
    await expect.poll(() => basis.inputValue()).toBe(`上述问题违反了${BASIS[0]}`);
    // The caret is back in the text, after what was inserted: typing goes on from there.
    await page.keyboard.type('的规定。');
    const written = `上述问题违反了${BASIS[0]}的规定。`;
    await expect.poll(() => basis.inputValue()).toBe(written);

    await checkbox(page, '主体责任').check();
    await checkbox(page, '监督责任').check();
    await checkbox(page, '立行立改').check();
    await waitSaved(page);

    await reloadApp(page);
    await page.getByTestId('finding-title').waitFor();
    await expect.poll(() => basis.inputValue()).toBe(written);
    const ticked = [];
    for (const name of ['主体责任', '第一责任人责任', '主要领导责任', '监督责任', '直接责任']) {
      if (await checkbox(page, name).isChecked()) ticked.push(name);
    }
    expect(ticked).toEqual(['主体责任', '监督责任']);
    expect(await checkbox(page, '立行立改').isChecked()).toBe(true);

    // A rule chosen before the caret was ever put in the text goes at its end, on a line of
    // its own after a finished sentence.
    await page.getByLabel('从本任务的定性依据清单插入').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '第二十七条' })
      .click();
    await expect.poll(() => basis.inputValue()).toBe(`${written}\n${BASIS[1]}`);
    expect(session().problems).toEqual([]);
  });

  it('is numbered when the 组长 confirms it, once the case names its round and team', async () => {
    const { page } = session();
    await openSection(page, '查阅资料');
    await button(page, '新建查阅资料').click();
    await page.getByLabel('资料名称').fill('2025年公务用车台账');
    await waitSaved(page);

    await newFinding(page, '局机关私车公养');
    await page.getByLabel('问题类别', { exact: true }).click();
    await page.locator('.ant-select-tree-title', { hasText: '违反中央八项规定精神' }).click();
    await page.getByLabel('添加证据').click();
    await page.locator('.ant-select-item-option', { hasText: '2025年公务用车台账' }).click();
    await expect.poll(() => page.getByTestId('evidence-item').count()).toBe(1);
    await waitSaved(page);
    const finding = page.url();

    // The case was created without 轮次 and 巡察组: the refusal says what to fill in, by 确认.
    const review = page.getByTestId('review');
    await button(review, '确认').click();
    await expect
      .poll(() => review.getByRole('alert').textContent())
      .toContain('请先在任务信息中把“轮次”写成“……第四轮”');
    expect(await page.getByTestId('finding-status').textContent()).toBe('草稿');
    expect(await page.getByTestId('draft-no').count()).toBe(0);

    await openSection(page, '概览');
    await button(page, '编辑').click();
    const dialog = page.getByRole('dialog');
    await field(dialog, '巡察组').locator('input').fill('县委第三巡察组');
    await field(dialog, '轮次').locator('input').fill('十五届县委第四轮');
    await button(dialog, '保存').click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    await visit(page, finding);
    await button(review, '确认').click();
    await expect.poll(() => page.getByTestId('finding-status').textContent()).toBe('已确认');
    await expect
      .poll(() => page.getByTestId('draft-no').textContent())
      .toBe('底稿编号：[2026]4巡-3组-01号');
    // The 组长's own confirmation is not announced as someone else's change.
    expect(await page.getByText('这条记录刚在另一个窗口被修改').count()).toBe(0);
    expect(session().problems).toEqual([]);
  });
});

describe('a signed 笔录', () => {
  it('can no longer be typed into, and takes a 补充笔录 that survives a reload', async () => {
    const { page } = session();
    await typeInterview(page, '请介绍公务用车情况。', '存在私车公养问题。');
    await waitSaved(page);

    // Done typing: leave the answer first. A text area being typed in keeps the height it had
    // when entered (BigTextArea), and takes its own on leaving it, moving what is below it: a
    // click that leaves it lands where the button was, not where it now is.
    await page.keyboard.press('Tab');
    await button(page, '标记为已签字').click();
    await button(page.locator('.ant-popover'), '确定').click();
    await page.getByTestId('signed-notice').waitFor();
    await waitSaved(page);
    expect(await button(page, '标记为已签字').count()).toBe(0);

    // 谈话内容 takes no key, and offers no way to add or remove a turn.
    const answer = page.getByTestId('turn').nth(1).locator('textarea');
    await answer.click();
    await answer.press('End');
    await page.keyboard.type('不');
    await answer.press('Control+Enter');
    expect(await answer.inputValue()).toBe('存在私车公养问题。');
    expect(await page.getByTestId('turn').count()).toBe(2);
    expect(await button(page, '添加“答”').count()).toBe(0);
    expect(await page.getByLabel('删除此段').count()).toBe(0);
    // Nor do the other fields of the 笔录.
    expect(await page.getByLabel('谈话地点').isEditable()).toBe(false);
    expect(await page.getByLabel('姓名').first().isEditable()).toBe(false);

    await button(page, '添加补充笔录').click();
    const title = `补充笔录（${chineseDate(localIsoDate(new Date()))}）`;
    const supplement = page.getByTestId('supplement');
    await expect.poll(() => supplement.count()).toBe(1);
    expect(await supplement.textContent()).toContain(title);
    await page.keyboard.type('第2段答话中的“私车公养”应为“公车私用”。'); // the new one has the caret
    await waitSaved(page);

    await reloadApp(page);
    await page.getByTestId('signed-notice').waitFor();
    await expect
      .poll(() => page.getByLabel(title).inputValue())
      .toBe('第2段答话中的“私车公养”应为“公车私用”。');
    expect(await answer.inputValue()).toBe('存在私车公养问题。');
    const [stored] = await storedRows<{ signed: boolean; turns: { text: string }[] }>(
      page,
      'interviews',
    );
    expect(stored?.signed).toBe(true);
    expect(stored?.turns.map((t) => t.text)).toEqual([
      '请介绍公务用车情况。',
      '存在私车公养问题。',
    ]);
    expect(session().problems).toEqual([]);
  });
});
