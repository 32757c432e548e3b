/**
 * The second snapshot folder (issue 16): a folder the user picks in the system dialog, on
 * another drive say, that the page copies every snapshot into once it is complete in the
 * private file system, and removes there what it removes here (rotation, 巡后清退).
 *
 * The page never names a path: it names a snapshot, by a name shared/rest/snapshotPlan.ts
 * parses (the contract checks it before any handler runs), and the folder is the one the user
 * chose, remembered in a small settings file in the app's data folder. A snapshot is an
 * age-encrypted package (to this laptop's snapshot key and its 组长's), so a copy on a second
 * drive exposes nothing.
 *
 * What happened last (copied, failed and why, removals waiting for an unplugged drive) is kept
 * in the same file, so 备份与恢复 can say it truthfully after a restart too.
 */
import path from 'node:path';
import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron';
import type * as FsPromises from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { z } from '../../shared/domain/zod';
import {
  snapshotCopyProblem,
  snapshotName,
  type SnapshotCopyProblem,
} from '../../shared/ipc/contract';
import { zh } from '../../shared/i18n/zh-CN';
import { syncFolder, writeFileDurably } from './durable';
import type { Handlers } from './ipc';

type Fs = Pick<typeof FsPromises, 'open' | 'readFile' | 'rename' | 'rm' | 'stat'>;

export interface SnapshotFolderDeps {
  readonly dialog: Pick<Dialog, 'showOpenDialog'>;
  readonly fs: Fs;
  readonly window: () => BrowserWindow | null;
  /** Where the choice is remembered: the app's data folder (Electron's userData). */
  readonly dataDir: string;
  readonly now?: () => Date;
}

type SnapshotFolderChannels =
  | 'snapshotFolder'
  | 'snapshotFolderPick'
  | 'snapshotFolderClear'
  | 'snapshotCopyStart'
  | 'snapshotCopyChunk'
  | 'snapshotCopyCommit'
  | 'snapshotCopyAbort'
  | 'snapshotCopyRemove';

export type SnapshotFolderHandlers = Pick<Handlers, SnapshotFolderChannels> & {
  /** Abandons every copy under way, leaving no `.part`: for quitting mid-copy. */
  readonly closeAll: () => Promise<void>;
};

export const SETTINGS_FILE = 'snapshot-folder.json';

const settingsSchema = z.object({
  folder: z
    .string()
    .refine((f) => path.isAbsolute(f))
    .nullable(),
  lastCopiedAt: z.string().nullable(),
  lastFailure: z.object({ at: z.string(), problem: snapshotCopyProblem }).nullable(),
  /** Snapshots removed on this laptop while the folder was not reachable: removed there later. */
  waitingRemovals: z.array(snapshotName),
});
type Settings = z.output<typeof settingsSchema>;

const NO_FOLDER: Settings = {
  folder: null,
  lastCopiedAt: null,
  lastFailure: null,
  waitingRemovals: [],
};

/** What the user can do something about, from the system's error code. */
export function problemOf(error: unknown): SnapshotCopyProblem {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  if (['ENOSPC', 'EDQUOT'].includes(code)) return 'noSpace';
  if (['EACCES', 'EPERM', 'EROFS'].includes(code)) return 'notWritable';
  if (['ENOENT', 'ENOTDIR', 'ENODEV', 'ENXIO', 'EIO', 'ESTALE', 'ENOTCONN'].includes(code)) {
    return 'unreachable'; // the drive went, or the folder did
  }
  return 'other';
}

/** A copy into the second folder failed: the message says why, in the user's words. */
export class SnapshotCopyError extends Error {
  constructor(
    readonly problem: SnapshotCopyProblem,
    folder: string,
    cause: unknown,
  ) {
    super(zh.backup.second.hostError(zh.backup.second.problems[problem], folder), { cause });
    this.name = 'SnapshotCopyError';
  }
}

interface Copy {
  readonly handle: FileHandle;
  readonly folder: string;
  readonly part: string;
  readonly target: string;
}

