/**
 * A team moving its work on USB sticks, in three browser profiles (three laptops): the 组长
 * 张三, and 组员 李四 (甲) and 王五 (乙). Packages are really saved and really chosen (file
 * chooser), encrypted with each laptop's own key. The system's save dialog cannot be driven
 * from a test, so 李四's laptop answers it with a file of its own private file system (the same
 * File System Access writable a chosen file gets) and the others save as a browser without
 * that dialog does: written to the private file system, then downloaded.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium';
import { button, storedRows } from '../support/ui';
import { addMember, createCase, openSection, waitSaved } from '../support/workbench';
import { reloadApp, visit } from '../support/unlock';

const work = mkdtempSync(path.join(tmpdir(), 'workbench-packages-'));
const open: BrowserContext[] = [];
afterAll(async () => {
  for (const context of open) await context.close().catch(() => {});
  rmSync(work, { recursive: true, force: true });
});

/** Laptops whose save dialog answers with a file (see above), by page. */
const withPicker = new WeakSet<Page>();

/** A laptop: a browser profile folder of its own, opened on the app. */
async function laptop(name: string, from?: string, picker = false): Promise<Page> {
  const profile = path.join(work, name);
  // Chromium's lock files stay behind: the copy is another laptop, not the same one running.
  if (from) {
    cpSync(path.join(work, from), profile, {
      recursive: true,
      filter: (src) => !path.basename(src).startsWith('Singleton'),
    });
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS],
    headless: true,
    viewport: { width: 1360, height: 860 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  open.push(context);
  await context.addInitScript((picker) => {
    const dialog = picker
      ? async ({ suggestedName }: { suggestedName: string }) =>
          (await navigator.storage.getDirectory()).getFileHandle(`picked-${suggestedName}`, {
            create: true,
          })
      : undefined;
    Object.defineProperty(window, 'showSaveFilePicker', { value: dialog });
  }, picker);
  const page = context.pages()[0] ?? (await context.newPage());
  if (picker) withPicker.add(page);
  await visit(page, inject('baseUrl'));
  return page;
}

/** The bytes of a file in the page's private file system, as base64. */
function privateFile(page: Page, name: string): Promise<string> {
  return page.evaluate(async (name) => {
    const file = await (await navigator.storage.getDirectory()).getFileHandle(name);
    const bytes = new Uint8Array(await (await file.getFile()).arrayBuffer());
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text);
  }, name);
}

/** What is staged in the private file system: packages being opened, saves being written. */
function staged(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle('staging', { create: true });
    const names: string[] = [];
    for await (const name of (folder as unknown as { keys(): AsyncIterable<string> }).keys()) {
      names.push(name);
    }
    return names;
  });
}

async function close(page: Page) {
  await page.context().close();
}

/** Clicks what saves a package and keeps the saved file; returns its path. */
async function saveFrom(page: Page, click: () => Promise<void>): Promise<string> {
  if (withPicker.has(page)) {
    await click();
    const saved = page.getByText(/^已保存数据包“(.+)”/).last();
    await saved.waitFor();
    const name = /“(.+?)”/.exec(await saved.innerText())![1]!;
    // The name the dialog answered with: the suggested one, marked as picked.
    expect(name).toMatch(/^picked-某县教育局党组_.+_\d{8}\.xcase$/);
    const target = path.join(work, `${Date.now()}-${name}`);
    writeFileSync(target, Buffer.from(await privateFile(page, name), 'base64'));
    return target;
  }
  const download = page.waitForEvent('download');
  await click();
  const file = await download;
  const target = path.join(work, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(target);
  expect(file.suggestedFilename()).toMatch(/^某县教育局党组_.+_\d{8}\.xcase$/);
  return target;
}

/** Imports a package through the UI and applies it; returns the preview's text. */
async function importPackage(page: Page, file: string, passphrase?: string): Promise<string> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-package').click();
  await (await chooser).setFiles(file);
  if (passphrase) {
    await page.getByTestId('package-passphrase').fill(passphrase.toLowerCase()); // as typed
    await button(page.getByRole('dialog'), '打开').click();
  }
  const preview = page.getByTestId('package-preview');
  await preview.waitFor();
  const text = await preview.innerText();
  await page.getByTestId('apply-package').click();
  await page
    .getByText(/已导入并合并/)
    .first()
    .waitFor();
  // The decrypted copy is gone once the package is applied.
  await expect
    .poll(async () => (await staged(page)).filter((n) => n.includes('-open')))
    .toEqual([]);
  return text;
}

