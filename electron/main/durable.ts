/**
 * Writes that survive a crash or a pulled plug: a file is flushed to the device before it is
 * renamed into place, and the rename is made durable by flushing its folder.
 */
import path from 'node:path';
import type * as FsPromises from 'node:fs/promises';

export type DurableFs = Pick<typeof FsPromises, 'open' | 'rename' | 'rm'>;

/** Makes a rename durable. Windows cannot open a folder for syncing; NTFS journals it. */
export async function syncFolder(fs: Pick<DurableFs, 'open'>, dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces a small file whole: after a crash it holds the old content or the new, never half.
 * Callers write one file one at a time (its temporary name is fixed).
 */
export async function writeFileDurably(fs: DurableFs, file: string, text: string): Promise<void> {
  const temp = `${file}.tmp`;
  try {
    const handle = await fs.open(temp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await syncFolder(fs, path.dirname(file));
}
