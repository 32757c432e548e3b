/**
 * The page's side of the document worker: one worker per question, ended when it has answered.
 * (No cancel: the longest report builds in about a second.)
 */
import type { ImportReading } from '../../shared/documents/ledger/import';
import type { BuildOrder, DocumentPhase, FromDocumentWorker, ToDocumentWorker } from './protocol';

export interface BuiltFile {
  readonly name: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
}

/** The rules refused the document (not a fault): said as it is, beside the button. */
export class DocumentRefusedError extends Error {}

export function buildInWorker(
  message: Omit<BuildOrder, 'type'>,
  onPhase: (phase: DocumentPhase) => void,
): Promise<BuiltFile> {
  return ask({ type: 'build', ...message }, onPhase, (m) => (m.type === 'done' ? m : undefined));
}

/** Reads a unit's 任务清单 workbook against the case's ledger, off the page's thread. */
export function readTasksInWorker(
  caseId: string,
  key: Uint8Array | undefined,
  bytes: Uint8Array,
): Promise<ImportReading> {
  return ask(
    { type: 'readTasks', caseId, key, bytes },
    () => {},
    (m) => (m.type === 'read' ? m.reading : undefined),
  );
}

function ask<T>(
  message: ToDocumentWorker,
  onPhase: (phase: DocumentPhase) => void,
  answer: (m: FromDocumentWorker) => T | undefined,
): Promise<T> {
  const worker = new Worker(new URL('./document.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<T>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromDocumentWorker>) => {
      const m = event.data;
      if (m.type === 'progress') return onPhase(m.phase);
      worker.terminate();
      if (m.type === 'failed') {
        return reject(m.refused ? new DocumentRefusedError(m.message) : new Error(m.message));
      }
      const value = answer(m);
      if (value === undefined) reject(new Error(`unexpected answer ${m.type}`));
      else resolve(value);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage(message);
  });
}
