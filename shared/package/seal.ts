/**
 * A case package as a stream (DESIGN §4, docs/package-format.md): a ZIP of the manifest and the
 * entries, encrypted in the standard age format to laptop keys or, for a first join package, to
 * a passphrase. Both directions stream, so a package of several GB passes with flat memory:
 *
 * - sealing pulls each entry's bytes only as the encrypted output is read;
 * - opening decrypts into a staging area (a file on disk, never memory, for a large case), and
 *   only after age has authenticated the last chunk reads the ZIP from there, by its central
 *   directory, and checks every entry against the manifest's SHA-256 and size.
 *
 * Any failure is one PackageError naming what is wrong, in words a user can act on.
 */
import { Decrypter, Encrypter } from 'age-encryption';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { strFromU8 } from 'fflate';
import { sha256Hex, sha256OfBlob } from './digest';
import { PackageError } from './problems';
import {
  MANIFEST,
  PACKAGE_FORMAT,
  manifestSchema,
  type Manifest,
  type ManifestHeader,
} from './manifest';
import {
  ZipError,
  entryBlob,
  readZipIndex,
  zipStream,
  type ByteSource,
  type ZipEntry,
  type ZipLimits,
} from './zip';

export { PackageError, type PackageProblem } from './problems';

/** Who can open a package: laptop keys (`age1…`), or one passphrase told in person. */
export type Seal = { readonly recipients: readonly string[] } | { readonly passphrase: string };
/** What this laptop opens a package with. */
export type OpeningKey =
  /** One identity, or several tried in turn (this laptop's, and the one of its snapshots). */
  { readonly identity: string | readonly string[] } | { readonly passphrase: string };

/** An entry to seal: bytes in memory (the tables), or a file with the hash it is stored by. */
export type PackageEntry =
  | { readonly bytes: Uint8Array; readonly store: boolean }
  | {
      readonly data: ByteSource;
      readonly sha256: string;
      readonly store: boolean;
      /** The bytes' CRC-32, when the file's row keeps it. */
      readonly crc32?: number;
    };

export const PACKAGE_LIMITS: ZipLimits = {
  entryBytes: 2 ** 31, // an attachment may be 200 MB; a table of a large case tens of MB
  totalBytes: 2 ** 32 - 1, // no ZIP64 yet
  entries: 1_000_000,
};

/** Entries checked at the same time when a package is opened. */
const CHECKED_AT_ONCE = 3;

/** How far a long step has come, in bytes. */
export type Progress = (done: number, total: number) => void;

const sizeOf = (e: PackageEntry) => ('bytes' in e ? e.bytes.length : e.data.size);
const sourceOf = (e: PackageEntry): ByteSource =>
  'bytes' in e ? new Blob([e.bytes as Uint8Array<ArrayBuffer>]) : e.data;

/**
 * Encrypts `entries` with their manifest, as a stream. A file's hash is the one it is stored by
 * (content-addressed, checked when it was stored); the receiver checks it again. The manifest
 * goes first, so a reader of the plain ZIP meets it before anything it describes.
 * `scryptWorkFactor` is lowered only by tests.
 */
export async function sealStream(
  header: ManifestHeader,
  entries: ReadonlyMap<string, PackageEntry>,
  seal: Seal,
  options: { scryptWorkFactor?: number; onProgress?: Progress } = {},
): Promise<{ stream: ReadableStream<Uint8Array>; size: number }> {
  const listed: Manifest['entries'] = {};
  let total = 0;
  for (const [name, e] of entries) {
    const sha256 = 'bytes' in e ? await sha256Hex(e.bytes) : e.sha256;
    listed[name] = { sha256, size: sizeOf(e) };
    total += sizeOf(e);
  }
  const manifest: Manifest = { format: PACKAGE_FORMAT, ...header, entries: listed };
  const manifestBytes = utf8ToBytes(JSON.stringify(manifest));
  total += manifestBytes.length;
  const zip = zipStream(
    [
      { name: MANIFEST, data: new Blob([manifestBytes]), store: false },
      ...[...entries].map(([name, e]) => ({
        name,
        data: sourceOf(e),
        store: e.store,
        ...('crc32' in e ? { crc32: e.crc32 } : {}),
      })),
    ],
    (read) => options.onProgress?.(read, total),
  );
  const encrypter = new Encrypter();
  if ('passphrase' in seal) {
    encrypter.setPassphrase(seal.passphrase);
    if (options.scryptWorkFactor) encrypter.setScryptWorkFactor(options.scryptWorkFactor);
  } else {
    if (seal.recipients.length === 0) throw new Error('a package needs at least one recipient');
    for (const recipient of seal.recipients) encrypter.addRecipient(recipient);
  }
  return { stream: await encrypter.encrypt(zip), size: total };
}

