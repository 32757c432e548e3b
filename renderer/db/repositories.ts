import Dexie from 'dexie';
import { WorkbenchDB } from './database';
import { caseContentsIn, lastChangeIn } from './caseContents';
import { clearanceRepository } from './clearance.repository';
import { accessRules } from './access';
import { casesRepository } from './cases.repository';
import { membersRepository } from './members.repository';
import { settingsRepository, NewerDataError } from './settings.repository';
import { recordsRepository } from './records.repository';
import { attachmentsRepository } from './attachments.repository';
import { findingsRepository } from './findings.repository';
import { cluesRepository } from './clues.repository';
import { historyRepository } from './history.repository';
import { statsRepository } from './stats.repository';
import { journalStore } from './journal.store';
import { demoRepository } from './demo.repository';
import { packagesRepository } from './packages.repository';
import { conflictsRepository } from './conflicts.repository';
import { ledgerRepository } from './ledger.repository';
import { rechecksRepository } from './rechecks.repository';
import { compareRepository } from './compare.repository';
import { auditRepository } from './audit.repository';
import { CURRENT_VERSION } from './schema';
import { caseIdsIn, sealedAlready, sealExisting, type SealProgress } from './sealExisting';
import { sealInWorker } from './sealClient';
import { KeyChain } from './keyring';
import { systemClock, writePath, type Clock, type ForeignBatch } from './write';

export { NewerDataError };

export interface RepositoryOptions {
  /** Where write times come from (tests and benchmarks step it). */
  readonly clock?: Clock;
  /**
   * Called when another tab or window opens this database with a newer schema: this one has
   * closed it and must stop writing (writes then fail with DatabaseClosedError) and reload.
   */
  readonly onNewerVersionElsewhere?: () => void;
}

