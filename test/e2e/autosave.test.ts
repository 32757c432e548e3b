import { describe, expect, it } from 'vitest';
import { browserPerTest } from '../support/browser';
import { button } from '../support/ui';
import { createCase, openSection } from '../support/workbench';

const session = browserPerTest();

describe('autosave', () => {
  it('keeps what was typed when the page is reloaded at once', async () => {
    const { page } = session();
    await createCase(page);
    await openSection(page, '谈话记录');
    await button(page, '新建谈话记录').click();
    await page.getByLabel('姓名').first().fill('王某');
    await button(page, '添加“问”').click();
    await page.keyboard.type('你单位公务用车管理情况如何？');
    await page.keyboard.press('Control+Enter');
    await page.keyboard.type('基本规范，但存在私车公养的情况。');
    await page.reload(); // no wait: as if the window were closed mid-sentence

    await page.getByTestId('turns').waitFor();
    const turns = page.getByTestId('turn');
    await expect.poll(() => turns.count()).toBe(2);
    expect(await turns.nth(0).locator('textarea').inputValue()).toBe(
      '你单位公务用车管理情况如何？',
    );
    expect(await turns.nth(1).locator('textarea').inputValue()).toBe(
      '基本规范，但存在私车公养的情况。',
    );
    expect(await turns.nth(1).getByTestId('turn-speaker').textContent()).toBe('答：');
    expect(await page.getByLabel('姓名').first().inputValue()).toBe('王某');
  });
});
