/**
 * Laptop keys for case packages (DESIGN §4). Each laptop makes one age X25519 key pair on first
 * start: the identity (secret) stays in this laptop's local settings and never travels; the
 * recipient (public, `age1…`) is what others encrypt packages to. Two people check a recipient
 * by reading its fingerprint (fingerprint.ts) aloud to each other.
 */
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { AGE_RECIPIENT } from '../domain/member.schema';

export interface LaptopKey {
  /** `AGE-SECRET-KEY-1…`: decrypts packages made for this laptop. Never leaves it. */
  readonly identity: string;
  /** `age1…`: what a package for this laptop is encrypted to. */
  readonly recipient: string;
}

/**
 * A new key pair. X25519 by name: `generateIdentity` may return post-quantum keys, which the
 * `age` tool of an older Linux distribution cannot read, and packages must stay readable.
 */
export async function newLaptopKey(): Promise<LaptopKey> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/** The public key of a laptop's secret one. */
export function recipientOf(identity: string): Promise<string> {
  return identityToRecipient(identity);
}

export function isRecipient(text: string): boolean {
  return AGE_RECIPIENT.test(text);
}
