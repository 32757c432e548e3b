/**
 * The package worker's side of fileWriter.worker.ts: a stream written into a file of the
 * private file system by that worker, a MiB at a time, with at most a few MiB on their way.
 */
import { PackageError } from '../../shared/package/problems';
import type { FromFileWriter, ToFileWriter } from './protocol';

/** One write per MiB rather than per 64 KiB piece of age's. */
const PIECE_BYTES = 2 ** 20;
/** Pieces sent and not yet written back, at most. */
const IN_FLIGHT = 8;

/**
 * Writes `stream` to `<name>.part` in `folder` and renames it `name` once all of it is on the
 * disk; its size. On any failure (the stream's, or the disk's: PackageError 'noSpace' when it
 * is full) nothing of it is kept.
 */
export async function writeWhole(
  stream: ReadableStream<Uint8Array>,
  folder: string,
  name: string,
): Promise<number> {
  const writer = new Worker(new URL('./fileWriter.worker.ts', import.meta.url), {
    type: 'module',
  });
  const send = (message: ToFileWriter, transfer: Transferable[] = []) =>
    writer.postMessage(message, transfer);
  /** Pieces written back, to fill again. */
  const free: Uint8Array<ArrayBuffer>[] = [];
  let inFlight = 0;
  let failure: Error | undefined;
  let next: ((message: FromFileWriter) => void) | undefined;
  writer.onmessage = (event: MessageEvent<FromFileWriter>) => {
    const message = event.data;
    if (message.type === 'written') {
      inFlight--;
      if (message.bytes.length === PIECE_BYTES) free.push(message.bytes);
    } else if (message.type === 'failed') {
      failure =
        message.name === 'QuotaExceededError'
          ? new PackageError('noSpace', message.detail)
          : new Error(message.detail);
    }
    next?.(message);
  };
  /** The writer's next message. */
  const reply = () => new Promise<FromFileWriter>((resolve) => (next = resolve));

  async function put(piece: Uint8Array<ArrayBuffer>) {
    while (inFlight >= IN_FLIGHT && !failure) await reply();
    if (failure) throw failure;
    inFlight++;
    send({ type: 'write', bytes: piece }, [piece.buffer]);
  }

  try {
    send({ type: 'open', folder, part: `${name}.part` });
    let piece = new Uint8Array(PIECE_BYTES);
    let held = 0;
    const reader = stream.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      for (let bytes = read.value; bytes.length > 0;) {
        const n = Math.min(bytes.length, PIECE_BYTES - held);
        piece.set(bytes.subarray(0, n), held);
        held += n;
        bytes = bytes.subarray(n);
        if (held === PIECE_BYTES) {
          await put(piece);
          piece = free.pop() ?? new Uint8Array(PIECE_BYTES);
          held = 0;
        }
      }
    }
    if (held > 0) await put(piece.slice(0, held));
    send({ type: 'finish', name });
    for (let message = await reply(); ; message = await reply()) {
      if (message.type === 'done') return message.size;
      if (failure) throw failure;
    }
  } catch (error) {
    send({ type: 'abort' });
    while ((await reply()).type !== 'aborted');
    throw error;
  } finally {
    writer.terminate();
  }
}
