import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import {
  DamagedKey,
  escrowCaseKey,
  newCaseKey,
  passphraseProblem,
  passphraseStrength,
  recoverCaseKey,
  rewrapCaseKey,
  unwrapCaseKey,
  WrongPassphrase,
  wrapCaseKey,
} from '../../../shared/rest/caseKeys';
import { zh } from '../../../shared/i18n/zh-CN';

/** Tests wrap with few rounds; the count is stored with each key, so unwrapping reads it. */
const FAST = 1000;
const r = zh.rest;

describe('a case key', () => {
  it('is wrapped by a passphrase and opened by the same one, whatever its script or length', async () => {
    const key = newCaseKey();
    for (const passphrase of ['巡察组第三组2026！', 'x'.repeat(1000), 'Ǎ'.normalize('NFD')]) {
      const wrapped = await wrapCaseKey(key, passphrase, FAST);
      expect(wrapped).toMatchObject({ v: 1, kdf: 'PBKDF2-SHA-256', iterations: FAST });
      expect(JSON.stringify(wrapped)).not.toContain(btoa(String.fromCharCode(...key)));
      expect(await unwrapCaseKey(wrapped, passphrase)).toEqual(key);
    }
    // The same text typed composed or decomposed is the same passphrase.
    const wrapped = await wrapCaseKey(key, 'Ǎ'.normalize('NFD'), FAST);
    expect(await unwrapCaseKey(wrapped, 'Ǎ'.normalize('NFC'))).toEqual(key);
  });

  it('refuses a wrong, empty or overlong passphrase, and says a damaged key is damaged', async () => {
    const wrapped = await wrapCaseKey(newCaseKey(), '正确的口令', FAST);
    await expect(unwrapCaseKey(wrapped, '错误的口令')).rejects.toBeInstanceOf(WrongPassphrase);
    await expect(unwrapCaseKey(wrapped, '')).rejects.toThrow(r.passphraseEmpty);
    await expect(wrapCaseKey(newCaseKey(), '', FAST)).rejects.toThrow(r.passphraseEmpty);
    await expect(wrapCaseKey(newCaseKey(), 'x'.repeat(1025), FAST)).rejects.toThrow(
      r.passphraseTooLong(1024),
    );
    for (const damaged of [
      null,
      'text',
      { ...wrapped, v: 2 },
      { ...wrapped, sealed: wrapped.sealed.slice(4) },
      { ...wrapped, extra: 1 },
    ]) {
      await expect(unwrapCaseKey(damaged, '正确的口令')).rejects.toBeInstanceOf(DamagedKey);
    }
    // A flipped bit in the sealed key fails the tag: indistinguishable from a wrong passphrase.
    const bytes = Uint8Array.from(atob(wrapped.sealed), (c) => c.charCodeAt(0));
    bytes[0]! ^= 1;
    const flipped = { ...wrapped, sealed: btoa(String.fromCharCode(...bytes)) };
    await expect(unwrapCaseKey(flipped, '正确的口令')).rejects.toBeInstanceOf(WrongPassphrase);
  });

  it('is re-wrapped for a new passphrase, the key itself unchanged', async () => {
    const key = newCaseKey();
    const first = await wrapCaseKey(key, '旧口令 old one', FAST);
    const second = await rewrapCaseKey(first, '旧口令 old one', '新口令 new one', FAST);
    expect(second.salt).not.toBe(first.salt);
    expect(await unwrapCaseKey(second, '新口令 new one')).toEqual(key);
    await expect(unwrapCaseKey(second, '旧口令 old one')).rejects.toBeInstanceOf(WrongPassphrase);
  });

  it('is recovered by the 组长 with their identity, and by no one else', async () => {
    const key = newCaseKey();
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
