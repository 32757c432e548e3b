// The second snapshot folder (issue 16): chosen in the system dialog, remembered, copied into as
// a stream, and cleaned by name only. The files are real; only the dialog is fake.
import fs from 'node:fs/promises';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  problemOf,
  SETTINGS_FILE,
  SnapshotCopyError,
  snapshotFolderHandlers,
  type SnapshotFolderDeps,
} from '../../../electron/main/snapshotFolder';
import { guard } from '../../../electron/main/ipc';
import { APP_ENTRY } from '../../../electron/main/security';

const event = {} as never;
const fromApp = { senderFrame: { url: APP_ENTRY, parent: null } } as never;
const dir = () => mkdtempSync(path.join(tmpdir(), 'workbench-second-'));
const bytes = (text: string) => new TextEncoder().encode(text);
const CASE = '01JCASE0000000000000000000';
const snap = (ms: number, reason = 'daily') =>
  `${CASE}.20261207T160102${String(ms).padStart(3, '0')}Z.${reason}.xcsnap`;
const NOW = new Date('2026-12-07T16:30:00.000Z');

// The system dialog is the Electron boundary; the folders are real.
const dialogPicking = (folder: string | undefined) => ({
  showOpenDialog: vi.fn(async () => ({ canceled: !folder, filePaths: folder ? [folder] : [] })),
});

function setup(folder: string | undefined, fsImpl: SnapshotFolderDeps['fs'] = fs) {
  const dataDir = dir();
  /** Handlers as after a restart; `picking` null: the dialog is cancelled. */
  const make = (picking: string | null = folder ?? null) =>
    snapshotFolderHandlers({
      dialog: dialogPicking(picking ?? undefined),
      fs: fsImpl,
      window: () => null,
      dataDir,
      now: () => NOW,
    });
  return { dataDir, make, handlers: make() };
}

/** A second folder already chosen. */
async function chosen() {
  const folder = dir();
  const s = setup(folder);
  await s.handlers.snapshotFolderPick(undefined, event);
  return { ...s, folder };
}

async function startCopy(handlers: ReturnType<typeof snapshotFolderHandlers>, name: string) {
  const started = await handlers.snapshotCopyStart({ name }, event);
  if (started.status !== 'open') throw new Error(`expected an open copy, got ${started.status}`);
  return started.id;
}

describe('choosing the second folder', () => {
  it('is remembered across a restart, and forgotten when cleared; its files stay', async () => {
    const folder = dir();
    const { handlers, make, dataDir } = setup(folder);
    expect(await handlers.snapshotFolder(undefined, event)).toMatchObject({
      folder: null,
      reachable: false,
    });
    expect(await handlers.snapshotFolderPick(undefined, event)).toEqual({
      status: 'chosen',
      folder,
    });
    // Written whole: the settings file and no temporary one beside it.
    expect(readdirSync(dataDir)).toEqual([SETTINGS_FILE]);

    const again = make(null);
    expect(await again.snapshotFolder(undefined, event)).toEqual({
      folder,
      reachable: true,
      lastCopiedAt: null,
      lastFailure: null,
      waitingRemovals: 0,
    });
    const id = await startCopy(again, snap(1));
    await again.snapshotCopyCommit({ id }, event);

    await again.snapshotFolderClear(undefined, event);
    expect(await again.snapshotFolder(undefined, event)).toMatchObject({ folder: null });
    expect(await make(null).snapshotFolder(undefined, event)).toMatchObject({ folder: null });
    expect(readdirSync(folder)).toEqual([snap(1)]); // left alone
    // With no folder, a copy has nowhere to go and says so.
    expect(await again.snapshotCopyStart({ name: snap(2) }, event)).toEqual({
      status: 'noFolder',
    });
  });

  it('keeps the folder it had when the dialog is cancelled', async () => {
    const { folder, make } = await chosen();
    const cancelled = make(null);
    expect(await cancelled.snapshotFolderPick(undefined, event)).toEqual({ status: 'cancelled' });
    expect(await cancelled.snapshotFolder(undefined, event)).toMatchObject({ folder });
  });

  it('shows the system dialog for a folder, one that may be made there', async () => {
    const dialog = dialogPicking(dir());
    const handlers = snapshotFolderHandlers({ dialog, fs, window: () => null, dataDir: dir() });
    await handlers.snapshotFolderPick(undefined, event);
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] }),
    );
  });

  it('treats a damaged settings file as no folder', async () => {
    const { dataDir, make } = setup(undefined);
    writeFileSync(path.join(dataDir, SETTINGS_FILE), '{"folder": "relative/path"');
    expect(await make().snapshotFolder(undefined, event)).toMatchObject({ folder: null });
  });
});

