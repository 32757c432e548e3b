/**
 * Builds one document off the main thread: reads the case from IndexedDB itself (read only,
 * renderer/db/readonly.ts), builds it with shared/documents, and hands the bytes back. The page
 * only asks and saves, so a 1,800-page report never freezes typing. It also reads a unit's
 * 任务清单 workbook back against the ledger, for the same reason.
 */
import { buildDocument, type DocumentRequest } from '../../shared/documents';
import { documentCase } from '../../shared/documents/assemble';
import { DocumentRefused } from '../../shared/documents/clueReport';
import type { InterviewRecord } from '../../shared/domain/records/interview.schema';
import { zh } from '../../shared/i18n/zh-CN';
import { openReadOnlyRecords } from '../db/readonly';
import type { BuildOrder, FromDocumentWorker, ReadTasksOrder, ToDocumentWorker } from './protocol';
import { ImportRefused, readTaskWorkbook } from '../../shared/documents/ledger/import';
import type { TaskRecord } from '../../shared/domain/ledger/task.schema';
import type { CaseRecord } from '../../shared/domain/case.schema';

const post = (message: FromDocumentWorker, transfer: Transferable[] = []) =>
  self.postMessage(message, { transfer });

async function caseRows(caseId: string, key: Uint8Array | undefined) {
  const records = await openReadOnlyRecords({ reader: key && { caseId, key } });
  if (!records) throw new Error(zh.report.notReadable);
  return records.caseRows(caseId).finally(() => records.close());
}

async function build({ caseId, key, viewerId, today, order }: BuildOrder) {
  post({ type: 'progress', phase: 'read' });
  const rows = await caseRows(caseId, key);
  let request: DocumentRequest;
  if (order.kind === 'interview') {
    const found = rows.rows.find((r) => r.table === 'interviews' && r.row.id === order.interviewId);
    if (!found || found.row.deleted) throw new Error(zh.report.noInterview);
    request = { kind: 'interview', interview: found.row as InterviewRecord };
  } else {
    request = order;
  }
  post({ type: 'progress', phase: 'build' });
  const built = await buildDocument(documentCase(rows, viewerId, today), request);
  post({ type: 'done', ...built }, [built.bytes.buffer]);
}

/** A 10,000-row workbook takes half a second to read: here, not on the page. */
async function readTasks({ caseId, key, bytes }: ReadTasksOrder) {
  const { rows } = await caseRows(caseId, key);
  const live = (table: string) => rows.filter((r) => r.table === table && !r.row.deleted);
  const tasks = live('tasks').map((r) => r.row as TaskRecord);
  const feedbackDate = (live('cases')[0]?.row as CaseRecord | undefined)?.feedbackDate ?? '';
  post({ type: 'read', reading: await readTaskWorkbook(bytes, tasks, feedbackDate) });
}

self.onmessage = (event: MessageEvent<ToDocumentWorker>) => {
  const order = event.data;
  (order.type === 'build' ? build(order) : readTasks(order)).catch((error: unknown) =>
    post({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
      refused: error instanceof DocumentRefused || error instanceof ImportRefused,
    }),
  );
};
