/**
 * Watches the room left for the records, so the user hears of a full disk before typing into
 * it, and in plain Chinese when it happens (StorageWarning shows this store).
 *
 * Two signals, because in Chromium neither is enough alone:
 * - the browser's estimate (quota − usage), polled every 10 s and on demand. It reflects the
 *   origin's quota only: Chromium 156 reports usage + 10 GiB whatever the disk holds, and it
 *   did not move while a 64 MB profile disk filled to the last byte.
 * - the writes themselves: the autosaver reports each failure (`noteWriteFailed`) and the next
 *   success (`noteWriteSucceeded`). On a full disk that is the only sure sign in a browser.
 * The desktop host reports the disk's real free space instead (the `diskSpace` channel: statfs
 * of the data folder), and so warns well before the disk fills.
 */
import { create } from 'zustand';
import { host } from '../host/host';
import {
  classifyWriteFailure,
  freeFromEstimate,
  storageLevel,
  type StorageLevel,
} from './storageLevel';

export interface StorageHealth {
  readonly level: StorageLevel;
  /** Room left by the last measurement, in bytes; null when unknown. */
  readonly freeBytes: number | null;
  /** A write failed for lack of room, and none has succeeded since. */
  readonly spaceFailure: boolean;
}

export const useStorageHealth = create<StorageHealth>()(() => ({
  level: 'ok',
  freeBytes: null,
  spaceFailure: false,
}));

/** Measures the room left, in bytes (null: cannot tell). */
export type StorageProbe = () => Promise<number | null>;

/**
 * The host's measure of the disk (the desktop app: free space where the data lives), else the
 * browser's estimate (its quota: a floor at best).
 */
const hostProbe: StorageProbe = async () => {
  const { freeBytes } = await host.diskSpace();
  if (freeBytes !== null) return freeBytes;
  return navigator.storage?.estimate ? freeFromEstimate(await navigator.storage.estimate()) : null;
};

let probe: StorageProbe = hostProbe;

/** Lets the host measure the real disk instead of the browser's quota. */
export function setStorageProbe(next: StorageProbe): void {
  probe = next;
  void checkStorageNow();
}

function set(patch: Partial<StorageHealth>): void {
  const next = { ...useStorageHealth.getState(), ...patch };
  useStorageHealth.setState({ ...next, level: storageLevel(next.freeBytes, next.spaceFailure) });
}

/** Measures now (after a failed write, say) and returns what the warning will show. */
export async function checkStorageNow(): Promise<StorageHealth> {
  try {
    set({ freeBytes: await probe() });
  } catch {
    set({ freeBytes: null }); // no figure is better than a stale one
  }
  return useStorageHealth.getState();
}

/**
 * The autosaver reports a failed write. Returns whether it was for lack of room, counting a
 * closed database as the same cause while a lack of room is already known (Chromium closes the
 * connection after the first failed write, and later errors no longer name the disk).
 */
export function noteWriteFailed(error: unknown): boolean {
  const kind = classifyWriteFailure(error);
  const space = kind === 'space' || (kind === 'closed' && useStorageHealth.getState().spaceFailure);
  if (space) set({ spaceFailure: true });
  void checkStorageNow();
  return space;
}

/**
 * The autosaver reports a write that succeeded: whatever was full has room again. Returns
 * whether this ends a lack of room (the database then needs a fresh log: repos.startFreshLog).
 */
export function noteWriteSucceeded(): boolean {
  if (!useStorageHealth.getState().spaceFailure) return false;
  set({ spaceFailure: false });
  void checkStorageNow();
  return true;
}

/** Polls every `intervalMs` until the returned function is called. */
export function watchStorage(intervalMs = 10_000): () => void {
  void checkStorageNow();
  const timer = setInterval(() => void checkStorageNow(), intervalMs);
  return () => clearInterval(timer);
}
