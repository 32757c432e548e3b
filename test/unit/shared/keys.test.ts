import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decrypter, Encrypter } from 'age-encryption';
import { fingerprint } from '../../../shared/package/fingerprint';
import { isRecipient, newLaptopKey } from '../../../shared/package/keys';

const FINGERPRINT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

describe('laptop keys', () => {
  it('are X25519 age keys: what is encrypted to the recipient opens with the identity only', async () => {
    const mine = await newLaptopKey();
    const other = await newLaptopKey();
    // Not a post-quantum key (AGE-SECRET-KEY-PQ-1…), which older age tools cannot read.
    expect(mine.identity).toMatch(/^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}$/);
    expect(isRecipient(mine.recipient)).toBe(true);
    expect(mine.recipient).not.toBe(other.recipient);

    const encrypter = new Encrypter();
    encrypter.addRecipient(mine.recipient);
    const sealed = await encrypter.encrypt('谈话记录：经查，局机关存在私车公养问题。');
    const opener = new Decrypter();
    opener.addIdentity(mine.identity);
    expect(await opener.decrypt(sealed, 'text')).toBe('谈话记录：经查，局机关存在私车公养问题。');
    const stranger = new Decrypter();
    stranger.addIdentity(other.identity);
    await expect(stranger.decrypt(sealed, 'text')).rejects.toThrow();
  });

  it('refuses what is not an X25519 recipient', () => {
    for (const text of [
      '',
      'age1',
      'AGE-SECRET-KEY-1ABC',
      'age1 qqqq',
      'ssh-ed25519 AAAA',
      '张三',
    ]) {
      expect(isRecipient(text)).toBe(false);
    }
  });
});

describe('fingerprints', () => {
  it('never change between versions of the app (two laptops compare them aloud)', () => {
    // Worked out independently: SHA-256 (node:crypto) of the domain line and the recipient,
    // its first 80 bits in Crockford Base32.
    expect(fingerprint('age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p')).toBe(
      '7H4N-EN0C-C157-MZ51',
    );
  });

  it('are four groups of four unmistakable characters, one per recipient', async () => {
    const keys = await Promise.all(Array.from({ length: 50 }, () => newLaptopKey()));
    const prints = keys.map((k) => fingerprint(k.recipient));
    for (const print of prints) expect(print).toMatch(FINGERPRINT);
    expect(new Set(prints).size).toBe(prints.length);
    expect(prints.map((_, i) => fingerprint(keys[i]!.recipient))).toEqual(prints);
  });

  it('change when any one character of the recipient changes', () => {
    const recipient = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';
    const bech32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: recipient.length - 1 }),
        fc.constantFrom(...bech32),
        (at, character) => {
          fc.pre(recipient[at] !== character);
          const changed = recipient.slice(0, at) + character + recipient.slice(at + 1);
          expect(fingerprint(changed)).not.toBe(fingerprint(recipient));
        },
      ),
    );
  });
});
