/**
 * The two write paths of every travelling table (see shared/domain/tables.ts):
 *
 * - local writes (insert, update, delete, restore): stamped with this laptop's dot, logged as
 *   a revision carrying the version vector it produced, and their derived rows (list rows)
 *   rebuilt, all in one strict transaction, so history can never miss a write;
 * - foreign rows (from another laptop's package): checked row by row, stored exactly as they
 *   came (no restamping: their version vectors and dots are the other laptop's facts), merged
 *   with the local copy by version vector when both changed, derived rows rebuilt, all in one
 *   transaction: all or nothing.
 *
 * Both bump the local change sequence: a counter that only goes up, stamped on every stored
 * row, revision and list row, so "what changed since" (the search index, exports) never depends
 * on a laptop's clock or on the times other laptops wrote.
 *
 * Callers open the transaction with an `async` scope function: Dexie follows native async
 * functions through the transaction, but a plain function returning a nested promise chain
 * lets the transaction commit early (PrematureCommitError; seen with fake-indexeddb).
 */
import Dexie, { type Table } from 'dexie';
import { splitPath } from '../../shared/domain/collections';
import { decodeTime, ulid } from 'ulid';
import {
  createRecord,
  patchRecord,
  restore,
  sameValue,
  settle,
  tombstone,
  compareVersions,
  dotsOf,
  type Dot,
  type FieldChanges,
  type Patch,
  type Stored,
  type WriteContext,
} from '../../shared/domain/record';
import { mergeRecords, type Conflict } from '../../shared/domain/merge';
import {
  entitledMembers,
  guardOf,
  mayWrite,
  unentitledWrite,
} from '../../shared/domain/entitlement';
import { PackageError } from '../../shared/package/problems';
import {
  isRedacted,
  REDACTED,
  type Revision,
  type RevisionKind,
} from '../../shared/domain/revision';
import {
  checkRecordRow,
  collectionsOf,
  parseBlobRow,
  isRecordTable,
  parseRevision,
  RECORD_TABLES,
  type RecordTable,
  type TableName,
} from '../../shared/domain/tables';
import { isRecordKind, RECORD_SPECS } from '../../shared/domain/records';
import { parseAuditEntry, type AuditEntry } from '../../shared/domain/audit.schema';
import { summarize, type RecordSummary } from '../../shared/domain/records/summary';
import { ValidationError } from '../../shared/domain/validation';
import { zh } from '../../shared/i18n/zh-CN';
import type { ConflictIndexRow, StoredBlob, WorkbenchDB } from './database';
import { storable } from './atRest';

/** Who is writing, from which laptop; the write path adds the time. */
export interface Actor {
  readonly deviceId: string;
  readonly memberId: string;
}

/** Where the time of a write comes from: passed in, so tests and benchmarks can step it. */
export interface Clock {
  now(): string;
}
export const systemClock: Clock = { now: () => new Date().toISOString() };

/**
 * Autosave writes every few hundred milliseconds while someone types. Consecutive saves by the
 * same member on the same laptop, each within COALESCE_MS of the last, fold into one revision
 * (like one editing session in a word processor), for at most SESSION_MS: long typing still
 * leaves a version every ten minutes. A revision is folded into only while it cannot have left
 * the laptop: its change sequence is above the export watermark. Once exported it is immutable.
 */
export const COALESCE_MS = 60_000;
export const SESSION_MS = 10 * 60_000;

const SEQ = 'seq';
const EXPORTED = 'exportedSeq';

type AnyRow = Stored<object>;

/** A batch of rows from another laptop, as a case package carries them. */
export interface ForeignBatch {
  readonly rows: readonly { readonly table: RecordTable; readonly row: unknown }[];
  readonly revisions?: readonly unknown[];
  readonly blobs?: readonly unknown[];
  /** Audit log entries (audit.schema.ts): immutable, kept once by id. */
  readonly audit?: readonly unknown[];
}

/** A field written on two laptops without either seeing the other's write, in one record. */
export type TableConflict = Conflict & {
  readonly caseId: string;
  readonly table: RecordTable;
  readonly recordId: string;
};

