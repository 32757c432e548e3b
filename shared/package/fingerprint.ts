/**
 * The fingerprint of a laptop's package key (keys.ts), apart from the age library so that
 * showing it does not load the encryption code.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/** Crockford's Base32: no I, L, O or U, so no two characters sound or look alike. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DOMAIN = utf8ToBytes('xuncha-workbench recipient fingerprint v1\n');

/**
 * Four groups of four characters (80 bits of SHA-256) that two people compare aloud, e.g.
 * `7K3M-Q9XA-2BCD-EF45`: the same recipient always gives the same fingerprint, and making
 * another key with the same one would take about 2⁸⁰ tries.
 */
export function fingerprint(recipient: string): string {
  const digest = sha256(concatBytes(DOMAIN, utf8ToBytes(recipient)));
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest.subarray(0, 10)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(value >>> bits) & 31];
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join('-');
}
