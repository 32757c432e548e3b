/**
 * Writes as the app makes them, on several laptops: each record is created with createRecord
 * and changed with patchRecord (shared/domain/record.ts) by the member and laptop that did it,
 * and every write leaves a revision carrying the version vector it produced, as write.ts logs
 * it. What comes out can be stored through the path for rows from other laptops
 * (`storeForeign`) exactly as a case package would bring it.
 */
import { createRecord, patchRecord, type Patch, type Stored } from '../domain/record';
import type { Revision } from '../domain/revision';
import { COLLECTIONS, type RecordTable } from '../domain/tables';

/** Who writes: a team member on their own laptop. */
export interface Author {
  readonly id: string;
  readonly deviceId: string;
}

export interface HistoryRow {
  readonly table: RecordTable;
  readonly row: Stored<object>;
}

export class History {
  private readonly rows = new Map<string, HistoryRow>();
  private readonly log: Revision[] = [];

  constructor(
    private readonly caseId: string,
    /** A new revision id for a write at that time (a ULID, as the app makes them). */
    private readonly revisionId: (at: string) => string,
  ) {}

  create<T extends object>(
    table: RecordTable,
    id: string,
    fields: T,
    by: Author,
    at: string,
  ): Stored<T> {
    if (this.rows.has(id)) throw new Error(`${table} ${id} exists`);
    const ctx = { now: at, deviceId: by.deviceId, memberId: by.id };
    const { record, changes } = createRecord(
      { id, caseId: this.caseId },
      fields,
      ctx,
      COLLECTIONS[table],
    );
    this.rows.set(id, { table, row: record });
    this.revise(table, record, 'create', changes, by, at);
    return record;
  }

  /** Applies a patch; a patch that changes nothing is a bug in the script, not a no-op. */
  patch<T extends object>(id: string, patch: Patch, by: Author, at: string): Stored<T> {
    const current = this.rows.get(id);
    if (!current) throw new Error(`no record ${id}`);
    const { table } = current;
    if (Date.parse(at) <= Date.parse(current.row.updatedAt)) {
      throw new Error(`${table} ${id}: write at ${at} is not after ${current.row.updatedAt}`);
    }
    const ctx = { now: at, deviceId: by.deviceId, memberId: by.id };
    const result = patchRecord(current.row, patch, ctx, COLLECTIONS[table]);
    if (!result) throw new Error(`${table} ${id}: patch changes nothing`);
    this.rows.set(id, { table, row: result.record });
    this.revise(table, result.record, 'update', result.changes, by, at);
    return result.record as Stored<T>;
  }

  get<T extends object>(id: string): Stored<T> {
    const found = this.rows.get(id);
    if (!found) throw new Error(`no record ${id}`);
    return found.row as Stored<T>;
  }

  /** Every record as it ends, in the order they were created. */
  allRows(): HistoryRow[] {
    return [...this.rows.values()];
  }

  /** Every write, oldest first (by time: what each laptop did, day by day). */
  revisions(): Revision[] {
    return this.log
      .map((revision, i) => ({ revision, i }))
      .sort((a, b) => a.revision.at.localeCompare(b.revision.at) || a.i - b.i)
      .map(({ revision }) => revision);
  }

  private revise(
    table: RecordTable,
    record: Stored<object>,
    kind: Revision['kind'],
    changes: Revision['changes'],
    by: Author,
    at: string,
  ) {
    this.log.push({
      id: this.revisionId(at),
      caseId: this.caseId,
      table,
      recordId: record.id,
      kind,
      at,
      by: by.id,
      dot: [by.deviceId, record.vv[by.deviceId] ?? 0],
      vv: record.vv,
      changes,
      seq: 0,
    });
  }
}
