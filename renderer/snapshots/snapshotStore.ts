/**
 * Where snapshots are kept: a folder of the origin's private file system (OPFS), which is disk
 * space of the app's own beside IndexedDB (in Electron, inside the app's data folder). Each
 * snapshot is one file, named by shared/rest/snapshotPlan.ts, with a small sealed note beside
 * it (`<name>.meta`: its size, counts and the unit's name, for the list).
 *
 * A snapshot is written as `<name>.part` and renamed once complete (renderer/package), so a
 * write that fails (a full disk) or is stopped leaves no snapshot, half or whole; a `.part`
 * left by a closed window is swept here.
 */
import { parseSnapshotName, type SnapshotName } from '../../shared/rest/snapshotPlan';

/** The folder of the private file system snapshots are kept in (written by the package worker). */
export const SNAPSHOT_FOLDER = 'snapshots';
const FOLDER = SNAPSHOT_FOLDER;
const META = '.meta';

export interface SnapshotFile extends SnapshotName {
  readonly name: string;
  readonly size: number;
}

/** The disk has no room for the snapshot: nothing was kept of it. */
export class NoSpaceForSnapshot extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'NoSpaceForSnapshot';
  }
}

async function folder(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(FOLDER, { create: true });
}

/** A snapshot being written takes minutes at most: a `.part` an hour old was left behind. */
const STALE_PART_MS = 60 * 60_000;

async function sweepPart(dir: FileSystemDirectoryHandle, part: FileSystemFileHandle) {
  if (Date.now() - (await part.getFile()).lastModified > STALE_PART_MS) {
    await dir.removeEntry(part.name).catch(() => {});
  }
}

/** Every snapshot on this laptop, newest first; files of any other name are left out. */
export async function listSnapshotFiles(): Promise<SnapshotFile[]> {
  const dir = await folder();
  const out: SnapshotFile[] = [];
  // The folder's async iteration is not in TypeScript's DOM library yet.
  const entries = (dir as unknown as { values(): AsyncIterable<FileSystemHandle> }).values();
  for await (const entry of entries) {
    if (entry.kind === 'file' && entry.name.endsWith('.part')) {
      await sweepPart(dir, entry as FileSystemFileHandle);
      continue;
    }
    const parsed = entry.kind === 'file' ? parseSnapshotName(entry.name) : null;
    if (!parsed) continue;
    const file = await (entry as FileSystemFileHandle).getFile();
    out.push({ ...parsed, name: entry.name, size: file.size });
  }
  return out.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/** Chromium says QuotaExceededError when its quota or the disk itself has no room. */
const noSpace = (error: unknown) =>
  error instanceof DOMException && error.name === 'QuotaExceededError';

export async function snapshotFile(name: string): Promise<File> {
  return (await (await folder()).getFileHandle(name)).getFile();
}

/** Removes a snapshot, its note and any part of it; one already gone is no error. */
export async function removeSnapshotFile(name: string): Promise<void> {
  const dir = await folder();
  for (const n of [name, name + META, `${name}.part`]) {
    await dir.removeEntry(n).catch((error: unknown) => {
      if ((error as DOMException).name !== 'NotFoundError') throw error;
    });
  }
}

export async function writeSnapshotMeta(name: string, sealed: Uint8Array): Promise<void> {
  const handle = await (await folder()).getFileHandle(name + META, { create: true });
  const writable = await handle.createWritable();
  try {
    await writable.write(sealed as Uint8Array<ArrayBuffer>);
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => {});
    throw noSpace(error) ? new NoSpaceForSnapshot(String(error)) : error;
  }
}

/** A snapshot's sealed note, or null when there is none. */
export async function readSnapshotMeta(name: string): Promise<Uint8Array | null> {
  try {
    const file = await (await (await folder()).getFileHandle(name + META)).getFile();
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    return null;
  }
}
