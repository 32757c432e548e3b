/**
 * Sealing what this laptop stores (issue 16, DESIGN §12): XChaCha20-Poly1305, the AEAD age
 * itself uses (no cipher code of our own), with its 192-bit nonce drawn at random for every
 * seal, so no counter has to survive a crash. Synchronous on purpose: Dexie's middleware seals
 * rows inside IndexedDB transactions, which end at the first await of anything else (WebCrypto
 * included).
 *
 * Two implementations of the one standard construction, interchangeable on every byte:
 * libsodium (WebAssembly, sodium.ts) for bodies up to 1 MiB once `loadFastCipher()` has loaded
 * it, and @noble/ciphers (plain JavaScript) for longer ones, until then, and wherever
 * WebAssembly is refused. On the small rows lists are made of, noble's per-call setup costs
 * about 10 µs and libsodium's 2: that is what opening a list of 10,000 summaries waits on.
 *
 * `context` is authenticated, not stored: the table and key a row belongs to, so a sealed body
 * moved onto another row (by someone who can write the disk) fails to open instead of lying.
 *
 * Layout: 1 version byte (the suite; a 国密 suite would take another), 24 nonce bytes, the
 * ciphertext with its 16-byte tag.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import {
  loadSodium,
  openSmallText,
  openSmallTexts,
  sealSmall,
  sodiumLoaded,
  type SmallSeal,
} from './sodium';

/** Seals and opens with libsodium from now on (see sodium.ts); never rejects. */
export const loadFastCipher = loadSodium;

/** Which implementation seals and opens now (for tests and benchmarks). */
export const cipherInUse = (): 'libsodium' | 'noble' => (sodiumLoaded() ? 'libsodium' : 'noble');

export const KEY_BYTES = 32;
const SUITE_XCHACHA = 1;
const NONCE_BYTES = 24;
/** What sealing adds to a message: suite byte, nonce and tag. */
export const SEAL_OVERHEAD = 1 + NONCE_BYTES + 16;

