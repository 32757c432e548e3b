/**
 * libsodium (WebAssembly, libsodium-wrappers) for the row seal (seal.ts): loaded on demand, in
 * a chunk of its own, so the first paint never waits for it.
 *
 * Small bodies (a list's summaries) are opened through libsodium's own C function, in one
 * scratch area of its memory, and decoded from there. The wrappers' call would allocate an
 * array for every argument and the result: on a list of 10,000 rows, those allocations cost
 * more than the cipher. The scratch holds the last key and body opened: it is zeroed when the
 * keys are (wipeScratch).
 */
import type wrappersModule from 'libsodium-wrappers';

type Wrappers = typeof wrappersModule;

/** The part of libsodium's module used directly (its exported C functions and memory). */
interface Module {
  readonly HEAPU8: Uint8Array;
  _malloc(bytes: number): number;
  /** (m, mlen_p, nsec, c, clen, clen_hi, ad, adlen, adlen_hi, npub, k): 0 when it opened. */
  _crypto_aead_xchacha20poly1305_ietf_decrypt(...args: number[]): number;
}

/** The longest ciphertext (with its tag) opened in the scratch; longer ones use the wrappers. */
const SMALL = 16 * 1024;
const KEY = 0;
const NONCE = KEY + 32;
const AD = NONCE + 24;
const AD_MAX = 256;
const IN = AD + AD_MAX;
const OUT = IN + SMALL;
const SCRATCH_BYTES = OUT + SMALL;

let loaded: { wrappers: Wrappers; module: Module; scratch: number } | undefined;
let loading: Promise<void> | undefined;

/** Resolves once libsodium is in use, or once it cannot be (no WebAssembly): never rejects. */
export function loadSodium(): Promise<void> {
  loading ??= import('libsodium-wrappers')
    .then(async ({ default: wrappers }) => {
      await wrappers.ready;
      const module = (wrappers as unknown as { libsodium: Module }).libsodium;
      loaded = { wrappers, module, scratch: module._malloc(SCRATCH_BYTES) };
    })
    .catch(() => {});
  return loading;
}

/** libsodium's wrappers, once loaded. */
export const sodium = (): Wrappers | undefined => loaded?.wrappers;

/**
 * The text sealed in `ciphertext` (with its tag), opened in the scratch: null when libsodium
 * is not loaded or the body is too long for the scratch (the caller opens it otherwise), false
 * when it does not open (damaged, moved, another key).
 */
export function openSmallText(
  key: Uint8Array,
  nonce: Uint8Array,
  ciphertext: Uint8Array,
  ad: Uint8Array,
  decoder: { decode(bytes: Uint8Array): string },
): string | null | false {
  if (!loaded || ciphertext.length > SMALL || ad.length > AD_MAX || ciphertext.length < 16) {
    return null;
  }
  const { module, scratch } = loaded;
  const heap = module.HEAPU8; // read each time: libsodium's memory may have grown
  heap.set(key, scratch + KEY);
  heap.set(nonce, scratch + NONCE);
  heap.set(ad, scratch + AD);
  heap.set(ciphertext, scratch + IN);
  const failed = module._crypto_aead_xchacha20poly1305_ietf_decrypt(
    scratch + OUT,
    0,
    0,
    scratch + IN,
    ciphertext.length,
    0,
    scratch + AD,
    ad.length,
    0,
    scratch + NONCE,
    scratch + KEY,
  );
  if (failed) return false;
  const plain = heap.subarray(scratch + OUT, scratch + OUT + ciphertext.length - 16);
  return decoder.decode(plain);
}

/** Zeroes the scratch: the last key and body opened there. */
export function wipeScratch(): void {
  if (!loaded) return;
  loaded.module.HEAPU8.fill(0, loaded.scratch, loaded.scratch + SCRATCH_BYTES);
}