async function joinPackage(leader: Page, name: string) {
  await openSection(leader, '数据交换');
  await leader.getByTestId(`join-package-${name}`).click();
  const passphrase = (await leader.getByTestId('join-passphrase').innerText()).trim();
  expect(passphrase).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){5}$/);
  const file = await saveFrom(leader, () => button(leader, '口令已告知对方，导出').click());
  return { file, passphrase };
}

async function toLeader(page: Page) {
  await openSection(page, '数据交换');
  return saveFrom(page, () => page.getByTestId('member-package').click());
}

async function summaryFor(leader: Page, name: string) {
  await openSection(leader, '数据交换');
  return saveFrom(leader, () => leader.getByTestId(`summary-package-${name}`).click());
}

async function newInterview(page: Page, person: string, place: string) {
  await openSection(page, '谈话记录');
  await button(page, '新建谈话记录').click();
  await page.getByLabel('姓名').first().fill(person);
  await page.getByLabel('谈话地点').fill(place);
  await waitSaved(page);
}

async function newClue(page: Page, allegation: string) {
  await openSection(page, '问题与线索');
  await page.getByRole('tab', { name: '问题线索' }).click();
  await button(page, '登记线索').click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByLabel('反映的主要问题').fill(allegation);
  await drawer.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  await page.keyboard.press('Escape');
}

async function editPlace(page: Page, person: string, place: string) {
  await openSection(page, '谈话记录');
  await page.getByText(person).first().click();
  await page.getByLabel('谈话地点').fill(place);
  await waitSaved(page);
}

/** Every record of the case as stored, without this laptop's own change numbers. */
async function caseState(page: Page) {
  const out: Record<string, unknown[]> = {};
  for (const table of ['cases', 'members', 'interviews', 'clues', 'revisions']) {
    const rows = await storedRows<Record<string, unknown>>(page, table);
    out[table] = rows
      .map(({ seq: _local, ...rest }) => rest)
      .sort((a, b) => String(a.id).localeCompare(String(b.id)));
  }
  return out;
}

