/**
 * Files as streams, over the host's chunked file channels (shared/ipc/contract.ts): a save
 * target to pipe a package into, and a picked file to read from, so nothing of several GB is
 * ever held whole by the page.
 */
import type { ReplyOf, RequestOf } from '../../shared/ipc/contract';
import { host } from './host';
import { openedFile } from './browser-host';

/** What one round trip to the host carries: few enough trips, small enough copies. */
const CHUNK_BYTES = 1 * 2 ** 20;

export interface SaveTarget {
  readonly name: string;
  /** Where the bytes go; closing it does not commit (a failure must still be able to abort). */
  readonly writable: WritableStream<Uint8Array>;
  /** Puts the finished file in place (or hands it to downloads). */
  commit(): Promise<ReplyOf<'saveCommit'>>;
  /** Leaves no file and no partial file. */
  abort(): Promise<void>;
}

/** Where a file went: saved where the user chose, or handed to the browser's downloads. */
export interface SavedFile {
  readonly status: 'saved' | 'downloading';
  readonly name: string;
}

/** Writes a file held whole in memory to its target and commits it (the caller aborts on error). */
export async function saveBytes(target: SaveTarget, bytes: Uint8Array): Promise<SavedFile> {
  const writer = target.writable.getWriter();
  await writer.write(bytes);
  await writer.close();
  const saved = await target.commit();
  return saved.status === 'saved'
    ? { status: 'saved', name: saved.name }
    : { status: 'downloading', name: target.name };
}

/** Asks where to save (the system dialog); null when the user cancelled it. */
export async function chooseSaveTarget(
  request: RequestOf<'saveStart'>,
): Promise<SaveTarget | null> {
  const started = await host.saveStart(request);
  if (started.status === 'cancelled') return null;
  const { id } = started;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const data = new Uint8Array(pendingBytes);
    let at = 0;
    for (const part of pending) {
      data.set(part, at);
      at += part.length;
    }
    pending = [];
    pendingBytes = 0;
    await host.saveChunk({ id, data });
  };
  const writable = new WritableStream<Uint8Array>({
    async write(chunk) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    },
    close: flush,
  });
  return {
    name: started.name,
    writable,
    commit: () => host.saveCommit({ id }),
    abort: () => host.saveAbort({ id }),
  };
}

export type PickedFile =
  | {
      readonly status: 'picked';
      readonly name: string;
      readonly size: number;
      /** The file's bytes in order, from the start each time (a second try with a passphrase). */
      stream(): ReadableStream<Uint8Array>;
      /** The file itself where the host has it (a browser), for a Worker to read directly. */
      readonly file?: File;
      /** Lets the file go. */
      close(): Promise<void>;
    }
  | { readonly status: 'cancelled' }
  | { readonly status: 'tooLarge'; readonly name: string };

/** Asks for a file (the system dialog); one over `maxBytes` is refused before it is read. */
export async function pickFile(request: RequestOf<'openStart'>): Promise<PickedFile> {
  const opened = await host.openStart(request);
  if (opened.status !== 'opened') return opened;
  const { id, size } = opened;
  const stream = () => {
    let offset = 0;
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (offset >= size) return controller.close();
        const { data } = await host.openRead({ id, offset, length: CHUNK_BYTES });
        if (data.length === 0) throw new Error('the file ended early'); // changed while read
        offset += data.length;
        controller.enqueue(data);
      },
    });
  };
  const file = openedFile(id);
  return {
    status: 'picked',
    name: opened.name,
    size,
    stream,
    close: () => host.openClose({ id }),
    ...(file ? { file } : {}),
  };
}
