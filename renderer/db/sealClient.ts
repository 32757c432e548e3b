/** The page's side of the sealing worker (seal.worker.ts): one run, its progress, its end. */
import type { WorkbenchDB } from './database';
import type { KeyChain } from './keyring';
import type { SealProgress } from './sealExisting';
import type { FromSealWorker, ToSealWorker } from './sealProtocol';

export function sealInWorker(
  db: WorkbenchDB,
  onProgress: (progress: SealProgress) => void = () => {},
): Promise<SealProgress> {
  const keys = db.keys as KeyChain; // repositories.sealExisting checked
  const worker = new Worker(new URL('./seal.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<SealProgress>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromSealWorker>) => {
      const m = event.data;
      if (m.type === 'progress') return onProgress(m);
      worker.terminate();
      if (m.type === 'done') resolve({ done: m.done, total: m.total });
      else reject(new Error(m.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    const message: ToSealWorker = { name: db.name, laptop: keys.laptop, cases: keys.caseKeys() };
    worker.postMessage(message);
  });
}