describe('a team moving its work on USB sticks', () => {
  it('joins, sends, merges in any order, settles a conflict, and sends the summary back', async () => {
    // The 组长 sets up the case and the team, and makes a join package for each member.
    const leader = await laptop('leader');
    await createCase(leader);
    await addMember(leader, '李四');
    await addMember(leader, '王五');
    const joinLi = await joinPackage(leader, '李四');
    const joinWang = await joinPackage(leader, '王五');
    // The join packages have left: the 组长's laptop is the 组长's from now on.
    await expect
      .poll(() => leader.getByTestId('current-member-bound').innerText())
      .toContain('张三');

    // Each member's laptop joins with the passphrase told in person, and is bound to them.
    const li = await laptop('li', undefined, true);
    const preview = await importPackage(li, joinLi.file, joinLi.passphrase);
    expect(preview).toContain('本机将作为“李四”加入');
    await expect.poll(() => li.getByTestId('current-member-bound').innerText()).toContain('李四');
    const wang = await laptop('wang');
    await importPackage(wang, joinWang.file, joinWang.passphrase);
    await expect.poll(() => wang.getByTestId('current-member-bound').innerText()).toContain('王五');

    // Each member writes an interview and a clue and sends them; the 组长 merges both.
    await newInterview(li, '赵某', '县教育局三楼会议室');
    await newClue(li, '李四登记的线索：食堂采购');
    await importPackage(leader, await toLeader(li));
    await newInterview(wang, '钱某', '城关镇政府');
    await newClue(wang, '王五登记的线索：工程款');
    await importPackage(leader, await toLeader(wang));

    // 王五's summary carries 李四's interview, not 李四's clue.
    await importPackage(wang, await summaryFor(leader, '王五'));
    await expect.poll(async () => (await storedRows(wang, 'interviews')).length).toBe(2);
    expect(JSON.stringify(await storedRows(wang, 'clues'))).not.toContain('李四登记的线索');

    // Both members change the place of the same interview without seeing each other's change.
    await editPlace(li, '赵某', '县教育局党组会议室');
    await editPlace(wang, '赵某', '县教育局档案室');
    const fromLi = await toLeader(li);
    const fromWang = await toLeader(wang);

    // A copy of the 组长's laptop imports the two packages in the other order.
    await close(leader);
    const leaderB = await laptop('leader-copy', 'leader');
    const leaderA = await laptop('leader');
    await leaderA.getByText('某县教育局党组').first().dblclick();
    await leaderB.getByText('某县教育局党组').first().dblclick();
    await openSection(leaderA, '数据交换');
    await openSection(leaderB, '数据交换');
    await importPackage(leaderA, fromLi);
    await importPackage(leaderA, fromWang);
    await importPackage(leaderB, fromWang);
    await importPackage(leaderB, fromLi);
    expect(await caseState(leaderB)).toEqual(await caseState(leaderA));

    // The record itself says one of its fields shows one of two versions.
    await openSection(leaderA, '谈话记录');
    await leaderA.getByText('赵某').first().click();
    await expect
      .poll(() => leaderA.getByTestId('record-conflict').innerText())
      .toContain('谈话地点：两台电脑在没看到对方修改时都改过');

    // The conflict is listed with both versions, who wrote them; the 组长 combines them.
    await openSection(leaderA, '数据交换');
    const conflict = leaderA.getByTestId('conflict');
    await expect.poll(() => conflict.count()).toBe(1);
    const both = await conflict.innerText();
    expect(both).toContain('谈话记录 · 赵某');
    expect(both).toContain('· 谈话地点');
    expect(both).toContain('县教育局党组会议室');
    expect(both).toContain('县教育局档案室');
    expect(both).toContain('李四');
    expect(both).toContain('王五');
    await button(conflict, '合并编辑').click();
    await leaderA.getByTestId('combined-text').fill('县教育局党组会议室（档案室隔壁）');
    await button(conflict, '保存合并结果').click();
    await expect.poll(() => conflict.count()).toBe(0);
    await openSection(leaderA, '谈话记录');
    await leaderA.getByText('赵某').first().click();
    await leaderA.getByTestId('record-title').waitFor();
    expect(await leaderA.getByTestId('record-conflict').count()).toBe(0);

    // The summary goes back to 李四: 王五's records arrive, 王五's clue does not.
    await importPackage(li, await summaryFor(leaderA, '李四'));
    await expect
      .poll(async () =>
        (await storedRows<{ place: string }>(li, 'interviews')).map((r) => r.place).sort(),
      )
      .toEqual(['县教育局党组会议室（档案室隔壁）', '城关镇政府'].sort());
    const liClues = JSON.stringify(await storedRows(li, 'clues'));
    expect(liClues).toContain('李四登记的线索');
    expect(liClues).not.toContain('王五登记的线索');
    // Nothing anyone typed is missing on the 组长's laptop.
    const all = JSON.stringify(await caseState(leaderA));
    for (const typed of [
      '赵某',
      '钱某',
      '县教育局档案室',
      '县教育局党组会议室',
      '李四登记的线索',
      '王五登记的线索',
    ]) {
      expect(all).toContain(typed);
    }
  });

  it('cancelled while it encrypts or decrypts, leaves no file, no staged copy and no change', async () => {
    const leader = await laptop('cancel-leader');
    await createCase(leader);
    await addMember(leader, '赵六');
    await openSection(leader, '数据交换');
    let downloads = 0;
    leader.on('download', () => downloads++);
    const cancelled = (page: Page) => page.getByText('已取消，未写入任何内容。').last().waitFor();

    // Export: cancelled while the passphrase is stretched (scrypt, over a second).
    await leader.getByTestId('join-package-赵六').click();
    await button(leader, '口令已告知对方，导出').click();
    await button(leader.getByRole('dialog', { name: '导出数据包' }), '取消').click();
    await cancelled(leader);
    expect(downloads).toBe(0);
    expect((await staged(leader)).filter((n) => n.includes('-save'))).toEqual([]);

    // Import: cancelled while the passphrase is stretched; the new laptop stays empty.
    const join = await joinPackage(leader, '赵六');
    const member = await laptop('cancel-member');
    const chooser = member.waitForEvent('filechooser');
    await member.getByTestId('import-package').click();
    await (await chooser).setFiles(join.file);
    await member.getByTestId('package-passphrase').fill(join.passphrase);
    await button(member.getByRole('dialog'), '打开').click();
    await button(member.getByRole('dialog'), '取消').click();
    await cancelled(member);
    await expect.poll(async () => staged(member)).toEqual([]);
    expect(await storedRows(member, 'cases')).toEqual([]);
    expect(await storedRows(member, 'members')).toEqual([]);

    // A file that is not a package: said in the dialog, which stays until closed.
    const notPackage = path.join(work, 'photo.xcase');
    writeFileSync(notPackage, Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46));
    const again = member.waitForEvent('filechooser');
    await member.getByTestId('import-package').click();
    await (await again).setFiles(notPackage);
    await expect
      .poll(() => member.getByTestId('import-failed').innerText())
      .toContain('这不是巡察工作台的数据包');
    await member.getByRole('dialog').locator('.ant-modal-footer').getByRole('button').click();
    expect(await storedRows(member, 'cases')).toEqual([]);

    // A staged copy a crash left behind (made a day ago) is gone after the next start.
    await member.evaluate(async () => {
      const root = await navigator.storage.getDirectory();
      const folder = await root.getDirectoryHandle('staging', { create: true });
      await folder.getFileHandle(`${Date.now() - 25 * 3600_000}-1-open`, { create: true });
    });
    expect(await staged(member)).toHaveLength(1);
    await reloadApp(member);
    await expect.poll(async () => staged(member)).toEqual([]);
  });

  it('keeps a snapshot before an import, and restores it as a copy beside the case', async () => {
    const leader = await laptop('snap-leader');
    await createCase(leader);
    await addMember(leader, '李四');
    const join = await joinPackage(leader, '李四');
    const li = await laptop('snap-li', undefined, true);
    await importPackage(li, join.file, join.passphrase);
    await newInterview(li, '孙某', '县教育局财务室');
    await openSection(leader, '数据交换');
    await importPackage(leader, await toLeader(li));
    await openSection(leader, '谈话记录');
    await leader.getByText('孙某').first().waitFor();

    // The case as it was just before 李四's package came in.
    await leader.evaluate(() => (window.location.hash = '#/backups'));
    const row = leader.locator('.ant-table-tbody tr.ant-table-row').first();
    await expect.poll(() => row.innerText()).toMatch(/某县教育局党组[\s\S]*导入前[\s\S]*谈话 0/);
    await row.getByTestId('restore-snapshot-copy').click();
    const preview = leader.getByTestId('package-preview');
    await preview.waitFor();
    expect(await preview.innerText()).toMatch(/本机还没有巡察任务“某县教育局党组（.+快照副本）”/);
    await leader.getByTestId('apply-package').click();
    await expect.poll(() => leader.getByTestId('case-title').innerText()).toContain('快照副本');
    await openSection(leader, '谈话记录');
    await leader.getByText('新建谈话记录').first().waitFor();
    expect(await leader.getByText('孙某').count()).toBe(0);

    // The case itself still holds what the package brought: the copy sits beside it.
    await leader.evaluate(() => (window.location.hash = '#/cases'));
    await expect.poll(() => leader.getByText(/^某县教育局党组/).count()).toBe(2);
    expect((await storedRows<{ id: string }>(leader, 'cases')).length).toBe(2);
  });

  it('gives a case up on a member’s laptop once the 组长 holds its work, leaving nothing of it', async () => {
    const PLACE = '县教育局后勤服务中心二楼';
    const leader = await laptop('clear-leader');
    await createCase(leader);
    await addMember(leader, '李四');
    const join = await joinPackage(leader, '李四');
    const li = await laptop('clear-li', undefined, true);
    await importPackage(li, join.file, join.passphrase);
    await newInterview(li, '周某', PLACE);
    const caseId = (await storedRows<{ id: string }>(li, 'cases'))[0]!.id;

    // Before the 组长 has it: asked twice, told what would be lost; stopping removes nothing.
    await openSection(li, '数据交换');
    const panel = li.getByTestId('clearance');
    await expect.poll(() => panel.innerText()).toContain('组长还没有确认收到本机的全部工作');
    await button(panel, '清退本机上的此任务').click();
    const first = li.locator('.ant-modal-confirm').last();
    await expect.poll(() => first.innerText()).toMatch(/清退将丢失：\d+ 处未交给组长的修改/);
    await button(first, '清 退').click();
    const again = li.locator('.ant-modal-confirm').last();
    await expect.poll(() => again.innerText()).toContain('再次确认');
    await button(again, '取 消').click();
    await expect.poll(() => li.locator('.ant-modal-confirm').count()).toBe(0);
    expect(await storedRows(li, 'interviews')).toHaveLength(1);

    // The 组长 merges 李四's package and sends the 汇总包 back: it acknowledges that package.
    await openSection(leader, '数据交换');
    await importPackage(leader, await toLeader(li));
    await importPackage(li, await summaryFor(leader, '李四'));
    await openSection(li, '数据交换');
    await expect.poll(() => panel.innerText()).toContain('此后本机没有新的修改，可以清退');
    await button(panel, '清退本机上的此任务').click();
    const once = li.locator('.ant-modal-confirm').last();
    await expect.poll(() => once.innerText()).toContain('组长已确认收到本机的全部工作');
    await button(once, '清 退').click();
    const done = li.locator('.ant-modal-confirm').last();
    await expect.poll(() => done.innerText()).toContain('已从本机清退此任务');
    await button(done, '导出清退证明').click();
    const saved = li.getByText(/^已保存清退证明“(.+)”/).last();
    await saved.waitFor();
    const name = /“(.+?)”/.exec(await saved.innerText())![1]!;
    const certificate = Buffer.from(await privateFile(li, name), 'base64').toString('utf8');
    expect(certificate).toContain('巡后清退证明');
    expect(certificate).toContain('巡察任务：某县教育局党组');
    expect(certificate).toContain('使用人：李四');
    expect(certificate).toMatch(/汇总包 SHA-256：[0-9a-f]{64}/);
    expect(certificate).toContain('谈话记录 1');

    // Nothing of the case is left on 李四's laptop: no rows, no key, no snapshot.
    await expect.poll(() => li.getByText('某县教育局党组').count()).toBe(0);
    for (const table of ['cases', 'members', 'interviews', 'revisions', 'auditLog', 'summaries']) {
      expect(await storedRows(li, table), table).toEqual([]);
    }
    const leftOnDisk = await li.evaluate(async (caseId) => {
      const keys = await new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('xuncha-workbench-keys');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const all = open.result.transaction('keys').objectStore('keys').getAllKeys();
          all.onsuccess = () => {
            resolve(all.result.map(String));
            open.result.close();
          };
        };
      });
      const root = await navigator.storage.getDirectory();
      const snapshots = await root.getDirectoryHandle('snapshots', { create: true });
      const files: string[] = [];
      for await (const n of (snapshots as unknown as { keys(): AsyncIterable<string> }).keys()) {
        files.push(n);
      }
      return {
        keys: keys.filter((k) => k.includes(caseId)),
        files: files.filter((f) => f.startsWith(caseId)),
      };
    }, caseId);
    expect(leftOnDisk).toEqual({ keys: [], files: [] });
    // The certificate stays on the laptop, to be exported again.
    await li.evaluate(() => (window.location.hash = '#/backups'));
    await li.getByText(/某县教育局党组 · 李四 · /).waitFor();
    // The 组长 still has all of it.
    await openSection(leader, '谈话记录');
    await leader.getByText('周某').first().waitFor();
  });
});
