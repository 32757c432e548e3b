/**
 * libsodium (WebAssembly, libsodium-wrappers) for the row seal (seal.ts): loaded on demand, in
 * a chunk of its own, so the first paint never waits for it.
 *
 * Only its C functions are called, and only in one scratch area of its memory: the key, the
 * nonce, the context and the body are copied in, sealed or opened there, and the result copied
 * or decoded out. The wrappers' calls would allocate an array for every argument and result
 * (on a list of 10,000 rows, those allocations cost more than the cipher) and leave keys and
 * bodies behind in memory they free. The scratch is zeroed when the keys are (wipeScratch).
 * Bodies too long for it are left to noble (seal.ts).
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

/** Copies the key, nonce and context into the scratch; libsodium's memory, to use at once. */
function prepare(key: Uint8Array, nonce: Uint8Array, ad: Uint8Array) {
  const { module, scratch } = loaded!;
  const heap = module.HEAPU8; // read each time: libsodium's memory may have grown
  heap.set(key, scratch + KEY);
  heap.set(nonce, scratch + NONCE);
  heap.set(ad, scratch + AD);
  return { module, scratch, heap };
}

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
  const { module, scratch, heap } = prepare(key, nonce, ad);
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

const fits = (seal: SmallSeal) =>
  seal.ciphertext.length >= TAG && seal.ciphertext.length <= SMALL && seal.ad.length <= AD_MAX;

/** Opens `seal`'s body into libsodium's memory at `out`: false when it does not open. */
function openInto(seal: SmallSeal, out: number): boolean {
  const { module, scratch, heap } = prepare(seal.key, seal.nonce, seal.ad);
  heap.set(seal.ciphertext, scratch + IN);
  const failed = module._crypto_aead_xchacha20poly1305_ietf_decrypt(
    out,
    0,
    0,
    scratch + IN,
    seal.ciphertext.length,
    0,
    scratch + AD,
    seal.ad.length,
    0,
    scratch + NONCE,
    scratch + KEY,
  );
  return failed === 0;
}

/**
 * The text sealed in `seal`, opened in the scratch: null when libsodium is not loaded or the
 * body is too long for the scratch (the caller opens it otherwise), false when it does not
 * open (damaged, moved, another key).
 */
export function openSmallText(seal: SmallSeal, decoder: Decoder): string | null | false {
  if (!loaded || !fits(seal)) return null;
  const at = loaded.scratch + OUT;
  if (!openInto(seal, at)) return false;
  return decoder.decode(loaded.module.HEAPU8.subarray(at, at + seal.ciphertext.length - TAG));
}

/**
 * The texts of `count` small bodies, each as openSmallText gives it (`sealAt(i)` is read
 * once, just before it is opened; null: not one libsodium opens). They are opened one after
 * the other into one stretch of libsodium's memory, a NUL after each, then decoded with one
 * call and split: on a list of 10,000 rows, a decoder call for each cost as much as opening
 * them. (JSON text holds no NUL; a body that does is decoded alone.)
 */
export function openSmallTexts(
  count: number,
  sealAt: (i: number) => SmallSeal | null,
  decoder: Decoder,
): (string | null | false)[] {
  const texts = new Array<string | null | false>(count).fill(null);
  if (!loaded) return texts;
  const { module, batch } = loaded;
  let members: number[] = [];
  let used = 0;
  const decodeMembers = () => {
    const parts = decoder.decode(module.HEAPU8.subarray(batch, batch + used)).split('\0');
    members.forEach((i, k) => (texts[i] = parts[k]!));
    members = [];
    used = 0;
  };
  for (let i = 0; i < count; i++) {
    const seal = sealAt(i);
    if (!seal || !fits(seal)) continue;
    const length = seal.ciphertext.length - TAG;
    if (used + length + 1 > BATCH_BYTES) decodeMembers();
    if (!openInto(seal, batch + used)) {
      texts[i] = false;
      continue;
    }
    const heap = module.HEAPU8;
    const body = heap.subarray(batch + used, batch + used + length);
    if (body.includes(0)) {
      texts[i] = decoder.decode(body);
      continue;
    }
    heap[batch + used + length] = 0;
    used += length + 1;
    members.push(i);
  }
  if (members.length > 0) decodeMembers();
  return texts;
}

/** What texts are decoded with (a TextDecoder; shared/ has no DOM types). */
interface Decoder {
  decode(bytes: Uint8Array): string;
}

/** One small sealed body, and what opening it takes. */
export interface SmallSeal {
  readonly key: Uint8Array;
  readonly nonce: Uint8Array;
  /** With its tag. */
  readonly ciphertext: Uint8Array;
  readonly ad: Uint8Array;
}

/** Zeroes the scratch and the batch: the last key and bodies sealed or opened there. */
export function wipeScratch(): void {
  if (!loaded) return;
  const { module, scratch, batch } = loaded;
  module.HEAPU8.fill(0, scratch, scratch + SCRATCH_BYTES);
  module.HEAPU8.fill(0, batch, batch + BATCH_BYTES);
}
