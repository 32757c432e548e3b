/**
 * SHA-256 as hex, for the manifest's hashes. WebCrypto's digest is native in browsers, workers
 * and Node alike, and an order of magnitude faster than SHA-256 in JavaScript on a large case;
 * the JavaScript one (@noble/hashes) stands in where a host has no WebCrypto.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** The part of WebCrypto used here (shared/ has neither DOM nor Node types). */
interface Digester {
  digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
}

const subtle = (globalThis as { crypto?: { subtle?: Digester } }).crypto?.subtle;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  if (!subtle) return bytesToHex(sha256(bytes));
  return bytesToHex(
    new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)),
  );
}
