/**
 * The search index of one case, off the main thread. The worker reads IndexedDB itself
 * (read only, renderer/db/readonly.ts) and does all the per-record work — reading, checking
 * with zod, extracting text, indexing — so building it over megabytes of interview text
 * never freezes typing, and the page only sends queries and shows answers.
 */
import { openReadOnlyRecords } from '../db/readonly';
import { CaseIndex, type IndexStatus } from './caseIndex';
import type { FromWorker, ToWorker } from './protocol';

const post = (message: FromWorker) => self.postMessage(message);
const unavailable: IndexStatus = { indexed: 0, total: 0, building: false, failed: true };

let ready: Promise<CaseIndex | null> | null = null;

async function open(caseId: string, key?: Uint8Array): Promise<CaseIndex | null> {
  const records = await openReadOnlyRecords({ reader: key && { caseId, key } });
  if (!records) {
    post({ type: 'status', status: unavailable });
    return null;
  }
  const index = new CaseIndex(records, caseId, (status) => post({ type: 'status', status }));
  void index.build();
  return index;
}

async function answer(message: Extract<ToWorker, { type: 'query' }>): Promise<void> {
  const index = await ready;
  const { requestId, query, limit } = message;
  if (!index) {
    post({ type: 'result', requestId, result: { hits: [], total: 0 }, status: unavailable });
    return;
  }
  const { result, status } = await index.search(query, limit);
  post({ type: 'result', requestId, result, status });
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'open':
      ready ??= open(message.caseId, message.key);
      break;
    case 'query':
      void answer(message);
      break;
  }
};