export function snapshotFolderHandlers(deps: SnapshotFolderDeps): SnapshotFolderHandlers {
  const { fs } = deps;
  const now = deps.now ?? (() => new Date());
  const settingsFile = path.join(deps.dataDir, SETTINGS_FILE);
  const copies = new Map<number, Copy>();
  let lastId = 0;

  /** The settings as last written; read once, then kept here and written through. */
  let loaded: Promise<Settings> | undefined;
  let settings: Settings = NO_FOLDER;
  let writing: Promise<void> = Promise.resolve();

  async function load(): Promise<Settings> {
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(await fs.readFile(settingsFile, 'utf8')));
      return parsed.success ? parsed.data : NO_FOLDER;
    } catch {
      return NO_FOLDER; // none yet (or unreadable): no second folder
    }
  }

  async function current(): Promise<Settings> {
    loaded ??= load().then((s) => (settings = s));
    await loaded;
    return settings;
  }

  /** Changes the settings and writes them, one write after the other (each the latest). */
  function update(patch: Partial<Settings>): Promise<void> {
    settings = { ...settings, ...patch };
    writing = writing
      .catch(() => {})
      .then(() => writeFileDurably(fs, settingsFile, JSON.stringify(settings)));
    return writing;
  }

  /**
   * Notes what happened in `folder`, unless the user chose another since (it concerns that one
   * no more). Failing to note it never changes what happened.
   */
  async function note(folder: string, patch: Partial<Settings>): Promise<void> {
    if (settings.folder !== folder) return;
    await update(patch).catch(() => {});
  }

  async function failed(folder: string, error: unknown): Promise<SnapshotCopyError> {
    const problem = problemOf(error);
    await note(folder, { lastFailure: { at: now().toISOString(), problem } });
    return new SnapshotCopyError(problem, folder, error);
  }

  async function isFolder(folder: string): Promise<boolean> {
    try {
      return (await fs.stat(folder)).isDirectory();
    } catch {
      return false;
    }
  }

  /**
   * Removes `names` (and any `.part` of them) from the folder, with those still waiting; what
   * cannot be removed now (the folder is not reachable) waits for next time.
   */
  async function removeCopies(folder: string, names: readonly string[]): Promise<void> {
    if (settings.folder !== folder) return; // the user chose another meanwhile
    const wanted = [...new Set([...settings.waitingRemovals, ...names])];
    if (wanted.length === 0) return;
    const waiting: string[] = [];
    const reachable = await isFolder(folder);
    for (const name of wanted) {
      try {
        if (!reachable) throw new Error('not reachable');
        const file = path.join(folder, name);
        for (const f of [file, `${file}.part`]) await fs.rm(f, { force: true });
      } catch {
        waiting.push(name);
      }
    }
    // From the list as it is now: another removal may have changed it meanwhile.
    const removed = new Set(wanted.filter((n) => !waiting.includes(n)));
    const before = settings.waitingRemovals;
    const next = [...new Set([...before.filter((n) => !removed.has(n)), ...waiting])];
    if (next.length !== before.length || next.some((n, i) => n !== before[i])) {
      await note(folder, { waitingRemovals: next });
    }
  }

  function found(id: number): Copy {
    const copy = copies.get(id);
    // A page bug, not a user's mistake: the page sees a rejected call.
    if (!copy) throw new Error(`No snapshot copy ${id}: never started, or already ended`);
    return copy;
  }

  /** Ends a copy without keeping anything: its `.part` goes. Ending it twice is harmless. */
  async function discard(id: number): Promise<void> {
    const copy = copies.get(id);
    if (!copy) return;
    copies.delete(id);
    try {
      await copy.handle.close();
    } finally {
      await fs.rm(copy.part, { force: true }).catch(() => {});
    }
  }

  return {
    async snapshotFolder() {
      const { folder } = await current();
      const reachable = folder !== null && (await isFolder(folder));
      // The drive is back: what was removed here meanwhile goes there now.
      if (reachable && settings.waitingRemovals.length > 0) await removeCopies(folder, []);
      return {
        folder,
        reachable,
        lastCopiedAt: settings.lastCopiedAt,
        lastFailure: settings.lastFailure,
        waitingRemovals: settings.waitingRemovals.length,
      };
    },

    async snapshotFolderPick() {
      const { folder: before } = await current();
      const win = deps.window();
      const options: OpenDialogOptions = {
        title: zh.backup.second.pickTitle,
        properties: ['openDirectory', 'createDirectory'],
        ...(before ? { defaultPath: before } : {}),
      };
      const result = win
        ? await deps.dialog.showOpenDialog(win, options)
        : await deps.dialog.showOpenDialog(options);
      const folder = result.filePaths[0];
      if (result.canceled || !folder) return { status: 'cancelled' };
      // What happened in another folder does not concern this one.
      if (folder !== before) await update({ ...NO_FOLDER, folder });
      return { status: 'chosen', folder };
    },

    async snapshotFolderClear() {
      await current();
      settings = NO_FOLDER;
      writing = writing.catch(() => {}).then(() => fs.rm(settingsFile, { force: true }));
      await writing;
    },

    async snapshotCopyStart({ name }) {
      const { folder } = await current();
      if (!folder) return { status: 'noFolder' };
      const target = path.join(folder, name);
      const part = `${target}.part`;
      try {
        await fs.rm(part, { force: true }); // one left by a copy cut short
        // 'wx': never write through a file that is already there.
        const handle = await fs.open(part, 'wx');
        const id = ++lastId;
        copies.set(id, { handle, folder, part, target });
        return { status: 'open', id };
      } catch (error) {
        throw await failed(folder, error);
      }
    },

    async snapshotCopyChunk({ id, data }) {
      const copy = found(id);
      try {
        // A write may take less than all: go on until it is done.
        for (let done = 0; done < data.length;) {
          done += (await copy.handle.write(data, done)).bytesWritten;
        }
      } catch (error) {
        await discard(id);
        throw await failed(copy.folder, error);
      }
    },

    async snapshotCopyCommit({ id }) {
      const copy = found(id);
      copies.delete(id);
      try {
        try {
          await copy.handle.sync();
        } finally {
          await copy.handle.close();
        }
        await fs.rename(copy.part, copy.target);
        await syncFolder(fs, copy.folder);
      } catch (error) {
        await fs.rm(copy.part, { force: true }).catch(() => {});
        throw await failed(copy.folder, error);
      }
      await note(copy.folder, { lastCopiedAt: now().toISOString(), lastFailure: null });
      // The drive is there: what was removed here while it was not goes there now.
      await removeCopies(copy.folder, []);
    },

    async snapshotCopyAbort({ id }) {
      const copy = copies.get(id);
      // The page gives up a copy under way only when it could not read the snapshot: a
      // failed copy all the same, as 备份与恢复 will say.
      if (!copy) return; // already ended: aborting twice is harmless
      await discard(id);
      await failed(copy.folder, new Error('abandoned'));
    },

    async snapshotCopyRemove({ names }) {
      const { folder } = await current();
      if (!folder) return { waiting: 0 };
      await removeCopies(folder, names);
      return { waiting: names.filter((n) => settings.waitingRemovals.includes(n)).length };
    },

    async closeAll() {
      await Promise.allSettled([...copies.keys()].map(discard));
    },
  };
}
