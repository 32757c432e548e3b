/**
 * A file's bytes as this laptop stores them (issue 16): sealed 64 KiB at a time, as age's STREAM
 * does, each chunk bound to the file's hash, its place and whether it is the last, so chunks
 * cannot be reordered, dropped or cut off without failing to open.
 *
 * Files are sealed with AES-256-GCM through WebCrypto: unlike rows (seal.ts), a file is never
 * sealed inside a transaction, so the asynchronous native cipher can be used, and it runs at
 * several hundred MB/s where the JavaScript ciphers reach 150–190. That speed is what lets a
 * snapshot or a package of a gigabyte of photos cost little more than age's own encryption.
 * The key is derived from the laptop key with HKDF for this one use (never the same key for
 * two ciphers); nonces are random (96 bits: 2^32 chunks, 256 TiB, per laptop key is far off).
 *
 * Files sealed by the first version (suite 1, XChaCha20-Poly1305 with the laptop key itself)
 * still open; the suite byte at the head of every chunk says which.
 */
import { buf as crc32 } from 'crc-32';
import type { ByteSource } from '../package/zip';
import { open, SEAL_OVERHEAD, Unreadable } from './seal';

const CHUNK = 64 * 1024;
/** Chunks read, sealed or opened at the same time: 4 MiB, a read per chunk cost more. */
const CHUNKS_PER_READ = 64;
const READ_AHEAD_BYTES = 2 * CHUNKS_PER_READ * CHUNK;
const SUITE_XCHACHA = 1;
const SUITE_AES_GCM = 2;
const AES_NONCE = 12;
const AES_OVERHEAD = 1 + AES_NONCE + 16;
const overheadOf = (suite: number) => (suite === SUITE_XCHACHA ? SEAL_OVERHEAD : AES_OVERHEAD);

const encoder = new TextEncoder();
/** Bytes as Blob parts: never over shared memory here (Node's and the DOM's types differ). */
const asParts = (parts: Uint8Array[]) => parts as unknown as Uint8Array<ArrayBuffer>[];
const chunkContext = (sha256: string, index: number, last: boolean) =>
  `blob/${sha256}/${index}/${last ? 'last' : 'more'}`;

/** WebCrypto's CryptoKey, named from what deriveKey gives (shared/ has no DOM types). */
type FileKey = Awaited<ReturnType<typeof crypto.subtle.deriveKey>>;

const fileKeys = new WeakMap<Uint8Array, Promise<FileKey>>();

/** The AES-GCM key for files, derived once per laptop key (and forgotten with it). */
function fileKeyOf(laptopKey: Uint8Array): Promise<FileKey> {
  let key = fileKeys.get(laptopKey);
  if (!key) {
    key = (async () => {
      const base = await crypto.subtle.importKey(
        'raw',
        laptopKey as Uint8Array<ArrayBuffer>,
        'HKDF',
        false,
        ['deriveKey'],
      );
      return crypto.subtle.deriveKey(
        {
          name: 'HKDF',
          hash: 'SHA-256',
          salt: new Uint8Array(0),
          info: encoder.encode('xuncha-workbench file chunks AES-256-GCM v2'),
        },
        base,
        { name: 'AES-GCM', length: 256 },
        false,
        ['encrypt', 'decrypt'],
      );
    })();
    fileKeys.set(laptopKey, key);
  }
  return key;
}

/** A file's bytes sealed, and the CRC-32 of its plain bytes (what a ZIP of it declares). */
export interface SealedFile {
  readonly sealed: Blob;
  /** Unsigned. Kept with the file, so packages and snapshots need not read it twice. */
  readonly crc32: number;
}

/**
 * Seals a file's bytes with the laptop key; reads it a few MiB at a time (memory stays flat).
 * The CRC-32 is taken on the way, while the cipher works on the browser's own threads.
 */
