/**
 * Builds one document off the main thread: reads the case from IndexedDB itself (read only,
 * renderer/db/readonly.ts), builds it with shared/documents, and hands the bytes back. The page
 * only asks and saves, so a 1,800-page report never freezes typing.
 */
import { buildDocument, type DocumentRequest } from '../../shared/documents';
import { documentCase } from '../../shared/documents/assemble';
import { DocumentRefused } from '../../shared/documents/clueReport';
import type { InterviewRecord } from '../../shared/domain/records/interview.schema';
import { zh } from '../../shared/i18n/zh-CN';
import { openReadOnlyRecords } from '../db/readonly';
import type { FromDocumentWorker, ToDocumentWorker } from './protocol';

const post = (message: FromDocumentWorker, transfer: Transferable[] = []) =>
  self.postMessage(message, { transfer });

async function build({ caseId, viewerId, today, order }: ToDocumentWorker) {
  post({ type: 'progress', phase: 'read' });
  const records = await openReadOnlyRecords();
  if (!records) throw new Error(zh.report.notReadable);
  const rows = await records.caseRows(caseId).finally(() => records.close());
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

self.onmessage = (event: MessageEvent<ToDocumentWorker>) => {
  build(event.data).catch((error: unknown) =>
    post({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
      refused: error instanceof DocumentRefused,
    }),
  );
};
