/**
 * The row seal has two implementations of one construction (libsodium, and noble until
 * libsodium is loaded): a row sealed by either opens with the other, byte for byte the IETF
 * XChaCha20-Poly1305 of the layout, and neither opens what was changed or moved.
 */
import { describe, expect, it } from 'vitest';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import {
  cipherInUse,
  loadFastCipher,
  openText,
  openTexts,
  sealString,
  sealText,
  Unreadable,
} from '../../../shared/rest/seal';
import { wipeScratch } from '../../../shared/rest/sodium';

const key = crypto.getRandomValues(new Uint8Array(32));
const text = '问：二〇二五年公务用车加油记录由谁审批？答：由办公室主任签字。';
const at = 'interviews/01JDZ0000000000000000000';

/** Opened as the standard construction, by noble directly: suite byte, nonce, ciphertext. */
function openedByNoble(sealed: Uint8Array, context: string): string {
  const plain = xchacha20poly1305(
    key,
    sealed.subarray(1, 25),
    new TextEncoder().encode(context),
  ).decrypt(sealed.subarray(25));
  return new TextDecoder().decode(plain);
}

describe('the row seal', () => {
  it('opens across implementations, and refuses what was changed or moved', async () => {
    expect(cipherInUse()).toBe('noble');
    const beforeLoad = sealText(key, text, at);

    await loadFastCipher();
    expect(cipherInUse()).toBe('libsodium');
    expect(openText(key, beforeLoad, at)).toBe(text);
    wipeScratch(); // as at a lock: the next open brings its own key again
    expect(openText(key, beforeLoad, at)).toBe(text);

    const afterLoad = sealText(key, text, at);
    expect(openedByNoble(afterLoad, at)).toBe(text);
    expect(afterLoad.subarray(1, 25)).not.toEqual(beforeLoad.subarray(1, 25)); // a fresh nonce

    // A body longer than the scratch libsodium opens small ones in takes the other way.
    const long = '谈话记录'.repeat(100_000);
    expect(openText(key, sealText(key, long, at), at)).toBe(long);

    for (const sealed of [beforeLoad, afterLoad, sealText(key, long, at)]) {
      const changed = sealed.slice();
      changed[30]! ^= 1;
      expect(() => openText(key, changed, at)).toThrow(Unreadable);
      expect(() => openText(key, sealed, 'interviews/another')).toThrow(Unreadable);
      expect(() => openText(new Uint8Array(32), sealed, at)).toThrow(Unreadable);
    }
  });

  it('leaves no key nor body in libsodium’s memory once the keys are dropped', async () => {
    await loadFastCipher();
    const { default: wrappers } = await import('libsodium-wrappers');
    const heap = () =>
      (wrappers as unknown as { libsodium: { HEAPU8: Uint8Array } }).libsodium.HEAPU8;
    const found = (bytes: Uint8Array) => Buffer.from(heap()).includes(Buffer.from(bytes));
    const body = new TextEncoder().encode(text);
    const sealed = sealText(key, text, at);
    expect(openText(key, sealed, at)).toBe(text);
    expect(found(key) && found(body), 'in use while unlocked').toBe(true);
    wipeScratch(); // as at a lock (KeyChain.drop)
    expect(found(key), 'the key').toBe(false);
    expect(found(body), 'the body').toBe(false);
  });

  it('opens many at once as each alone: across the batch’s end, with a NUL, long ones, damage', async () => {
    await loadFastCipher();
    const texts = Array.from({ length: 700 }, (_, i) => `${'问答'.repeat(500)}第${i}条`);
    texts[3] = 'a\u0000b'; // text may hold a NUL; JSON never does
    texts[5] = '谈话记录'.repeat(100_000); // longer than libsodium’s scratch
    const items = texts.map((t, i) => ({
      key,
      sealed: sealString(key, t, `r/${i}`),
      context: `r/${i}`,
    }));
    expect(openTexts(items)).toEqual(texts);
    const { default: wrappers } = await import('libsodium-wrappers');
    const heap = (wrappers as unknown as { libsodium: { HEAPU8: Uint8Array } }).libsodium.HEAPU8;
    const last = Buffer.from(texts[699]!);
    expect(Buffer.from(heap).includes(last)).toBe(true);
    wipeScratch();
    expect(Buffer.from(heap).includes(last), 'no body left after a lock').toBe(false);

    const sealed = items[600]!.sealed;
    const changed =
      sealed.slice(0, 40) + String.fromCharCode(sealed.charCodeAt(40) ^ 1) + sealed.slice(41);
    expect(() =>
      openTexts(items.map((it, i) => (i === 600 ? { ...it, sealed: changed } : it))),
    ).toThrow(Unreadable);
  });
});
