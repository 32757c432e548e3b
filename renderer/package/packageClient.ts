/**
 * The page's side of the package worker: one worker per package, ended when it is done (or when
 * the user cancels, which stops the work where it is: nothing has been written by then).
 */
import { PackageError } from '../../shared/package/problems';
import { SCHEMA_VERSION } from '../../shared/domain/schemaVersion';
import type { CaseContents } from '../../shared/package/contents';
import type { Manifest, ManifestHeader } from '../../shared/package/manifest';
import type { OpeningKey, Seal } from '../../shared/package/seal';
import type { FromPackageWorker, ToPackageWorker } from './protocol';

export interface Running<T> {
  readonly done: Promise<T>;
  /** Stops the work; `done` then rejects with PackageError('cancelled'). */
  readonly cancel: () => void;
}

function start<T>(message: ToPackageWorker, take: (m: FromPackageWorker) => T): Running<T> {
  const worker = new Worker(new URL('./package.worker.ts', import.meta.url), { type: 'module' });
  let settle: { reject(error: unknown): void } | null = null;
  const done = new Promise<T>((resolve, reject) => {
    settle = { reject };
    worker.onmessage = (event: MessageEvent<FromPackageWorker>) => {
      worker.terminate();
      const m = event.data;
      if (m.type === 'failed') {
        reject(m.problem ? new PackageError(m.problem, m.detail) : new Error(m.detail));
      } else resolve(take(m));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
  });
  worker.postMessage(message);
  return {
    done,
    cancel: () => {
      worker.terminate();
      settle?.reject(new PackageError('cancelled'));
    },
  };
}

export function sealInWorker(
  header: Omit<ManifestHeader, 'counts'>,
  contents: CaseContents,
  seal: Seal,
): Running<Uint8Array<ArrayBuffer>> {
  return start({ type: 'seal', header, contents, seal }, (m) => {
    if (m.type !== 'sealed') throw new Error(`unexpected ${m.type}`);
    return m.file as Uint8Array<ArrayBuffer>; // made by the worker, transferred whole
  });
}

export function openInWorker(
  file: Uint8Array,
  key: OpeningKey,
): Running<{ manifest: Manifest; contents: CaseContents }> {
  return start({ type: 'open', file, key, newestSchema: SCHEMA_VERSION }, (m) => {
    if (m.type !== 'opened') throw new Error(`unexpected ${m.type}`);
    return { manifest: m.manifest, contents: m.contents };
  });
}
