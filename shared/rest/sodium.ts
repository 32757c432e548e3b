/**
 * libsodium (WebAssembly, libsodium-wrappers) for the row seal (seal.ts): loaded on demand, in
 * a chunk of its own, so the first paint never waits for it.
 *
 * Only its C functions are called, and only in one scratch area of its memory: the key, the
 * nonce, the context and the body are copied in, sealed or opened there, and the result copied
 * or decoded out. Rows' sealed values are opened from byte strings (one character a byte, as
 * rows store them), copied in character by character. The wrappers' calls would allocate an
 * array for every argument and result (on a list of 10,000 rows, those allocations cost more
 * than the cipher) and leave keys and bodies behind in memory they free. The scratch is zeroed
 * when the keys are (wipeScratch). Bodies too long for it are left to noble (seal.ts).
 */
import type wrappersModule from 'libsodium-wrappers';

/** The part of libsodium's module used (its exported C functions and memory). */
interface Module {
  readonly HEAPU8: Uint8Array;
  _malloc(bytes: number): number;
  /** (c, clen_p, m, mlen, mlen_hi, ad, adlen, adlen_hi, nsec, npub, k): 0 when it sealed. */
  _crypto_aead_xchacha20poly1305_ietf_encrypt(...args: number[]): number;
  /** (m, mlen_p, nsec, c, clen, clen_hi, ad, adlen, adlen_hi, npub, k): 0 when it opened. */
  _crypto_aead_xchacha20poly1305_ietf_decrypt(...args: number[]): number;
}

const TAG = 16;
/** The longest body, sealed (with its tag), handled in the scratch: a long interview's. */
const SMALL = 2 ** 20;
const KEY = 0;
const NONCE = KEY + 32;
const AD = NONCE + 24;
const AD_MAX = 256;
const IN = AD + AD_MAX;
const OUT = IN + SMALL;
const SCRATCH_BYTES = OUT + SMALL;
/** Where the bodies of a batch are opened one after the other, to be decoded with one call. */
const BATCH_BYTES = 2 ** 20;

let loaded: { module: Module; scratch: number; batch: number } | undefined;
let loading: Promise<void> | undefined;

/** Resolves once libsodium is in use, or once it cannot be (no WebAssembly): never rejects. */
export function loadSodium(): Promise<void> {
  loading ??= import('libsodium-wrappers')
    .then(async ({ default: wrappers }: { default: typeof wrappersModule }) => {
      await wrappers.ready;
      const module = (wrappers as unknown as { libsodium: Module }).libsodium;
      loaded = {
        module,
        scratch: module._malloc(SCRATCH_BYTES),
        batch: module._malloc(BATCH_BYTES),
      };
    })
    .catch(() => {});
  return loading;
}

export const sodiumLoaded = (): boolean => loaded !== undefined;

/**
 * `plain` sealed (the ciphertext with its tag), into `out` at `at`; false when libsodium is
 * not loaded or the body is too long for the scratch (the caller seals it otherwise).
 */
export function sealSmall(
  key: Uint8Array,
  nonce: Uint8Array,
  plain: Uint8Array,
  ad: Uint8Array,
  out: Uint8Array,
  at: number,
): boolean {
  if (!loaded || plain.length + TAG > SMALL || ad.length > AD_MAX) return false;
  const { module, scratch } = loaded;
  const heap = module.HEAPU8; // read each time: libsodium's memory may have grown
  heap.set(key, scratch + KEY);
  heap.set(nonce, scratch + NONCE);
  heap.set(ad, scratch + AD);
  heap.set(plain, scratch + IN);
  const failed = module._crypto_aead_xchacha20poly1305_ietf_encrypt(
    scratch + OUT,
    0,
    scratch + IN,
    plain.length,
    0,
    scratch + AD,
    ad.length,
    0,
    0,
    scratch + NONCE,
    scratch + KEY,
  );
  if (failed) throw new Error('libsodium did not seal'); // cannot happen for these sizes
  out.set(heap.subarray(scratch + OUT, scratch + OUT + plain.length + TAG), at);
  return true;
}

const fits = (seal: SmallSeal) => {
  const length = seal.sealed.length - seal.cipherAt;
  // A context is at most 3 UTF-8 bytes a character.
  return length >= TAG && length <= SMALL && seal.context.length * 3 <= AD_MAX;
};

/**
 * Opens `seal`'s body into libsodium's memory at `out`: false when it does not open. Its bytes
 * are copied from the byte string straight into the scratch (no array made for them), and the
 * key only when it is not the one there already (`lastKey`, of the same batch).
 */
