/**
 * Free space on the disk that holds the app's data (the profile folder, where IndexedDB lives),
 * so the page can warn well before it fills: Chromium's own storage estimate never says.
 */
import type * as FsPromises from 'node:fs/promises';
import type { Handlers } from './ipc';

export interface DiskDeps {
  readonly fs: Pick<typeof FsPromises, 'statfs'>;
  /** The app's data folder (Electron's userData). */
  readonly dataDir: string;
}

export function diskHandlers(deps: DiskDeps): Pick<Handlers, 'diskSpace'> {
  return {
    async diskSpace() {
      try {
        const { bavail, bsize } = await deps.fs.statfs(deps.dataDir);
        return { freeBytes: Number(bavail) * Number(bsize) }; // what an ordinary user may use
      } catch {
        return { freeBytes: null }; // cannot tell: the page falls back to failed writes
      }
    },
  };
}
