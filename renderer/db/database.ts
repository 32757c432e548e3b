/**
 * The Dexie database. Only the repositories in this folder import it (a lint rule says so);
 * the rest of the renderer goes through them.
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { CaseRecord } from '../../shared/domain/case.schema';
import type { MemberRecord } from '../../shared/domain/member.schema';
import type { Revision } from '../../shared/domain/revision';
import type { Stored } from '../../shared/domain/record';
import type { RecordSummary } from '../../shared/domain/records/summary';
import type { RecordKind } from '../../shared/domain/records';
import type { FindingRecord } from '../../shared/domain/findings/finding.schema';
import type { ClueRecord } from '../../shared/domain/findings/clue.schema';
import { DB_NAME, SCHEMA_VERSIONS } from './schema';

/** A photo or scan. `blob` stays in IndexedDB; it is read only when shown or exported. */
export interface Attachment {
  readonly id: string;
  readonly caseId: string;
  readonly recordKind: RecordKind;
  readonly recordId: string;
  readonly name: string;
  readonly mime: string;
  readonly size: number;
  readonly blob: Blob;
  /** A small JPEG for lists, made when the image was added; null for other files. */
  readonly thumbnail: Blob | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly deleted: boolean;
  readonly deletedAt?: string;
  readonly deletedBy?: string;
}

export interface Setting {
  readonly key: string;
  readonly value: string;
}

export class WorkbenchDB extends Dexie {
  declare cases: EntityTable<CaseRecord, 'id'>;
  declare members: EntityTable<MemberRecord, 'id'>;
  declare revisions: EntityTable<Revision, 'id'>;
  declare settings: EntityTable<Setting, 'key'>;
  declare interviews: EntityTable<Stored<object>, 'id'>;
  declare docReviews: EntityTable<Stored<object>, 'id'>;
  declare siteVisits: EntityTable<Stored<object>, 'id'>;
  declare petitions: EntityTable<Stored<object>, 'id'>;
  declare summaries: EntityTable<RecordSummary, 'id'>;
  declare attachments: EntityTable<Attachment, 'id'>;
  declare findings: EntityTable<FindingRecord, 'id'>;
  declare clues: EntityTable<ClueRecord, 'id'>;

  constructor(name: string = DB_NAME, options: DexieOptions = {}) {
    // Chromium commits IndexedDB transactions "relaxed" by default: an OS crash can lose writes
    // that already reported success. Interview notes are worth the ~10 % that strict costs.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const v = this.version(version).stores(stores);
      if (upgrade) v.upgrade(upgrade);
    }
  }
}

export type RecordTable = 'cases' | 'members' | RecordKind | 'findings' | 'clues';
