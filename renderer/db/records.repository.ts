/**
 * 谈话记录, 查阅资料, 实地走访, 信访件: one repository for the four kinds, driven by each kind's
 * RecordSpec. The write path (write.ts) rewrites each record's list row in the same transaction.
 */
import Dexie from 'dexie';
import { ulid } from 'ulid';
import type { Patch, Stored } from '../../shared/domain/record';
import { ANY_DAY, type IsoDate } from '../../shared/domain/dates';
import { RECORD_SPECS, type RecordKind } from '../../shared/domain/records';
import { ValidationError, type FieldErrors } from '../../shared/domain/validation';
import { zh } from '../../shared/i18n/zh-CN';
import { checkPatch } from '../../shared/domain/records/check';
import { hasContent } from '../../shared/domain/records/common';
import type { RecordSummary } from '../../shared/domain/records/summary';
import { COLLECTIONS } from '../../shared/domain/tables';
import type { WorkbenchDB } from './database';
import type { Actor, WritePath } from './write';

export type FieldRecord = Stored<Record<string, unknown>>;

export interface PatchResult {
  readonly record: FieldRecord;
  /** Fields of the patch that were not written, and why. */
  readonly refused: FieldErrors;
  /** What the record still lacks (shown, not blocking). */
  readonly missing: FieldErrors;
}

export function recordsRepository(db: WorkbenchDB, w: WritePath) {
  const live = (caseId: string, kind: RecordKind) =>
    db.summaries.where('[caseId+kind+state]').equals([caseId, kind, 'live']);

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
      return db.transaction('rw', w.scope(kind), async () =>
        w.insert(kind, { id: ulid(), caseId }, fields, actor),
      );
    },

    async get(kind: RecordKind, id: string): Promise<FieldRecord | undefined> {
      return (await db.table(kind).get(id)) as FieldRecord | undefined;
    },

    /** Several records of one kind at once, in the order of `ids` (undefined where missing). */
    async getMany(kind: RecordKind, ids: readonly string[]): Promise<(FieldRecord | undefined)[]> {
      return (await db.table(kind).bulkGet([...ids])) as (FieldRecord | undefined)[];
    },

    /**
     * Writes the well-formed part of `patch` (fields, and collection elements such as
     * `turns/<id>`) and reports the rest. Never throws for bad input: what can be saved is
     * saved, what cannot is named with its reason.
     */
    async patch(
      kind: RecordKind,
      id: string,
      patch: Patch,
      actor: Actor,
      today: IsoDate,
    ): Promise<PatchResult> {
      return db.transaction('rw', w.scope(kind), async () => {
        const current = await w.getLive<Record<string, unknown>>(kind, id);
        const { accepted, refused, missing } = checkPatch(
          RECORD_SPECS[kind],
          current,
          patch,
          today,
          COLLECTIONS[kind],
        );
        const record = await w.update<Record<string, unknown>>(kind, id, accepted, actor);
        const spec = RECORD_SPECS[kind];
        const redact = spec.redact?.(spec.fields(ANY_DAY).parse(record)) ?? [];
        const hadValues = redact.filter((f) => current[f] !== '' && current[f] !== undefined);
        if (redact.length > 0) await w.redact(kind, id, redact, actor, hadValues);
        return { record, refused, missing };
      });
    },

    /** What the record lacks, for the form to show when it opens. */
    missing(kind: RecordKind, record: FieldRecord, today: IsoDate): FieldErrors {
      return checkPatch(RECORD_SPECS[kind], record, {}, today).missing;
    },

    /**
     * Leaving a record opened with 新建 and never filled in: it goes away entirely (blank
     * drafts are not evidence). Returns whether it did; a record with anything in it stays.
     */
    async discardIfUntouched(kind: RecordKind, id: string): Promise<boolean> {
      return db.transaction('rw', [...w.scope(kind), db.attachments], async () => {
        const record = (await db.table(kind).get(id)) as FieldRecord | undefined;
        if (!record || hasContent(RECORD_SPECS[kind], record)) return false;
        return w.discardUntouched(kind, id);
      });
    },

    /** Moves a record to the recycle bin; a signed 笔录 is evidence and stays. */
    async remove(kind: RecordKind, id: string, actor: Actor): Promise<void> {
      await db.transaction('rw', w.scope(kind), async () => {
        const spec = RECORD_SPECS[kind];
        const current = await w.getLive<Record<string, unknown>>(kind, id);
        if (spec.frozen?.(spec.fields(ANY_DAY).parse(current))) {
          throw new ValidationError({ _: zh.interview.signedNoDelete });
        }
        await w.remove(kind, id, actor);
      });
    },

    async restore(kind: RecordKind, id: string, actor: Actor): Promise<void> {
      await db.transaction('rw', w.scope(kind), async () => w.restore(kind, id, actor));
    },

    /**
     * List rows of one kind: live records, or those in the recycle bin. Through the index that
     * ends with the row's id, so a long list is read in pages (atRest.ts inPages).
     */
    async summaries(
      caseId: string,
      kind: RecordKind,
      state: 'live' | 'deleted' = 'live',
    ): Promise<RecordSummary[]> {
      return db.summaries
        .where('[caseId+kind+state+id]')
        .between([caseId, kind, state, Dexie.minKey], [caseId, kind, state, Dexie.maxKey])
        .toArray();
    },

    /** Every list row of a case, live or deleted: for naming evidence, even deleted. */
    async allSummaries(caseId: string): Promise<RecordSummary[]> {
      return db.summaries
        .where('[caseId+seq]')
        .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
        .toArray();
    },

    /** Live records per kind, for the navigation. */
    async counts(caseId: string): Promise<Record<RecordKind, number>> {
      const [interviews, docReviews, siteVisits, petitions] = await Promise.all([
        live(caseId, 'interviews').count(),
        live(caseId, 'docReviews').count(),
        live(caseId, 'siteVisits').count(),
        live(caseId, 'petitions').count(),
      ]);
      return { interviews, docReviews, siteVisits, petitions };
    },

    /**
     * List rows stored after change `seq` of this laptop's change sequence, in that order: for
     * keeping an index fresh. The sequence only goes up, whatever the clock or the times other
     * laptops wrote, so nothing stored after a sync is ever missed. `limit` reads the first
     * rows only: an index built batch by batch.
     */
    async changedSince(caseId: string, seq: number, limit = Infinity): Promise<RecordSummary[]> {
      return db.summaries
        .where('[caseId+seq]')
        .between([caseId, seq], [caseId, Dexie.maxKey], false, true)
        .limit(limit)
        .toArray();
    },
  };
}

export type RecordsRepository = ReturnType<typeof recordsRepository>;
