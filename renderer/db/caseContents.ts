/**
 * Everything of one case as a package carries it, read from any version of the database that
 * has the merge-ready layout (schema 4 on): what a snapshot holds. It reads the tables the
 * database has rather than the ones this app declares, so the snapshot taken before a schema
 * upgrade is read from the old database, by a connection that does not upgrade it.
 *
 * Every clue and every audit entry goes in: a snapshot is for this laptop and its 组长.
 */
import Dexie from 'dexie';
import { filesNamedBy, type CaseContents } from '../../shared/package/contents';
import type { Stored } from '../../shared/domain/record';
import type { Revision } from '../../shared/domain/revision';
import type { AuditEntry } from '../../shared/domain/audit.schema';
import { isRecordTable, type RecordTable } from '../../shared/domain/tables';
import { storedFile, type Keys } from './atRest';

/** The rows of `table` in the case, by the index each table has had since schema 4. */
function rowsOf(db: Dexie, table: string, caseId: string) {
  return db
    .table(table)
    .where('[caseId+seq]')
    .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
    .toArray() as Promise<(Stored<object> & { seq?: number })[]>;
}

export interface CaseSnapshotContents {
  readonly contents: CaseContents;
  /** The highest change number among them: a later snapshot with the same has nothing new. */
  readonly upTo: number;
}

export async function caseContentsIn(
  db: Dexie,
  keys: Keys | undefined,
  caseId: string,
): Promise<CaseSnapshotContents> {
  const present = new Set(db.tables.map((t) => t.name));
  const recordTables = [...present].filter(isRecordTable);
  const scope = [...recordTables, 'revisions', ...(present.has('auditLog') ? ['auditLog'] : [])];
  const read = await db.transaction('r', scope, async () => {
    const rows: { table: RecordTable; row: Stored<object> }[] = [];
    let upTo = 0;
    const seen = (seq: number | undefined) => (upTo = Math.max(upTo, seq ?? 0));
    for (const table of recordTables) {
      for (const row of await rowsOf(db, table, caseId)) {
        seen(row.seq);
        rows.push({ table, row });
      }
    }
    const revisions = (await rowsOf(db, 'revisions', caseId)) as unknown as Revision[];
    for (const r of revisions) seen(r.seq);
    const audit = present.has('auditLog')
      ? ((await rowsOf(db, 'auditLog', caseId)) as unknown as AuditEntry[])
      : [];
    for (const e of audit) seen((e as { seq?: number }).seq);
    return { rows, revisions, audit, upTo };
  });
  const wanted = filesNamedBy(read.rows);
  const blobs = (await db.table('blobs').bulkGet([...wanted.keys()])) as (
    { sha256: string; blob: Blob } | undefined
  )[];
  const files = blobs.flatMap((b) =>
    b ? [{ sha256: b.sha256, mime: wanted.get(b.sha256) ?? '', ...storedFile(keys, b) }] : [],
  );
  const { upTo, ...contents } = read;
  return { contents: { ...contents, files }, upTo };
}

/** The highest change number of the case's rows, revisions and log: what a snapshot reached. */
export async function lastChangeIn(db: Dexie, caseId: string): Promise<number> {
  const present = new Set(db.tables.map((t) => t.name));
  const tables = [...present].filter(
    (t) => isRecordTable(t) || t === 'revisions' || t === 'auditLog',
  );
  let last = 0;
  for (const table of tables) {
    const keys = (await db
      .table(table)
      .where('[caseId+seq]')
      .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
      .reverse()
      .limit(1)
      .keys()) as unknown as [string, number][];
    last = Math.max(last, keys[0]?.[1] ?? 0);
  }
  return last;
}
