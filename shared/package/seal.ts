/**
 * A case package as bytes (DESIGN §4, docs/package-format.md): a ZIP of the manifest and the
 * entries, encrypted in the standard age format to laptop keys or, for a first join package, to
 * a passphrase. Opening checks everything before returning anything: age authenticates the whole
 * file (a flipped byte or a cut-off end fails), then the ZIP is read with its limits, then every
 * entry must match the manifest's SHA-256 and size. Any failure is one PackageError naming what
 * is wrong, in words a user can act on.
 *
 * This first version holds the package in memory; streaming to and from the stick is next.
 */
import { Decrypter, Encrypter } from 'age-encryption';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { sha256Hex } from './digest';
import { strFromU8 } from 'fflate';
import { PackageError } from './problems';
import {
  MANIFEST,
  PACKAGE_FORMAT,
  manifestSchema,
  type Manifest,
  type ManifestHeader,
} from './manifest';
import { ZipError, readZip, writeZip, type ZipLimits } from './zip';

export { PackageError, type PackageProblem } from './problems';

/** Who can open a package: laptop keys (`age1…`), or one passphrase told in person. */
export type Seal = { readonly recipients: readonly string[] } | { readonly passphrase: string };
/** What this laptop opens a package with. */
export type OpeningKey = { readonly identity: string } | { readonly passphrase: string };

export interface PackageEntry {
  readonly bytes: Uint8Array;
  /** Already compressed (photos, PDFs): stored as it is rather than deflated again. */
  readonly store: boolean;
}

export const PACKAGE_LIMITS: ZipLimits = {
  entryBytes: 2 ** 31, // an attachment may be 200 MB; a table of a large case tens of MB
  totalBytes: 2 ** 32 - 1, // no ZIP64 yet
  entries: 1_000_000,
};

/** Encrypts `entries` with their manifest. `scryptWorkFactor` is lowered only by tests. */
export async function sealPackage(
  header: ManifestHeader,
  entries: ReadonlyMap<string, PackageEntry>,
  seal: Seal,
  options: { scryptWorkFactor?: number } = {},
): Promise<Uint8Array> {
  const listed: Manifest['entries'] = {};
  for (const [name, e] of entries) {
    listed[name] = { sha256: await sha256Hex(e.bytes), size: e.bytes.length };
  }
  const manifest: Manifest = { format: PACKAGE_FORMAT, ...header, entries: listed };
  const zip = writeZip(
    new Map([
      [MANIFEST, { bytes: utf8ToBytes(JSON.stringify(manifest)), store: false }],
      ...entries,
    ]),
  );
  const encrypter = new Encrypter();
  if ('passphrase' in seal) {
    encrypter.setPassphrase(seal.passphrase);
    if (options.scryptWorkFactor) encrypter.setScryptWorkFactor(options.scryptWorkFactor);
  } else {
    if (seal.recipients.length === 0) throw new Error('a package needs at least one recipient');
    for (const recipient of seal.recipients) encrypter.addRecipient(recipient);
  }
  return encrypter.encrypt(zip);
}

export interface OpenedPackage {
  readonly manifest: Manifest;
  /** Every entry but the manifest, each checked against it. */
  readonly entries: ReadonlyMap<string, Uint8Array>;
}

/**
 * Decrypts and checks a package. `newestSchema` is this app's database schema version: a
 * package written by a newer one is refused before any of its rows is looked at.
 */
export async function openPackage(
  file: Uint8Array,
  key: OpeningKey,
  newestSchema: number,
  limits: ZipLimits = PACKAGE_LIMITS,
): Promise<OpenedPackage> {
  const zip = await decrypt(file, key);
  let entries: Map<string, Uint8Array>;
  try {
    entries = readZip(zip, limits);
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    const problem =
      error.reason === 'badName'
        ? 'unsafeName'
        : error.reason === 'tooLarge'
          ? 'tooLarge'
          : 'notMatchingManifest'; // not a ZIP, or a damaged one, inside an authentic file
    throw new PackageError(problem, error.message);
  }
  const manifest = readManifest(entries.get(MANIFEST));
  if (manifest.format > PACKAGE_FORMAT)
    throw new PackageError('newer', `format ${manifest.format}`);
  if (manifest.schemaVersion > newestSchema) {
    throw new PackageError('newer', `schema ${manifest.schemaVersion}`);
  }
  entries.delete(MANIFEST);
  const listed = Object.entries(manifest.entries);
  if (listed.length !== entries.size) {
    throw new PackageError(
      'notMatchingManifest',
      `${entries.size} entries, ${listed.length} listed`,
    );
  }
  for (const [name, { sha256: expected, size }] of listed) {
    const bytes = entries.get(name);
    if (!bytes || bytes.length !== size || (await sha256Hex(bytes)) !== expected) {
      throw new PackageError('notMatchingManifest', name);
    }
  }
  return { manifest, entries };
}

const AGE_VERSION_LINE = 'age-encryption.org/';

async function decrypt(file: Uint8Array, key: OpeningKey): Promise<Uint8Array> {
  const start = strFromU8(file.subarray(0, AGE_VERSION_LINE.length), true);
  if (start !== AGE_VERSION_LINE) throw new PackageError('notPackage');
  const decrypter = new Decrypter();
  if ('passphrase' in key) decrypter.addPassphrase(key.passphrase);
  else decrypter.addIdentity(key.identity);
  try {
    return await decrypter.decrypt(file);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (!/no identity matched/.test(detail)) throw new PackageError('damaged', detail);
    // Which kind of lock the file has: its header lists one stanza per way to open it.
    const header = strFromU8(file.subarray(0, 4096), true);
    const byPassphrase = header.includes('\n-> scrypt ');
    if ('passphrase' in key) {
      throw new PackageError(byPassphrase ? 'wrongPassphrase' : 'needsKey', detail);
    }
    throw new PackageError(byPassphrase ? 'needsPassphrase' : 'notForThisLaptop', detail);
  }
}

function readManifest(bytes: Uint8Array | undefined): Manifest {
  if (!bytes) throw new PackageError('notMatchingManifest', 'no manifest');
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(bytes));
  } catch {
    throw new PackageError('notMatchingManifest', 'manifest is not JSON');
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    // A newer format may change the manifest itself: say "upgrade", not "damaged".
    const format = (json as { format?: unknown } | null)?.format;
    if (typeof format === 'number' && format > PACKAGE_FORMAT) throw new PackageError('newer');
    throw new PackageError('notMatchingManifest', parsed.error.message);
  }
  return parsed.data;
}
