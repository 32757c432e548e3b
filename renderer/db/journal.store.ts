/**
 * The autosave journal's durable half (renderer/autosave/journal.ts): the local `journal` table,
 * written with relaxed durability. Relaxed means no fsync: the write reaches the operating
 * system at once and survives a killed browser (not a power cut, which the record's own strict
 * write, a fraction of a second later, covers). Writes for one key are queued in order and
 * only the latest waiting value is written: typing fast writes at most one note at a time.
 *
 * Dexie sets durability for a whole database, so these few writes go through IndexedDB itself.
 */
import type { WorkbenchDB } from './database';

/** A key-value table: writes are queued in order, the latest waiting one per key wins. */
export interface DurableStore {
  /** Stores `value` under `key` (null removes it), after the writes already queued for it. */
  put(key: string, value: unknown): void;
  /** The value under `key` once the writes queued for it are done. */
  get(key: string): Promise<unknown>;
}

const TABLE = 'journal';

export function journalStore(db: WorkbenchDB): DurableStore {
  const waiting = new Map<string, { value: unknown }>();
  const running = new Map<string, Promise<void>>();

  function write(key: string, value: unknown): Promise<void> {
    return new Promise((resolve, reject) => {
      const tx = db.backendDB().transaction(TABLE, 'readwrite', { durability: 'relaxed' });
      const store = tx.objectStore(TABLE);
      if (value === null) store.delete(key);
      else store.put({ key, value });
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('journal write failed'));
    });
  }

  async function drain(key: string): Promise<void> {
    for (let next = waiting.get(key); next; next = waiting.get(key)) {
      waiting.delete(key);
      // A failed note (a full disk) leaves the localStorage note; the autosaver says so.
      await write(key, next.value).catch(() => {});
    }
    running.delete(key);
  }

  return {
    put(key, value) {
      waiting.set(key, { value });
      if (!running.has(key)) running.set(key, drain(key));
    },
    async get(key) {
      await running.get(key);
      const row = (await db.table(TABLE).get(key)) as { value: unknown } | undefined;
      return row?.value;
    },
  };
}