export async function sealChunks(
  laptopKey: Uint8Array,
  blob: Blob,
  sha256: string,
): Promise<SealedFile> {
  const key = await fileKeyOf(laptopKey);
  const count = Math.max(1, Math.ceil(blob.size / CHUNK));
  const parts: Uint8Array[] = [];
  let crc = 0;
  for (let first = 0; first < count; first += CHUNKS_PER_READ) {
    const piece = new Uint8Array(
      await blob.slice(first * CHUNK, (first + CHUNKS_PER_READ) * CHUNK).arrayBuffer(),
    );
    const sealing: Promise<Uint8Array>[] = [];
    for (let i = first; i < Math.min(count, first + CHUNKS_PER_READ); i++) {
      const plain = piece.subarray((i - first) * CHUNK, (i - first + 1) * CHUNK);
      sealing.push(sealOne(key, plain, chunkContext(sha256, i, i === count - 1)));
    }
    crc = crc32(piece, crc);
    parts.push(...(await Promise.all(sealing)));
  }
  return {
    sealed: new Blob(asParts(parts), { type: 'application/octet-stream' }),
    crc32: crc >>> 0,
  };
}

async function sealOne(
  key: FileKey,
  plain: Uint8Array<ArrayBuffer>,
  context: string,
): Promise<Uint8Array> {
  const nonce = crypto.getRandomValues(new Uint8Array(AES_NONCE));
  const body = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: nonce, additionalData: encoder.encode(context) },
    key,
    plain,
  );
  const out = new Uint8Array(1 + AES_NONCE + body.byteLength);
  out[0] = SUITE_AES_GCM;
  out.set(nonce, 1);
  out.set(new Uint8Array(body), 1 + AES_NONCE);
  return out;
}

async function openOne(
  laptopKey: Uint8Array,
  sealed: Uint8Array<ArrayBuffer>,
  context: string,
): Promise<Uint8Array> {
  if (sealed[0] === SUITE_XCHACHA) return open(laptopKey, sealed, context);
  if (sealed[0] !== SUITE_AES_GCM || sealed.length < AES_OVERHEAD) throw new Unreadable();
  try {
    const plain = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: sealed.subarray(1, 1 + AES_NONCE),
        additionalData: encoder.encode(context),
      },
      await fileKeyOf(laptopKey),
      sealed.subarray(1 + AES_NONCE),
    );
    return new Uint8Array(plain);
  } catch {
    throw new Unreadable();
  }
}

/**
 * A sealed file as a source of its plain bytes, opened only as they are read: a package or a
 * snapshot streams a gigabyte of photos through it with flat memory. Its size is the plain
 * size. Reading fails with Unreadable when a chunk was damaged or moved.
 */
export async function openedChunks(
  laptopKey: Uint8Array,
  sealed: Blob,
  sha256: string,
  type = '',
): Promise<ByteSource & { readonly type: string }> {
  const suite = sealed.size === 0 ? 0 : new Uint8Array(await sealed.slice(0, 1).arrayBuffer())[0]!;
  const sealedChunk = CHUNK + overheadOf(suite);
  const count = Math.max(1, Math.ceil(sealed.size / sealedChunk));
  const size = Math.max(0, sealed.size - count * overheadOf(suite));
  return {
    size,
    type,
    stream() {
      let first = 0;
      // Opened ahead of the reader by a few MiB: the cipher runs on the browser's own threads
      // while the reader (age, in a package) works on what was opened before.
      return new ReadableStream<Uint8Array<ArrayBuffer>>(
        {
          async pull(controller) {
            if (first >= count) return controller.close();
            const piece = new Uint8Array(
              await sealed
                .slice(first * sealedChunk, (first + CHUNKS_PER_READ) * sealedChunk)
                .arrayBuffer(),
            );
            const opening: Promise<Uint8Array>[] = [];
            for (let at = 0, i = first; at < piece.length; at += sealedChunk, i++) {
              const chunk = piece.subarray(at, at + sealedChunk);
              opening.push(openOne(laptopKey, chunk, chunkContext(sha256, i, i === count - 1)));
            }
            if (opening.length === 0) throw new Unreadable(); // cut short
            first += opening.length;
            for (const plain of await Promise.all(opening)) {
              controller.enqueue(plain as Uint8Array<ArrayBuffer>);
            }
          },
        },
        { highWaterMark: READ_AHEAD_BYTES, size: (chunk) => chunk.byteLength },
      );
    },
  };
}

/** A sealed file's plain bytes as a Blob (assembled from its chunks). */
export async function openChunks(
  laptopKey: Uint8Array,
  sealed: Blob,
  sha256: string,
  type: string,
): Promise<Blob> {
  const parts: Uint8Array[] = [];
  const reader = (await openedChunks(laptopKey, sealed, sha256)).stream().getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    parts.push(next.value);
  }
  return new Blob(asParts(parts), { type });
}
