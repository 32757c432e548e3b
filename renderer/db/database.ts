/**
 * The Dexie database. Only the repositories in this folder import it (a lint rule says so);
 * the rest of the renderer goes through them.
 */
import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import type { LedgerItemRecord, TaskRecord } from '../../shared/domain/ledger/task.schema';
import type { RecheckRecord } from '../../shared/domain/ledger/recheck.schema';
import type { HitRecord, ListRecord, RuleRecord } from '../../shared/domain/compare/compare.schema';
import type { CaseRecord } from '../../shared/domain/case.schema';
import type { MemberRecord } from '../../shared/domain/member.schema';
import type { Revision } from '../../shared/domain/revision';
import type { Stored } from '../../shared/domain/record';
import type { RecordSummary } from '../../shared/domain/records/summary';
import type { FindingRecord } from '../../shared/domain/findings/finding.schema';
import type { ClueRecord } from '../../shared/domain/findings/clue.schema';
import type { AttachmentFields, BlobRow } from '../../shared/domain/stored.schema';
import type { AuditEntry } from '../../shared/domain/audit.schema';
import { DB_NAME, SCHEMA_VERSIONS } from './schema';
import { atRest, type Keys } from './atRest';

/** A photo or scan attached to a record: its facts. The bytes are a blob row, by SHA-256. */
export type Attachment = Stored<AttachmentFields>;

export interface Setting {
  readonly key: string;
  readonly value: string;
}

export class WorkbenchDB extends Dexie {
  declare cases: EntityTable<CaseRecord, 'id'>;
  declare members: EntityTable<MemberRecord, 'id'>;
  declare revisions: EntityTable<Revision, 'id'>;
  declare settings: EntityTable<Setting, 'key'>;
  declare interviews: EntityTable<Stored<object>, 'id'>;
  declare docReviews: EntityTable<Stored<object>, 'id'>;
  declare siteVisits: EntityTable<Stored<object>, 'id'>;
  declare petitions: EntityTable<Stored<object>, 'id'>;
  declare summaries: EntityTable<RecordSummary, 'id'>;
  declare attachments: EntityTable<Attachment, 'id'>;
  declare blobs: EntityTable<StoredBlob, 'sha256'>;
  declare findings: EntityTable<FindingRecord, 'id'>;
  declare clues: EntityTable<ClueRecord, 'id'>;
  declare conflicts: EntityTable<ConflictIndexRow, 'id'>;
  declare ledgerItems: EntityTable<LedgerItemRecord, 'id'>;
  declare tasks: EntityTable<TaskRecord, 'id'>;
  declare rechecks: EntityTable<RecheckRecord, 'id'>;
  declare compareLists: EntityTable<ListRecord, 'id'>;
  declare compareRules: EntityTable<RuleRecord, 'id'>;
  declare compareHits: EntityTable<HitRecord, 'id'>;
  declare auditLog: EntityTable<AuditEntry, 'id'>;

  /** The keys rows are sealed with (atRest.ts); undefined for a plaintext database. */
  readonly keys: Keys | undefined;

  /**
   * `asOf` declares the schema only up to that version: the database as an older app left it,
   * opened without upgrading it (the snapshot before an upgrade reads it so).
   */
  constructor(name: string = DB_NAME, options: DexieOptions = {}, keys?: Keys, asOf = Infinity) {
    // Chromium commits IndexedDB transactions "relaxed" by default: an OS crash can lose writes
    // that already reported success. Interview notes are worth the ~10 % that strict costs.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS.filter((v) => v.version <= asOf)) {
      const v = this.version(version).stores(stores);
      if (upgrade) v.upgrade(upgrade);
    }
    Object.assign(this, { transaction: namingAbortCause(this.transaction.bind(this)) });
    this.keys = keys;
    if (keys) this.use(atRest(keys));
  }
}

/**
 * When the browser aborts a transaction (a full disk at commit), each pending request fails
 * with a bare AbortError before the transaction's own error is reported, and Dexie rejects
 * with the first of them: "the transaction was aborted" hides FILE_ERROR_NO_SPACE. The
 * transaction's error is set before those requests fail, so a failed transaction's rejection
 * gets it as its `inner` (where Dexie keeps causes), and a full disk is recognised as one
 * (renderer/app/storageLevel.ts). Seen under load in the full-disk e2e test.
 */
function namingAbortCause(transaction: Dexie['transaction']): Dexie['transaction'] {
  return ((...args: unknown[]) => {
    const scope = args[args.length - 1] as (...a: unknown[]) => unknown;
    let tx: Transaction | undefined;
    // Native async, as the scopes are: Dexie follows only those through the transaction.
    args[args.length - 1] = async function (this: unknown, ...a: unknown[]) {
      tx = Dexie.currentTransaction;
      return await scope.apply(this, a);
    };
    return (transaction as (...a: unknown[]) => Promise<unknown>)(...args).catch(
      (error: unknown) => {
        const cause = tx?.idbtrans?.error;
        if (
          cause &&
          typeof error === 'object' &&
          error !== null &&
          !('inner' in error && error.inner)
        ) {
          Object.assign(error, { inner: cause });
        }
        throw error;
      },
    );
  }) as Dexie['transaction'];
}

/** A record that holds a conflict: `<table>:<id>`, and the paths written on both sides. */
export interface ConflictIndexRow {
  readonly id: string;
  readonly caseId: string;
  readonly table: string;
  readonly recordId: string;
  readonly paths: readonly string[];
}

/** A file's bytes, stored once however many attachments name them. */
export interface StoredBlob extends BlobRow {
  readonly blob: Blob;
}

export type { RecordTable } from '../../shared/domain/tables';
