/**
 * The one write path for records: every insert, patch, delete and restore goes through here, in
 * one transaction with its revision, so history can never miss a write.
 *
 * Callers open the transaction with an `async` scope function: Dexie follows native async
 * functions through the transaction, but a plain function returning a nested promise chain
 * lets the transaction commit early (PrematureCommitError; seen with fake-indexeddb).
 */
import { monotonicFactory } from 'ulid';
import type { Table } from 'dexie';
import {
  createRecord,
  patchRecord,
  restore,
  tombstone,
  type FieldChanges,
  type Stored,
  type WriteContext,
} from '../../shared/domain/record';
import type { Revision, RevisionKind } from '../../shared/domain/revision';
import { ValidationError } from '../../shared/domain/validation';
import { zh } from '../../shared/i18n/zh-CN';
import type { RecordTable, WorkbenchDB } from './database';

/** Who is writing, from which laptop; the repositories add the time. */
export interface Actor {
  readonly deviceId: string;
  readonly memberId: string;
}

/** Revision ids sort in write order, even for writes within one millisecond. */
const revisionId = monotonicFactory();

/**
 * Autosave writes every half second while someone types. Consecutive saves by the same member on
 * the same laptop, each within this gap of the last, form one revision (like one editing session
 * in a word processor): its time and values are those of the latest save. A pause, another
 * member, another laptop, a delete or a restore starts a new revision.
 */
export const COALESCE_MS = 60_000;

export function contextOf(actor: Actor): WriteContext {
  return { ...actor, now: new Date().toISOString() };
}

function table<T extends object>(db: WorkbenchDB, name: RecordTable): Table<Stored<T>, string> {
  return db.table(name);
}

async function logRevision(
  db: WorkbenchDB,
  name: RecordTable,
  record: Stored<object>,
  kind: RevisionKind,
  changes: FieldChanges,
  ctx: WriteContext,
) {
  const dot = [ctx.deviceId, record.vv[ctx.deviceId] ?? 0] as const;
  if (kind === 'update') {
    const last = await db.revisions.where('recordId').equals(record.id).last();
    if (
      last?.kind === 'update' &&
      last.by === ctx.memberId &&
      last.dot[0] === ctx.deviceId &&
      Date.parse(ctx.now) - Date.parse(last.at) <= COALESCE_MS
    ) {
      await db.revisions.put({
        ...last,
        at: ctx.now,
        dot,
        changes: { ...last.changes, ...changes },
      });
      return;
    }
  }
  const revision: Revision = {
    id: revisionId(),
    caseId: record.caseId,
    table: name,
    recordId: record.id,
    kind,
    at: ctx.now,
    by: ctx.memberId,
    dot,
    changes,
  };
  await db.revisions.add(revision);
}

/** Adds a record. Call inside a 'rw' transaction over the table and `revisions`. */
export async function insertRecord<T extends object>(
  db: WorkbenchDB,
  name: RecordTable,
  ids: { id: string; caseId: string },
  fields: T,
  ctx: WriteContext,
): Promise<Stored<T>> {
  const { record, changes } = createRecord(ids, fields, ctx);
  await table<T>(db, name).add(record);
  await logRevision(db, name, record, 'create', changes, ctx);
  return record;
}

/** The live record or a clear error: writes never resurrect what is not there. */
export async function getLive<T extends object>(db: WorkbenchDB, name: RecordTable, id: string) {
  const record = await table<T>(db, name).get(id);
  if (!record) throw new ValidationError({ _: zh.validation.notFound });
  return record;
}

/**
 * Writes the fields of `patch` that differ. `check` sees the record as it would be and may
 * throw a ValidationError; then nothing is written.
 */
export async function updateRecord<T extends object>(
  db: WorkbenchDB,
  name: RecordTable,
  id: string,
  patch: Partial<T>,
  ctx: WriteContext,
  check: (next: Stored<T>) => void | Promise<void> = () => {},
): Promise<Stored<T>> {
  const current = await getLive<T>(db, name, id);
  if (current.deleted) throw new ValidationError({ _: zh.validation.notFound });
  const result = patchRecord(current, patch, ctx);
  if (!result) return current;
  await check(result.record);
  await table<T>(db, name).put(result.record);
  await logRevision(db, name, result.record, 'update', result.changes, ctx);
  return result.record;
}

/** Moves a record to the recycle bin (a tombstone that later merges will carry). */
export async function deleteRecord(
  db: WorkbenchDB,
  name: RecordTable,
  id: string,
  ctx: WriteContext,
) {
  const result = tombstone(await getLive<object>(db, name, id), ctx);
  if (!result) return;
  await table<object>(db, name).put(result.record);
  await logRevision(db, name, result.record, 'delete', result.changes, ctx);
}

/** Brings a record back from the recycle bin. */
export async function restoreRecord(
  db: WorkbenchDB,
  name: RecordTable,
  id: string,
  ctx: WriteContext,
) {
  const result = restore(await getLive<object>(db, name, id), ctx);
  if (!result) return;
  await table<object>(db, name).put(result.record);
  await logRevision(db, name, result.record, 'restore', result.changes, ctx);
}
