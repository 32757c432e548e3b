/**
 * The first unlock on a laptop that already holds data from before encryption (issue 16):
 * every plaintext row is sealed where it lies, a few hundred at a time, so memory holds one
 * batch and never two copies of the database. Resumable by construction: only rows still in
 * the clear are touched, so a run cut short by a closed window continues where it stopped, and
 * a finished one finds nothing to do.
 *
 * Plaintext rows are found through a connection without the keys (IndexedDB as it is), and
 * rewritten through the app's own, whose middleware seals them.
 */
import Dexie, { type IndexableType } from 'dexie';
import type { WorkbenchDB } from './database';
import { storable } from './atRest';

const BATCH = 250;
/**
 * Set (to the schema version) once a pass found nothing left in the clear, so an unlock does
 * not read the whole database again: only a schema upgrade (whose writes are not sealed, see
 * atRest.ts) or data from before encryption calls for another pass.
 */
const SEALED_AT = 'sealedAtVersion';

export interface SealProgress {
  readonly done: number;
  readonly total: number;
}

/** Keys of the rows of each table still in the clear. */
async function plainRows(name: string): Promise<Map<string, IndexableType[]>> {
  const raw = new Dexie(name);
  await raw.open();
  try {
    const out = new Map<string, IndexableType[]>();
    for (const table of raw.tables) {
      const keys: IndexableType[] = [];
      await table.toCollection().each((row: Record<string, unknown>, cursor) => {
        if (!('$' in row)) keys.push(cursor.primaryKey as IndexableType);
      });
      if (keys.length > 0) out.set(table.name, keys);
    }
    return out;
  } finally {
    raw.close();
  }
}

/** Whether a pass already found nothing in the clear at this schema version. */
export async function sealedAlready(db: WorkbenchDB): Promise<boolean> {
  return (await db.settings.get(SEALED_AT))?.value === String(db.verno);
}

/**
 * Every case id the database names, read from the `caseId` indexes (which are never sealed):
 * each needs its key before its rows are sealed, and only the page can make one.
 */
export async function caseIdsIn(db: WorkbenchDB): Promise<Set<string>> {
  const ids = new Set<string>(await db.cases.toCollection().primaryKeys()); // a case is its own
  for (const table of db.tables) {
    if (!table.schema.indexes.some((i) => i.name === 'caseId')) continue;
    for (const id of await table.orderBy('caseId').uniqueKeys()) {
      if (typeof id === 'string') ids.add(id);
    }
  }
  return ids;
}

/** Seals whatever is still in the clear; reports progress after each batch. */
export async function sealExisting(
  db: WorkbenchDB,
  onProgress: (progress: SealProgress) => void = () => {},
  batch = BATCH,
): Promise<SealProgress> {
  if (!db.keys) throw new Error('sealing needs the keys');
  if (await sealedAlready(db)) return { done: 0, total: 0 };
  const pending = await plainRows(db.name);
  const total = [...pending.values()].reduce((n, keys) => n + keys.length, 0);
  let done = 0;
  const finished = async () => {
    await db.settings.put({ key: SEALED_AT, value: String(db.verno) });
    return { done, total };
  };
  if (total === 0) return finished();
  // Every case gets its key before any of its rows is sealed.
  for (const caseId of await caseIdsIn(db)) await db.keys.ensure(caseId);

  for (const [name, keys] of pending) {
    for (let at = 0; at < keys.length; at += batch) {
      const slice = keys.slice(at, at + batch);
      const rows = (await db.table(name).bulkGet(slice)).filter(Boolean);
      // File bytes are sealed before the transaction (reading a Blob would end it).
      const ready = name === 'blobs' ? await storable(db.keys, rows) : rows;
      await db.transaction('rw', name, () => db.table(name).bulkPut(ready));
      done += slice.length;
      onProgress({ done, total });
    }
  }
  return finished();
}
