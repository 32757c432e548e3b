/**
 * Protection at rest (issue 16; DESIGN §12): the keys that seal this laptop's data, and how
 * they are kept. The laptop user's passphrase gives a key-encryption key (PBKDF2-SHA-256 through
 * WebCrypto, derived once per unlock); every data key (one per case, one for the laptop) is
 * stored wrapped by it (AES-256-GCM), and a case key also by age to the 组长's recipient, so the
 * 组长 can recover a member's laptop whose passphrase is forgotten. Changing the passphrase
 * re-wraps the keys; the data they seal is never touched. Nothing here is home-made
 * cryptography: WebCrypto's PBKDF2 and AES-GCM, and age. Kept behind these few functions so a
 * 国密 suite could replace them.
 */
import { Decrypter, Encrypter, identityToRecipient } from 'age-encryption';
import { bech32 } from '@scure/base';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { z } from '../domain/zod';
import { zh } from '../i18n/zh-CN';

const r = zh.rest;

/**
 * PBKDF2 rounds: an unlock (these rounds, then the keys unwrapped) took 414 ms in Chromium on
 * this 2-core machine at 4,000,000; at 8,000,000 it sits near the middle of the 0.5–1.5 s an
 * unlock may take (`npm run bench -- rest` measures it). The count is stored with the salt, so
 * raising it later re-wraps at the next passphrase change, never breaks.
 */
export const PBKDF2_ITERATIONS = 8_000_000;

/** Long enough for a sentence; a megabyte pasted by mistake is refused, not hashed. */
export const PASSPHRASE_MAX = 1024;

/** A key could not be opened with this passphrase (or was not wrapped by it). */
export class WrongPassphrase extends Error {}
/** What is stored is not a wrapped key any more: recovery goes through the 组长. */
export class DamagedKey extends Error {}

/** WebCrypto's CryptoKey, named from what deriveKey gives (shared/ has no DOM types). */
export type Kek = Awaited<ReturnType<typeof crypto.subtle.deriveKey>>;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** How the key-encryption key is derived from the passphrase: stored, not secret. */
export const kdfSchema = z.strictObject({
  v: z.literal(1),
  kdf: z.literal('PBKDF2-SHA-256'),
  iterations: z.number().int().min(1).max(100_000_000),
  salt: base64,
});
export type KdfParams = z.output<typeof kdfSchema>;

/** A 32-byte data key sealed by the key-encryption key (48 bytes with the tag). */
export const wrappedKeySchema = z.strictObject({ iv: base64, sealed: base64 });
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

/** A new random data key: 32 bytes. */
export function newDataKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}

export function newKdfParams(iterations = PBKDF2_ITERATIONS): KdfParams {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { v: 1, kdf: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt) };
}

/**
 * The key-encryption key of a passphrase: non-extractable, so not even script on this page can
 * read it out. WrongPassphrase for a passphrase that cannot be one; DamagedKey when the stored
 * parameters are not parameters.
 */
export async function deriveKek(passphrase: string, stored: unknown): Promise<Kek> {
  const parsed = kdfSchema.safeParse(stored);
  if (!parsed.success || fromBase64(parsed.data.salt).length !== 16) {
    throw new DamagedKey(r.damagedKey);
  }
  const problem = passphraseProblem(passphrase);
  if (problem) throw new WrongPassphrase(problem);
  const base = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  const salt = fromBase64(parsed.data.salt);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: parsed.data.iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function wrapKey(kek: Kek, key: Uint8Array): Promise<WrappedKey> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  // Copied into a plain ArrayBuffer: WebCrypto takes no view of a shared one.
  const plain = new Uint8Array(key);
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, kek, plain));
  return { iv: toBase64(iv), sealed: toBase64(sealed) };
}

/** The data key, or WrongPassphrase (the tag does not verify) or DamagedKey (not a key). */
export async function unwrapKey(kek: Kek, stored: unknown): Promise<Uint8Array> {
  const parsed = wrappedKeySchema.safeParse(stored);
  if (!parsed.success) throw new DamagedKey(r.damagedKey);
  const iv = fromBase64(parsed.data.iv);
  const sealed = fromBase64(parsed.data.sealed);
  if (iv.length !== 12 || sealed.length !== 48) throw new DamagedKey(r.damagedKey);
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, kek, sealed));
  } catch {
    throw new WrongPassphrase(r.wrongPassphrase);
  }
}

/** The case key for the 组长's recovery: an age file to their recipient (`age1…`). */
export async function escrowCaseKey(
  caseKey: Uint8Array,
  recipients: string | readonly string[],
): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  for (const recipient of typeof recipients === 'string' ? [recipients] : recipients) {
    encrypter.addRecipient(recipient);
  }
  return encrypter.encrypt(caseKey);
}

/**
 * The identity in what the 组长 pastes: the whole recovery file (with its `#` comment lines) or
 * the key alone.
 */
export function identityIn(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim().startsWith('AGE-SECRET-KEY-1'));
  return (line ?? text).trim();
}

/** The text of a 组长 recovery file: what it is, then the identity (age's identity file format). */
export function recoveryFile(identity: string, createdAt: string): string {
  return `# 巡察工作台 组长恢复密钥 (age identity), ${createdAt}\n# 请妥善保管，不要存放在本机。\n${identity}\n`;
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

/**
 * This laptop's age identity for its own snapshots, derived from the laptop key (HKDF), so it is
 * kept where that key is (the keyring, wrapped by the passphrase) and not in the database: a
 * snapshot still opens when the database is lost. The 组长 opens them with their own identity.
 */
export function snapshotIdentity(laptopKey: Uint8Array): string {
  const info = new TextEncoder().encode('xuncha-workbench snapshot identity v1');
  const scalar = hkdf(sha256, laptopKey, undefined, info, 32);
  return bech32.encodeFromBytes('AGE-SECRET-KEY-', scalar).toUpperCase();
}

export const snapshotRecipient = (laptopKey: Uint8Array): Promise<string> =>
  identityToRecipient(snapshotIdentity(laptopKey));
