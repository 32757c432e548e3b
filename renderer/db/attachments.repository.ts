/** Photos and scans: Blobs in IndexedDB next to the record they belong to. */
import { monotonicFactory } from 'ulid';
import { attachmentProblem } from '../../shared/domain/attachment';
import type { RecordKind } from '../../shared/domain/records';
import { ValidationError } from '../../shared/domain/validation';
import { zh } from '../../shared/i18n/zh-CN';
import type { Attachment, WorkbenchDB } from './database';
import { contextOf, type Actor } from './write';

// Monotonic ids: files added in one batch keep the order they were chosen in.
const attachmentId = monotonicFactory();
const revisionId = monotonicFactory();

export interface NewAttachment {
  readonly name: string;
  readonly mime: string;
  readonly blob: Blob;
  readonly thumbnail: Blob | null;
}

export function attachmentsRepository(db: WorkbenchDB) {
  return {
    /**
     * Stores files on a record, all or none: one file over the limit refuses the whole batch,
     * so the user never wonders which of the photos made it.
     */
    async add(
      caseId: string,
      recordKind: RecordKind,
      recordId: string,
      files: readonly NewAttachment[],
      actor: Actor,
    ): Promise<Attachment[]> {
      const problems = files.map((f) => attachmentProblem(f.name, f.blob.size)).filter(Boolean);
      if (problems.length > 0) throw new ValidationError({ attachments: problems.join('\n') });
      const ctx = contextOf(actor);
      return db.transaction(
        'rw',
        [db.attachments, db.revisions, db.table(recordKind)],
        async () => {
          const record: unknown = await db.table(recordKind).get(recordId);
          if (!record) throw new ValidationError({ attachments: zh.validation.notFound });
          const rows: Attachment[] = files.map((f) => ({
            id: attachmentId(),
            caseId,
            recordKind,
            recordId,
            name: f.name,
            mime: f.mime || 'application/octet-stream',
            size: f.blob.size,
            blob: f.blob,
            thumbnail: f.thumbnail,
            createdAt: ctx.now,
            createdBy: ctx.memberId,
            deleted: false,
          }));
          await db.attachments.bulkAdd(rows);
          await db.revisions.bulkAdd(
            rows.map((a) => ({
              id: revisionId(),
              caseId,
              table: 'attachments',
              recordId,
              kind: 'create' as const,
              at: ctx.now,
              by: ctx.memberId,
              dot: [ctx.deviceId, 0] as const,
              changes: { attachment: a.name, size: a.size },
            })),
          );
          return rows;
        },
      );
    },

    /** The live attachments of a record, oldest first. */
    async list(recordId: string): Promise<Attachment[]> {
      return (await db.attachments.where('recordId').equals(recordId).sortBy('id')).filter(
        (a) => !a.deleted,
      );
    },

    /** Every attachment of a case, deleted ones too (evidence names them either way). */
    async ofCase(caseId: string): Promise<Attachment[]> {
      return db.attachments.where('caseId').equals(caseId).sortBy('id');
    },

    async get(id: string): Promise<Attachment | undefined> {
      return db.attachments.get(id);
    },

    /** Moves an attachment to the recycle bin (the Blob stays until the case is archived). */
    async remove(id: string, actor: Actor): Promise<void> {
      const ctx = contextOf(actor);
      await db.transaction('rw', [db.attachments, db.revisions], async () => {
        const a = await db.attachments.get(id);
        if (!a || a.deleted) return;
        await db.attachments.put({
          ...a,
          deleted: true,
          deletedAt: ctx.now,
          deletedBy: ctx.memberId,
        });
        await db.revisions.add({
          id: revisionId(),
          caseId: a.caseId,
          table: 'attachments',
          recordId: a.recordId,
          kind: 'delete',
          at: ctx.now,
          by: ctx.memberId,
          dot: [ctx.deviceId, 0],
          changes: { attachment: a.name },
        });
      });
    },
  };
}

export type AttachmentsRepository = ReturnType<typeof attachmentsRepository>;
