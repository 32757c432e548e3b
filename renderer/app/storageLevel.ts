/**
 * How much room is left, as a level the UI can act on, and whether a failed write was for lack
 * of room. Pure functions: no DOM, no timers, unit-tested in test/unit/app/.
 *
 * Thresholds, from what Chromium 156 did on a small tmpfs profile (test/e2e/full-disk.test.ts):
 * - CRITICAL below 20 MB: IndexedDB's LevelDB writes a ~4 MB table each time its log fills,
 *   and compaction briefly needs room for rewritten tables beside the old ones; Chromium's own
 *   profile files (history, caches) write megabytes too. Below that, any write may fail half
 *   written, and a half-written log is what made Chromium delete the whole database at the next
 *   start. So at 20 MB the user must act now.
 * - LOW below 200 MB: a photo or scan is 2–8 MB, so this is a few dozen attachments or a day
 *   of work: time to clean up calmly, before it is critical.
 * No percentage: what the browser reports as quota is not the disk (Chromium says
 * usage + 10 GiB, or 60 % of the volume's size), so a share of it means nothing.
 */

export type StorageLevel = 'ok' | 'low' | 'critical';

const MB = 1024 * 1024;
export const LOW_BYTES = 200 * MB;
export const CRITICAL_BYTES = 20 * MB;

/**
 * The level for `freeBytes` of room (null: unknown). A write that failed for lack of room
 * (`spaceFailure`) is critical whatever the figure says: Chromium's figure ignores the disk.
 */
export function storageLevel(freeBytes: number | null, spaceFailure = false): StorageLevel {
  if (spaceFailure) return 'critical';
  if (freeBytes === null) return 'ok';
  if (freeBytes < CRITICAL_BYTES) return 'critical';
  if (freeBytes < LOW_BYTES) return 'low';
  return 'ok';
}

/** Room left by the browser's own accounting (quota − usage), or null if it says nothing. */
export function freeFromEstimate(estimate: { quota?: number; usage?: number }): number | null {
  const { quota, usage } = estimate;
  if (quota === undefined || usage === undefined || !Number.isFinite(quota)) return null;
  return Math.max(0, quota - usage);
}

/**
 * Why a write failed:
 * - 'space': for lack of room. Chromium says so in several ways: QuotaExceededError (the
 *   origin's quota, or the SQLite backend's "disk full"), or an UnknownError/DataError naming
 *   FILE_ERROR_NO_SPACE or a failed blob write (LevelDB on a full disk).
 * - 'closed': the database went away (Chromium closes the connection after a failed log write,
 *   and reopening fails until there is room again): on its own no proof of a full disk, but the
 *   usual sequel to one.
 * - 'other': anything else (a bug, a refused value).
 */
export type WriteFailure = 'space' | 'closed' | 'other';

/*
 * "Internal error opening backing store" counts as a lack of room: Chromium reopens LevelDB by
 * writing a new log, and on a full disk that is the error the reopen gets. It can come before
 * any write has named the disk (the write that failed first was not the autosaver's), and
 * unless it counts, the fresh log is never started and the next start loses the database
 * (measured under load in the full-disk e2e test).
 */
const SPACE =
  /QuotaExceeded|NO_SPACE|ENOSPC|No space|disk full|Failed to write blobs|opening backing store/i;
const CLOSED = /DatabaseClosed|connection is closing|InvalidStateError|UnknownError/i;

export function classifyWriteFailure(error: unknown): WriteFailure {
  const text = describe(error);
  if (SPACE.test(text)) return 'space';
  if (CLOSED.test(text)) return 'closed';
  return 'other';
}

/** Name and message of an error and of what it wraps (Dexie keeps the cause in `inner`). */
function describe(error: unknown, depth = 0): string {
  if (!error || typeof error !== 'object' || depth > 3) return String(error);
  const { name, message, inner, cause } = error as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const own = `${text(name)} ${text(message)}`;
  const wrapped = inner ?? cause;
  return wrapped ? `${own} ${describe(wrapped, depth + 1)}` : own;
}
