// Case packages as bytes: sealed with real age encryption, opened, and really tampered with.
import { beforeAll, describe, expect, it } from 'vitest';
import { Encrypter } from 'age-encryption';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { newLaptopKey, type LaptopKey } from '../../../shared/package/keys';
import { PACKAGE_FORMAT } from '../../../shared/package/manifest';
import { SCHEMA_VERSION } from '../../../shared/domain/schemaVersion';
import { memberPackageHeader } from '../../support/packages';
import {
  PackageError,
  openPackage,
  sealPackage,
  type PackageEntry,
  type PackageProblem,
} from '../../../shared/package/seal';
import { zh } from '../../../shared/i18n/zh-CN';

const header = memberPackageHeader();
const interview = { id: 'i1', turns: [{ id: 't1', text: '经查，局机关存在私车公养问题。' }] };
/** Random bytes (a photo) of more than two age chunks of 64 KiB, so chunks can be swapped. */
const photo = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7919 + (i >> 8)) & 0xff);
const entries = new Map<string, PackageEntry>([
  ['tables/interviews.json', { bytes: strToU8(JSON.stringify([interview])), store: false }],
  [`blobs/${'a'.repeat(64)}`, { bytes: photo, store: true }],
]);

let leader: LaptopKey;
let member: LaptopKey;
let stranger: LaptopKey;
let sealed: Uint8Array;

beforeAll(async () => {
  [leader, member, stranger] = await Promise.all([newLaptopKey(), newLaptopKey(), newLaptopKey()]);
  sealed = await sealPackage(header, entries, { recipients: [leader.recipient, member.recipient] });
});

/** Expects opening to fail with `problem`, and its Chinese message. */
async function refused(
  file: Uint8Array,
  problem: PackageProblem,
  key: { identity: string } | { passphrase: string } = leader,
) {
  const error = await openPackage(file, key, SCHEMA_VERSION).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackageError);
  expect((error as PackageError).problem).toBe(problem);
  expect((error as PackageError).message).toBe(zh.package.problems[problem]);
}

/** A package made by hand: any ZIP, encrypted with age to the leader (as the age CLI would). */
async function handMade(files: Zippable, change?: (zip: Uint8Array) => void) {
  const zip = zipSync(files);
  change?.(zip);
  const encrypter = new Encrypter();
  encrypter.addRecipient(leader.recipient);
  return encrypter.encrypt(zip);
}

const manifestOf = (extra: object = {}) =>
  strToU8(
    JSON.stringify({
      format: PACKAGE_FORMAT,
      ...header,
      entries: {},
      ...extra,
    }),
  );

/** Where age's payload starts: after the header's `---` line and the 16-byte nonce. */
function payloadStart(file: Uint8Array) {
  const text = new TextDecoder('latin1').decode(file.subarray(0, 2048));
  const mac = text.indexOf('\n--- ');
  return text.indexOf('\n', mac + 1) + 1 + 16;
}
const CHUNK = 64 * 1024 + 16;

