/**
 * Photos and scans. An attachment is a record like the others (version vector, dots, revisions,
 * tombstone), written through the one write path; its bytes are a blob row keyed by SHA-256,
 * so a photo attached twice, or arriving again in a package, is stored once.
 */
import { ulid } from 'ulid';
import { attachmentProblem } from '../../shared/domain/attachment';
import type { AttachmentFields } from '../../shared/domain/stored.schema';
import { ValidationError } from '../../shared/domain/validation';
import { zh } from '../../shared/i18n/zh-CN';
import type { Attachment, WorkbenchDB } from './database';
import { sha256Hex } from './hash';
import { openBlob, storable } from './atRest';
import type { Actor, WritePath } from './write';

export interface NewAttachment {
  readonly name: string;
  readonly mime: string;
  readonly blob: Blob;
  readonly thumbnail: Blob | null;
}

export function attachmentsRepository(db: WorkbenchDB, w: WritePath) {
  const scope = () => [...w.scope('attachments'), db.blobs];

  return {
    /**
     * Stores files on a record, all or none: one file over the limit refuses the whole batch,
     * so the user never wonders which of the photos made it.
     */
    async add(
      caseId: string,
      recordKind: AttachmentFields['recordKind'],
      recordId: string,
      files: readonly NewAttachment[],
      actor: Actor,
    ): Promise<Attachment[]> {
      const problems = files.map((f) => attachmentProblem(f.name, f.blob.size)).filter(Boolean);
      if (problems.length > 0) throw new ValidationError({ attachments: problems.join('\n') });
      // Hashed and sealed before the transaction: IndexedDB commits a transaction that waits on
      // anything else.
      type FileBytes = { sha256: string; blob: Blob };
      const ready: (NewAttachment & { file: FileBytes; thumb: FileBytes | undefined })[] = [];
      for (const f of files) {
        const [file] = await storable(db.keys, [{ sha256: await sha256Hex(f.blob), blob: f.blob }]);
        const thumbs = f.thumbnail
          ? await storable(db.keys, [{ sha256: await sha256Hex(f.thumbnail), blob: f.thumbnail }])
          : [];
        ready.push({ ...f, file: file!, thumb: thumbs[0] });
      }
      return db.transaction('rw', [...scope(), db.table(recordKind)], async () => {
        const record: unknown = await db.table(recordKind).get(recordId);
        if (!record) throw new ValidationError({ attachments: zh.validation.notFound });
        const rows: Attachment[] = [];
        for (const f of ready) {
          await keepBlob(f.file, f.blob.size);
          if (f.thumb && f.thumbnail) await keepBlob(f.thumb, f.thumbnail.size);
          const fields: AttachmentFields = {
            recordKind,
            recordId,
            name: f.name,
            mime: f.mime || 'application/octet-stream',
            size: f.blob.size,
            sha256: f.file.sha256,
            thumbSha256: f.thumb?.sha256 ?? '',
          };
          rows.push(await w.insert('attachments', { id: ulid(), caseId }, fields, actor));
        }
        return rows;
      });

      /** `size` is the file's own, not its sealed bytes'. */
      async function keepBlob(file: FileBytes, size: number) {
        if (!(await db.blobs.get(file.sha256))) await db.blobs.add({ ...file, size });
      }
    },

    /** The live attachments of a record, in the order they were added. */
    async list(recordId: string): Promise<Attachment[]> {
      return (await db.attachments.where('recordId').equals(recordId).sortBy('seq')).filter(
        (a) => !a.deleted,
      );
    },

    /** Every attachment of a case, deleted ones too (evidence names them either way). */
    async ofCase(caseId: string): Promise<Attachment[]> {
      return db.attachments.where('caseId').equals(caseId).sortBy('seq');
    },

    async get(id: string): Promise<Attachment | undefined> {
      return db.attachments.get(id);
    },

    /** The bytes behind a SHA-256 (a file or its thumbnail), read only when shown or saved. */
    async bytes(sha256: string): Promise<Blob | undefined> {
      if (!sha256) return undefined;
      const row = await db.blobs.get(sha256);
      return row && openBlob(db.keys, row);
    },

    /** Moves an attachment to the recycle bin (its bytes stay: a tombstone can be undone). */
    async remove(id: string, actor: Actor): Promise<void> {
      await db.transaction('rw', scope(), async () => w.remove('attachments', id, actor));
    },
  };
}

export type AttachmentsRepository = ReturnType<typeof attachmentsRepository>;
