/**
 * For e2e tests, run inside the app's page (bundled by test/support/e2e-server.ts and evaluated
 * there, which CSP allows for the test driver only): the app's database as the tests need to see
 * it behind the app's back, through this laptop's keys, which the test unlocks with the
 * passphrase it set. Reads rows as stored (opened), counts them, and writes seed rows sealed.
 * The browser benchmarks evaluate it the same way (test/bench/browser.ts).
 */
import Dexie from 'dexie';
import { WorkbenchDB, type Setting } from '../../../renderer/db/database';
import { atRest, type Keys } from '../../../renderer/db/atRest';
import { DB_NAME } from '../../../renderer/db/schema';
import { keyring } from '../../../renderer/db/keyring';
import { repositories } from '../../../renderer/db/repositories';
import { newCase } from '../../unit/db/helpers';
import { sealedStorage } from '../../../renderer/autosave/sealedStorage';

interface Opened {
  readonly db: Dexie;
  readonly keys: Keys;
}
let opened: Promise<Opened> | null = null;

/**
 * The app's database through this laptop's keys, opened at the version the app left it (Dexie
 * without declared versions): a script bundled from newer sources than the app it reads (a
 * benchmark measuring an earlier build) must not upgrade the app's database, which the app
 * would then refuse as written by a newer version.
 */
function open(passphrase: string): Promise<Opened> {
  opened ??= keyring()
    .unlock(passphrase)
    .then(async (keys) => {
      const db = new Dexie(DB_NAME, { chromeTransactionDurability: 'strict' });
      db.use(atRest(keys));
      await db.open();
      return { db, keys };
    });
  return opened;
}

/** Runs `work`; once more with the keys read again when a case arrived since (a new key). */
async function withKeys<T>(passphrase: string, work: (db: Dexie) => Promise<T>): Promise<T> {
  try {
    return await work((await open(passphrase)).db);
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'NoCaseKey') throw error;
    void opened?.then(({ db }) => db.close());
    opened = null;
    return work((await open(passphrase)).db);
  }
}

/** Every localStorage value, opened where it is sealed (the journal's notes). */
async function localValues(passphrase: string): Promise<string[]> {
  const { keys } = await open(passphrase);
  const storage = sealedStorage(localStorage, keys.laptop);
  return Object.keys(localStorage).map((name) => storage.getItem(name) ?? '');
}

const api = {
  /**
   * A case written as an app from before encryption wrote it: plaintext rows, before the first
   * passphrase (call at the lock screen of a new profile, which has not opened the data). With
   * `asOf`, by an app whose schema went no further than that version (not claiming this one).
   */
  async seedPlain(unitName: string, place: string, asOf?: number): Promise<string> {
    const repos = repositories(new WorkbenchDB(undefined, {}, undefined, asOf));
    if (asOf === undefined) await repos.open();
    const deviceId = await repos.settings.deviceId();
    const { caseRecord, creator } = await repos.cases.create(
      { ...newCase, unitName },
      deviceId,
      '2026-11-23',
    );
    const actor = { deviceId, memberId: creator.id };
    const { id } = await repos.records.create('interviews', caseRecord.id, actor, '2026-11-23');
    await repos.records.patch('interviews', id, { place }, actor, '2026-11-23');
    repos.close();
    return caseRecord.id;
  },
  rows: (passphrase: string, store: string): Promise<unknown[]> =>
    withKeys(passphrase, (db) =>
      db.tables.some((t) => t.name === store) ? db.table(store).toArray() : Promise.resolve([]),
    ),
  /**
   * Stores records and their list rows, each with the next number of the change sequence (the
   * counter in settings moves on with them, so the app's own writes come after).
   */
  async seed(
    passphrase: string,
    chunk: { kind: string; record: object; summary: object }[],
  ): Promise<void> {
    const { db } = await open(passphrase);
    const kinds = [...new Set(chunk.map((r) => r.kind))];
    await db.transaction('rw', [...kinds, 'summaries', 'settings'], async () => {
      const settings = db.table<Setting, string>('settings');
      let seq = Number((await settings.get('seq'))?.value ?? 0);
      for (const { kind, record, summary } of chunk) {
        seq++;
        await db.table(kind).put({ ...record, seq });
        await db.table('summaries').put({ ...summary, seq });
      }
      await settings.put({ key: 'seq', value: String(seq) });
    });
  },
  /** One row by its primary key, as the app reads it. */
  row: (passphrase: string, store: string, id: string): Promise<unknown> =>
    withKeys(passphrase, (db) => db.table(store).get(id)),
  localValues,
  /** Rows put as they are given (sealed on the way, as every row is). */
  async put(passphrase: string, store: string, rows: unknown[]): Promise<void> {
    const { db } = await open(passphrase);
    await db.table(store).bulkPut(rows);
  },
  /** Changes fields of one row, as a package from another laptop would have left it. */
  async patch(passphrase: string, store: string, id: string, changes: object): Promise<void> {
    const { db } = await open(passphrase);
    const row = (await db.table(store).get(id)) as object;
    await db.table(store).put({ ...row, ...changes });
  },
  /** The app's database as IndexedDB holds it (not opened), as one text. */
  async rawText(): Promise<string> {
    const raw = new Dexie(DB_NAME);
    await raw.open();
    const parts: string[] = [];
    for (const table of raw.tables) parts.push(JSON.stringify(await table.toArray()));
    raw.close();
    return parts.join('\n');
  },
  /** Everything the app keeps in this browser, opened, as one text: to look for what is gone. */
  async dump(passphrase: string): Promise<string> {
    const { db } = await open(passphrase);
    const parts = [JSON.stringify(await localValues(passphrase))];
    for (const table of db.tables) parts.push(JSON.stringify(await table.toArray()));
    return parts.join('\n');
  },
  close(): void {
    void opened?.then(({ db }) => db.close());
    opened = null;
  },
};

declare global {
  interface Window {
    __sealedStore?: typeof api;
  }
}
window.__sealedStore = api;