export interface ForeignResult {
  /** Rows stored (new, newer, or merged with a concurrent local copy). */
  readonly stored: number;
  /** Rows this laptop already had, or had newer: nothing was changed for them. */
  readonly skipped: number;
  /** Fields written on both laptops without either seeing the other's write. */
  readonly conflicts: readonly TableConflict[];
}

export interface TableCounts {
  readonly added: number;
  readonly changed: number;
  readonly deleted: number;
  /** Already here, at this version or newer. */
  readonly same: number;
}

export interface ForeignPreview {
  readonly tables: Readonly<Record<string, TableCounts>>;
  readonly conflicts: readonly TableConflict[];
  readonly newRevisions: number;
  readonly newFiles: number;
  /** Audit log entries not here yet. */
  readonly newAudit: number;
  /** Everything in the batch is here already: applying it would change nothing. */
  readonly nothingNew: boolean;
}

/**
 * Tables whose records may have values removed from their history (an anonymous petition's
 * reporter, see redact): rows of these that arrive are checked against local redactions.
 */
const REDACTABLE: ReadonlySet<string> = new Set<RecordTable>(['petitions']);

/** The tables storing foreign rows touches: a caller's own transaction must include them. */
export const FOREIGN_SCOPE: readonly TableName[] = [
  ...RECORD_TABLES,
  'revisions',
  'blobs',
  'settings',
  'summaries',
  'conflicts',
  'auditLog',
];

type CheckedRow = { readonly name: RecordTable; readonly row: AnyRow };

/** What storing one foreign row does: nothing (`skip`), or store `next` (as it came or merged). */
interface Planned extends CheckedRow {
  readonly local: AnyRow | undefined;
  readonly action: 'skip' | 'store';
  readonly next: AnyRow;
  readonly conflicts: readonly TableConflict[];
}

/** Every row, revision and blob of a batch checked, before anything is read or written. */
/** The conflicts list's entry for a row: the paths of its siblings, if any is a conflict. */
function conflictEntry(name: RecordTable, row: AnyRow): ConflictIndexRow | null {
  const paths = Object.keys(row.siblings ?? {}).filter((p) => !isSetElement(name, p));
  if (paths.length === 0) return null;
  return { id: `${name}:${row.id}`, caseId: row.caseId, table: name, recordId: row.id, paths };
}

/** A set's element (a tag, an evidence link): concurrent add and remove are no conflict. */
function isSetElement(table: RecordTable, path: string): boolean {
  const [field, key] = splitPath(path);
  return key !== undefined && collectionsOf(table)[field]?.kind === 'set';
}

/**
 * The guarded fields (entitlement.ts) a stored row changes: its value, or the write that set
 * it, differs from the local copy. A field never written since creation has no clock of its own.
 */
function guardedChanges(p: Planned): string[] {
  const next = p.next as Record<string, unknown>;
  const local = p.local as Record<string, unknown> | undefined;
  return Object.keys(next).filter(
    (field) =>
      guardOf(p.name, field, next[field]) !== null &&
      p.next.clocks[field] !== undefined &&
      (!local ||
        !sameValue(local[field], next[field]) ||
        !sameValue(p.local!.clocks[field], p.next.clocks[field])),
  );
}

function checkBatch(batch: ForeignBatch) {
  const rows: CheckedRow[] = batch.rows.map(({ table: name, row }) => {
    if (!isRecordTable(name)) throw new ValidationError({ _: zh.data.notARow(name) });
    checkRecordRow(name, row);
    return { name, row: row as AnyRow };
  });
  const revisions = (batch.revisions ?? []).map(parseRevision);
  // Checked to be Blob-like; in the renderer they are Blobs.
  const blobs = (batch.blobs ?? []).map(parseBlobRow) as StoredBlob[];
  const audit = (batch.audit ?? []).map(parseAuditEntry);
  return { rows, revisions, blobs, audit };
}

/** Entries not among `known` (what bulkGet found for them), each once. */
function unknownYet<T extends { id: string }>(items: readonly T[], known: readonly unknown[]): T[] {
  return [
    ...new Map(items.filter((_, i) => known[i] === undefined).map((r) => [r.id, r])).values(),
  ];
}

