/**
 * The page's side of the package worker: one worker per package, ended when its work is done,
 * or when the user cancels, which stops the work where it is (nothing has been written by then).
 */
import { PackageError } from '../../shared/package/problems';
import { SCHEMA_VERSION } from '../../shared/domain/schemaVersion';
import type { CaseContents } from '../../shared/package/contents';
import type { Manifest, ManifestHeader } from '../../shared/package/manifest';
import type { OpeningKey, Seal } from '../../shared/package/seal';
import type { FromPackageWorker, ToPackageWorker, TransferPhase } from './protocol';

export interface Running<T> {
  readonly done: Promise<T>;
  /** Stops the work; `done` then rejects with PackageError('cancelled'). */
  readonly cancel: () => void;
  /** Ends the worker once what it handed over (a stream) is used up. */
  readonly end: () => void;
}

export type OnProgress = (phase: TransferPhase, done: number, total: number) => void;

function start<T>(
  message: ToPackageWorker,
  transfer: Transferable[],
  onProgress: OnProgress,
  take: (m: FromPackageWorker) => T | undefined,
  keepAlive: boolean,
): Running<T> {
  const worker = new Worker(new URL('./package.worker.ts', import.meta.url), { type: 'module' });
  let fail: (error: unknown) => void = () => {};
  const done = new Promise<T>((resolve, reject) => {
    fail = reject;
    worker.onmessage = (event: MessageEvent<FromPackageWorker>) => {
      const m = event.data;
      if (m.type === 'progress') return onProgress(m.phase, m.done, m.total);
      if (m.type === 'failed') {
        worker.terminate();
        return reject(m.problem ? new PackageError(m.problem, m.detail) : new Error(m.detail));
      }
      if (!keepAlive) worker.terminate();
      resolve(take(m) as T);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
  });
  worker.postMessage(message, transfer);
  return {
    done,
    cancel: () => {
      worker.terminate();
      fail(new PackageError('cancelled'));
    },
    end: () => worker.terminate(),
  };
}

/**
 * Seals a package; `done` gives the encrypted stream to pull into the file, while the worker
 * keeps reporting progress. Call `end` when the stream is used up.
 */
export function sealInWorker(
  header: Omit<ManifestHeader, 'counts'>,
  contents: CaseContents,
  seal: Seal,
  onProgress: OnProgress,
): Running<ReadableStream<Uint8Array>> {
  return start(
    { type: 'seal', header, contents, seal },
    [],
    onProgress,
    (m) => (m.type === 'sealed' ? m.stream : undefined),
    true,
  );
}

/**
 * Seals a snapshot and writes it as `name` in the private file system's `folder`, all in the
 * worker; `done` gives its size. A failure or a cancel leaves no file (PackageError 'noSpace'
 * for a full disk).
 */
export function snapshotInWorker(
  header: Omit<ManifestHeader, 'counts'>,
  contents: CaseContents,
  seal: Seal,
  folder: string,
  name: string,
): Running<number> {
  return start(
    { type: 'snapshot', header, contents, seal, folder, name },
    [],
    () => {},
    (m) => (m.type === 'written' ? m.bytes : undefined),
    false,
  );
}

/** Opens a package streamed from `input`, decrypted into the private file `staging`. */
export function openInWorker(
  input: Blob | ReadableStream<Uint8Array>,
  inputSize: number,
  key: OpeningKey,
  staging: string,
  onProgress: OnProgress,
): Running<{ manifest: Manifest; contents: CaseContents }> {
  return start(
    { type: 'open', input, inputSize, key, newestSchema: SCHEMA_VERSION, staging },
    input instanceof Blob ? [] : [input], // a File is passed as it is (no copy); a stream moves
    onProgress,
    (m) => (m.type === 'opened' ? { manifest: m.manifest, contents: m.contents } : undefined),
    false,
  );
}
