/**
 * SHA-256 as hex, for the manifest's hashes. WebCrypto's digest is native in browsers, workers
 * and Node alike, and several times faster than SHA-256 in JavaScript; but it takes one buffer
 * whole. So a file is hashed whole when it is small enough to hold (most photos and scans), and
 * in pieces with @noble/hashes when it is larger, so memory stays flat for a video.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** The part of WebCrypto used here (shared/ has neither DOM nor Node types). */
interface Digester {
  digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
}

const subtle = (globalThis as { crypto?: { subtle?: Digester } }).crypto?.subtle;
/** The largest file hashed whole; larger ones in pieces of this size. */
const WHOLE_BYTES = 16 * 2 ** 20;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  if (!subtle) return bytesToHex(sha256(bytes));
  return bytesToHex(
    new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)),
  );
}

export async function sha256OfBlob(blob: Blob): Promise<string> {
  if (blob.size <= WHOLE_BYTES) return sha256Hex(new Uint8Array(await blob.arrayBuffer()));
  const hash = sha256.create();
  for (let at = 0; at < blob.size; at += WHOLE_BYTES) {
    hash.update(new Uint8Array(await blob.slice(at, at + WHOLE_BYTES).arrayBuffer()));
  }
  return bytesToHex(hash.digest());
}
