/**
 * The origin's private file system (OPFS): disk space of the app's own that is not IndexedDB.
 * Large packages pass through it on their way in (decrypted there before anything is trusted)
 * and, where the browser cannot save to a chosen file, on their way out (written there, then
 * handed to downloads). Every file here is temporary: named with the time it was made, removed
 * when its work ends, and swept at start if a crash left it behind.
 */
const FOLDER = 'staging';
/** Older than this at start, a staged file belongs to no running work. */
const STALE_MS = 24 * 60 * 60 * 1000;

export async function privateFolder(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(FOLDER, { create: true });
}

let made = 0;
/** Set once this laptop has used the private file system: until then the sweep leaves it alone. */
const USED = 'workbench:privateFiles';

/** A fresh name for a temporary file (page side): when it was made, then what for. */
export function privateFileName(what: string): string {
  localStorage.setItem(USED, '1');
  return `${Date.now()}-${++made}-${what}`;
}

/**
 * Removes a temporary file; a worker still letting go of it gets a while (on a busy laptop a
 * stopped worker took over 3 s to release its handle). Not there yet is looked for once more:
 * a worker stopped just as it started may still be creating it.
 */
export async function removePrivateFile(name: string): Promise<void> {
  let missing = 0;
  for (let attempt = 0; attempt < 7; attempt++) {
    try {
      await (await privateFolder()).removeEntry(name);
      return;
    } catch (error) {
      if ((error as DOMException).name === 'NotFoundError' && ++missing > 1) return;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
  // Still held: the sweep at the next start removes it.
}

/** Removes what earlier runs left behind (a crash in the middle of an import). */
export async function sweepPrivateFiles(now = Date.now()): Promise<void> {
  // Opening the private file system makes Chromium set up its storage for the origin: not at
  // every start of a laptop that never staged anything (nor on a disk that may be full).
  if (!localStorage.getItem(USED)) return;
  try {
    const folder = await privateFolder();
    // The folder's async iteration is not in TypeScript's DOM library yet.
    const names = (folder as unknown as { keys(): AsyncIterable<string> }).keys();
    for await (const name of names) {
      const made = Number(name.split('-')[0]);
      if (!(now - made < STALE_MS)) await removePrivateFile(name);
    }
  } catch {
    // No private file system here (an old browser): nothing was ever staged in it.
  }
}
