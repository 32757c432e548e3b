/** What the audit log page shows of an entry: its details in words. */
import dayjs from 'dayjs';
import type { AuditEntry } from '../../../shared/domain/audit.schema';
import { zh } from '../../../shared/i18n/zh-CN';

const a = zh.audit;
const DOCUMENTS: Readonly<Record<string, string>> = zh.report.kinds;
const PACKAGES: Readonly<Record<string, string>> = zh.exchange.kinds;

export const auditTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

/** The entry's details, in one line. */
export function auditDetail(entry: AuditEntry): string {
  switch (entry.action) {
    case 'unlock':
      return a.ways[entry.detail.how];
    case 'lock':
      return a.reasons[entry.detail.reason];
    case 'unlockFailed':
      return a.failed(entry.detail.count, entry.detail.times.map(auditTime).join('、'));
    case 'export': {
      const { kind, forName, file, onlyChanges } = entry.detail;
      return a.exported(PACKAGES[kind] ?? kind, forName, file, onlyChanges);
    }
    case 'import': {
      const { kind, fromName, createdAt, stored, conflicts } = entry.detail;
      const from = PACKAGES[kind] ?? kind;
      return a.imported(from, fromName, auditTime(createdAt), stored, conflicts);
    }
    case 'document':
      return a.document(DOCUMENTS[entry.detail.kind] ?? entry.detail.kind, entry.detail.file);
    case 'clueView':
      return a.clue('', entry.detail.title);
    case 'clueChange':
      return a.clue(a.clueChanges[entry.detail.change], entry.detail.title);
    case 'snapshotRestore': {
      const { snapshot, takenAt, into } = entry.detail;
      return a.restored(snapshot, auditTime(takenAt), a.into[into]);
    }
    case 'clear':
      return a.cleared(entry.detail.acknowledgedBy);
  }
}
