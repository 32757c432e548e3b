/**
 * `manifest.json`, the first thing read inside a package: what it is, from whom, and the SHA-256
 * and size of every other entry (docs/package-format.md).
 */
import { z } from '../domain/zod';

/** The version of the package format this app writes and reads. */
export const PACKAGE_FORMAT = 1;
export const MANIFEST = 'manifest.json';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const id = z.string().min(1).max(100);

export const manifestSchema = z.strictObject({
  format: z.number().int().positive(),
  /** The database schema version the rows were written in (renderer/db/schema.ts). */
  schemaVersion: z.number().int().positive(),
  /**
   * join: 入组包 from the 组长; member: 交组长的数据包; summary: 汇总包 back to the team;
   * snapshot: 快照, the whole case kept on this laptop (for this laptop and its 组长).
   */
  kind: z.enum(['join', 'member', 'summary', 'snapshot']),
  caseId: id,
  exportedBy: z.strictObject({ memberId: id, deviceId: id }),
  /** The member it is for: the joining member (join), the 组长 (member), a member (summary). */
  forMember: id,
  createdAt: z.iso.datetime(),
  /**
   * In a 汇总包: the last 交组长的数据包 the 组长 applied from each laptop of the member it is
   * for, by when it was made. The member's laptop may then give the case up (巡后清退).
   */
  acknowledges: z
    .array(z.strictObject({ deviceId: id, createdAt: z.iso.datetime() }))
    .max(100)
    .optional(),
  /** Rows per table, as shown in the preview before anything is applied. */
  counts: z.record(z.string().max(100), z.number().int().nonnegative()),
  /** Every entry but the manifest itself. */
  entries: z.record(
    z.string().max(255),
    z.strictObject({ sha256: sha256Hex, size: z.number().int().nonnegative() }),
  ),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestHeader = Omit<Manifest, 'format' | 'entries'>;
