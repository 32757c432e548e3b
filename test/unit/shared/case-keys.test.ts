import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import {
  DamagedKey,
  deriveKek,
  escrowCaseKey,
  newDataKey,
  newKdfParams,
  passphraseProblem,
  passphraseStrength,
  recoverCaseKey,
  unwrapKey,
  WrongPassphrase,
  wrapKey,
} from '../../../shared/rest/caseKeys';
import { zh } from '../../../shared/i18n/zh-CN';

/** Tests derive with few rounds; the count is stored with the salt, so unlocking reads it. */
const FAST = newKdfParams(1000);
const r = zh.rest;

async function wrappedWith(passphrase: string, key = newDataKey(), params = FAST) {
  return { key, params, wrapped: await wrapKey(await deriveKek(passphrase, params), key) };
}

describe('a data key', () => {
  it('is wrapped under a passphrase and opened by the same one, whatever its script or length', async () => {
    for (const passphrase of ['巡察组第三组2026！', 'x'.repeat(1000), 'Ǎ'.normalize('NFD')]) {
      const { key, wrapped } = await wrappedWith(passphrase);
      expect(JSON.stringify(wrapped)).not.toContain(btoa(String.fromCharCode(...key)));
      expect(await unwrapKey(await deriveKek(passphrase, FAST), wrapped)).toEqual(key);
    }
    // The same text typed composed or decomposed is the same passphrase.
    const { key, wrapped } = await wrappedWith('Ǎ'.normalize('NFD'));
    expect(await unwrapKey(await deriveKek('Ǎ'.normalize('NFC'), FAST), wrapped)).toEqual(key);
  });

  it('refuses a wrong, empty or overlong passphrase, and says a damaged key is damaged', async () => {
    const { wrapped } = await wrappedWith('正确的口令');
    const right = await deriveKek('正确的口令', FAST);
    await expect(unwrapKey(await deriveKek('错误的口令', FAST), wrapped)).rejects.toBeInstanceOf(
      WrongPassphrase,
    );
    // The same passphrase with another salt is another key.
    await expect(
      unwrapKey(await deriveKek('正确的口令', newKdfParams(1000)), wrapped),
    ).rejects.toBeInstanceOf(WrongPassphrase);
    await expect(deriveKek('', FAST)).rejects.toThrow(r.passphraseEmpty);
    await expect(deriveKek('x'.repeat(1025), FAST)).rejects.toThrow(r.passphraseTooLong(1024));
    for (const damaged of [
      null,
      'text',
      { ...wrapped, sealed: wrapped.sealed.slice(4) },
      { ...wrapped, extra: 1 },
    ]) {
      await expect(unwrapKey(right, damaged)).rejects.toBeInstanceOf(DamagedKey);
    }
    for (const params of [
      null,
      { ...FAST, v: 2 },
      { ...FAST, salt: 'AAAA' },
      { ...FAST, iterations: 0 },
    ]) {
      await expect(deriveKek('正确的口令', params)).rejects.toBeInstanceOf(DamagedKey);
    }
    // A flipped bit in the sealed key fails the tag: indistinguishable from a wrong passphrase.
    const bytes = Uint8Array.from(atob(wrapped.sealed), (c) => c.charCodeAt(0));
    bytes[0]! ^= 1;
    const flipped = { ...wrapped, sealed: btoa(String.fromCharCode(...bytes)) };
    await expect(unwrapKey(right, flipped)).rejects.toBeInstanceOf(WrongPassphrase);
  });

  it('is recovered by the 组长 with their identity, and by no one else', async () => {
    const key = newDataKey();
    const leader = await generateX25519Identity();
    const escrow = await escrowCaseKey(key, await identityToRecipient(leader));
    expect(await recoverCaseKey(escrow, leader)).toEqual(key);
    const stranger = await generateX25519Identity();
    await expect(recoverCaseKey(escrow, stranger)).rejects.toBeInstanceOf(DamagedKey);
  });

  it('gives a strength hint', () => {
    expect(passphraseStrength('123456')).toBe('weak');
    expect(passphraseStrength('xuncha2026')).toBe('fair');
    expect(passphraseStrength('第三巡察组 2026 春')).toBe('strong');
    expect(passphraseProblem('好')).toBe('');
  });
});