export function writePath(db: WorkbenchDB, clock: Clock = systemClock) {
  const table = (name: RecordTable): Table<AnyRow, string> => db.table(name);
  const contextOf = (actor: Actor): WriteContext => ({ ...actor, now: clock.now() });

  /** The next number of the change sequence. Call inside a transaction that has `settings`. */
  async function nextSeq(): Promise<number> {
    const seq = Number((await db.settings.get(SEQ))?.value ?? 0) + 1;
    await db.settings.put({ key: SEQ, value: String(seq) });
    return seq;
  }

  /** Stores a row as it is (with this laptop's sequence) and rebuilds what derives from it. */
  async function store(
    name: RecordTable,
    row: AnyRow,
    seq: number,
    before?: AnyRow,
  ): Promise<AnyRow> {
    const stored = { ...row, seq };
    await table(name).put(stored);
    if (isRecordKind(name)) await db.summaries.put(summarize(RECORD_SPECS[name], stored));
    // The conflicts list is written only when a record holds or held a conflict: an autosave
    // every few hundred milliseconds adds nothing else to the database's log.
    const entry = conflictEntry(name, row);
    if (entry) await db.conflicts.put(entry);
    else if (before?.siblings) await db.conflicts.delete(`${name}:${row.id}`);
    return stored;
  }

  /**
   * Stores many rows at once (foreign rows), numbered from `firstSeq` in order, with what
   * derives from them: a few bulk requests instead of several per row.
   */
  async function storeMany(
    items: readonly { name: RecordTable; row: AnyRow; hadConflicts: boolean }[],
    firstSeq: number,
  ) {
    const byTable = new Map<RecordTable, AnyRow[]>();
    const summaries: RecordSummary[] = [];
    const conflicted: ConflictIndexRow[] = [];
    const settled: string[] = [];
    items.forEach(({ name, row, hadConflicts }, i) => {
      const stored = { ...row, seq: firstSeq + i };
      byTable.set(name, [...(byTable.get(name) ?? []), stored]);
      if (isRecordKind(name)) summaries.push(summarize(RECORD_SPECS[name], stored));
      const entry = conflictEntry(name, row);
      if (entry) conflicted.push(entry);
      else if (hadConflicts) settled.push(`${name}:${row.id}`);
    });
    for (const [name, rows] of byTable) await table(name).bulkPut(rows);
    await db.summaries.bulkPut(summaries);
    await db.conflicts.bulkDelete(settled);
    await db.conflicts.bulkPut(conflicted);
  }

  async function exportedSeq(): Promise<number> {
    return Number((await db.settings.get(EXPORTED))?.value ?? 0);
  }

  /** The newest revision of a record on this laptop. */
  function lastRevision(recordId: string): Promise<Revision | undefined> {
    return db.revisions
      .where('[recordId+seq]')
      .between([recordId, Dexie.minKey], [recordId, Dexie.maxKey])
      .last();
  }

  /**
   * Whether this update may fold into `last`: the same member on the same laptop, nothing else
   * written to the record since (`previous` is what `last` produced), still in the editing
   * session, and never exported.
   */
  async function foldable(last: Revision | undefined, previous: AnyRow, ctx: WriteContext) {
    if (!last || last.kind !== 'update') return false;
    if (last.by !== ctx.memberId || last.dot[0] !== ctx.deviceId) return false;
    if (!sameValue(last.vv, previous.vv)) return false;
    const now = Date.parse(ctx.now);
    const sincePause = now - Date.parse(last.at);
    const sinceStart = now - decodeTime(last.id); // a revision's id is made at its first write
    if (!(sincePause >= 0 && sincePause <= COALESCE_MS)) return false; // a clock that went back
    if (!(sinceStart >= 0 && sinceStart <= SESSION_MS)) return false;
    return last.seq > (await exportedSeq());
  }

  async function logRevision(
    name: RecordTable,
    record: AnyRow,
    kind: RevisionKind,
    changes: FieldChanges,
    ctx: WriteContext,
    seq: number,
  ): Promise<Revision> {
    const revision: Revision = {
      id: ulid(Date.parse(ctx.now) || Date.now()),
      caseId: record.caseId,
      table: name,
      recordId: record.id,
      kind,
      at: ctx.now,
      by: ctx.memberId,
      dot: [ctx.deviceId, record.vv[ctx.deviceId] ?? 0],
      vv: record.vv,
      changes,
      seq,
    };
    await db.revisions.add(revision);
    return revision;
  }

  /**
   * Removes the values of `fields` from every revision of a record on this laptop, replacing
   * them with the REDACTED marker: the fields named by its `redact` revisions, and `also`.
   * Returns the fields that had values somewhere. Call inside a transaction with `revisions`.
   */
  async function scrub(recordId: string, also: readonly string[] = []): Promise<Set<string>> {
    const revisions = await db.revisions.where('recordId').equals(recordId).toArray();
    const fields = new Set(also);
    for (const r of revisions) {
      if (r.kind === 'redact') for (const f of Object.keys(r.changes)) fields.add(f);
    }
    const found = new Set<string>();
    for (const r of revisions) {
      if (r.kind === 'redact') continue;
      const hit = [...fields].filter(
        (f) => f in r.changes && !isRedacted(r.changes[f]) && r.changes[f] !== '',
      );
      if (hit.length === 0) continue;
      for (const f of hit) found.add(f);
      const changes = { ...r.changes };
      for (const f of hit) changes[f] = REDACTED;
      // Same sequence number: the redaction travels as its own revision, and a revision's
      // number also says whether it may have left the laptop (see foldable).
      await db.revisions.put({ ...r, changes });
    }
    // A value that lost a conflict is kept in the record itself (siblings): removed there too,
    // leaving the write (its dot) so that merging stays the same on every laptop.
    const name = revisions[0]?.table;
    if (name && isRecordTable(name)) {
      const row = await table(name).get(recordId);
      const siblings = { ...row?.siblings };
      let cleared = false;
      for (const f of fields) {
        const kept = siblings[f];
        if (!kept?.some((x) => x.value !== '')) continue;
        siblings[f] = kept.map((x) => ({ ...x, value: '' }));
        found.add(f);
        cleared = true;
      }
      if (row && cleared) await table(name).put({ ...row, siblings });
    }
    return found;
  }

  /** A record as written, found or a clear error: writes never resurrect what is not there. */
  async function getLive<T extends object>(name: RecordTable, id: string): Promise<Stored<T>> {
    const record = (await table(name).get(id)) as Stored<T> | undefined;
    if (!record) throw new ValidationError({ _: zh.validation.notFound });
    return record;
  }

  /**
   * Makes a batch ready to store: its files sealed and its cases' keys made. Both wait on
   * things other than this database, which would end a transaction: a caller that stores the
   * batch inside a transaction of its own calls this first, outside it.
   */
  async function prepareForeign(batch: ForeignBatch): Promise<ForeignBatch> {
    const blobs = await storable(db.keys, (batch.blobs ?? []) as StoredBlob[]);
    const caseIds = new Set(
      [...batch.rows.map(({ row }) => row), ...(batch.audit ?? [])].map(
        (row) => (row as { caseId?: unknown }).caseId,
      ),
    );
    for (const caseId of caseIds) if (typeof caseId === 'string') await db.keys?.ensure(caseId);
    return { ...batch, blobs };
  }

  /** What storing each row would do, read from the local copies (no writes). */
  async function plan(rows: readonly CheckedRow[]): Promise<Planned[]> {
    const out: Planned[] = [];
    // The local copies, read table by table in one request each.
    const ahead = new Map<string, AnyRow>();
    const ids = new Map<RecordTable, Set<string>>();
    for (const { name, row } of rows) ids.set(name, (ids.get(name) ?? new Set()).add(row.id));
    for (const [name, wanted] of ids) {
      const found = await table(name).bulkGet([...wanted]);
      for (const row of found) if (row) ahead.set(`${name}/${row.id}`, row);
    }
    // A batch may carry several versions of one row: each meets what the ones before it made.
    for (const { name, row } of rows) {
      const key = `${name}/${row.id}`;
      const local = ahead.get(key);
      const order = local ? compareVersions(row.vv, local.vv) : 'newer';
      if (order === 'same' || order === 'older') {
        out.push({ name, row, local, action: 'skip', next: local!, conflicts: [] });
        continue;
      }
      if (local && order === 'concurrent') {
        const merged = mergeRecords(local, row, collectionsOf(name));
        checkRecordRow(name, merged.record); // a sibling that wins is held to the field's rules
        const conflicts = merged.conflicts.map((c) => ({
          ...c,
          caseId: row.caseId,
          table: name,
          recordId: row.id,
        }));
        out.push({ name, row, local, action: 'store', next: merged.record, conflicts });
      } else {
        out.push({ name, row, local, action: 'store', next: row, conflicts: [] });
      }
      ahead.set(key, out[out.length - 1]!.next);
    }
    return out;
  }

  /**
   * After a batch is stored, inside its transaction: no write its author may not make
   * (entitlement.ts), no guarded value in a row unless the write that set it (the dot of its
   * clock) is one such author's, one 组长 and unique names per team. Throws a PackageError,
   * which rolls the whole batch back.
   */
  async function checkLeaderRules(planned: readonly Planned[], revisions: readonly Revision[]) {
    const guarded = planned.filter((p) => p.action === 'store' && guardedChanges(p).length > 0);
    const caseIds = new Set([
      ...planned.filter((p) => p.name === 'members').map((p) => p.row.caseId),
      ...guarded.map((p) => p.row.caseId),
      ...revisions.map((r) => r.caseId),
    ]);
    for (const caseId of caseIds) {
      const team = await db.members.where('caseId').equals(caseId).toArray();
      const creator = (await db.cases.get(caseId))?.createdBy ?? '';
      const memberWrites = await db.revisions
        .where('recordId')
        .anyOf(team.map((m) => m.id))
        .toArray();
      const entitled = entitledMembers(creator, memberWrites);
      const bad = unentitledWrite(
        revisions.filter((r) => r.caseId === caseId),
        entitled,
      );
      if (bad) throw new PackageError('notEntitled', `${bad.table} ${bad.recordId} by ${bad.by}`);
      for (const p of guarded.filter((g) => g.row.caseId === caseId)) {
        const writes = await db.revisions.where('recordId').equals(p.row.id).toArray();
        for (const field of guardedChanges(p)) {
          const value = (p.next as Record<string, unknown>)[field];
          const dots = dotsOf(p.next.clocks[field]!);
          const setBy = writes.filter(
            (r) => field in r.changes && dots.some((d) => d[0] === r.dot[0] && d[1] === r.dot[1]),
          );
          if (setBy.length === 0 || setBy.some((r) => !mayWrite(r, field, value, entitled))) {
            throw new PackageError('notEntitled', `${p.name} ${p.row.id} ${field}`);
          }
        }
      }
      const live = team.filter((m) => !m.deleted);
      const names = new Set(live.map((m) => m.name));
      if (live.filter((m) => m.role === 'leader').length > 1 || names.size !== live.length) {
        throw new PackageError('teamRules', caseId);
      }
    }
  }

  return {
    contextOf,

    /** The tables a write to `names` needs in its transaction: them, revisions, the sequence. */
    scope(...names: (TableName | 'members')[]): Table[] {
      const all = new Set<string>([...names, 'revisions', 'settings', 'conflicts']);
      if (names.some((n) => isRecordKind(n))) all.add('summaries');
      return [...all].map((n) => db.table(n));
    },

    getLive,

    /** Adds a record. Call inside a 'rw' transaction over `scope(name)`. */
    async insert<T extends object>(
      name: RecordTable,
      ids: { id: string; caseId: string },
      fields: T,
      actor: Actor,
    ): Promise<Stored<T>> {
      const ctx = contextOf(actor);
      const { record, changes } = createRecord(ids, fields, ctx, collectionsOf(name));
      if (await table(name).get(ids.id)) throw new Error(`${name} ${ids.id} exists`);
      const seq = await nextSeq();
      await store(name, record, seq);
      await logRevision(name, record, 'create', changes, ctx, seq);
      return { ...record, seq };
    },

    /**
     * Writes the part of `patch` that changes the record (fields, and elements of collections).
     * `check` sees the record as it would be and may throw a ValidationError; then nothing is
     * written. A record in the recycle bin is not edited.
     */
    async update<T extends object>(
      name: RecordTable,
      id: string,
      patch: Patch,
      actor: Actor,
      check: (next: Stored<T>) => void | Promise<void> = () => {},
    ): Promise<Stored<T>> {
      const current = await getLive<T>(name, id);
      if (current.deleted) throw new ValidationError({ _: zh.validation.notFound });
      const ctx = contextOf(actor);
      const result = patchRecord(current, patch, ctx, collectionsOf(name));
      if (!result) return current;
      await check(result.record);
      const seq = await nextSeq();
      const last = await lastRevision(id);
      let record = result.record as AnyRow;
      if (last && (await foldable(last, current, ctx))) {
        // The folded revision speaks for the write it replaces: restamp what that write set,
        // so every dot in the record is the dot of a revision that exists.
        const dot: Dot = [ctx.deviceId, record.vv[ctx.deviceId] ?? 0];
        const clocks = { ...record.clocks };
        for (const path of Object.keys(last.changes)) {
          const was = clocks[path];
          if (was && sameValue(was, last.dot)) clocks[path] = dot;
        }
        record = { ...record, clocks };
        await db.revisions.put({
          ...last,
          at: ctx.now,
          dot,
          vv: record.vv,
          changes: { ...last.changes, ...result.changes },
          seq,
        });
      } else {
        await logRevision(name, record, 'update', result.changes, ctx, seq);
      }
      return (await store(name, record, seq, current)) as Stored<T>;
    },

    /**
     * Removes the values of `fields` from the record's history on this laptop (an anonymous
     * petition's reporter), and records that it did, without the values: a `redact` revision
     * that travels, so every laptop that holds the record removes them too. `hadValues`: the
     * fields that held a value just before (an edit folded into the same revision may already
     * have overwritten it there: the removal is still recorded). Does nothing when no value is
     * found anywhere. Call inside a transaction over `scope(name)`.
     */
    async redact(
      name: RecordTable,
      id: string,
      fields: readonly string[],
      actor: Actor,
      hadValues: readonly string[] = [],
    ) {
      const found = await scrub(id, fields);
      for (const f of hadValues) found.add(f);
      if (found.size === 0) return;
      const record = await getLive(name, id);
      const changes = Object.fromEntries([...found].map((f) => [f, REDACTED]));
      await logRevision(name, record, 'redact', changes, contextOf(actor), await nextSeq());
    },

    /**
     * Removes, entirely, a record that was created and never written again, never exported and
     * has no files: opened with 新建 and left. It never held anything and never left the laptop,
     * so no merge can miss it (the one case where nothing needs a tombstone). Returns whether it
     * did. Call inside a transaction over `scope(name)` and `attachments`.
     */
    async discardUntouched(name: RecordTable, id: string): Promise<boolean> {
      const record = await table(name).get(id);
      if (!record || record.deleted || record.rev !== 1) return false;
      if (record.seq <= (await exportedSeq())) return false;
      const revisions = await db.revisions.where('recordId').equals(id).count();
      const files = await db.attachments.where('recordId').equals(id).count();
      if (revisions !== 1 || files > 0) return false;
      await table(name).delete(id);
      await db.revisions.where('recordId').equals(id).delete();
      if (isRecordKind(name)) await db.summaries.delete(id);
      return true;
    },

    /** Moves a record to the recycle bin (a tombstone that merges carry to other laptops). */
    async remove(name: RecordTable, id: string, actor: Actor): Promise<void> {
      const ctx = contextOf(actor);
      const before = await getLive<object>(name, id);
      const result = tombstone(before, ctx);
      if (!result) return;
      const seq = await nextSeq();
      await store(name, result.record, seq, before);
      await logRevision(name, result.record, 'delete', result.changes, ctx, seq);
    },

    /** Brings a record back from the recycle bin. */
    async restore(name: RecordTable, id: string, actor: Actor): Promise<void> {
      const ctx = contextOf(actor);
      const before = await getLive<object>(name, id);
      const result = restore(before, ctx);
      if (!result) return;
      const seq = await nextSeq();
      await store(name, result.record, seq, before);
      await logRevision(name, result.record, 'restore', result.changes, ctx, seq);
    },

    /**
     * What storing `batch` would do, read without writing: per table, rows new here, changed
     * (newer, or merged with a concurrent local copy), deleted by the package, or already here;
     * and the fields that would conflict. Checks every row as storeForeign does.
     */
    async previewForeign(batch: ForeignBatch): Promise<ForeignPreview> {
      const { rows, revisions, blobs, audit } = checkBatch(batch);
      const names = [...new Set(rows.map((r) => r.name))];
      return db.transaction('r', [...names, 'revisions', 'blobs', 'auditLog'], async () => {
        const tables: Record<string, { -readonly [K in keyof TableCounts]: number }> = {};
        const conflicts: TableConflict[] = [];
        for (const item of await plan(rows)) {
          const counts = (tables[item.name] ??= { added: 0, changed: 0, deleted: 0, same: 0 });
          if (item.action === 'skip') counts.same++;
          else if (!item.local) counts.added++;
          else if (item.next.deleted && !item.local.deleted) counts.deleted++;
          else counts.changed++;
          conflicts.push(...item.conflicts);
        }
        const known = await db.revisions.bulkGet(revisions.map((r) => r.id));
        const newRevisions = known.filter((r) => r === undefined).length;
        const files = await db.blobs.bulkGet(blobs.map((b) => b.sha256));
        const newFiles = files.filter((b) => b === undefined).length;
        const entries = await db.auditLog.bulkGet(audit.map((e) => e.id));
        const newAudit = unknownYet(audit, entries).length;
        const nothingNew =
          newRevisions === 0 &&
          newFiles === 0 &&
          newAudit === 0 &&
          Object.values(tables).every((c) => c.added + c.changed + c.deleted === 0);
        return { tables, conflicts, newRevisions, newFiles, newAudit, nothingNew };
      });
    },

    /**
     * Stores rows, revisions and blobs from another laptop: all checked before anything is
     * written, then stored in one transaction (all or nothing). A row this laptop already has
     * at the same or a newer version changes nothing; an older local copy is replaced by the
     * row as it came; a concurrent one is merged field by field (shared/domain/merge.ts), and
     * the fields both laptops wrote are kept in `conflicts` until someone resolves them.
     * Revisions are immutable: one already here is left as it is. Before the transaction
     * commits, the 组长's rules are checked on the result (entitlement.ts): one 组长, unique
     * names, and no 组长's write by someone who never was one; otherwise nothing is stored.
     */
    prepareForeign,

    async storeForeign(
      batch: ForeignBatch,
      /** Items (files, rows, revisions) done of all, after each step of the merge. */
      onProgress: (done: number, total: number) => void = () => {},
    ): Promise<ForeignResult> {
      // A caller inside a transaction of its own has prepared the batch: this then waits on
      // nothing, as a transaction requires.
      const { rows, revisions, blobs, audit } = checkBatch(await prepareForeign(batch));
      const total = blobs.length + rows.length + revisions.length + audit.length;
      return db.transaction('rw', [...FOREIGN_SCOPE], async () => {
        const haveBlobs = await db.blobs.bulkGet(blobs.map((b) => b.sha256));
        const newBlobs = blobs.filter((_, i) => haveBlobs[i] === undefined);
        await db.blobs.bulkPut([...new Map(newBlobs.map((b) => [b.sha256, b])).values()]);
        onProgress(blobs.length, total);
        const planned = await plan(rows);
        const storing = planned.filter((p) => p.action === 'store');
        const haveRevisions = await db.revisions.bulkGet(revisions.map((r) => r.id));
        const newRevisions = unknownYet(revisions, haveRevisions);
        // Audit entries never change: one already here is left as it is.
        const newAudit = unknownYet(audit, await db.auditLog.bulkGet(audit.map((e) => e.id)));
        // One stretch of the change sequence for the whole batch: rows, revisions, audit entries.
        const first = Number((await db.settings.get(SEQ))?.value ?? 0) + 1;
        await storeMany(
          storing.map((p) => ({ name: p.name, row: p.next, hadConflicts: !!p.local?.siblings })),
          first,
        );
        onProgress(blobs.length + rows.length, total);
        const firstRevision = first + storing.length;
        await db.revisions.bulkAdd(newRevisions.map((r, i) => ({ ...r, seq: firstRevision + i })));
        const firstAudit = firstRevision + newRevisions.length;
        await db.auditLog.bulkAdd(
          newAudit.map((e, i): AuditEntry => ({ ...e, seq: firstAudit + i })),
        );
        const last = firstAudit + newAudit.length - 1;
        if (last >= first) await db.settings.put({ key: SEQ, value: String(last) });
        // Redactions travel both ways: one that arrives removes values from this laptop's
        // copies; values that arrive for fields redacted here are removed on arrival.
        // Only records that can hold a redaction are looked at (not every interview of a case).
        const redacted = new Set(
          revisions.filter((r) => r.kind === 'redact').map((r) => r.recordId),
        );
        for (const r of revisions) if (REDACTABLE.has(r.table)) redacted.add(r.recordId);
        for (const recordId of redacted) await scrub(recordId);
        await checkLeaderRules(planned, revisions);
        onProgress(total, total);
        return {
          stored: storing.length,
          skipped: planned.length - storing.length,
          conflicts: storing.flatMap((p) => p.conflicts),
        };
      });
    },

    /**
     * Settles a conflict at `path`: writes the chosen value (either side's, or a text combining
     * both) as a new write that has seen every side, even when the record shows that value
     * already, so it travels and the conflict never comes back. `check` sees the record as it
     * would be. Call inside a transaction over `scope(name)`.
     */
    async settle<T extends object>(
      name: RecordTable,
      id: string,
      path: string,
      value: unknown,
      actor: Actor,
      check: (next: Stored<T>) => void | Promise<void> = () => {},
    ): Promise<Stored<T>> {
      const current = await getLive<T>(name, id);
      if (!current.siblings?.[path]) throw new ValidationError({ _: zh.conflicts.gone });
      const ctx = contextOf(actor);
      const settled = settle(current, path, value, ctx, collectionsOf(name));
      const { changes } = settled;
      let record = settled.record as AnyRow;
      let kind: RevisionKind = 'update';
      if (path === 'deleted') {
        // Settled as the recycle bin writes it: with who and when, or without.
        const { deletedAt: _at, deletedBy: _by, ...rest } = record;
        record = value === true ? { ...rest, deletedAt: ctx.now, deletedBy: ctx.memberId } : rest;
        kind = value === true ? 'delete' : 'restore';
      }
      checkRecordRow(name, record); // a combined text is held to the field's rules
      await check(record as Stored<T>);
      const seq = await nextSeq();
      await logRevision(name, record, kind, changes, ctx, seq);
      return (await store(name, record, seq, current)) as Stored<T>;
    },

    /**
     * Notes that everything up to change `seq` may have left the laptop (a package was written):
     * from now on those revisions are never folded into. Only ever moves forward.
     */
    async markExported(seq: number): Promise<void> {
      await db.transaction('rw', db.settings, async () => {
        if (seq > (await exportedSeq())) {
          await db.settings.put({ key: EXPORTED, value: String(seq) });
        }
      });
    },

    /**
     * The next number of the change sequence, for a row written outside the record tables (an
     * audit log entry). Call inside a transaction that has `settings`.
     */
    nextSeq,

    /** The newest number of the change sequence (0 for an empty database). */
    async currentSeq(): Promise<number> {
      return Number((await db.settings.get(SEQ))?.value ?? 0);
    },
  };
}

export type WritePath = ReturnType<typeof writePath>;
