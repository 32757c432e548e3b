// 备份与恢复 (issue 16): snapshots kept on the laptop, checked, found damaged, and restored
// after the database itself was lost.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserPerTest } from '../support/browser';
import { button } from '../support/ui';
import { createCase, openSection, typeInterview, waitSaved } from '../support/workbench';
import { enterApp } from '../support/unlock';

const UNIT = '某县住建局党组';
const QUESTION = '你是否知道工程款被挪作他用？';
const ANSWER = '知道，二〇二五年三月挪用了八十万元用于装修办公楼。';

const session = browserPerTest(async ({ page }) => {
  await createCase(page, UNIT);
  await typeInterview(page, QUESTION, ANSWER);
  await waitSaved(page);
});

async function openBackups(page: Page) {
  await page.evaluate(() => (window.location.hash = '#/backups'));
  await page.getByTestId('backup-page').waitFor();
}

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');

async function takeSnapshots(page: Page, expected: number) {
  await page.getByTestId('take-snapshots').click();
  await page
    .getByText(/^已保存 \d+ 份快照$/)
    .last()
    .waitFor();
  await expect.poll(() => rows(page).count()).toBe(expected);
}

/** The snapshot files in the private file system, newest first, with their sizes. */
function snapshotFiles(page: Page): Promise<{ name: string; size: number }[]> {
  return page.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('snapshots');
    const out: { name: string; size: number }[] = [];
    const handles = (dir as unknown as { values(): AsyncIterable<FileSystemFileHandle> }).values();
    for await (const h of handles) {
      if (h.name.endsWith('.xcsnap')) out.push({ name: h.name, size: (await h.getFile()).size });
    }
    return out.sort((a, b) => b.name.localeCompare(a.name));
  });
}

/** Changes a snapshot file on disk: one byte flipped in its middle, or cut to half. */
function damage(page: Page, name: string, how: 'flip' | 'cut') {
  return page.evaluate(
    async ({ name, how }) => {
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('snapshots');
      const handle = await dir.getFileHandle(name);
      const file = await handle.getFile();
      const w = await handle.createWritable({ keepExistingData: true });
      if (how === 'cut') await w.truncate(Math.floor(file.size / 2));
      else {
        const at = Math.floor(file.size / 2);
        const byte = new Uint8Array(await file.slice(at, at + 1).arrayBuffer());
        await w.write({ type: 'write', position: at, data: new Uint8Array([byte[0]! ^ 0x40]) });
      }
      await w.close();
    },
    { name, how },
  );
}

