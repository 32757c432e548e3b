/**
 * The autosave journal's durable half (renderer/autosave/journal.ts): the local `journal` table,
 * written with relaxed durability. Relaxed means no fsync: the write reaches the operating
 * system at once and survives a killed browser (not a power cut, which the record's own strict
 * write, a fraction of a second later, covers). Writes for one key are queued in order and
 * only the latest waiting value is written: typing fast writes at most one note at a time.
 *
 * A note is written once the keystroke that made it is painted (afterPaint), not while the
 * frame showing it waits: sealing and storing it cost a good part of a keystroke's time. The
 * synchronous localStorage note is taken before that frame, as ever.
 *
 * Dexie sets durability for a whole database, so these few writes go through IndexedDB itself.
 */
import type { WorkbenchDB } from './database';
import { sealRow } from './atRest';

/** A key-value table: writes are queued in order, the latest waiting one per key wins. */
export interface DurableStore {
  /**
   * Stores `value` under `key` (null removes it), after the writes already queued for it.
   * Settles when it, or a later value that replaced it in the queue, is written; rejects when
   * that write failed (a full disk: the caller reports it).
   */
  put(key: string, value: unknown): Promise<void>;
  /** The value under `key` once the writes queued for it are done. */
  get(key: string): Promise<unknown>;
}

const TABLE = 'journal';

/** The longest a note waits for a frame: a hidden page paints none. */
const PAINT_WAIT_MS = 50;

/**
 * Runs `work` just after the next frame is painted (a task queued from its animation frame
 * callbacks), or after PAINT_WAIT_MS when no frame comes; outside a page, at the next task.
 */
function afterPaint(work: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    work();
  };
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(once, 0);
    return;
  }
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, PAINT_WAIT_MS);
}

export function journalStore(db: WorkbenchDB): DurableStore {
  interface Waiting {
    value: unknown;
    done: { resolve: () => void; reject: (e: unknown) => void }[];
  }
  const waiting = new Map<string, Waiting>();
  const running = new Map<string, Promise<void>>();

  function write(key: string, value: unknown): Promise<void> {
    return new Promise((resolve, reject) => {
      const backend = db.backendDB();
      if (!db.isOpen() || !backend) {
        // Chromium closed the connection (a failed write on a full disk does): say so as
        // Dexie would, so the storage watcher reads it as the database having gone away.
        const closed = new Error('the database is closed');
        closed.name = 'DatabaseClosedError';
        reject(closed);
        return;
      }
      const tx = backend.transaction(TABLE, 'readwrite', { durability: 'relaxed' });
      const store = tx.objectStore(TABLE);
      if (value === null) store.delete(key);
      // Sealed here as the middleware would (this write goes around it): read back through it.
      else store.put(db.keys ? sealRow(db.keys, TABLE, ['key'], { key, value }) : { key, value });
      tx.oncomplete = () => resolve();
      // Rejected at the abort, not at the request's error event: the request only says
      // "aborted", while the transaction's error names the cause (FILE_ERROR_NO_SPACE on a
      // full disk), which the storage watcher needs to tell the user the disk is full.
      tx.onabort = () => reject(tx.error ?? new Error('journal write failed'));
    });
  }

  async function drain(key: string): Promise<void> {
    for (let next = waiting.get(key); next; next = waiting.get(key)) {
      waiting.delete(key);
      try {
        await write(key, next.value);
        for (const d of next.done) d.resolve();
      } catch (error) {
        for (const d of next.done) d.reject(error);
      }
    }
    running.delete(key);
  }

  return {
    put(key, value) {
      return new Promise((resolve, reject) => {
        const queued = waiting.get(key);
        // A value still waiting is replaced: whoever waited on it learns of this one's fate.
        waiting.set(key, { value, done: [...(queued?.done ?? []), { resolve, reject }] });
        if (!running.has(key)) {
          running.set(
            key,
            new Promise<void>((painted) => afterPaint(painted)).then(() => drain(key)),
          );
        }
      });
    },
    async get(key) {
      await running.get(key);
      const row = (await db.table(TABLE).get(key)) as { value: unknown } | undefined;
      return row?.value;
    },
  };
}
