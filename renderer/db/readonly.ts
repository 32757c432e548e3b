/**
 * The records, read only, for code that runs beside the page: the search worker builds its
 * index from IndexedDB itself, and the document worker reads the case it writes up, so the
 * page does no per-record work for either.
 *
 * Never creates, upgrades or writes the database: it opens one only when it is already at this
 * app's schema version (the page opened and migrated it first), every read-write transaction is
 * refused, and like the page it closes for good when another window opens a newer version.
 */
import type { DBCore } from 'dexie';
import type { RecordKind } from '../../shared/domain/records';
import type { Stored } from '../../shared/domain/record';
import { RECORD_TABLES, type RecordTable } from '../../shared/domain/tables';
import { WorkbenchDB } from './database';
import type { Keys } from './atRest';
import { recordsRepository } from './records.repository';
import { peekVersion } from './repositories';
import { CURRENT_VERSION, DB_NAME } from './schema';
import { writePath } from './write';

/** What a worker needs to read one case: its id and key, nothing of other cases or the laptop. */
export interface CaseReader {
  readonly caseId: string;
  readonly key: Uint8Array;
}

function readerKeys({ caseId, key }: CaseReader): Keys {
  return {
    laptop: new Uint8Array(0), // not this reader's: any use of it fails
    forCase: (id) => (id === caseId ? key : undefined),
    ensure: () => Promise.reject(new Error('This connection is read-only.')),
  };
}

/** Refuses read-write transactions: a reader that wrote could race the page's write path. */
const refuseWrites = {
  stack: 'dbcore' as const,
  name: 'readOnly',
  create: (down: DBCore): DBCore => ({
    ...down,
    transaction(stores, mode, options) {
      if (mode === 'readwrite') throw new Error('This connection is read-only.');
      return down.transaction(stores, mode, options);
    },
  }),
};

export interface ReadOnlyOptions {
  readonly name?: string;
  /** The one case this reader may open, with its key (the page hands it over: caseReader). */
  readonly reader?: CaseReader;
  /** Called when the connection closed because a newer version of the app opened the database. */
  readonly onClosed?: () => void;
}

/**
 * Opens the app's database for reading records, or returns null when there is none at this
 * version (not created yet, or being upgraded by another window).
 */
export async function openReadOnlyRecords(options: ReadOnlyOptions = {}) {
  const name = options.name ?? DB_NAME;
  if ((await peekVersion(name)) !== CURRENT_VERSION) return null;
  // autoOpen off: after a close nothing reopens it behind our back (reads then fail instead).
  const db = new WorkbenchDB(
    name,
    { autoOpen: false },
    options.reader && readerKeys(options.reader),
  );
  db.use(refuseWrites);
  db.on('versionchange', () => {
    db.close({ disableAutoOpen: true });
    options.onClosed?.();
    return false; // Dexie's own handler would let the next query reopen it
  });
  try {
    await db.open();
  } catch {
    db.close();
    return null; // a newer version got there first, say: no index, nothing touched
  }
  const records = recordsRepository(db, writePath(db));
  return {
    changedSince: (caseId: string, seq: number, limit?: number) =>
      records.changedSince(caseId, seq, limit),
    getMany: (kind: RecordKind, ids: readonly string[]) => records.getMany(kind, ids),
    counts: (caseId: string) => records.counts(caseId),
    /** Every row of a case, deleted ones included, in one read: what a document is built from. */
    caseRows: (caseId: string) =>
      db.transaction('r', [...RECORD_TABLES], async () => {
        const rows: { table: RecordTable; row: Stored<object> }[] = [];
        for (const table of RECORD_TABLES) {
          const found = (await db
            .table(table)
            .where('caseId')
            .equals(caseId)
            .toArray()) as Stored<object>[];
          for (const row of found) rows.push({ table, row });
        }
        return { rows };
      }),
    close: () => db.close({ disableAutoOpen: true }),
  };
}

export type ReadOnlyRecords = NonNullable<Awaited<ReturnType<typeof openReadOnlyRecords>>>;
