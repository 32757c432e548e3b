/**
 * Saving and opening files for the page. The page never names a path: the user picks it in the
 * system dialog, and the page gets bytes and a bare file name back.
 */
import path from 'node:path';
import type { Dialog, BrowserWindow, OpenDialogOptions } from 'electron';
import type * as FsPromises from 'node:fs/promises';
import type { Handlers } from './ipc';

type Fs = Pick<typeof FsPromises, 'open' | 'rename' | 'rm' | 'stat' | 'readFile'>;

/**
 * Writes so that a crash or a yanked USB stick leaves either the old file or the new one, never
 * half of one: a temporary file beside the target, flushed to the device, then renamed over it.
 */
export async function writeFileAtomically(fs: Fs, target: string, data: Uint8Array) {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const handle = await fs.open(temp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  // Make the rename itself durable. Windows cannot open a folder for syncing; there the rename
  // is already journaled by NTFS.
  if (process.platform !== 'win32') {
    const dirHandle = await fs.open(dir, 'r');
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
  }
}

export interface FileDeps {
  readonly dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  readonly fs: Fs;
  readonly window: () => BrowserWindow | null;
  /** Where the save dialog opens first: the user's documents folder. */
  readonly defaultDir: string;
}

export function fileHandlers(deps: FileDeps): Pick<Handlers, 'saveFile' | 'openFile'> {
  return {
    async saveFile({ suggestedName, data, filters }) {
      const win = deps.window();
      const options = { defaultPath: path.join(deps.defaultDir, suggestedName), filters };
      const result = win
        ? await deps.dialog.showSaveDialog(win, options)
        : await deps.dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return { status: 'cancelled' };
      await writeFileAtomically(deps.fs, result.filePath, data);
      return { status: 'saved', name: path.basename(result.filePath) };
    },
    async openFile({ filters, maxBytes }) {
      const win = deps.window();
      const options: OpenDialogOptions = { properties: ['openFile'], filters };
      const result = win
        ? await deps.dialog.showOpenDialog(win, options)
        : await deps.dialog.showOpenDialog(options);
      const file = result.filePaths[0];
      if (result.canceled || !file) return { status: 'cancelled' };
      const name = path.basename(file);
      // Size first, so a huge file is refused before a byte of it is read into memory.
      const { size } = await deps.fs.stat(file);
      if (size > maxBytes) return { status: 'tooLarge', name, size };
      return { status: 'opened', name, data: new Uint8Array(await deps.fs.readFile(file)) };
    },
  };
}
