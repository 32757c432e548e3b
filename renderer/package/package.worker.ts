/**
 * Seals and opens case packages off the page's thread: scrypt for a passphrase takes about a
 * second and a half, and encrypting, hashing and checking a large case longer; the page stays
 * responsive and shows progress meanwhile. Both directions stream: the sealed package is pulled
 * by the page into the file, and an opened one is decrypted into a private file on disk.
 */
import { packContents, unpackContents } from '../../shared/package/contents';
import { memoryStaging, openStream, sealStream, type Staging } from '../../shared/package/seal';
import { PackageError } from '../../shared/package/problems';
import { privateFolder } from '../host/privateFiles';
import type { FromPackageWorker, ToPackageWorker, TransferPhase } from './protocol';
import { writeWhole } from './fileWriterClient';

const post = (message: FromPackageWorker, transfer: Transferable[] = []) =>
  self.postMessage(message, { transfer });

/** Progress, at most every 100 ms and always at the end of a step. */
function reporter(phase: TransferPhase) {
  let last = 0;
  return (done: number, total: number) => {
    const now = performance.now();
    if (now - last < 100 && done < total) return;
    last = now;
    post({ type: 'progress', phase, done, total });
  };
}

/** The part of OPFS's synchronous access used here (a worker's API, not in the DOM library). */
interface SyncAccess {
  write(data: Uint8Array, options: { at: number }): number;
  flush(): void;
  close(): void;
}

/** A write of the full disk: named as such wherever it happens. */
function noSpace(error: unknown): never {
  if ((error as DOMException).name === 'QuotaExceededError') {
    throw new PackageError('noSpace', String(error));
  }
  throw error;
}

/** Decrypts into a private file; memory only where the browser has no private file system. */
async function stagingIn(name: string): Promise<Staging> {
  let file: FileSystemFileHandle;
  let access: SyncAccess;
  try {
    file = await (await privateFolder()).getFileHandle(name, { create: true });
    access = await (
      file as unknown as { createSyncAccessHandle(): Promise<SyncAccess> }
    ).createSyncAccessHandle();
  } catch {
    return memoryStaging();
  }
  let at = 0;
  return {
    write(chunk) {
      try {
        at += access.write(chunk, { at });
      } catch (error) {
        noSpace(error);
      }
    },
    async finish() {
      access.flush();
      access.close();
      return file.getFile();
    },
  };
}

async function run(message: ToPackageWorker): Promise<void> {
  if (message.type === 'snapshot') {
    const { entries, counts } = await packContents(message.contents);
    const { stream } = await sealStream({ ...message.header, counts }, entries, message.seal);
    post({ type: 'written', bytes: await writeWhole(stream, message.folder, message.name) });
  } else if (message.type === 'seal') {
    const { entries, counts } = await packContents(message.contents);
    const { stream } = await sealStream({ ...message.header, counts }, entries, message.seal, {
      onProgress: reporter('seal'),
    });
    post({ type: 'sealed', stream }, [stream]);
  } else {
    const decrypting = reporter('decrypt');
    const checking = reporter('check');
    const { input } = message;
    const staged = await openStream(
      input instanceof Blob ? input.stream() : input,
      message.key,
      message.newestSchema,
      await stagingIn(message.staging),
      {
        inputSize: message.inputSize,
        onProgress: (phase, done, total) =>
          (phase === 'decrypt' ? decrypting : checking)(done, total),
      },
    );
    post({ type: 'opened', manifest: staged.manifest, contents: await unpackContents(staged) });
  }
}

self.onmessage = (event: MessageEvent<ToPackageWorker>) => {
  run(event.data).catch((error: unknown) => {
    const problem = error instanceof PackageError ? error.problem : null;
    const detail =
      error instanceof Error
        ? error instanceof PackageError
          ? error.detail
          : error.message
        : String(error);
    post({ type: 'failed', problem, detail });
  });
};