describe('copying a snapshot into it', () => {
  it('leaves exactly the file, and only once committed', async () => {
    const { handlers, folder } = await chosen();
    const id = await startCopy(handlers, snap(1));
    for (const part of ['age-encryption.org/v1', '\n-> X25519 …', '', 'payload']) {
      await handlers.snapshotCopyChunk({ id, data: bytes(part) }, event);
    }
    expect(readdirSync(folder)).toEqual([`${snap(1)}.part`]);
    await handlers.snapshotCopyCommit({ id }, event);
    expect(readdirSync(folder)).toEqual([snap(1)]);
    expect(readFileSync(path.join(folder, snap(1)), 'utf8')).toBe(
      'age-encryption.org/v1\n-> X25519 …payload',
    );
    expect(await handlers.snapshotFolder(undefined, event)).toMatchObject({
      lastCopiedAt: NOW.toISOString(),
      lastFailure: null,
    });
    await expect(handlers.snapshotCopyCommit({ id }, event)).rejects.toThrow();
  });

  it('leaves nothing when aborted, and notes the copy as failed', async () => {
    const { handlers, folder } = await chosen();
    const id = await startCopy(handlers, snap(1));
    await handlers.snapshotCopyChunk({ id, data: bytes('half') }, event);
    await handlers.snapshotCopyAbort({ id }, event);
    await handlers.snapshotCopyAbort({ id }, event); // twice is harmless
    expect(readdirSync(folder)).toEqual([]);
    await expect(handlers.snapshotCopyChunk({ id, data: bytes('late') }, event)).rejects.toThrow();
    expect(await handlers.snapshotFolder(undefined, event)).toMatchObject({
      lastCopiedAt: null,
      lastFailure: { at: NOW.toISOString(), problem: 'other' },
    });
  });

  it('replaces a part left by a copy cut short', async () => {
    const { handlers, folder } = await chosen();
    writeFileSync(path.join(folder, `${snap(1)}.part`), 'left by a crash');
    const id = await startCopy(handlers, snap(1));
    await handlers.snapshotCopyChunk({ id, data: bytes('whole') }, event);
    await handlers.snapshotCopyCommit({ id }, event);
    expect(readdirSync(folder)).toEqual([snap(1)]);
    expect(readFileSync(path.join(folder, snap(1)), 'utf8')).toBe('whole');
  });

  it('keeps no part and says why when the rename fails', async () => {
    const folder = dir();
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    const { handlers } = setup(folder, {
      ...fs,
      rename: async (from, to) =>
        String(from).endsWith('.part') ? Promise.reject(full) : fs.rename(from, to),
    });
    await handlers.snapshotFolderPick(undefined, event);
    const id = await startCopy(handlers, snap(1));
    await handlers.snapshotCopyChunk({ id, data: bytes('x') }, event);
    const error = await handlers.snapshotCopyCommit({ id }, event).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SnapshotCopyError);
    expect((error as SnapshotCopyError).problem).toBe('noSpace');
    expect((error as Error).message).toContain('磁盘空间不足');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('closes every copy under way at quitting, leaving no part', async () => {
    const { handlers, folder } = await chosen();
    for (const ms of [1, 2]) {
      const id = await startCopy(handlers, snap(ms));
      await handlers.snapshotCopyChunk({ id, data: bytes('unfinished') }, event);
    }
    await handlers.closeAll();
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('a folder that is not there (a drive unplugged)', () => {
  it('is reported unreachable, and a copy into it fails saying so', async () => {
    const { handlers, folder } = await chosen();
    rmSync(folder, { recursive: true });
    expect(await handlers.snapshotFolder(undefined, event)).toMatchObject({
      folder,
      reachable: false,
    });
    const error = await handlers
      .snapshotCopyStart({ name: snap(1) }, event)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SnapshotCopyError);
    expect((error as SnapshotCopyError).problem).toBe('unreachable');
    expect((error as Error).message).toContain('找不到该文件夹');
    expect((error as Error).message).toContain(folder);
    expect(existsSync(folder)).toBe(false); // not made again on the laptop's own disk
    expect(await handlers.snapshotFolder(undefined, event)).toMatchObject({
      lastFailure: { at: NOW.toISOString(), problem: 'unreachable' },
    });
  });

  it('keeps removals waiting until it is back, across a restart', async () => {
    const { handlers, folder, make } = await chosen();
    for (const ms of [1, 2]) {
      const id = await startCopy(handlers, snap(ms));
      await handlers.snapshotCopyCommit({ id }, event);
    }
    const away = `${folder}-away`;
    renameSync(folder, away);
    expect(await handlers.snapshotCopyRemove({ names: [snap(1)] }, event)).toEqual({ waiting: 1 });
    const restarted = make(null);
    expect(await restarted.snapshotFolder(undefined, event)).toMatchObject({
      reachable: false,
      waitingRemovals: 1,
    });
    renameSync(away, folder);
    expect(await restarted.snapshotFolder(undefined, event)).toMatchObject({
      reachable: true,
      waitingRemovals: 0,
    });
    expect(readdirSync(folder)).toEqual([snap(2)]);
  });
});

describe('removing copies', () => {
  it('removes the named snapshots and their parts only; a missing one is no error', async () => {
    const { handlers, folder } = await chosen();
    for (const f of [snap(1), `${snap(1)}.part`, snap(2), 'notes.txt', `${snap(3)}.meta`]) {
      writeFileSync(path.join(folder, f), 'x');
    }
    mkdirSync(path.join(folder, 'sub'));
    expect(
      await handlers.snapshotCopyRemove({ names: [snap(1), snap(3), snap(4)] }, event),
    ).toEqual({ waiting: 0 });
    expect(readdirSync(folder).sort()).toEqual(
      [`${snap(3)}.meta`, 'notes.txt', snap(2), 'sub'].sort(),
    );
  });

  it('does nothing without a folder', async () => {
    const { handlers } = setup(undefined);
    expect(await handlers.snapshotCopyRemove({ names: [snap(1)] }, event)).toEqual({ waiting: 0 });
  });
});

describe('names from the page', () => {
  const hostile = [
    '../x.xcsnap',
    `../${snap(1)}`,
    `/tmp/${snap(1)}`,
    `C:\\temp\\${snap(1)}`,
    `a/${snap(1)}`,
    `${snap(1)}/../../x`,
    `${CASE}.20261207T160102345Z.daily.xcsnap\n`,
    `${CASE}\u0000.20261207T160102345Z.daily.xcsnap`,
    `${CASE}.20261207T160102345Z.daily.xcase`,
    `${CASE}.20261399T160102345Z.daily.xcsnap`,
    'notes.txt',
    '..',
    '',
  ];

  it('are refused by the contract before anything touches the disk', async () => {
    const calls: string[] = [];
    const spying = Object.fromEntries(
      (['open', 'readFile', 'rename', 'rm', 'stat'] as const).map((m) => [
        m,
        async (...args: unknown[]) => {
          calls.push(m);
          return (fs[m] as (...a: unknown[]) => Promise<unknown>)(...args);
        },
      ]),
    ) as unknown as SnapshotFolderDeps['fs'];
    const { handlers } = setup(dir(), spying);
    const start = guard('snapshotCopyStart', handlers.snapshotCopyStart, {});
    const remove = guard('snapshotCopyRemove', handlers.snapshotCopyRemove, {});
    for (const name of hostile) {
      await expect(start(fromApp, { name }), JSON.stringify(name)).rejects.toThrow();
      await expect(remove(fromApp, { names: [snap(1), name] })).rejects.toThrow();
    }
    await expect(start(fromApp, { name: 42 })).rejects.toThrow();
    await expect(remove(fromApp, { names: snap(1) })).rejects.toThrow();
    expect(calls).toEqual([]);
    // A real name passes the same gate (and only then reaches the disk).
    expect(await start(fromApp, { name: snap(1) })).toEqual({ status: 'noFolder' });
    expect(calls.length).toBeGreaterThan(0);
  });
});

describe('problems told to the user', () => {
  it('come from the system error code', () => {
    const code = (c: string) => Object.assign(new Error(c), { code: c });
    expect(problemOf(code('ENOENT'))).toBe('unreachable');
    expect(problemOf(code('ENODEV'))).toBe('unreachable');
    expect(problemOf(code('EIO'))).toBe('unreachable');
    expect(problemOf(code('ENOSPC'))).toBe('noSpace');
    expect(problemOf(code('EROFS'))).toBe('notWritable');
    expect(problemOf(code('EACCES'))).toBe('notWritable');
    expect(problemOf(new Error('something else'))).toBe('other');
    expect(problemOf(undefined)).toBe('other');
  });
});
