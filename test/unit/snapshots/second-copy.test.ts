// The second copy of each snapshot, as the page runs it (renderer/snapshots/secondCopy.ts),
// against the real main-process module behind the real IPC guard, on real folders. Only the
// folder dialog is fake (the Electron boundary); the snapshot is a Blob standing for the file
// in the private file system.
import fs from 'node:fs/promises';
import { mkdtempSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { snapshotFolderHandlers } from '../../../electron/main/snapshotFolder';
import { guard } from '../../../electron/main/ipc';
import { APP_ENTRY } from '../../../electron/main/security';
import { MAX_CHUNK_BYTES } from '../../../shared/ipc/contract';
import { secondCopies, type SecondCopyHost } from '../../../renderer/snapshots/secondCopy';

const fromApp = { senderFrame: { url: APP_ENTRY, parent: null } } as never;
const dir = () => mkdtempSync(path.join(tmpdir(), 'workbench-second-copy-'));
const CASE = '01JCASE0000000000000000000';
const snap = (ms: number) => `${CASE}.20261207T160102${String(ms).padStart(3, '0')}Z.daily.xcsnap`;

/** The desktop host as the page sees it, with the folder already chosen (or none). */
async function desktop(folder: string | null) {
  const main = snapshotFolderHandlers({
    dialog: {
      showOpenDialog: async () => ({ canceled: !folder, filePaths: folder ? [folder] : [] }),
    },
    fs,
    window: () => null,
    dataDir: dir(),
  });
  if (folder) await main.snapshotFolderPick(undefined, fromApp);
  const chunkSizes: number[] = [];
  // Through the guard, as over IPC: each request parsed with its channel's schema.
  const host: SecondCopyHost = {
    snapshotFolder: () => guard('snapshotFolder', main.snapshotFolder, {})(fromApp, undefined),
    snapshotCopyStart: (r) => guard('snapshotCopyStart', main.snapshotCopyStart, {})(fromApp, r),
    snapshotCopyChunk: (r) => {
      chunkSizes.push(r.data.length);
      return guard('snapshotCopyChunk', main.snapshotCopyChunk, {})(fromApp, r);
    },
    snapshotCopyCommit: (r) => guard('snapshotCopyCommit', main.snapshotCopyCommit, {})(fromApp, r),
    snapshotCopyAbort: (r) => guard('snapshotCopyAbort', main.snapshotCopyAbort, {})(fromApp, r),
    snapshotCopyRemove: (r) => guard('snapshotCopyRemove', main.snapshotCopyRemove, {})(fromApp, r),
  };
  return { host, chunkSizes };
}

/** The browser build's answer: no folder, and everything else refused. */
const browser: SecondCopyHost = {
  snapshotFolder: async () => ({
    folder: null,
    reachable: false,
    lastCopiedAt: null,
    lastFailure: null,
    waitingRemovals: 0,
  }),
  snapshotCopyStart: () => Promise.reject(new Error('not in a browser')),
  snapshotCopyChunk: () => Promise.reject(new Error('not in a browser')),
  snapshotCopyCommit: () => Promise.reject(new Error('not in a browser')),
  snapshotCopyAbort: () => Promise.reject(new Error('not in a browser')),
  snapshotCopyRemove: () => Promise.reject(new Error('not in a browser')),
};

const content = new Uint8Array(9 * 2 ** 20 + 123).map((_, i) => (i * 7) % 251);
const files = (blobs: Record<string, Blob>) => async (name: string) => {
  const blob = blobs[name];
  if (!blob) throw new DOMException('gone', 'NotFoundError');
  return blob;
};

describe('the second copy of a snapshot', () => {
  it('streams the whole file into the folder, in chunks the contract allows', async () => {
    const folder = dir();
    const { host, chunkSizes } = await desktop(folder);
    const tell = vi.fn();
    const copies = secondCopies({ host, file: files({ [snap(1)]: new Blob([content]) }), tell });
    const settled = vi.fn();
    copies.onSettled(settled);
    copies.copy(snap(1));
    await copies.idle();
    expect(readdirSync(folder)).toEqual([snap(1)]);
    expect(readFileSync(path.join(folder, snap(1))).equals(content)).toBe(true);
    expect(chunkSizes.length).toBeGreaterThan(1);
    expect(Math.max(...chunkSizes)).toBeLessThanOrEqual(MAX_CHUNK_BYTES);
    expect(tell).not.toHaveBeenCalled();
    expect(settled).toHaveBeenCalledTimes(1);
  });

  it('does nothing without a folder, and nothing at all in the browser', async () => {
    for (const host of [(await desktop(null)).host, browser]) {
      const tell = vi.fn();
      const copies = secondCopies({ host, file: files({}), tell });
      copies.copy(snap(1));
      await copies.remove([snap(1)], 'clearance');
      await copies.idle();
      expect(tell).not.toHaveBeenCalled();
    }
  });

  it('tells the user why when the drive is gone, and copies again once it is back', async () => {
    const folder = dir();
    const { host } = await desktop(folder);
    const tell = vi.fn();
    const blobs = { [snap(1)]: new Blob(['first']), [snap(2)]: new Blob(['second']) };
    const copies = secondCopies({ host, file: files(blobs), tell });
    renameSync(folder, `${folder}-away`);
    copies.copy(snap(1));
    await copies.idle();
    expect(tell).toHaveBeenCalledOnce();
    expect(tell.mock.calls[0]![0]).toContain('快照已保存在本机，但未能复制到第二份快照文件夹');
    expect(tell.mock.calls[0]![0]).toContain('找不到该文件夹');

    renameSync(`${folder}-away`, folder);
    copies.copy(snap(2));
    await copies.idle();
    expect(readdirSync(folder)).toEqual([snap(2)]);
    expect(tell).toHaveBeenCalledOnce();
  });

  it('leaves nothing in the folder when the snapshot cannot be read, and says so', async () => {
    const folder = dir();
    const { host } = await desktop(folder);
    const tell = vi.fn();
    const copies = secondCopies({ host, file: files({}), tell });
    copies.copy(snap(1));
    await copies.idle();
    expect(readdirSync(folder)).toEqual([]);
    expect(tell).toHaveBeenCalledOnce();
    expect(await host.snapshotFolder()).toMatchObject({ lastFailure: { problem: 'other' } });
  });

  it('removes copies after the copies asked before, and says when 清退 must wait', async () => {
    const folder = dir();
    const { host } = await desktop(folder);
    const tell = vi.fn();
    const blobs = { [snap(1)]: new Blob(['a']), [snap(2)]: new Blob(['b']) };
    const copies = secondCopies({ host, file: files(blobs), tell });
    copies.copy(snap(1));
    copies.copy(snap(2));
    await copies.remove([snap(1)], 'rotation'); // queued behind the copies
    expect(readdirSync(folder)).toEqual([snap(2)]);

    renameSync(folder, `${folder}-away`);
    await copies.remove([snap(1)], 'rotation');
    expect(tell).not.toHaveBeenCalled(); // a rotation's leftovers show on 备份与恢复 only
    await copies.remove([snap(2)], 'clearance');
    expect(tell).toHaveBeenCalledOnce();
    expect(tell.mock.calls[0]![0]).toContain('其中 1 份本机已删除的快照还在');
    expect(await host.snapshotFolder()).toMatchObject({ reachable: false, waitingRemovals: 2 });
  });
});
