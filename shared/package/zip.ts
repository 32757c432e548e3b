/**
 * The ZIP inside a case package (DESIGN §4): written with fflate, read by its central directory.
 * Not with fflate's streaming `Unzip`, which silently corrupts stored entries whose bytes contain
 * a ZIP signature (measured), and never trusting what the file says: every name is checked, and
 * every declared size against the limits and against the bytes really there before anything is
 * allocated or inflated.
 *
 * What a package needs and no more: stored (0) and deflated (8) entries, no ZIP64, no
 * encryption (age encrypts the whole file), one disk.
 */
import { inflateSync, strFromU8, strToU8, zipSync, type Zippable } from 'fflate';

export interface ZipLimits {
  /** The most bytes one entry may inflate to. */
  readonly entryBytes: number;
  /** The most bytes all entries together may inflate to. */
  readonly totalBytes: number;
  readonly entries: number;
}

/** A ZIP a package cannot be, with what is wrong (for the package's error message). */
export class ZipError extends Error {
  constructor(
    readonly reason: 'notZip' | 'badName' | 'tooLarge' | 'damaged' | 'unsupported',
    detail: string,
  ) {
    super(detail);
    this.name = 'ZipError';
  }
}

/** Entries to write: JSON is deflated, files already compressed (photos, PDFs) are stored. */
export function writeZip(entries: ReadonlyMap<string, { bytes: Uint8Array; store: boolean }>) {
  const files: Zippable = {};
  for (const [name, { bytes, store }] of entries) {
    checkName(name);
    files[name] = [bytes, { level: store ? 0 : 6 }];
  }
  return zipSync(files, { mtime: '1980-01-01' }); // no laptop's clock inside: same input, same file
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Every entry of `zip`, by name, checked as described above. */
export function readZip(zip: Uint8Array, limits: ZipLimits): Map<string, Uint8Array> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new ZipError('unsupported', 'ZIP64');
  if (at + size > eocd) throw new ZipError('damaged', 'central directory out of range');
  if (count > limits.entries) throw new ZipError('tooLarge', `${count} entries`);

  const out = new Map<string, Uint8Array>();
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL) {
      throw new ZipError('damaged', `central entry ${i}`);
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const packed = view.getUint32(at + 20, true);
    const unpacked = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decodeName(zip.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;

    checkName(name);
    if (out.has(name)) throw new ZipError('badName', `${name} twice`);
    if (flags & 1) throw new ZipError('unsupported', 'encrypted entry');
    if (method !== 0 && method !== 8) throw new ZipError('unsupported', `method ${method}`);
    if (unpacked > limits.entryBytes) throw new ZipError('tooLarge', `${name}: ${unpacked} bytes`);
    total += unpacked;
    if (total > limits.totalBytes) throw new ZipError('tooLarge', `${total} bytes in all`);

    // The local header must agree with the central one; the data must lie before the directory.
    if (local + 30 > eocd || view.getUint32(local, true) !== LOCAL) {
      throw new ZipError('damaged', `${name}: local header`);
    }
    const localName = view.getUint16(local + 26, true);
    const start = local + 30 + localName + view.getUint16(local + 28, true);
    if (decodeName(zip.subarray(local + 30, local + 30 + localName)) !== name) {
      throw new ZipError('damaged', `${name}: names differ`);
    }
    if (start + packed > eocd) throw new ZipError('damaged', `${name}: data out of range`);
    const data = zip.subarray(start, start + packed);
    if (method === 0) {
      if (packed !== unpacked) throw new ZipError('damaged', `${name}: stored sizes differ`);
      out.set(name, data);
      continue;
    }
    // Inflated into a buffer of the declared size, which is within the limits: a bomb cannot
    // grow past it, and a size that is a lie shows as output of another length.
    const buffer = new Uint8Array(unpacked);
    let inflated: Uint8Array;
    try {
      inflated = inflateSync(data, { out: buffer });
    } catch {
      throw new ZipError('damaged', `${name}: does not inflate`);
    }
    if (inflated.length !== unpacked || inflated.buffer !== buffer.buffer) {
      throw new ZipError('damaged', `${name}: not ${unpacked} bytes`);
    }
    out.set(name, inflated);
  }
  return out;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes and may be followed by a comment of up to 65,535.
  const last = view.byteLength - 22;
  for (let at = last; at >= Math.max(0, last - 0xffff); at--) {
    if (
      view.getUint32(at, true) === EOCD &&
      at + 22 + view.getUint16(at + 20, true) === view.byteLength
    ) {
      return at;
    }
  }
  throw new ZipError('notZip', 'no end of central directory');
}

/** A name as UTF-8 (what fflate writes); bytes that are not UTF-8 do not come back the same. */
function decodeName(bytes: Uint8Array): string {
  const name = strFromU8(bytes);
  const again = strToU8(name);
  if (again.length !== bytes.length || again.some((b, i) => b !== bytes[i])) {
    throw new ZipError('badName', 'a name that is not UTF-8');
  }
  return name;
}

/**
 * Names a package may hold: relative, with forward slashes, no `..` or `.` step, no drive
 * letter, no control characters. Anything else could write outside the folder it is unpacked
 * to (by `unzip`, by an auditor's tool), so the whole package is refused.
 */
export function checkName(name: string): void {
  const bad =
    name === '' ||
    name.length > 255 ||
    name.startsWith('/') ||
    name.includes('\\') ||
    /^[A-Za-z]:/.test(name) ||
    [...name].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f') ||
    name.split('/').some((step) => step === '..' || step === '.' || step === '');
  if (bad) throw new ZipError('badName', JSON.stringify(name));
}
