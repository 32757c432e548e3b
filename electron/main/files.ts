/**
 * Saving and opening files for the page, as streams. The page never names a path: the user picks
 * it in the system dialog, and the page gets a stream number, a bare file name and bytes back.
 */
import path from 'node:path';
import type { Dialog, BrowserWindow, OpenDialogOptions } from 'electron';
import type * as FsPromises from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { Handlers } from './ipc';
import { syncFolder } from './durable';

type Fs = Pick<typeof FsPromises, 'open' | 'rename' | 'rm' | 'stat'>;

export interface FileDeps {
  readonly dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  readonly fs: Fs;
  readonly window: () => BrowserWindow | null;
  /** Where the save dialog opens first: the user's documents folder. */
  readonly defaultDir: string;
}

type FileChannels =
  'saveStart' | 'saveChunk' | 'saveCommit' | 'saveAbort' | 'openStart' | 'openRead' | 'openClose';

export type FileHandlers = Pick<Handlers, FileChannels> & {
  /** Aborts every save and closes every open file: for quitting with streams still open. */
  readonly closeAll: () => Promise<void>;
};

interface Save {
  readonly handle: FileHandle;
  readonly temp: string;
  readonly target: string;
}

/**
 * A save writes to a temporary file beside the target, flushed to the device and then renamed
 * over it, so a crash or a yanked USB stick leaves either the old file or the new one, never
 * half of one.
 */
export function fileHandlers(deps: FileDeps): FileHandlers {
  const { fs } = deps;
  const saves = new Map<number, Save>();
  const opens = new Map<number, FileHandle>();
  let lastId = 0;

  function found<T>(streams: Map<number, T>, id: number): T {
    const stream = streams.get(id);
    // A page bug, not a user's mistake: the page sees a rejected call.
    if (!stream) throw new Error(`No file stream ${id}: never opened, or already closed`);
    return stream;
  }

  /** Ends a save without keeping anything: the temporary file goes, the target is untouched. */
  async function discard(id: number) {
    const save = saves.get(id);
    if (!save) return; // already committed or aborted: aborting twice is harmless
    saves.delete(id);
    try {
      await save.handle.close();
    } finally {
      await fs.rm(save.temp, { force: true });
    }
  }

  async function close(id: number) {
    const handle = opens.get(id);
    opens.delete(id);
    await handle?.close();
  }

  return {
    async saveStart({ suggestedName, filters }) {
      const win = deps.window();
      const options = { defaultPath: path.join(deps.defaultDir, suggestedName), filters };
      const result = win
        ? await deps.dialog.showSaveDialog(win, options)
        : await deps.dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return { status: 'cancelled' };
      const target = result.filePath;
      const id = ++lastId;
      const name = path.basename(target);
      const temp = path.join(path.dirname(target), `.${name}.${process.pid}.${id}.tmp`);
      // 'wx': never write into a file that is already there, even one of our own.
      saves.set(id, { handle: await fs.open(temp, 'wx'), temp, target });
      return { status: 'open', id, name };
    },

    async saveChunk({ id, data }) {
      const { handle } = found(saves, id);
      // The page sends the next chunk only when this one is written, so the file position is
      // the end of what came before. A write may take less than all: go on until it is done.
      for (let done = 0; done < data.length;) {
        done += (await handle.write(data, done)).bytesWritten;
      }
    },

    async saveCommit({ id }) {
      const save = found(saves, id);
      saves.delete(id);
      try {
        try {
          await save.handle.sync();
        } finally {
          await save.handle.close();
        }
        await fs.rename(save.temp, save.target);
      } catch (error) {
        await fs.rm(save.temp, { force: true });
        throw error;
      }
      await syncFolder(fs, path.dirname(save.target));
      return { status: 'saved', name: path.basename(save.target), flushed: true };
    },

    async saveAbort({ id }) {
      await discard(id);
    },

    async openStart({ filters, maxBytes }) {
      const win = deps.window();
      const options: OpenDialogOptions = { properties: ['openFile'], filters };
      const result = win
        ? await deps.dialog.showOpenDialog(win, options)
        : await deps.dialog.showOpenDialog(options);
      const file = result.filePaths[0];
      if (result.canceled || !file) return { status: 'cancelled' };
      const name = path.basename(file);
      // Size first, so a huge file is refused before it is even opened.
      const { size } = await fs.stat(file);
      if (size > maxBytes) return { status: 'tooLarge', name, size };
      const id = ++lastId;
      opens.set(id, await fs.open(file, 'r'));
      return { status: 'opened', id, name, size };
    },

    async openRead({ id, offset, length }) {
      const handle = found(opens, id);
      // A fresh array per read: it is handed to IPC, and must not be a view of a larger buffer
      // (that would send the whole buffer) nor be reused while in flight.
      const data = new Uint8Array(length);
      let filled = 0;
      // A read may return less than asked before the end of the file; only 0 means the end.
      while (filled < length) {
        const { bytesRead } = await handle.read(data, filled, length - filled, offset + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return { data: filled === length ? data : data.slice(0, filled) };
    },

    async openClose({ id }) {
      await close(id);
    },

    async closeAll() {
      await Promise.allSettled([
        ...[...saves.keys()].map(discard),
        ...[...opens.keys()].map(close),
      ]);
    },
  };
}
