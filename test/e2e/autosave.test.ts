import { describe, expect, it } from 'vitest';
import { browserPerTest } from '../support/browser';
import { createCase, typeInterview } from '../support/workbench';
import { reloadApp } from '../support/unlock';

const session = browserPerTest();

describe('autosave', () => {
  it('keeps what was typed when the page is reloaded at once', async () => {
    const { page } = session();
    await createCase(page);
    await typeInterview(page, '你单位公务用车管理情况如何？', '基本规范，但存在私车公养的情况。');
    await reloadApp(page); // no wait: as if the window were closed mid-sentence

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
