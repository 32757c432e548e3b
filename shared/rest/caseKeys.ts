/**
 * Protection at rest, first part (issue 16; DESIGN §12): the key that will encrypt a case on
 * this laptop, wrapped two ways. By a key derived from the laptop user's passphrase (PBKDF2-
 * SHA-256 through WebCrypto, in every host), and by age to the 组长's recipient, so the 组长 can
 * recover a member's laptop whose passphrase is forgotten. Changing the passphrase re-wraps the
 * key; the data it encrypts is never touched. Nothing here is home-made cryptography: WebCrypto's
 * PBKDF2 and AES-GCM, and age. Kept behind these few functions so a 国密 suite could replace them.
 */
import { Decrypter, Encrypter } from 'age-encryption';
import { z } from '../domain/zod';
import { zh } from '../i18n/zh-CN';

const r = zh.rest;

/**
 * PBKDF2 rounds: about 0.8 s here (Node's WebCrypto did 1,000,000 in 0.2 s on this 2-core
 * machine), inside the 0.5–1.5 s an unlock may take; the `rest` benchmark measures it in
 * Chromium. Each wrapped key records its own count, so raising it later re-wraps, never breaks.
 */
export const PBKDF2_ITERATIONS = 4_000_000;

/** Long enough for a sentence; a megabyte pasted by mistake is refused, not hashed. */
export const PASSPHRASE_MAX = 1024;

/** The case key could not be opened with this passphrase (or was not wrapped by it). */
export class WrongPassphrase extends Error {}
/** What is stored is not a wrapped key any more: recovery goes through the 组长. */
export class DamagedKey extends Error {}

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const wrappedKeySchema = z.strictObject({
  v: z.literal(1),
  kdf: z.literal('PBKDF2-SHA-256'),
  iterations: z.number().int().min(1).max(100_000_000),
  salt: base64,
  iv: base64,
  /** The 32-byte case key, AES-256-GCM under the derived key (48 bytes with the tag). */
  sealed: base64,
});
export type WrappedKey = z.output<typeof wrappedKeySchema>;

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** Why a passphrase cannot be used ('' when it can): empty, or longer than any sentence. */
export function passphraseProblem(passphrase: string): string {
  if (passphrase.length === 0) return r.passphraseEmpty;
  if (passphrase.length > PASSPHRASE_MAX) return r.passphraseTooLong(PASSPHRASE_MAX);
  return '';
}

/** A hint, not a rule: 8 characters of several kinds is the norm for classified machines. */
export function passphraseStrength(passphrase: string): 'weak' | 'fair' | 'strong' {
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(passphrase)).length;
  const length = [...passphrase].length;
  if (length >= 12 && kinds >= 2) return 'strong';
  return length >= 8 && kinds >= 2 ? 'fair' : 'weak';
}

/** A new random case key: 32 bytes for AES-256-GCM. */
export function newCaseKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}

async function derive(passphrase: string, salt: Uint8Array, iterations: number) {
  const base = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function wrapCaseKey(
  caseKey: Uint8Array,
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<WrappedKey> {
  const problem = passphraseProblem(passphrase);
  if (problem) throw new WrongPassphrase(problem);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await derive(passphrase, salt, iterations);
  // Copied into a plain ArrayBuffer: WebCrypto takes no view of a shared one.
  const plain = new Uint8Array(caseKey);
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain));
  return {
    v: 1,
    kdf: 'PBKDF2-SHA-256',
    iterations,
    salt: toBase64(salt),
    iv: toBase64(iv),
    sealed: toBase64(sealed),
  };
}

/** The case key, or WrongPassphrase (the tag does not verify) or DamagedKey (not a key). */
export async function unwrapCaseKey(stored: unknown, passphrase: string): Promise<Uint8Array> {
  const parsed = wrappedKeySchema.safeParse(stored);
  if (!parsed.success) throw new DamagedKey(r.damagedKey);
  const w = parsed.data;
  const salt = fromBase64(w.salt);
  const iv = fromBase64(w.iv);
  const sealed = fromBase64(w.sealed);
  if (salt.length !== 16 || iv.length !== 12 || sealed.length !== 48)
    throw new DamagedKey(r.damagedKey);
  const problem = passphraseProblem(passphrase);
  if (problem) throw new WrongPassphrase(problem);
  const key = await derive(passphrase, salt, w.iterations);
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed));
  } catch {
    throw new WrongPassphrase(r.wrongPassphrase);
  }
}

/** A new passphrase: the same case key, wrapped again; the data is not touched. */
export async function rewrapCaseKey(
  stored: unknown,
  oldPassphrase: string,
  newPassphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<WrappedKey> {
  return wrapCaseKey(await unwrapCaseKey(stored, oldPassphrase), newPassphrase, iterations);
}

/** The case key for the 组长's recovery: an age file to their recipient (`age1…`). */
export async function escrowCaseKey(caseKey: Uint8Array, recipient: string): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  return encrypter.encrypt(caseKey);
}

/** The 组长 opens an escrowed case key with their identity; anything else is DamagedKey. */
export async function recoverCaseKey(escrow: Uint8Array, identity: string): Promise<Uint8Array> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  try {
    const key = await decrypter.decrypt(escrow);
    if (key.length !== 32) throw new Error('not a case key');
    return key;
  } catch {
    throw new DamagedKey(r.notForThisIdentity);
  }
}
