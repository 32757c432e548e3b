/**
 * Case packages (issue 12): sealing and opening against raw age on the same bytes, memory, and
 * a fuzz of damaged packages. Node, the shared code the app and the command line use.
 *
 *   package.export.mib_s     sealPackage (manifest hashes, ZIP, age)  baseline age.encrypt.mib_s
 *   package.import.mib_s     openPackage (age, ZIP read, hash check)  baseline age.decrypt.mib_s
 *   package.export.peak_mib  memory growth while sealing             goal < 128 (flat)
 *   package.import.peak_mib  memory growth while opening             goal < 128 (flat)
 *   package.fuzz.accepted_count  damaged packages that opened        goal 0
 *
 * Options: --mib N (attachments in the case, default 256; the case has 1,024),
 * --fuzz N (iterations, default 10,000). Packages are still built in memory, so the memory
 * figures grow with the case until streaming lands: they are measured to show it.
 */
import { Decrypter, Encrypter } from 'age-encryption';
import { strToU8 } from 'fflate';
import { newLaptopKey } from '../../shared/package/keys';
import { SCHEMA_VERSION } from '../../shared/domain/schemaVersion';
import { memberPackageHeader } from '../support/packages';
import {
  PackageError,
  openPackage,
  sealPackage,
  type PackageEntry,
} from '../../shared/package/seal';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const MIB = option('--mib', 256);
const FUZZ = option('--fuzz', 10_000);
const PHOTO_MIB = 4;

/** Photo-like bytes (incompressible), and a table of Chinese records. */
function caseEntries(mib: number): Map<string, PackageEntry> {
  const entries = new Map<string, PackageEntry>();
  let seed = 42;
  for (let i = 0; i < mib / PHOTO_MIB; i++) {
    const bytes = new Uint8Array(PHOTO_MIB * 2 ** 20);
    for (let j = 0; j < bytes.length; j += 4) {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      bytes[j] = seed & 0xff;
      bytes[j + 1] = (seed >>> 8) & 0xff;
      bytes[j + 2] = (seed >>> 16) & 0xff;
      bytes[j + 3] = seed >>> 24;
    }
    entries.set(`blobs/${String(i).padStart(64, '0')}`, { bytes, store: true });
  }
  const rows = Array.from({ length: 2_000 }, (_, i) => ({
    id: `interview-${i}`,
    turns: [
      {
        id: 't1',
        text: '经查，局机关存在私车公养问题，二〇二四年有三辆车的维修费由下属单位报销。',
      },
    ],
  }));
  entries.set('tables/interviews.json', { bytes: strToU8(JSON.stringify(rows)), store: false });
  return entries;
}

const header = memberPackageHeader({ interviews: 2_000 });

/** Runs `work`, sampling memory (heap + array buffers) every 10 ms: seconds and peak growth. */
async function measured<T>(
  work: () => Promise<T>,
): Promise<{ result: T; seconds: number; peakMib: number }> {
  globalThis.gc?.();
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = used();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, used())), 10);
  const start = performance.now();
  const result = await work();
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, used());
  return { result, seconds, peakMib: (peak - before) / 2 ** 20 };
}

const key = await newLaptopKey();
const entries = caseEntries(MIB);
const bytes = [...entries.values()].reduce((n, e) => n + e.bytes.length, 0);
const mib = bytes / 2 ** 20;
const joined = new Uint8Array(bytes);
let offset = 0;
for (const e of entries.values()) {
  joined.set(e.bytes, offset);
  offset += e.bytes.length;
}

const encrypter = new Encrypter();
encrypter.addRecipient(key.recipient);
const rawSealed = await measured(() => encrypter.encrypt(joined));
const decrypter = new Decrypter();
decrypter.addIdentity(key.identity);
const rawOpened = await measured(() => decrypter.decrypt(rawSealed.result));
rawSealed.result = new Uint8Array(0);

const sealed = await measured(() => sealPackage(header, entries, { recipients: [key.recipient] }));
const opened = await measured(() => openPackage(sealed.result, key, SCHEMA_VERSION));
if (opened.result.entries.size !== entries.size) throw new Error('the package did not round-trip');

// Fuzz: a small real package, random bytes changed, every outcome must be a PackageError.
const small = await sealPackage(
  header,
  new Map([['tables/interviews.json', entries.get('tables/interviews.json')!]]),
  { recipients: [key.recipient] },
);
let accepted = 0;
let crashed = 0;
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const fuzzStart = performance.now();
for (let i = 0; i < FUZZ; i++) {
  const file = small.slice();
  const flips = 1 + Math.floor(random() * 8);
  for (let f = 0; f < flips; f++)
    file[Math.floor(random() * file.length)]! ^= 1 + Math.floor(random() * 255);
  if (random() < 0.1)
    file.copyWithin(Math.floor(random() * file.length), Math.floor(random() * file.length));
  try {
    await openPackage(
      random() < 0.05 ? file.subarray(0, Math.floor(random() * file.length)) : file,
      key,
      SCHEMA_VERSION,
    );
    accepted++;
  } catch (error) {
    if (!(error instanceof PackageError)) crashed++;
  }
}
const fuzzSeconds = (performance.now() - fuzzStart) / 1000;

const rate = (s: number) => Number((mib / s).toFixed(1));
const figures = [
  {
    name: 'package.export.mib_s',
    value: rate(sealed.seconds),
    baseline: 'age.encrypt.mib_s',
    baselineValue: rate(rawSealed.seconds),
  },
  {
    name: 'package.import.mib_s',
    value: rate(opened.seconds),
    baseline: 'age.decrypt.mib_s',
    baselineValue: rate(rawOpened.seconds),
  },
  { name: 'package.export.peak_mib', value: Math.round(sealed.peakMib) },
  { name: 'package.import.peak_mib', value: Math.round(opened.peakMib) },
  { name: 'package.fuzz.accepted_count', value: accepted },
];

console.log(
  `\nCase packages: ${mib.toFixed(0)} MiB of attachments and 2,000 interview rows, in memory\n`,
);
console.log('                        MiB/s   age alone   ratio   peak MiB');
console.log(
  `  seal (export)       ${String(rate(sealed.seconds)).padStart(7)} ${String(rate(rawSealed.seconds)).padStart(11)} ${(rawSealed.seconds / sealed.seconds).toFixed(2).padStart(7)} ${Math.round(sealed.peakMib).toString().padStart(10)}`,
);
console.log(
  `  open (import)       ${String(rate(opened.seconds)).padStart(7)} ${String(rate(rawOpened.seconds)).padStart(11)} ${(rawOpened.seconds / opened.seconds).toFixed(2).padStart(7)} ${Math.round(opened.peakMib).toString().padStart(10)}`,
);
console.log(
  `  fuzz: ${FUZZ} damaged packages in ${fuzzSeconds.toFixed(1)} s: ${accepted} opened, ${crashed} failed other than with a PackageError\n`,
);
for (const f of figures) {
  const ratio =
    'baselineValue' in f ? Number((f.value / f.baselineValue!).toPrecision(3)) : undefined;
  console.log(`BENCH ${JSON.stringify(ratio === undefined ? f : { ...f, ratio })}`);
}
if (accepted > 0 || crashed > 0) process.exitCode = 1;
