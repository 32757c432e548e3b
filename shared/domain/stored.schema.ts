/**
 * What a stored row looks like, as zod schemas: the metadata every travelling record carries,
 * revisions, attachments and blobs. A row that arrives from another laptop is checked against
 * these (with its table's fields, see tables.ts) before anything of it is stored.
 */
import { z } from './zod';
import { RECORD_KINDS } from './records/common';

const id = z.string().min(1).max(40);
const time = z.string().min(1).max(40);
const counter = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const dotSchema = z.tuple([id, counter]).readonly();
export const versionVectorSchema = z.record(id, counter);

/** Field names and element paths (`turns/<id>`, `tags/<tag>`). */
const path = z.string().min(1).max(400);

export const metaShape = {
  id,
  caseId: id,
  createdAt: time,
  createdBy: id,
  updatedAt: time,
  updatedBy: id,
  rev: z.number().int().nonnegative(),
  vv: versionVectorSchema,
  clocks: z.record(path, z.union([dotSchema, z.array(dotSchema).min(2).max(100).readonly()])),
  siblings: z
    .record(
      path,
      z
        .array(z.strictObject({ value: z.unknown(), dot: dotSchema }))
        .min(1)
        .max(100),
    )
    .optional(),
  deleted: z.boolean(),
  deletedAt: time.optional(),
  deletedBy: id.optional(),
  /** Local to each laptop: reassigned when a row is stored, so any number is accepted. */
  seq: z.number().int().nonnegative().default(0),
};
export const metaSchema = z.object(metaShape);

export const REVISION_KINDS = ['create', 'update', 'delete', 'restore', 'redact'] as const;

/**
 * One write to one record, kept forever: who changed which fields, when, on which laptop, and
 * the record's version vector after it (so history replays in causal order, never by clock).
 * Only the values after the write are stored; the value before is the previous revision's.
 */
export const revisionSchema = z
  .object({
    id,
    caseId: id,
    table: z.string().min(1).max(40),
    recordId: id,
    kind: z.enum(REVISION_KINDS),
    at: time,
    by: id,
    dot: dotSchema,
    vv: versionVectorSchema,
    changes: z.record(path, z.unknown()),
    seq: z.number().int().nonnegative().default(0),
  })
  .strict();

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** A photo or scan: the file's facts; its bytes are a blob, stored once by SHA-256. */
export const attachmentFields = z.object({
  /** The record it belongs to: a field record, or a 整改任务 (its 佐证材料). */
  recordKind: z.enum([...RECORD_KINDS, 'tasks']),
  recordId: id,
  name: z.string().min(1).max(255),
  mime: z.string().max(255),
  size: z.number().int().nonnegative(),
  sha256,
  /** A small JPEG for lists (images only), also a blob; '' when there is none. */
  thumbSha256: z.union([sha256, z.literal('')]).default(''),
});

/** The bytes of a file, keyed by their SHA-256: the same photo attached twice is stored once. */
export interface BlobRow {
  readonly sha256: string;
  readonly size: number;
  readonly blob: BinaryLike;
  /** The CRC-32 of the plain bytes, taken when they were sealed (absent on older rows). */
  readonly crc32?: number;
}

/** What shared/ needs of a Blob (shared/ has no DOM types). */
export interface BinaryLike {
  readonly size: number;
  readonly type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export const blobRowSchema = z
  .object({
    sha256,
    size: z.number().int().nonnegative(),
    blob: z.custom<BinaryLike>(
      (v) =>
        typeof v === 'object' && v !== null && typeof (v as BinaryLike).arrayBuffer === 'function',
    ),
    crc32: z
      .number()
      .int()
      .nonnegative()
      .max(2 ** 32 - 1)
      .optional(),
  })
  .strict();

export type AttachmentFields = z.output<typeof attachmentFields>;
