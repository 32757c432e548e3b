/**
 * The ZIP inside a case package (DESIGN §4): written as a stream with fflate, read by its
 * central directory from a Blob (a staged file on disk, not memory). Not with fflate's streaming
 * `Unzip`, which silently corrupts stored entries whose bytes contain a ZIP signature
 * (measured), and never trusting what the file says: every name is checked, and every declared
 * size against the limits and against the bytes really there before anything is allocated or
 * inflated.
 *
 * What a package needs and no more: stored (0) and deflated (8) entries, no ZIP64, no
 * encryption (age encrypts the whole file), one disk.
 */
import { buf as crc32 } from 'crc-32';
import {
  Zip,
  ZipDeflate,
  inflateSync,
  strFromU8,
  strToU8,
  type AsyncFlateStreamHandler,
  type ZipInputFile,
} from 'fflate';

export interface ZipLimits {
  /** The most bytes one entry may inflate to. */
  readonly entryBytes: number;
  /** The most bytes all entries together may inflate to. */
  readonly totalBytes: number;
  readonly entries: number;
}

/** A ZIP a package cannot be, with what is wrong (for the package's error message). */
export class ZipError extends Error {
  constructor(
    readonly reason: 'notZip' | 'badName' | 'tooLarge' | 'damaged' | 'unsupported',
    detail: string,
  ) {
    super(detail);
    this.name = 'ZipError';
  }
}

/** Bytes to put in a ZIP without holding them: a Blob, or anything with its size and stream. */
export type ByteSource = Pick<Blob, 'size' | 'stream'>;

export interface ZipInput {
  readonly name: string;
  readonly data: ByteSource;
  /** Already compressed (photos, PDFs): stored as it is rather than deflated again. */
  readonly store: boolean;
  /** The bytes' CRC-32, when known (a stored file's): a stored entry need not compute it. */
  readonly crc32?: number;
}

/**
 * The ZIP of `entries` as a stream, pulled one source chunk at a time, so memory stays flat
 * whatever the sizes. `onRead` gets the number of source bytes consumed so far.
 */
export function zipStream(
  entries: Iterable<ZipInput>,
  onRead: (bytes: number) => void = () => {},
): ReadableStream<Uint8Array> {
  const queue: Uint8Array[] = [];
  let failure: Error | null = null;
  let finished = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = new ZipError('damaged', error.message);
    else queue.push(chunk);
    if (final) finished = true;
  });
  const pending = entries[Symbol.iterator]();
  let current: {
    file: { push(chunk: Uint8Array, final: boolean): void };
    reader: ReadableStreamDefaultReader<Uint8Array>;
  } | null = null;
  let read = 0;
  const mtime = new Date(1980, 0, 1); // no laptop's clock inside: same input, same file

  async function step(): Promise<void> {
    if (!current) {
      const next = pending.next();
      if (next.done) {
        zip.end();
        return;
      }
      const { name, data, store, crc32: known } = next.value;
      checkName(name);
      let file: StoredEntry | ZipDeflate;
      if (store) file = new StoredEntry(name, mtime, known);
      else {
        file = new ZipDeflate(name, { level: 6 });
        file.mtime = mtime;
      }
      zip.add(file);
      current = { file, reader: data.stream().getReader() };
    }
    const { done, value } = await current.reader.read();
    if (done) {
      current.file.push(new Uint8Array(0), true);
      current = null;
    } else {
      read += value.length;
      onRead(read);
      current.file.push(value, false);
    }
  }

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (queue.length === 0 && !finished && !failure) await step();
      if (failure) throw failure;
      for (const chunk of queue.splice(0)) controller.enqueue(chunk);
      if (finished && queue.length === 0) controller.close();
    },
    async cancel(reason) {
      await current?.reader.cancel(reason);
    },
  });
}

/**
 * A stored entry, as fflate's ZipPassThrough but with crc-32's CRC (slice-by-16), about four
 * times faster than fflate's byte-at-a-time one, which was most of the cost of writing a
 * package of photos (measured: ZIP 400 MiB/s with it, age 100 MiB/s). A CRC known already (a
 * file's, taken when it was stored) is not computed again: a tenth of a snapshot's time.
 */