describe('a case package', () => {
  it('opens with either recipient’s key, with every entry as it was sealed', async () => {
    for (const key of [leader, member]) {
      const opened = await openPackage(sealed, key, SCHEMA_VERSION);
      expect(opened.manifest).toMatchObject({ format: PACKAGE_FORMAT, ...header });
      const table = await opened.entries.get('tables/interviews.json')!.bytes();
      expect(JSON.parse(new TextDecoder().decode(table))).toEqual([interview]);
      expect(await opened.entries.get(`blobs/${'a'.repeat(64)}`)!.bytes()).toEqual(photo);
      expect(opened.manifest.entries['tables/interviews.json']?.size).toBeGreaterThan(0);
    }
  });

  it('opens with the passphrase it was sealed with, and says so when the passphrase is wrong', async () => {
    const file = await sealPackage(
      header,
      entries,
      { passphrase: '巡察二组·冬' },
      { scryptWorkFactor: 10 },
    );
    expect(
      (await openPackage(file, { passphrase: '巡察二组·冬' }, SCHEMA_VERSION)).entries.size,
    ).toBe(2);
    await refused(file, 'wrongPassphrase', { passphrase: '巡察二组' });
    await refused(file, 'needsPassphrase', stranger);
    await refused(sealed, 'needsKey', { passphrase: '巡察二组·冬' });
  });

  it('does not open on a laptop it was not sealed for', async () => {
    await refused(sealed, 'notForThisLaptop', stranger);
  });

  it('refuses a file with one byte flipped in the header, the middle or the last chunk', async () => {
    const flipped = (at: number) => {
      const file = sealed.slice();
      file[at]! ^= 0x01;
      return file;
    };
    const text = new TextDecoder('latin1').decode(sealed.subarray(0, 2048));
    // In a recipient's line, no key opens it: which of the two happened cannot be known.
    // The key share is base64: swap one of its letters for another valid letter (a flipped
    // bit can make an invalid one, which the header parser calls damaged instead).
    const share = sealed.slice();
    const at = text.indexOf('-> X25519 ') + 12;
    share[at] = share[at] === 0x41 ? 0x42 : 0x41;
    await refused(share, 'notForThisLaptop');
    expect(zh.package.problems.notForThisLaptop).toContain('损坏');
    // In the header's MAC, the middle of the data, the final chunk.
    for (const at of [
      text.indexOf('\n--- ') + 8,
      payloadStart(sealed) + CHUNK + 100,
      sealed.length - 5,
    ]) {
      await refused(flipped(at), 'damaged');
    }
  });

  it('refuses a file cut short anywhere, or with two chunks swapped', async () => {
    const start = payloadStart(sealed);
    for (const length of [
      start - 10,
      start + 5,
      start + CHUNK,
      start + CHUNK + 1,
      sealed.length - 1,
    ]) {
      await refused(sealed.slice(0, length), 'damaged');
    }
    const swapped = sealed.slice();
    swapped.set(sealed.subarray(start + CHUNK, start + 2 * CHUNK), start);
    swapped.set(sealed.subarray(start, start + CHUNK), start + CHUNK);
    await refused(swapped, 'damaged');
  });

  it('says an empty file or a JPEG renamed .xcase is not a package', async () => {
    await refused(new Uint8Array(0), 'notPackage');
    await refused(
      Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46),
      'notPackage',
    );
  });

  it('refuses a ZIP without a manifest, or whose entries do not match it', async () => {
    await refused(
      await handMade({ 'tables/interviews.json': strToU8('[]') }),
      'notMatchingManifest',
    );
    const listed = { 'tables/interviews.json': { sha256: '0'.repeat(64), size: 2 } };
    await refused(
      await handMade({
        'manifest.json': manifestOf({ entries: listed }),
        'tables/interviews.json': strToU8('[]'),
      }),
      'notMatchingManifest',
    );
    // An entry the manifest does not list.
    await refused(
      await handMade({ 'manifest.json': manifestOf(), 'tables/extra.json': strToU8('[]') }),
      'notMatchingManifest',
    );
    await refused(await handMade({ 'manifest.json': strToU8('{not json') }), 'notMatchingManifest');
  });

  it('opens a package made by hand with standard tools, when it matches its manifest', async () => {
    const body = strToU8('[]');
    const { sha256 } = await import('@noble/hashes/sha2.js');
    const { bytesToHex } = await import('@noble/hashes/utils.js');
    const listed = {
      'tables/interviews.json': { sha256: bytesToHex(sha256(body)), size: body.length },
    };
    const file = await handMade({
      'manifest.json': manifestOf({ entries: listed }),
      'tables/interviews.json': body,
    });
    expect([...(await openPackage(file, leader, SCHEMA_VERSION)).entries.keys()]).toEqual([
      'tables/interviews.json',
    ]);
  });

  it('refuses entry names that could write outside the folder it is unpacked to', async () => {
    for (const name of [
      '../x',
      '/etc/x',
      'tables/../../x',
      'C:/x',
      'tables\\x',
      'a//b',
      'a\u0007b',
    ]) {
      await refused(
        await handMade({ 'manifest.json': manifestOf(), [name]: strToU8('x') }),
        'unsafeName',
      );
    }
  });

  it('refuses declared sizes far beyond the real ones before inflating anything', async () => {
    // The central directory of the only entry says it inflates to 3 GB.
    const huge = await handMade({ 'manifest.json': manifestOf() }, (zip) => {
      const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
      const central = zip.length - 22 - (46 + 'manifest.json'.length);
      view.setUint32(central + 24, 3_000_000_000, true);
    });
    await refused(huge, 'tooLarge');
    // A smaller lie: the bytes inflate to fewer than declared.
    const lie = await handMade({ 'manifest.json': manifestOf() }, (zip) => {
      const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
      const central = zip.length - 22 - (46 + 'manifest.json'.length);
      view.setUint32(central + 24, view.getUint32(central + 24, true) + 1000, true);
    });
    await refused(lie, 'notMatchingManifest');
  });

  it('asks for an upgrade when the package comes from a newer format or schema', async () => {
    await refused(
      await handMade({ 'manifest.json': manifestOf({ format: PACKAGE_FORMAT + 1 }) }),
      'newer',
    );
    await refused(
      await handMade({ 'manifest.json': manifestOf({ schemaVersion: SCHEMA_VERSION + 1 }) }),
      'newer',
    );
    await refused(
      await handMade({ 'manifest.json': manifestOf({ format: 2, shape: 'new' }) }),
      'newer',
    );
  });
});

describe('a damaged package, fuzzed', () => {
  it('is refused with a PackageError whatever bytes are changed, and never opens', async () => {
    // A quick pass here; `npm run bench -- package` will run 10,000 (issue 12).
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 200; i++) {
      const file = sealed.slice();
      const flips = 1 + Math.floor(random() * 4);
      for (let f = 0; f < flips; f++) {
        const at = Math.floor(random() * file.length);
        file[at]! ^= 1 + Math.floor(random() * 255);
      }
      const outcome = await openPackage(file, leader, SCHEMA_VERSION).then(
        () => 'opened',
        (e: unknown) => (e instanceof PackageError ? 'refused' : `crashed: ${String(e)}`),
      );
      expect(outcome).toBe('refused');
    }
  });
});
