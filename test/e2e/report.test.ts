/**
 * The 组长 writes the report in the app and exports it, and one interview's 笔录: the files are
 * really saved (the browser's downloads, as on a laptop without the save dialog), really opened
 * by LibreOffice, and read back as a reader would (pdftotext): headings, the 组长's words, page
 * numbers.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserPerTest } from '../support/browser';
import { button } from '../support/ui';
import { openSection, waitSaved } from '../support/workbench';
import { reloadApp } from '../support/unlock';

const work = mkdtempSync(path.join(tmpdir(), 'workbench-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const session = browserPerTest(async ({ context, page }) => {
  // No system save dialog to drive from a test: save as a browser without one does.
  await context.addInitScript(() =>
    Object.defineProperty(window, 'showSaveFilePicker', { value: undefined }),
  );
  await reloadApp(page);
});

/** Clicks an export button, keeps the downloaded file, and returns its text as LibreOffice lays it out. */
async function exported(page: Page, label: RegExp): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: label }).click();
  const file = await download;
  const saved = path.join(work, file.suggestedFilename());
  await file.saveAs(saved);
  const profile = `file://${path.join(work, 'lo-profile')}`;
  const convert = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      work,
      saved,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(convert.status, convert.stderr).toBe(0);
  const pdf = saved.replace(/\.docx$/, '.pdf');
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
  expect(readFileSync(pdf).length).toBeGreaterThan(1000);
  return { name: file.suggestedFilename(), text };
}

const BASICS = '石桥镇党委下设党支部二十一个，共有党员八百余名，班子成员九名。';
const SUGGESTIONS = '建议镇党委切实扛起全面从严治党主体责任，健全民生资金监管机制。';

describe('巡察报告', () => {
  it('the 组长 writes 基本情况 and 意见建议, exports the report and a 笔录, and both open in LibreOffice', async () => {
    const { page, problems } = session();
    await button(page, '载入示例巡察任务').click();
    await expect
      .poll(() => page.getByTestId('case-title').textContent(), { timeout: 30_000 })
      .toBe('【示例】清河县石桥镇党委');

    await openSection(page, '巡察报告');
    await page.getByLabel('基本情况').fill(BASICS);
    await page.getByLabel('意见建议').fill(SUGGESTIONS);
    await waitSaved(page);
    // What goes where, before exporting: the confirmed findings under their heading, the rest
    // left out with the reason.
    const plan = page.getByTestId('report-plan');
    await expect.poll(() => plan.textContent()).toContain('（一）群众身边腐败问题和不正之风');
    expect(await plan.getByTestId('left-out').first().textContent()).toMatch(/未经组长确认|已并入/);

    const report = await exported(page, /巡察情况报告/);
    expect(report.name).toBe('关于对【示例】清河县石桥镇党委巡察情况的报告.docx');
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe(`已交给浏览器下载：“${report.name}”`);
    const flat = report.text.replace(/\s+/g, '');
    expect(flat).toContain('关于对【示例】清河县石桥镇党委巡察情况的报告');
    for (const heading of ['一、基本情况', '二、发现的主要问题', '三、意见建议']) {
      expect(flat).toContain(heading);
    }
    expect(flat.indexOf('一、基本情况')).toBeLessThan(flat.indexOf('二、发现的主要问题'));
    expect(flat).toContain(BASICS);
    expect(flat).toContain(SUGGESTIONS);
    expect(flat).toContain('（一）群众身边腐败问题和不正之风');
    expect(report.text).toMatch(/—\s*1\s*—/);
    expect(report.text).toMatch(/—\s*2\s*—/);

    // One interview's 笔录, from its editor.
    await openSection(page, '谈话记录');
    await page.locator('.ant-table-row').first().click();
    await page.getByTestId('record-title').waitFor();
    const record = await exported(page, /导出笔录/);
    expect(record.name).toMatch(/^谈话笔录（.+）\.docx$/);
    const text = record.text.replace(/[ \t]+/g, '');
    expect(text).toContain('谈话笔录');
    expect(text).toMatch(/问：/);
    expect(text).toMatch(/答：/);
    expect(text).toContain('以上笔录我已看过，与我说的一致。');
    expect(text).toMatch(/第1页共\d+页/);
    expect(text).toContain('被谈话人签名：');
    expect(problems).toEqual([]);
  }, 180_000);
});
