/**
 * The Dexie database. Only the repositories in this folder import it (a lint rule says so);
 * the rest of the renderer goes through them.
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { CaseRecord } from '../../shared/domain/case.schema';
import type { MemberRecord } from '../../shared/domain/member.schema';
import type { Revision } from '../../shared/domain/revision';
import { DB_NAME, SCHEMA_VERSIONS } from './schema';

export interface Setting {
  readonly key: string;
  readonly value: string;
}

export class WorkbenchDB extends Dexie {
  declare cases: EntityTable<CaseRecord, 'id'>;
  declare members: EntityTable<MemberRecord, 'id'>;
  declare revisions: EntityTable<Revision, 'id'>;
  declare settings: EntityTable<Setting, 'key'>;

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

export type RecordTable = 'cases' | 'members';
