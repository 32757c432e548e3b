/**
 * The passphrase of a first join package, made by the app rather than chosen by the 组长: people
 * pick guessable words, and this one is read aloud once and typed once. 24 characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L, U), in groups of four: 120 bits, beyond guessing
 * even at scrypt's cost per try.
 */
import { randomBytes } from '@noble/hashes/utils.js';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newPassphrase(random: (n: number) => Uint8Array = randomBytes): string {
  const chars: string[] = [];
  while (chars.length < 24) {
    for (const byte of random(32)) {
      // Rejection sampling: 240 = 8 × 30, so every letter is equally likely.
      if (byte < 240 && chars.length < 24) chars.push(ALPHABET[byte % ALPHABET.length]!);
    }
  }
  return chars.join('').replace(/(.{4})(?=.)/g, '$1-');
}

/** What the member types, made comparable: spaces, dashes and case do not matter. */
export function normalizePassphrase(typed: string): string {
  const bare = typed.toUpperCase().replace(/[\s-]/g, '');
  return /^[2-9A-Z]{24}$/.test(bare) ? bare.replace(/(.{4})(?=.)/g, '$1-') : typed;
}
