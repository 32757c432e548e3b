/**
 * 谈话记录, 查阅资料, 实地走访, 信访件: one repository for the four kinds, driven by each kind's
 * RecordSpec. Every write also rewrites the record's summary row, in the same transaction.
 */
import { ulid } from 'ulid';
import type { Stored } from '../../shared/domain/record';
import type { IsoDate } from '../../shared/domain/dates';
import { RECORD_SPECS, type RecordKind } from '../../shared/domain/records';
import { checkPatch } from '../../shared/domain/records/check';
import { summarize, type RecordSummary } from '../../shared/domain/records/summary';
import type { FieldErrors } from '../../shared/domain/validation';
import type { Revision } from '../../shared/domain/revision';
import type { WorkbenchDB } from './database';
import {
  contextOf,
  deleteRecord,
  getLive,
  insertRecord,
  restoreRecord,
  updateRecord,
  type Actor,
} from './write';

export type FieldRecord = Stored<Record<string, unknown>>;

export interface PatchResult {
  readonly record: FieldRecord;
  /** Fields of the patch that were not written, and why. */
  readonly refused: FieldErrors;
  /** What the record still lacks (shown, not blocking). */
  readonly missing: FieldErrors;
}

export function recordsRepository(db: WorkbenchDB) {
  const tables = (kind: RecordKind) => [db.table(kind), db.summaries, db.revisions];

  async function writeSummary(kind: RecordKind, record: Stored<object>) {
    await db.summaries.put(summarize(RECORD_SPECS[kind], record));
  }

  return {
    /** A new, blank record of `kind`, filled in for the member creating it. */
    async create(
      kind: RecordKind,
      caseId: string,
      actor: Actor,
      today: IsoDate,
    ): Promise<FieldRecord> {
      const spec = RECORD_SPECS[kind];
      const fields = spec.fields(today).parse(spec.defaults({ today, memberId: actor.memberId }));
      return db.transaction('rw', tables(kind), async () => {
        const record = await insertRecord(
          db,
          kind,
          { id: ulid(), caseId },
          fields,
          contextOf(actor),
        );
        await writeSummary(kind, record);
        return record;
      });
    },

    async get(kind: RecordKind, id: string): Promise<FieldRecord | undefined> {
      return (await db.table(kind).get(id)) as FieldRecord | undefined;
    },

    /**
     * Writes the well-formed fields of `patch` and reports the rest. Never throws for bad
     * input: what can be saved is saved, what cannot is named with its reason.
     */
    async patch(
      kind: RecordKind,
      id: string,
      patch: Readonly<Record<string, unknown>>,
      actor: Actor,
      today: IsoDate,
    ): Promise<PatchResult> {
      return db.transaction('rw', tables(kind), async () => {
        const current = (await getLive<Record<string, unknown>>(db, kind, id)) as FieldRecord;
        const { accepted, refused, missing } = checkPatch(
          RECORD_SPECS[kind],
          current,
          patch,
          today,
        );
        const record = await updateRecord<Record<string, unknown>>(
          db,
          kind,
          id,
          accepted,
          contextOf(actor),
        );
        if (record !== current) await writeSummary(kind, record);
        return { record: record, refused, missing };
      });
    },

    /** What the record lacks, for the form to show when it opens. */
    missing(kind: RecordKind, record: FieldRecord, today: IsoDate): FieldErrors {
      return checkPatch(RECORD_SPECS[kind], record, {}, today).missing;
    },

    /** Moves a record to the recycle bin. */
    async remove(kind: RecordKind, id: string, actor: Actor): Promise<void> {
      await db.transaction('rw', tables(kind), async () => {
        await deleteRecord(db, kind, id, contextOf(actor));
        await writeSummary(kind, await getLive(db, kind, id));
      });
    },

    async restore(kind: RecordKind, id: string, actor: Actor): Promise<void> {
      await db.transaction('rw', tables(kind), async () => {
        await restoreRecord(db, kind, id, contextOf(actor));
        await writeSummary(kind, await getLive(db, kind, id));
      });
    },

    /** List rows of one kind: live records, or those in the recycle bin. */
    async summaries(
      caseId: string,
      kind: RecordKind,
      state: 'live' | 'deleted' = 'live',
    ): Promise<RecordSummary[]> {
      return db.summaries.where('[caseId+kind+state]').equals([caseId, kind, state]).toArray();
    },

    /** Every list row of a case, live or deleted: for naming evidence, even deleted. */
    async allSummaries(caseId: string): Promise<RecordSummary[]> {
      return db.summaries
        .where('[caseId+updatedAt]')
        .between([caseId, ''], [caseId, '\uffff'])
        .toArray();
    },

    /** Live records per kind, for the navigation. */
    async counts(caseId: string): Promise<Record<RecordKind, number>> {
      const count = (kind: RecordKind) =>
        db.summaries.where('[caseId+kind+state]').equals([caseId, kind, 'live']).count();
      const [interviews, docReviews, siteVisits, petitions] = await Promise.all([
        count('interviews'),
        count('docReviews'),
        count('siteVisits'),
        count('petitions'),
      ]);
      return { interviews, docReviews, siteVisits, petitions };
    },

    /**
     * Summaries changed at or after `since` (an ISO time), oldest first: for keeping an index
     * fresh. Inclusive, so a write in the same millisecond as the last sync is never missed.
     */
    async changedSince(caseId: string, since: string): Promise<RecordSummary[]> {
      return db.summaries
        .where('[caseId+updatedAt]')
        .between([caseId, since], [caseId, '\uffff'], true, true)
        .toArray();
    },

    /** Every write to one record, oldest first. */
    async history(id: string): Promise<Revision[]> {
      return db.revisions.where('recordId').equals(id).toArray();
    },
  };
}

export type RecordsRepository = ReturnType<typeof recordsRepository>;
