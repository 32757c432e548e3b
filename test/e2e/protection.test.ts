// Protection at rest (issue 16), tried as a thief and as a colleague at an unattended laptop.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserPerTest, openBrowser } from '../support/browser';
import { button } from '../support/ui';
import { createCase, openSection, typeInterview, waitSaved } from '../support/workbench';
import { inject } from 'vitest';
import {
  E2E_PASSPHRASE,
  enterApp,
  reloadApp,
  sealedStore,
  withSealedStore,
} from '../support/unlock';
import { caseIdOf } from '../support/seedCase';

const session = browserPerTest(async ({ page }) => {
  await createCase(page, '某县住建局党组'); // 张三, 组长
});

const QUESTION = '你是否知道工程款被挪作他用？';
const ANSWER = '知道，二〇二五年三月挪用了八十万元用于装修办公楼。';

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('protection at rest', () => {
  it('leaves nothing a thief can read in the profile: no text, no image, no unsaved typing', async () => {
    const { page, context, profile } = session();
    const caseId = caseIdOf(page);
    // Rows are sealed by libsodium, which the app's own policy lets compile (and nothing else).
    const sodium = await page.evaluate(async () => ({
      loaded: performance
        .getEntriesByType('resource')
        .some((r) => r.name.includes('/libsodium-wrappers')),
      compiles: await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
        () => true,
        () => false,
      ),
    }));
    expect(sodium).toEqual({ loaded: true, compiles: true });
    await typeInterview(page, QUESTION, ANSWER);
    await waitSaved(page);
    const photo = readFileSync(path.resolve('test/fixtures/site-photo.png'));
    await page
      .getByTestId('attachment-input')
      .setInputFiles(path.resolve('test/fixtures/site-photo.png'));
    await page.getByTestId('attachment-card').waitFor();
    await waitSaved(page);
    // Typing not yet saved sits in the journal (localStorage and IndexedDB) when the laptop goes.
    const UNSAVED = '尚未保存的补充：还有一笔五十万元的工程款去向不明';
    await page.getByTestId('turn').nth(1).locator('textarea').click();
    await page.keyboard.press('End');
    await page.keyboard.type(UNSAVED.slice(0, 8));
    await context.close(); // the laptop is shut; what is on disk is what a thief gets

    const files = filesUnder(profile).filter((f) =>
      /IndexedDB|Local Storage|Session Storage/.test(f),
    );
    const disk = Buffer.concat(files.map((f) => readFileSync(f)));
    expect(files.some((f) => f.includes('.indexeddb.leveldb'))).toBe(true);
    // What indexes need is there in the clear: the check can find what is there.
    expect(disk.includes(Buffer.from(caseId, 'latin1'))).toBe(true);
    for (const text of [QUESTION, ANSWER, UNSAVED.slice(0, 8), '某县住建局党组', '张三', '王某']) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        expect(disk.includes(Buffer.from(text, encoding)), `${text} (${encoding})`).toBe(false);
      }
    }
    for (const at of [100, Math.floor(photo.length / 2), photo.length - 80]) {
      expect(disk.includes(photo.subarray(at, at + 48)), `image bytes at ${at}`).toBe(false);
    }
  });

  it('locks after the idle time: nothing of the record on screen, all of it back after unlock', async () => {
    const { page } = session();
    await page.evaluate(() => localStorage.setItem('xuncha:idleLockMs', '3000'));
    await reloadApp(page); // the idle time is read as the app opens
    await typeInterview(page, QUESTION, ANSWER);
    const where = page.url();
    // No waiting for the save: the lock itself saves what is being typed.
    await page.getByTestId('lock-screen').waitFor({ timeout: 20_000 });
    const html = await page.content();
    for (const text of [QUESTION, ANSWER, '王某', '某县住建局党组'])
      expect(html).not.toContain(text);
    expect(await page.evaluate(() => document.querySelectorAll('textarea').length)).toBe(0);

    await enterApp(page);
    expect(page.url()).toBe(where);
    const turns = page.getByTestId('turn');
    await expect.poll(() => turns.count()).toBe(2);
    expect(await turns.nth(1).locator('textarea').inputValue()).toBe(ANSWER);
  });

  it('locks at the 锁定 button and at Ctrl+L', async () => {
    const { page } = session();
    await openSection(page, '谈话记录');
    const search = page.getByTestId('search-box').locator('input');
    await search.fill('住建局工程款');
    await button(page, '锁定').click();
    await page.getByTestId('lock-screen').waitFor();
    await enterApp(page);
    await page.getByTestId('case-title').waitFor();
    expect(await search.inputValue()).toBe(''); // what was searched for is not kept
    await page.keyboard.press('Control+L');
    await page.getByTestId('lock-screen').waitFor();
  });

  it('refuses a wrong passphrase beside the field, and an empty one, without opening anything', async () => {
    const { page } = session();
    await page.reload();
    const lock = page.getByTestId('lock-screen');
    await lock.waitFor();
    const field = lock.getByLabel('开机口令', { exact: true });
    await button(lock, '解锁').click();
    await expect.poll(() => lock.textContent()).toContain('请输入开机口令');
    await field.fill(`${E2E_PASSPHRASE}错`);
    await button(lock, '解锁').click();
    await expect.poll(() => lock.textContent()).toContain('口令不对');
    await expect.poll(() => lock.textContent()).toContain('已连续输错 1 次');
    expect(await page.getByTestId('case-title').count()).toBe(0);
    await field.fill('x'.repeat(1000));
    await button(lock, '解锁').click();
    await expect.poll(() => lock.textContent()).toContain('已连续输错 2 次');
    await enterApp(page);
    await page.getByTestId('case-title').waitFor();
  });

  it('recovers a forgotten passphrase with the 组长 recovery key, and with nothing else', async () => {
    const { page, context } = session();
    // Saving goes to the browser's downloads (no save picker), which the test can read.
    await context.addInitScript(() =>
      Object.defineProperty(window, 'showSaveFilePicker', { value: undefined }),
    );
    await reloadApp(page);
    await openSection(page, '巡察组成员');
    await button(page, '导出组长恢复密钥').click();
    const download = page.waitForEvent('download');
    await button(page, '确定').click();
    const file = readFileSync(await (await download).path(), 'utf8');
    expect(file).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+$/m);
    await expect
      .poll(() => page.getByTestId('recovery-export').textContent())
      .toContain('组长恢复密钥');

    await button(page, '锁定').click(); // the keys are escrowed as the app locks
    const lock = page.getByTestId('lock-screen');
    await lock.waitFor();
    await lock.getByRole('button', { name: '忘记口令？用组长恢复密钥恢复' }).click();
    const NEW = '新口令 第二巡察组 2027';
    await lock.getByLabel('新的开机口令').fill(NEW);
    await lock.getByLabel('再次输入口令').fill(NEW);
    // Someone else's key (well formed) opens nothing, and changes nothing.
    await lock.getByLabel('组长恢复密钥').fill(`AGE-SECRET-KEY-1${'Q'.repeat(58)}`);
    await button(lock, '恢复并设置新口令').click();
    await expect.poll(() => lock.textContent()).toContain('未作任何改动');
    await lock.getByLabel('组长恢复密钥').fill(file);
    await button(lock, '恢复并设置新口令').click();
    await lock.waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByTestId('case-title').waitFor();

    // The old passphrase is gone; the new one opens the same case.
    await page.reload();
    await lock.waitFor();
    await lock.getByLabel('开机口令', { exact: true }).fill(E2E_PASSPHRASE);
    await button(lock, '解锁').click();
    await expect.poll(() => lock.textContent()).toContain('口令不对');
    await enterApp(page, NEW);
    expect(await page.getByTestId('case-title').textContent()).toContain('某县住建局党组');
  });

  it('seals a laptop’s data from before encryption at the first unlock, and it all reads as before', async () => {
    const before = await openBrowser();
    try {
      const { page } = before;
      await page.goto(inject('baseUrl'));
      await page.getByTestId('lock-screen').waitFor(); // nothing opened yet
      await withSealedStore(page);
      const UNIT = '某县水利局党组';
      const PLACE = '水利局五楼小会议室';
      // Written by the app before this one: its schema version is the one before the audit log.
      await page.evaluate(([u, p]) => window.__sealedStore!.seedPlain(u, p, 10), [
        UNIT,
        PLACE,
      ] as const);
      const plainOnDisk = await sealedStore(page, 'rawText');
      expect(plainOnDisk, 'the old app’s rows are in the clear').toContain(PLACE);

      await enterApp(page); // the first passphrase; the rows are sealed in a worker
      await page.getByText(UNIT).first().waitFor();
      expect(await sealedStore(page, 'rawText')).not.toContain(PLACE);
      await page.getByText(UNIT).first().click();
      await page.getByTestId('case-title').waitFor();
      await openSection(page, '谈话记录');
      await page.locator('.ant-table-row').first().click();
      await expect.poll(() => page.getByLabel('谈话地点').inputValue()).toBe(PLACE);

      // Before the upgrade touched it, the case was kept as a snapshot, which opens whole.
      await page.evaluate(() => (window.location.hash = '#/backups'));
      const row = page.locator('.ant-table-tbody tr.ant-table-row').first();
      await expect.poll(() => row.innerText()).toMatch(/某县水利局党组[\s\S]*升级前[\s\S]*谈话 1/);
      await row.getByTestId('verify-snapshot').click();
      await expect.poll(() => row.getByTestId('snapshot-state').innerText()).toBe('完好');
    } finally {
      await before.close();
    }
  });
});
