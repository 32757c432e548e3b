/**
 * The IndexedDB schema, version by version. This list is the one place schema versions live.
 *
 * Rules for a new version (see README, "数据库升级"):
 * - add an entry with the next number; never edit a shipped entry;
 * - an `upgrade` copies the little logic it needs instead of importing today's domain code,
 *   because today's code will change and the migration must not;
 * - add a fixture of the previous version's data to test/unit/db/migration.test.ts;
 * - add indexes, never delete one: a version that deleted one let Chromium lose the whole
 *   database at a restart after a full disk (see version 12).
 *
 * Index syntax is Dexie's: the first key is the primary key; `[a+b]` is a compound index.
 * Booleans cannot be indexed in IndexedDB, so `deleted` is filtered in code.
 */
import type { Transaction } from 'dexie';
import { upgradeTo4 } from './migrations/v4';
import { clueToV6 } from '../../shared/domain/migrations/v6';

export interface SchemaVersion {
  readonly version: number;
  readonly stores: Readonly<Record<string, string | null>>;
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}

export const DB_NAME = 'xuncha-workbench';

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      cases: 'id, status, updatedAt',
      members: 'id, caseId',
      // Every write to every record, forever: the evidence of who changed what.
      revisions: 'id, recordId, caseId',
      // This laptop only (never exported): device id, the current member of each case.
      settings: 'key',
    },
  },
  {
    // Field records (issue 3). New tables only: v1 data is untouched.
    version: 2,
    stores: {
      interviews: 'id, caseId',
      docReviews: 'id, caseId',
      siteVisits: 'id, caseId',
      petitions: 'id, caseId',
      // One small row per field record, written with it: what lists, counts, filters and the
      // search index need, without loading interview bodies (which may be megabytes).
      summaries: 'id, [caseId+kind+state], [caseId+updatedAt]',
      // Photos and scans as Blobs, with their metadata; tombstoned like records.
      attachments: 'id, recordId, caseId',
      revisions: 'id, recordId, caseId',
    },
  },
  {
    // Findings and clues (issue 4); list rows learn how many people an interview met.
    version: 3,
    stores: {
      findings: 'id, caseId',
      clues: 'id, caseId',
    },
    async upgrade(tx) {
      // Copied logic, not imported: "named interviewees" as version 3 understands it.
      const people = new Map<string, number>();
      await tx
        .table('interviews')
        .each((r: { id: string; interviewees?: { name?: string }[] }) =>
          people.set(r.id, (r.interviewees ?? []).filter((p) => (p.name ?? '') !== '').length),
        );
      await tx
        .table('summaries')
        .toCollection()
        .modify((s: { id: string; headcount?: number }) => {
          s.headcount = people.get(s.id) ?? 0;
        });
    },
  },
  {
    // The merge-ready data layer (issue 10): collections written element by element, findings
    // ordered by fractional keys, attachments as records with their bytes in `blobs` (by
    // SHA-256), revisions with the version vector they produced, and the local change
    // sequence `seq` on every row, revision and list row. See migrations/v4.ts.
    version: 4,
    stores: {
      cases: 'id, status, updatedAt, [caseId+seq]',
      members: 'id, caseId, [caseId+seq]',
      interviews: 'id, caseId, [caseId+seq]',
      docReviews: 'id, caseId, [caseId+seq]',
      siteVisits: 'id, caseId, [caseId+seq]',
      petitions: 'id, caseId, [caseId+seq]',
      findings: 'id, caseId, [caseId+seq]',
      clues: 'id, caseId, [caseId+seq]',
      attachments: 'id, recordId, caseId, [caseId+seq]',
      revisions: 'id, recordId, caseId, [recordId+seq], [caseId+seq]',
      summaries: 'id, [caseId+kind+state], [caseId+seq]',
      blobs: 'sha256',
      // The autosave journal's durable half (journal.store.ts); this laptop only.
      journal: 'key',
    },
    upgrade: upgradeTo4,
  },
  {
    // Case packages (issue 12): records may hold conflicts (`siblings`, see merge.ts), listed
    // in a derived table rebuilt with each write; members may carry their laptop's public key.
    // Both are optional: no v4 row changes, and no v4 row holds a conflict.
    version: 5,
    stores: {
      conflicts: 'id, caseId',
    },
  },
  {
    // Word documents (issue 13): a clue's `handling` splits into 拟处置建议 and 移交对象
    // (shared/domain/migrations/v6.ts). Findings, cases and interviews gain fields with
    // defaults: their rows need no change.
    version: 6,
    stores: {},
    async upgrade(tx) {
      await tx
        .table('clues')
        .toCollection()
        .modify((row: Record<string, unknown>, ref: { value: Record<string, unknown> }) => {
          ref.value = clueToV6(row);
        });
    },
  },
  {
    // 整改台账 (issue 14): new tables only, travelling like every record table.
    version: 7,
    stores: {
      ledgerItems: 'id, caseId, findingId, [caseId+seq]',
      tasks: 'id, caseId, itemId, [caseId+seq]',
    },
  },
  {
    // A handed-over clue's reply (办理结果, 反馈日期): fields with defaults, no row changes. Its
    // own version so that a laptop still on 7 refuses such a clue as newer, not as damaged.
    version: 8,
    stores: {},
  },
  {
    // 回头看 (issue 14): the earlier round's 问题 and clues with their 复核, a new travelling
    // table; a case may name the earlier case it checks, and evidence may cite a 复核 (fields
    // and values with defaults: no row changes).
    version: 9,
    stores: {
      rechecks: 'id, caseId, [caseId+seq]',
    },
  },
  {
    // 数据比对 (issue 15): lists, rules and 疑点, new travelling tables; a list's rows are files
    // in `blobs`; evidence may cite a row of a list.
    version: 10,
    stores: {
      compareLists: 'id, caseId, [caseId+seq]',
      compareRules: 'id, caseId, [caseId+seq]',
      compareHits: 'id, caseId, ruleId, [caseId+seq]',
    },
  },
  {
    // The audit log (issue 16): a new travelling table, appended to only. Only the id, the case
    // and the change sequence are indexed (and so stay readable under encryption): who did
    // what is sealed, and filtered in code.
    version: 11,
    stores: {
      auditLog: 'id, caseId, [caseId+seq]',
    },
  },
  {
    // A list's rows are read in pages (atRest.ts inPages), which needs each row under an
    // index key of its own: a list index that ends with the row's id. Added beside the one it
    // stands for, not instead: with that one deleted in this version, Chromium lost the whole
    // database at a restart after a full disk in about one run of the full-disk e2e test in
    // four (never in 20 runs without the deletion, nor in 14 with this one added beside it).
    version: 12,
    stores: {
      summaries: 'id, [caseId+kind+state], [caseId+kind+state+id], [caseId+seq]',
    },
  },
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