/** Sealed whole, in memory: for small packages (tests, the command line's demo). */
export async function sealPackage(
  header: ManifestHeader,
  entries: ReadonlyMap<string, PackageEntry>,
  seal: Seal,
  options: { scryptWorkFactor?: number } = {},
): Promise<Uint8Array> {
  const { stream } = await sealStream(header, entries, seal, options);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Where a package is decrypted to before anything in it is trusted: a file on disk (OPFS in the
 * app, a temporary file in the command line) or, for small packages, memory.
 */
export interface Staging {
  write(chunk: Uint8Array): Promise<void> | void;
  /** The staged ZIP, readable at any offset. */
  finish(): Promise<Blob>;
}

export function memoryStaging(): Staging {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  return {
    write: (chunk) => void chunks.push(chunk.slice()),
    finish: async () => new Blob(chunks),
  };
}

/** An opened package: its manifest, and every other entry, each checked against it. */
export interface StagedPackage {
  readonly manifest: Manifest;
  readonly entries: ReadonlyMap<string, StagedEntry>;
}

export interface StagedEntry {
  readonly size: number;
  /** The entry's bytes; a stored file stays a slice of the staged ZIP, on disk. */
  blob(): Promise<Blob>;
  bytes(): Promise<Uint8Array>;
}

/**
 * Decrypts `input` into `staging` and checks it. `newestSchema` is this app's database schema
 * version: a package written by a newer one is refused before any of its rows is looked at.
 * Progress is reported twice: decrypting (bytes of `input`, of `inputSize`), then checking.
 */
export async function openStream(
  input: ReadableStream<Uint8Array>,
  key: OpeningKey,
  newestSchema: number,
  staging: Staging,
  options: {
    inputSize?: number;
    limits?: ZipLimits;
    onProgress?: (phase: 'decrypt' | 'check', done: number, total: number) => void;
  } = {},
): Promise<StagedPackage> {
  const limits = options.limits ?? PACKAGE_LIMITS;
  const report = options.onProgress ?? (() => {});
  let read = 0;
  const counted = input.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.length;
        controller.enqueue(chunk);
      },
    }),
  );
  const plain = await decrypt(counted, key);
  const reader = plain.getReader();
  for (;;) {
    let next: Awaited<ReturnType<typeof reader.read>>;
    try {
      next = await reader.read();
    } catch (error) {
      // Cut short, a chunk changed or swapped: age's last chunk never authenticates.
      throw new PackageError('damaged', error instanceof Error ? error.message : String(error));
    }
    if (next.done) break;
    await staging.write(next.value); // a full disk fails here, as itself
    // Counted here, not as the file is read: the header (and a passphrase's scrypt, seconds
    // long) comes first, and a bar at 100% meanwhile would say the work was done.
    report('decrypt', read, options.inputSize ?? read);
  }
  const zip = await staging.finish();

  let index: ZipEntry[];
  try {
    index = await readZipIndex(zip, limits);
  } catch (error) {
    throw asPackageError(error);
  }
  const manifestEntry = index.find((e) => e.name === MANIFEST);
  if (!manifestEntry) throw new PackageError('notMatchingManifest', 'no manifest');
  const manifestBlob = await guarded(() => entryBlob(zip, manifestEntry));
  const manifest = readManifest(new Uint8Array(await manifestBlob.arrayBuffer()));
  if (manifest.format > PACKAGE_FORMAT)
    throw new PackageError('newer', `format ${manifest.format}`);
  if (manifest.schemaVersion > newestSchema) {
    throw new PackageError('newer', `schema ${manifest.schemaVersion}`);
  }
  const rest = index.filter((e) => e !== manifestEntry);
  if (rest.length !== Object.keys(manifest.entries).length) {
    throw new PackageError(
      'notMatchingManifest',
      `${rest.length} entries, ${Object.keys(manifest.entries).length} listed`,
    );
  }
  const total = rest.reduce((n, e) => n + e.unpacked, 0);
  let checked = 0;
  const blobs: Blob[] = [];
  // A few entries at once: reading the staged file and WebCrypto's digest run off this thread,
  // so the checking of one overlaps the reading of the next.
  let next = 0;
  let failed = false;
  const checkSome = async () => {
    while (next < rest.length && !failed) {
      const at = next++;
      const entry = rest[at]!;
      const listed = Object.hasOwn(manifest.entries, entry.name)
        ? manifest.entries[entry.name]
        : undefined;
      if (!listed || listed.size !== entry.unpacked) {
        throw new PackageError('notMatchingManifest', entry.name);
      }
      const blob = await guarded(() => entryBlob(zip, entry));
      if ((await sha256OfBlob(blob)) !== listed.sha256) {
        throw new PackageError('notMatchingManifest', entry.name);
      }
      blobs[at] = blob;
      checked += entry.unpacked;
      report('check', checked, total);
    }
  };
  await Promise.all(
    Array.from({ length: CHECKED_AT_ONCE }, () =>
      checkSome().catch((error: unknown) => {
        failed = true;
        throw error;
      }),
    ),
  );
  const entries = new Map<string, StagedEntry>();
  rest.forEach((entry, at) => {
    const blob = blobs[at]!;
    entries.set(entry.name, {
      size: entry.unpacked,
      blob: async () => blob,
      bytes: async () => new Uint8Array(await blob.arrayBuffer()),
    });
  });
  return { manifest, entries };
}

