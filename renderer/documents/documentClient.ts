/**
 * The page's side of the document worker: one worker per document, ended when it has answered.
 * (No cancel: the longest report builds in about a second.)
 */
import type { DocumentPhase, FromDocumentWorker, ToDocumentWorker } from './protocol';

export interface BuiltFile {
  readonly name: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
}

/** The rules refused the document (not a fault): said as it is, beside the button. */
export class DocumentRefusedError extends Error {}

export function buildInWorker(
  message: ToDocumentWorker,
  onPhase: (phase: DocumentPhase) => void,
): Promise<BuiltFile> {
  const worker = new Worker(new URL('./document.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<BuiltFile>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromDocumentWorker>) => {
      const m = event.data;
      if (m.type === 'progress') return onPhase(m.phase);
      worker.terminate();
      if (m.type === 'done') resolve(m);
      else reject(m.refused ? new DocumentRefusedError(m.message) : new Error(m.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage(message);
  });
}
