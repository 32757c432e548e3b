/** 修改历史: every revision of one record and of its attachments, behind the read rules. */
import { isRecordKind } from '../../shared/domain/records';
import type { Revision } from '../../shared/domain/revision';
import { isRecordTable, type RecordTable } from '../../shared/domain/tables';
import type { AccessRules } from './access';
import type { WorkbenchDB } from './database';
import type { Actor } from './write';

export function historyRepository(db: WorkbenchDB, access: AccessRules) {
  return {
    /**
     * The revisions of a record and of the files attached to it, unordered (replay puts them
     * in causal order: shared/domain/records/history.ts). Refused, like every read, when this
     * member may not read the record (a clue of someone else).
     */
    async of(table: RecordTable, recordId: string, actor: Actor): Promise<Revision[]> {
      if (!isRecordTable(table)) return [];
      const row = (await db.table(table).get(recordId)) as { createdBy: string } | undefined;
      if (!row) return [];
      await access.assert(table, row, actor);
      const own = await db.revisions.where('recordId').equals(recordId).toArray();
      if (!isRecordKind(table)) return own;
      const files = await db.attachments.where('recordId').equals(recordId).primaryKeys();
      if (files.length === 0) return own;
      return [...own, ...(await db.revisions.where('recordId').anyOf(files).toArray())];
    },
  };
}

export type HistoryRepository = ReturnType<typeof historyRepository>;