/** Opened from bytes in memory, staged in memory: for small packages (tests). */
export function openPackage(
  file: Uint8Array,
  key: OpeningKey,
  newestSchema: number,
  limits: ZipLimits = PACKAGE_LIMITS,
): Promise<StagedPackage> {
  const input = new Blob([file as Uint8Array<ArrayBuffer>]).stream();
  return openStream(input, key, newestSchema, memoryStaging(), { limits });
}

function asPackageError(error: unknown): unknown {
  if (!(error instanceof ZipError)) return error;
  const problem =
    error.reason === 'badName'
      ? 'unsafeName'
      : error.reason === 'tooLarge'
        ? 'tooLarge'
        : 'notMatchingManifest'; // not a ZIP, or a damaged one, inside an authentic file
  return new PackageError(problem, error.message);
}

async function guarded<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw asPackageError(error);
  }
}

const AGE_VERSION_LINE = 'age-encryption.org/';
/** Enough of the file to hold its header: one stanza per way to open it. */
const HEADER_BYTES = 4096;

async function decrypt(
  input: ReadableStream<Uint8Array>,
  key: OpeningKey,
): Promise<ReadableStream<Uint8Array>> {
  const { head, stream } = await peek(input, HEADER_BYTES);
  if (strFromU8(head.subarray(0, AGE_VERSION_LINE.length), true) !== AGE_VERSION_LINE) {
    await stream.cancel();
    throw new PackageError('notPackage');
  }
  const decrypter = new Decrypter();
  if ('passphrase' in key) decrypter.addPassphrase(key.passphrase);
  else for (const identity of [key.identity].flat()) decrypter.addIdentity(identity);
  try {
    return await decrypter.decrypt(stream);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (!/no identity matched/.test(detail)) throw new PackageError('damaged', detail);
    const byPassphrase = strFromU8(head, true).includes('\n-> scrypt ');
    if ('passphrase' in key) {
      throw new PackageError(byPassphrase ? 'wrongPassphrase' : 'needsKey', detail);
    }
    throw new PackageError(byPassphrase ? 'needsPassphrase' : 'notForThisLaptop', detail);
  }
}

/** The first `n` bytes of `input` (fewer if it is shorter), and the whole stream again. */
async function peek(input: ReadableStream<Uint8Array>, n: number) {
  const reader = input.getReader();
  const seen: Uint8Array[] = [];
  let length = 0;
  let ended = false;
  while (length < n) {
    const { done, value } = await reader.read();
    if (done) {
      ended = true;
      break;
    }
    seen.push(value);
    length += value.length;
  }
  const head = new Uint8Array(length);
  let at = 0;
  for (const chunk of seen) {
    head.set(chunk, at);
    at += chunk.length;
  }
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (length > 0) controller.enqueue(head.slice());
      if (ended) controller.close();
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { head: head.subarray(0, n), stream };
}

function readManifest(bytes: Uint8Array): Manifest {
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