describe('备份与恢复', () => {
  it('keeps a snapshot, checks it, and restores the case from it after the database was lost', async () => {
    const { page } = session();
    await openBackups(page);
    // The browser build keeps snapshots in its private storage only, and says so.
    await expect
      .poll(() => page.getByTestId('second-folder').innerText())
      .toContain('浏览器版只把快照保存在浏览器的私有存储中');
    await takeSnapshots(page, 1);
    const row = rows(page).first();
    await expect.poll(() => row.innerText()).toMatch(/某县住建局党组[\s\S]*手动[\s\S]*谈话 1/);
    await row.getByTestId('verify-snapshot').click();
    await expect.poll(() => row.getByTestId('snapshot-state').innerText()).toBe('完好');
    const [file] = await snapshotFiles(page);
    // The file names the case and the time, nothing of what it holds.
    expect(file!.name).toMatch(/^[0-9A-Z]{26}\.\d{8}T\d{9}Z\.manual\.xcsnap$/);

    // The laptop's database is lost (a damaged profile); the keys and the snapshots remain.
    await button(page, '锁定').click();
    await page.getByTestId('lock-screen').waitFor();
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('xuncha-workbench');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(new Error(String(request.error)));
          request.onblocked = () => reject(new Error('blocked'));
        }),
    );
    await enterApp(page);
    await page.evaluate(() => (window.location.hash = '#/cases'));
    await page.getByText('还没有巡察任务。').first().waitFor();
    expect(await page.getByText(UNIT).count()).toBe(0);

    await openBackups(page);
    await expect.poll(() => rows(page).first().innerText()).toContain(UNIT);
    await rows(page).first().getByTestId('restore-snapshot').click();
    const preview = page.getByTestId('package-preview');
    await preview.waitFor();
    expect(await preview.innerText()).toContain(`本机还没有巡察任务“${UNIT}”`);
    await page.getByTestId('apply-package').click();
    await page.getByTestId('case-title').waitFor();
    await openSection(page, '谈话记录');
    await page.getByText('王某').first().click();
    await expect
      .poll(() => page.getByTestId('turn').nth(1).locator('textarea').inputValue())
      .toBe(ANSWER);
  });

  it('lists a damaged snapshot as damaged and not restorable; the others stay usable', async () => {
    const { page } = session();
    await openBackups(page);
    await takeSnapshots(page, 1);
    await takeSnapshots(page, 2);
    await takeSnapshots(page, 3);
    const [newest, middle, oldest] = await snapshotFiles(page);
    await damage(page, middle!.name, 'flip');
    await damage(page, oldest!.name, 'cut');

    // Cut short: seen at once when the list is read again.
    await page.reload();
    await enterApp(page);
    await openBackups(page);
    const state = (i: number) => rows(page).nth(i).getByTestId('snapshot-state').innerText();
    await expect.poll(() => state(2)).toBe('已损坏');
    expect(await rows(page).nth(2).getByTestId('restore-snapshot').count()).toBe(0);

    // One changed byte: found by 校验, which then takes restoring away.
    expect(await state(1)).toBe('未校验');
    await rows(page).nth(1).getByTestId('verify-snapshot').click();
    await expect.poll(() => state(1)).toBe('已损坏');
    await page.getByText('快照已损坏，不能用于恢复').waitFor();
    expect(await rows(page).nth(1).getByTestId('restore-snapshot').count()).toBe(0);

    // The newest is unaffected.
    await rows(page).nth(0).getByTestId('verify-snapshot').click();
    await expect.poll(() => state(0)).toBe('完好');
    expect((await snapshotFiles(page))[0]!.name).toBe(newest!.name);
  });

  it('drops a snapshot it cannot read a file for, keeps nothing of it, and says so', async () => {
    const { page } = session();
    // A photo of a few MiB, so the snapshot has written some of itself when it meets the damage.
    const photo = Buffer.alloc(3 * 2 ** 20);
    for (let i = 0; i < photo.length; i += 4) photo.writeUInt32LE((i * 2654435761) >>> 0, i);
    await page
      .getByTestId('attachment-input')
      .setInputFiles({ name: '现场照片.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByTestId('attachment-card').waitFor();
    await waitSaved(page);
    await openBackups(page);
    await takeSnapshots(page, 1);

    // A file's stored bytes damaged on disk: one byte flipped near the end of each.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('xuncha-workbench');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error(String(request.error)));
      });
      const all = await new Promise<{ blob: Blob }[]>((resolve) => {
        const request = db.transaction('blobs').objectStore('blobs').getAll();
        request.onsuccess = () => resolve(request.result as { blob: Blob }[]);
      });
      const damaged = await Promise.all(
        all.map(async (row) => {
          const bytes = new Uint8Array(await row.blob.arrayBuffer());
          bytes[Math.floor(bytes.length * 0.9)]! ^= 1;
          return { ...row, blob: new Blob([bytes]) };
        }),
      );
      const tx = db.transaction('blobs', 'readwrite');
      for (const row of damaged) tx.objectStore('blobs').put(row);
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    });

    await page.getByTestId('take-snapshots').click();
    await page
      .getByText(/^快照未能保存/)
      .first()
      .waitFor();
    expect(await rows(page).count()).toBe(1);
    const names = await page.evaluate(async () => {
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('snapshots');
      const out: string[] = [];
      for await (const h of (
        dir as unknown as { values(): AsyncIterable<FileSystemHandle> }
      ).values())
        out.push(h.name);
      return out;
    });
    expect(
      names.filter((n) => n.endsWith('.part')),
      'no part of it is left',
    ).toEqual([]);
    expect(names.filter((n) => n.endsWith('.xcsnap'))).toHaveLength(1);
  });
});