class StoredEntry implements ZipInputFile {
  size = 0;
  crc = 0;
  readonly compression = 0;
  ondata?: AsyncFlateStreamHandler;
  constructor(
    readonly filename: string,
    readonly mtime: Date,
    private readonly known?: number,
  ) {
    // fflate reads `crc` once the last chunk is in, for the entry's data descriptor.
    if (known !== undefined) this.crc = known | 0;
  }
  push(chunk: Uint8Array, final: boolean) {
    if (this.known === undefined) this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
    this.ondata!(null, chunk as Uint8Array<ArrayBuffer>, final);
  }
  terminate() {}
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Where one entry's bytes lie in the ZIP, as its central directory and local header agree. */
export interface ZipEntry {
  readonly name: string;
  readonly method: 0 | 8;
  /** Offset of the entry's data in the ZIP. */
  readonly start: number;
  readonly packed: number;
  readonly unpacked: number;
}

const bytesOf = async (zip: Blob, start: number, end: number) =>
  new Uint8Array(await zip.slice(start, end).arrayBuffer());

/** Every entry of `zip`, checked as described above; nothing is inflated yet. */
export async function readZipIndex(zip: Blob, limits: ZipLimits): Promise<ZipEntry[]> {
  // The end record is 22 bytes and may be followed by a comment of up to 65,535.
  const tailStart = Math.max(0, zip.size - 22 - 0xffff);
  const tail = await bytesOf(zip, tailStart, zip.size);
  const eocd = tailStart + findEndOfCentralDirectory(tail);
  const end = new DataView(tail.buffer, eocd - tailStart);
  const count = end.getUint16(10, true);
  const size = end.getUint32(12, true);
  const at = end.getUint32(16, true);
  if (count === 0xffff || at === 0xffffffff) throw new ZipError('unsupported', 'ZIP64');
  if (at + size > eocd) throw new ZipError('damaged', 'central directory out of range');
  if (count > limits.entries) throw new ZipError('tooLarge', `${count} entries`);

  const directory = await bytesOf(zip, at, at + size);
  const view = new DataView(directory.buffer);
  const out: ZipEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > size || view.getUint32(p, true) !== CENTRAL) {
      throw new ZipError('damaged', `central entry ${i}`);
    }
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const packed = view.getUint32(p + 20, true);
    const unpacked = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > size) throw new ZipError('damaged', `central entry ${i}`);
    const rawName = directory.subarray(p + 46, p + 46 + nameLength);
    const name = decodeName(rawName);
    p += 46 + nameLength + extraLength + commentLength;

    checkName(name);
    if (names.has(name)) throw new ZipError('badName', `${name} twice`);
    names.add(name);
    if (flags & 1) throw new ZipError('unsupported', 'encrypted entry');
    if (method !== 0 && method !== 8) throw new ZipError('unsupported', `method ${method}`);
    if (unpacked > limits.entryBytes) throw new ZipError('tooLarge', `${name}: ${unpacked} bytes`);
    total += unpacked;
    if (total > limits.totalBytes) throw new ZipError('tooLarge', `${total} bytes in all`);

    // The local header must agree with the central one; the data must lie before the directory.
    if (local + 30 + nameLength > at) throw new ZipError('damaged', `${name}: local header`);
    const header = await bytesOf(zip, local, local + 30 + nameLength);
    const localView = new DataView(header.buffer);
    if (
      localView.getUint32(0, true) !== LOCAL ||
      localView.getUint16(26, true) !== nameLength ||
      !sameBytes(header.subarray(30), rawName)
    ) {
      throw new ZipError('damaged', `${name}: local header`);
    }
    const start = local + 30 + nameLength + localView.getUint16(28, true);
    if (start + packed > at) throw new ZipError('damaged', `${name}: data out of range`);
    if (method === 0 && packed !== unpacked) {
      throw new ZipError('damaged', `${name}: stored sizes differ`);
    }
    out.push({ name, method, start, packed, unpacked });
  }
  return out;
}

/**
 * One entry's bytes. A stored entry is a slice of the ZIP (still on disk when the ZIP is); a
 * deflated one is inflated into a buffer of its declared size, which is within the limits: a
 * bomb cannot grow past it, and a size that is a lie shows as output of another length.
 */
export async function entryBlob(zip: Blob, entry: ZipEntry): Promise<Blob> {
  const data = zip.slice(entry.start, entry.start + entry.packed);
  if (entry.method === 0) return data;
  return new Blob([await inflated(data, entry)]);
}

async function inflated(data: Blob, entry: ZipEntry): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = new Uint8Array(entry.unpacked);
  let out: Uint8Array;
  try {
    out = inflateSync(new Uint8Array(await data.arrayBuffer()), { out: buffer });
  } catch {
    throw new ZipError('damaged', `${entry.name}: does not inflate`);
  }
  if (out.length !== entry.unpacked || out.buffer !== buffer.buffer) {
    throw new ZipError('damaged', `${entry.name}: not ${entry.unpacked} bytes`);
  }
  return buffer;
}

function findEndOfCentralDirectory(tail: Uint8Array): number {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  for (let at = tail.length - 22; at >= 0; at--) {
    if (
      view.getUint32(at, true) === EOCD &&
      at + 22 + view.getUint16(at + 20, true) === tail.length
    ) {
      return at;
    }
  }
  throw new ZipError('notZip', 'no end of central directory');
}

function sameBytes(a: Uint8Array, b: Uint8Array) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A name as UTF-8 (what fflate writes); bytes that are not UTF-8 do not come back the same. */
function decodeName(bytes: Uint8Array): string {
  const name = strFromU8(bytes);
  if (!sameBytes(strToU8(name), bytes)) throw new ZipError('badName', 'a name that is not UTF-8');
  return name;
}

/**
 * Names a package may hold: relative, with forward slashes, no `..` or `.` step, no drive
 * letter, no control characters. Anything else could write outside the folder it is unpacked
 * to (by `unzip`, by an auditor's tool), so the whole package is refused.
 */
export function checkName(name: string): void {
  const bad =
    name === '' ||
    name.length > 255 ||
    name.startsWith('/') ||
    name.includes('\\') ||
    /^[A-Za-z]:/.test(name) ||
    [...name].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f') ||
    name.split('/').some((step) => step === '..' || step === '.' || step === '');
  if (bad) throw new ZipError('badName', JSON.stringify(name));
}