/** Every repository over one database: the only door to Dexie. */
export function repositories(db: WorkbenchDB, options: RepositoryOptions = {}) {
  const clock = options.clock ?? systemClock;
  const w = writePath(db, clock);
  const access = accessRules(db);
  const settings = settingsRepository(db);
  const audit = auditRepository(db, w, settings, access, clock);

  // Dexie's own handler closes the database and lets the next query reopen it, which would
  // open the newer schema and write to it with this older code. Close for good instead, and
  // return false: Dexie then skips its own handler (newest subscriber first, false stops).
  let closedForNewerVersion = false;
  db.on('versionchange', () => {
    closedForNewerVersion = true;
    db.close({ disableAutoOpen: true });
    options.onNewerVersionElsewhere?.();
    return false;
  });

  return {
    cases: casesRepository(db, w),
    members: membersRepository(db, w),
    records: recordsRepository(db, w),
    attachments: attachmentsRepository(db, w),
    findings: findingsRepository(db, w),
    clues: cluesRepository(db, w, access, audit),
    history: historyRepository(db, access),
    stats: statsRepository(db, access),
    settings,
    /** The autosave journal's durable half: this laptop only (see journal.store.ts). */
    journal: journalStore(db),
    /** The 示例巡察任务: load it, and remove it again (the one hard delete, demo data only). */
    demo: demoRepository(db, w, clock),
    /** Case packages: what goes out to whom, what comes in, and applying it as one merge. */
    packages: packagesRepository(db, w, settings, audit),
    /** 整改台账: the 问题 of confirmed findings, their 任务, 销号 (issue 14). */
    ledger: ledgerRepository(db, w),
    /** 回头看: the earlier round's ledger, copied read-only, and its 复核 (issue 14). */
    rechecks: rechecksRepository(db, w, access),
    /** 数据比对: lists, rules, and the 疑点 each run finds (issue 15). */
    compare: compareRepository(db, w),
    /** Fields two laptops wrote without seeing each other's write, and settling them. */
    conflicts: conflictsRepository(db, w, access, audit),
    /**
     * The audit log: append an entry (to one case, or to every case for unlock and lock), read
     * a case's log. Snapshot restores and 清退 append theirs here too.
     */
    audit: {
      append: audit.append,
      appendAll: audit.appendAll,
      list: audit.list,
    },
    /** Rows from another laptop, and the export watermark (case packages use these). */
    sync: {
      storeForeign: (batch: ForeignBatch) => w.storeForeign(batch),
      markExported: (seq: number) => w.markExported(seq),
      currentSeq: () => w.currentSeq(),
    },
    /**
     * Reopens the database after Chromium closed it (a write failed on a full disk closes the
     * connection, and Dexie then refuses everything until it is opened again). Never reopens a
     * database this window closed because a newer version of the app opened it.
     */
    recover: async () => {
      if (!closedForNewerVersion && !db.isOpen()) await db.open();
    },
    startFreshLog: () => startFreshLog(db.name),
    /** 巡后清退: acknowledgements that travel back from the 组长, and removing a case. */
    clearance: clearanceRepository(db, settings),
    /** What snapshots read (renderer/snapshots): a whole case, and how far it has changed. */
    snapshots: {
      contents: (caseId: string) => caseContentsIn(db, db.keys, caseId),
      caseIds: () => db.cases.toCollection().primaryKeys(),
      lastChange: (caseId: string) => lastChangeIn(db, caseId),
      /** The older schema version the database is at, which opening will upgrade; 0: none. */
      pendingUpgrade: async (): Promise<number> => {
        const found = await peekVersion(db.name);
        return found > 0 && found < CURRENT_VERSION ? found : 0;
      },
      /** The repositories over the database as an older app left it, not upgraded. */
      asOf: (version: number) => repositories(new WorkbenchDB(db.name, {}, db.keys, version)),
    },
    /**
     * A case's key, for a worker that reads that case itself (search, documents); undefined on a
     * database without encryption. The worker gets this key only, never the laptop's.
     */
    readerKey: (caseId: string): Uint8Array | undefined => db.keys?.forCase(caseId),
    /**
     * The 组长's laptop key (age recipient) of every case, '' where it is not known yet: what this
     * laptop's keys are escrowed to (keyring.escrow). On the 组长's own laptop, its own key.
     */
    leaderRecipients: async (): Promise<Map<string, string>> => {
      const own = (await settings.laptopKey()).recipient;
      const leaders = new Map<string, string>();
      for (const m of await db.members.toArray()) {
        if (!leaders.has(m.caseId)) leaders.set(m.caseId, '');
        if (m.role !== 'leader' || m.deleted) continue;
        const mine = (await settings.currentMember(m.caseId)) === m.id;
        const recipient = m.recipient ?? (mine ? own : '');
        if (recipient) leaders.set(m.caseId, recipient);
      }
      return leaders;
    },
    /** This laptop's key, for what is sealed outside the database (the journal's fast notes). */
    laptopDataKey: (): Uint8Array | undefined => db.keys?.laptop,
    /**
     * Seals rows still in the clear from before encryption (sealExisting.ts), with progress: in
     * a Worker where there is one, after making every case's key here (only the page can).
     */
    sealExisting: async (onProgress?: (p: SealProgress) => void): Promise<SealProgress> => {
      if (!db.keys || (await sealedAlready(db))) return { done: 0, total: 0 };
      if (typeof Worker === 'undefined' || !(db.keys instanceof KeyChain)) {
        return sealExisting(db, onProgress);
      }
      for (const caseId of await caseIdsIn(db)) await db.keys.ensure(caseId);
      return sealInWorker(db, onProgress);
    },
    /** Closes the database for good (the app locks): the next unlock opens a new one. */
    close: () => db.close({ disableAutoOpen: true }),
    /**
     * Opens the database now, so a version problem shows at start rather than on first write.
     * Data from a newer app is refused (NewerDataError) and the database closed untouched: the
     * version IndexedDB itself records is checked first, then the one the app wrote down.
     */
    open: async () => {
      const found = await peekVersion(db.name);
      if (found > CURRENT_VERSION) throw new NewerDataError(found);
      await db.open();
      try {
        if (db.verno > CURRENT_VERSION) throw new NewerDataError(db.verno);
        await settings.claimSchemaVersion();
      } catch (error) {
        db.close();
        throw error;
      }
    },
  };
}

/**
 * The schema version of an existing database, as IndexedDB records it (Dexie stores version
 * n as 10n) or as the app wrote it in settings, whichever is higher; 0 when there is none.
 * Opened without our schema: Dexie would otherwise "upgrade" a newer database.
 */
export async function peekVersion(name: string): Promise<number> {
  if (!(await Dexie.exists(name))) return 0;
  const peek = new Dexie(name);
  try {
    await peek.open(); // dynamic mode: the version that is there, no upgrade
    let recorded = 0;
    if (peek.tables.some((t) => t.name === 'settings')) {
      const row = (await peek.table('settings').get('schemaVersion')) as
        { value?: string } | undefined;
      recorded = Number(row?.value ?? 0);
    }
    return Math.max(peek.verno, recorded);
  } finally {
    peek.close();
  }
}

/**
 * Makes Chromium start a new log for the site's IndexedDB, by creating and deleting a
 * throwaway database. After a write failed on a full disk, Chromium's LevelDB log ends in half
 * a record; left so, the next start finds a checksum mismatch and deletes every database of the
 * site (measured: test/e2e/full-disk.test.ts). Run at start, and after the first write that
 * succeeds once there is room again. Harmless elsewhere.
 */
async function startFreshLog(name: string): Promise<void> {
  const scratch = new Dexie(`${name}-fresh-log`);
  scratch.version(1).stores({}); // without a version Dexie would only open an existing one
  try {
    await scratch.open();
    scratch.close();
    await Dexie.delete(scratch.name);
  } catch {
    // No room even for that: the next successful write will try again.
  }
}

export type Repositories = ReturnType<typeof repositories>;