function openInto(seal: SmallSeal, out: number, text: Encoder, lastKey?: Uint8Array): boolean {
  const { module, scratch } = loaded!;
  const heap = module.HEAPU8; // read each time: libsodium's memory may have grown
  if (seal.key !== lastKey) heap.set(seal.key, scratch + KEY);
  const { sealed, cipherAt } = seal;
  for (let i = 0; i < 24; i++) heap[scratch + NONCE + i] = sealed.charCodeAt(cipherAt - 24 + i);
  const length = sealed.length - cipherAt;
  for (let i = 0; i < length; i++) heap[scratch + IN + i] = sealed.charCodeAt(cipherAt + i);
  const ad = writeContext(heap, scratch + AD, seal.context, text);
  const failed = module._crypto_aead_xchacha20poly1305_ietf_decrypt(
    out,
    0,
    0,
    scratch + IN,
    length,
    0,
    scratch + AD,
    ad,
    0,
    scratch + NONCE,
    scratch + KEY,
  );
  return failed === 0;
}

/** The context's UTF-8 bytes at `at` (an ASCII one copied as it is), and their count. */
function writeContext(heap: Uint8Array, at: number, context: string, text: Encoder): number {
  for (let i = 0; i < context.length; i++) {
    const c = context.charCodeAt(i);
    if (c > 0x7f) return text.encodeInto(context, heap.subarray(at, at + AD_MAX)).written;
    heap[at + i] = c;
  }
  return context.length;
}

/**
 * The text sealed in `seal`, opened in the scratch: null when libsodium is not loaded or the
 * body is too long for the scratch (the caller opens it otherwise), false when it does not
 * open (damaged, moved, another key).
 */
export function openSmallText(seal: SmallSeal, text: Codec): string | null | false {
  if (!loaded || !fits(seal)) return null;
  const at = loaded.scratch + OUT;
  if (!openInto(seal, at, text)) return false;
  return text.decode(
    loaded.module.HEAPU8.subarray(at, at + seal.sealed.length - seal.cipherAt - TAG),
  );
}

/**
 * The texts of `count` small bodies, each as openSmallText gives it (`sealAt(i)` is read
 * once, just before it is opened; null: not one libsodium opens). They are opened one after
 * the other into one stretch of libsodium's memory, a NUL after each, then decoded with one
 * call and split: on a list of 10,000 rows, a decoder call for each cost as much as opening
 * them. JSON text holds no NUL: should a body hold one, the split finds more parts than bodies,
 * and each is decoded alone.
 */
export function openSmallTexts(
  count: number,
  sealAt: (i: number) => SmallSeal | null,
  text: Codec,
): (string | null | false)[] {
  const texts = new Array<string | null | false>(count).fill(null);
  if (!loaded) return texts;
  const { module, batch } = loaded;
  let members: number[] = [];
  let ends: number[] = [];
  let used = 0;
  const decodeMembers = () => {
    const heap = module.HEAPU8;
    const parts = text.decode(heap.subarray(batch, batch + used)).split('\0');
    if (parts.length === members.length + 1) members.forEach((i, k) => (texts[i] = parts[k]!));
    else {
      members.forEach((i, k) => {
        const from = k === 0 ? batch : batch + ends[k - 1]! + 1;
        texts[i] = text.decode(heap.subarray(from, batch + ends[k]!));
      });
    }
    members = [];
    ends = [];
    used = 0;
  };
  let lastKey: Uint8Array | undefined;
  for (let i = 0; i < count; i++) {
    const seal = sealAt(i);
    if (!seal || !fits(seal)) continue;
    const length = seal.sealed.length - seal.cipherAt - TAG;
    if (used + length + 1 > BATCH_BYTES) decodeMembers();
    const opened = openInto(seal, batch + used, text, lastKey);
    lastKey = seal.key;
    if (!opened) {
      texts[i] = false;
      continue;
    }
    used += length;
    module.HEAPU8[batch + used] = 0;
    members.push(i);
    ends.push(used);
    used += 1;
  }
  if (members.length > 0) decodeMembers();
  return texts;
}

/** What texts are encoded and decoded with: TextEncoder's and TextDecoder's (no DOM types here). */
export interface Codec extends Encoder {
  decode(bytes: Uint8Array): string;
}
interface Encoder {
  encodeInto(text: string, into: Uint8Array): { written: number };
}

/**
 * One small sealed value, and what opening it takes. The sealed value is a byte string (one
 * character a byte, as rows store it): its 24-byte nonce just before `cipherAt`, the
 * ciphertext with its tag from there to the end.
 */
export interface SmallSeal {
  readonly key: Uint8Array;
  readonly sealed: string;
  readonly cipherAt: number;
  readonly context: string;
}

/** Zeroes the scratch and the batch: the last key and bodies sealed or opened there. */
export function wipeScratch(): void {
  if (!loaded) return;
  const { module, scratch, batch } = loaded;
  module.HEAPU8.fill(0, scratch, scratch + SCRATCH_BYTES);
  module.HEAPU8.fill(0, batch, batch + BATCH_BYTES);
}
