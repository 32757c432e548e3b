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

/** What a snapshot's file is written in: a write per MiB rather than per piece age gives. */
const WRITE_BYTES = 2 ** 20;

/** Writes a stream to `<name>.part` in `folder`, then renames it `name`; its size. */
async function writeWhole(
  stream: ReadableStream<Uint8Array>,
  folder: string,
  name: string,
): Promise<number> {
  const dir = await (
    await navigator.storage.getDirectory()
  ).getDirectoryHandle(folder, {
    create: true,
  });
  const part = `${name}.part`;
  const file = await dir.getFileHandle(part, { create: true }).catch(noSpace);
  const access = await (
    file as unknown as { createSyncAccessHandle(): Promise<SyncAccess> }
  ).createSyncAccessHandle();
  let at = 0;
  try {
    const write = (bytes: Uint8Array) => {
      try {
        at += access.write(bytes, { at });
      } catch (error) {
        noSpace(error);
      }
    };
    // age gives 64 KiB pieces: written a MiB at a time, the writes cost a quarter as much.
    const batch = new Uint8Array(WRITE_BYTES);
    let held = 0;
    const reader = stream.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      const piece = next.value;
      if (held + piece.length > batch.length) {
        write(batch.subarray(0, held));
        held = 0;
      }
      if (piece.length >= batch.length) write(piece);
      else {
        batch.set(piece, held);
        held += piece.length;
      }
    }
    if (held > 0) write(batch.subarray(0, held));
    access.flush();
    access.close();
    await (file as unknown as { move(name: string): Promise<void> }).move(name);
    return at;
  } catch (error) {
    try {
      access.close();
    } catch {
      // closed already
    }
    await dir.removeEntry(part).catch(() => {});
    throw error;
  }
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
