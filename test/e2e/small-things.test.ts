// Small things a new team noticed: each one tried as they tried it.
import { describe, expect, it } from 'vitest';
import { browserPerTest } from '../support/browser';
import { button } from '../support/ui';
import { createCase, openSection, waitSaved } from '../support/workbench';
import { reloadApp } from '../support/unlock';

const session = browserPerTest(async ({ page }) => createCase(page));

describe('small things', () => {
  it('start and open a record without breaking the Content-Security-Policy', async () => {
    const { page, context } = session();
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await reloadApp(page);
    await openSection(page, '谈话记录');
    await button(page, '新建谈话记录').click();
    await waitSaved(page);
    await page.getByLabel('谈话地点').fill('会议室');
    await waitSaved(page);
    expect(
      await page.evaluate(() => (window as unknown as { violations: string[] }).violations),
    ).toEqual([]);
  });

  it('keep a long unit name on one line, the search box beside it', async () => {
    const { page } = session();
    await button(page, '返回任务列表').click();
    const long =
      '中共某某省某某市某某县农业农村局党组暨县乡村振兴局党组（县农村经营管理站、县种子管理站）';
    await createCase(page, long);
    const title = await page.getByTestId('case-title').boundingBox();
    const search = await page.getByTestId('search-box').boundingBox();
    const width = page.viewportSize()!.width;
    expect(title!.height).toBeLessThan(48); // one line
    expect(title!.x + title!.width).toBeLessThanOrEqual(search!.x);
    expect(search!.x + search!.width).toBeLessThanOrEqual(width);
    await page.getByTestId('case-title').hover(); // the whole name, on hover
    await expect.poll(() => page.locator('.ant-tooltip:visible').textContent()).toBe(long);
  });

  it('clear the 退回 comment once sent, and speak of no 确认 for a clue without evidence', async () => {
    const { page } = session();
    await openSection(page, '问题与线索');
    await button(page, '新建问题').click();
    await page.getByLabel('问题标题').fill('食堂营养餐账目不公开');
    await waitSaved(page);
    await button(page, '提交审核').click();
    await expect.poll(() => page.getByTestId('finding-status').textContent()).toBe('待组长审核');
    const comment = page.getByPlaceholder('审核意见（退回时必填）');
    await comment.fill('请补充食堂账目的照片');
    await button(page, '退回').click();
    await expect.poll(() => page.getByTestId('finding-status').textContent()).toBe('退回');
    expect(await comment.inputValue()).toBe('');

    await openSection(page, '问题与线索');
    await page.getByRole('tab', { name: '问题线索' }).click();
    await button(page, '登记线索').click();
    const evidence = page.locator('.ant-drawer').getByTestId('evidence');
    await expect.poll(() => evidence.textContent()).toContain('还没有关联证据');
    expect(await evidence.textContent()).not.toContain('确认');
  });

  it('say that a .png which is not an image cannot be shown, and show hidden characters in its name', async () => {
    const { page } = session();
    await openSection(page, '实地走访');
    await button(page, '新建实地走访').click();
    await page.getByTestId('save-status').waitFor();
    await page.getByTestId('attachment-input').setInputFiles({
      name: '食堂\u202Egnp.exe.png',
      mimeType: 'image/png',
      buffer: Buffer.from('这不是图片，只是改了扩展名的文本。'),
    });
    const card = page.getByTestId('attachment-card');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.textContent()).toContain('食堂<U+202E>gnp.exe.png');
    expect(await card.textContent()).not.toContain('\u202E');
    await card.getByRole('button').first().click();
    await expect
      .poll(() => page.getByTestId('preview-unreadable').textContent())
      .toContain('文件的内容不是可识别的图片');
  });
});