/** What is stored does not open with this key and context: damaged, moved, or another key. */
export class Unreadable extends Error {
  constructor() {
    super('stored data does not open with this key');
    this.name = 'Unreadable';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const codec = {
  decode: (b: Uint8Array) => decoder.decode(b),
  encodeInto: (t: string, into: Uint8Array) => encoder.encodeInto(t, into),
};

/**
 * Random nonces drawn a batch at a time (a call to the system's generator per row cost a third
 * of sealing a small row), each used once. Nonces are stored in the clear: keeping the next few
 * in memory reveals nothing.
 */
const NONCES = 256;
const nonces = new Uint8Array(NONCES * NONCE_BYTES);
let nextNonce = NONCES;

function newNonce(into: Uint8Array, at: number): void {
  if (nextNonce === NONCES) {
    crypto.getRandomValues(nonces);
    nextNonce = 0;
  }
  const from = nextNonce++ * NONCE_BYTES;
  into.set(nonces.subarray(from, from + NONCE_BYTES), at);
}

/**
 * The context's bytes into `contextBuffer`, and their count (what is authenticated is used at
 * once, never kept); a context too long or not ASCII (a rare id) into a new array. Contexts
 * are table and key names: copied byte by byte, they cost less than the encoder's call.
 */
const contextBuffer = new Uint8Array(256);
function contextBytes(context: string): { bytes: Uint8Array; length: number } {
  const n = context.length;
  if (n <= contextBuffer.length) {
    let i = 0;
    for (; i < n; i++) {
      const c = context.charCodeAt(i);
      if (c > 0x7f) break;
      contextBuffer[i] = c;
    }
    if (i === n) return { bytes: contextBuffer, length: n };
  }
  const bytes = encoder.encode(context);
  return { bytes, length: bytes.length };
}

export function seal(key: Uint8Array, plain: Uint8Array, context: string): Uint8Array {
  const out = new Uint8Array(SEAL_OVERHEAD + plain.length);
  out[0] = SUITE_XCHACHA;
  newNonce(out, 1);
  const aad = contextBytes(context);
  const nonce = out.subarray(1, 1 + NONCE_BYTES);
  const ad = aad.bytes.subarray(0, aad.length);
  if (!sealSmall(key, nonce, plain, ad, out, 1 + NONCE_BYTES)) {
    out.set(xchacha20poly1305(key, nonce, ad).encrypt(plain), 1 + NONCE_BYTES);
  }
  return out;
}

export function open(key: Uint8Array, sealed: Uint8Array, context: string): Uint8Array {
  if (sealed.length < SEAL_OVERHEAD || sealed[0] !== SUITE_XCHACHA) throw new Unreadable();
  const aad = contextBytes(context);
  const at = 1 + NONCE_BYTES;
  const nonce = sealed.subarray(1, at);
  const ad = aad.bytes.subarray(0, aad.length);
  try {
    return xchacha20poly1305(key, nonce, ad).decrypt(sealed.subarray(at));
  } catch {
    throw new Unreadable();
  }
}

export const sealText = (key: Uint8Array, text: string, context: string) =>
  seal(key, encoder.encode(text), context);

/**
 * `text` sealed as a byte string (one character a byte, 0–255): how rows store their sealed
 * body. IndexedDB reads back 10,000 strings in less time than 10,000 byte arrays (each its own
 * ArrayBuffer), and libsodium reads the bytes straight from the string; two seals compare
 * with ===.
 */
export const sealString = (key: Uint8Array, text: string, context: string): string =>
  byteString(sealText(key, text, context));

/**
 * The text sealed in `sealed`: a byte string as rows store it, or bytes (a file's, the
 * journal's in localStorage: rare, opened by noble).
 */
export function openText(key: Uint8Array, sealed: Uint8Array | string, context: string): string {
  try {
    const small = typeof sealed === 'string' ? smallSeal({ key, sealed, context }) : null;
    const text = small && openSmallText(small, codec);
    if (text === false) throw new Unreadable();
    if (typeof text === 'string') return text;
    return decoder.decode(open(key, asBytes(sealed), context));
  } catch (error) {
    throw error instanceof Unreadable ? error : new Unreadable();
  }
}

/** A sealed value to open, with its key and context. */
export interface Sealed {
  readonly key: Uint8Array;
  /** As rows store it: a byte string (bytes from before are made one, asByteString). */
  readonly sealed: string;
  readonly context: string;
}

function smallSeal({ key, sealed, context }: Sealed): SmallSeal | null {
  if (sealed.length < SEAL_OVERHEAD || sealed.charCodeAt(0) !== SUITE_XCHACHA) return null;
  return { key, sealed, cipherAt: 1 + NONCE_BYTES, context };
}

/**
 * The texts of many sealed values, as openText gives each, opened together where libsodium
 * can (sodium.ts: one decoder call for all). Unreadable when any does not open.
 */
export function openTexts(items: readonly Sealed[]): string[] {
  let opened: (string | null | false)[];
  try {
    opened = openSmallTexts(items.length, (i) => smallSeal(items[i]!), codec);
  } catch {
    throw new Unreadable(); // not text: cannot be, for what was sealed here
  }
  return opened.map((text, i) => {
    if (text === false) throw new Unreadable();
    return text ?? openText(items[i]!.key, items[i]!.sealed, items[i]!.context);
  });
}

/** Bytes as a byte string: one character a byte. */
function byteString(bytes: Uint8Array): string {
  const PIECE = 8192; // arguments to one call
  let out = '';
  for (let at = 0; at < bytes.length; at += PIECE) {
    out += String.fromCharCode.apply(null, bytes.subarray(at, at + PIECE) as unknown as number[]);
  }
  return out;
}

/** A sealed value as a byte string; rows sealed before byte strings stored bytes. */
export const asByteString = (sealed: Uint8Array | string): string =>
  typeof sealed === 'string' ? sealed : byteString(sealed);

/** A byte string's bytes (a character above 255 is not one: its low byte, which fails to open). */
function asBytes(sealed: Uint8Array | string): Uint8Array {
  if (typeof sealed !== 'string') return sealed;
  const bytes = new Uint8Array(sealed.length);
  for (let i = 0; i < sealed.length; i++) bytes[i] = sealed.charCodeAt(i);
  return bytes;
}
