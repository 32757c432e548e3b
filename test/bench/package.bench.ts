/**
 * Case packages (issue 12): sealing and opening against raw age on the same bytes, memory, and
 * a fuzz of damaged packages. Node, the shared code the app and the command line use, streamed
 * from and to files on disk the way the command line does it.
 *
 *   package.export.mib_s     sealStream (manifest, ZIP, age) to a file   baseline age.encrypt.mib_s
 *   package.import.mib_s     openStream (age, staging file, ZIP read,
 *                            every hash checked) from a file            baseline age.decrypt.mib_s
 *   package.export.peak_mib  resident memory growth while sealing       goal < 128 (flat)
 *   package.import.peak_mib  resident memory growth while opening       goal < 128 (flat)
 *   package.fuzz.accepted_count  damaged packages that opened           goal 0
 *
 * Both baselines do the same file work as the package (read from disk, write to disk): only what
 * a package adds is compared. Options: --mib N (attachments in the case, default 1,024, the
 * issue's case), --runs N (default 3; medians), --fuzz N (iterations, default 10,000).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { Decrypter, Encrypter } from 'age-encryption';
import { strToU8 } from 'fflate';
import { sha256Hex } from '../../shared/package/digest';
import { newLaptopKey } from '../../shared/package/keys';
import { SCHEMA_VERSION } from '../../shared/domain/schemaVersion';
import { memberPackageHeader } from '../support/packages';
import { openPackageFile } from '../../electron/cli/files';
import {
  PackageError,
  openPackage,
  sealPackage,
  sealStream,
  type PackageEntry,
} from '../../shared/package/seal';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const MIB = option('--mib', 1024);
const FUZZ = option('--fuzz', 10_000);
const RUNS = option('--runs', 3);
const PHOTO_MIB = 4;
/** Distinct photos made up front; the case repeats them under other names. */
const POOL = 8;
const CHUNK = 2 ** 20;

/** Photo-like bytes (incompressible). */
function photo(seed: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(PHOTO_MIB * 2 ** 20);
  for (let j = 0; j < bytes.length; j += 4) {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    bytes[j] = seed & 0xff;
    bytes[j + 1] = (seed >>> 8) & 0xff;
    bytes[j + 2] = (seed >>> 16) & 0xff;
    bytes[j + 3] = seed >>> 24;
  }
  return bytes;
}

/** A file's bytes as a stream of 1 MiB views, as a Blob on disk would give them. */
const source = (bytes: Uint8Array<ArrayBuffer>) => ({
  size: bytes.length,
  stream: () => {
    let at = 0;
    return new ReadableStream<Uint8Array<ArrayBuffer>>({
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(at, at + CHUNK));
        at += CHUNK;
      },
    });
  },
});

const pool = Array.from({ length: POOL }, (_, i) => photo(42 + i));
const hashes = await Promise.all(pool.map((p) => sha256Hex(p)));
const count = Math.ceil(MIB / PHOTO_MIB);
const table = strToU8(
  JSON.stringify(
    Array.from({ length: 2_000 }, (_, i) => ({
      id: `interview-${i}`,
      turns: [
        {
          id: 't1',
          text: '经查，局机关存在私车公养问题，二〇二四年有三辆车的维修费由下属单位报销。',
        },
      ],
    })),
  ),
);
const entries = new Map<string, PackageEntry>([
  ['tables/interviews.json', { bytes: table, store: false }],
]);
for (let i = 0; i < count; i++) {
  entries.set(`blobs/${String(i).padStart(64, '0')}`, {
    data: source(pool[i % POOL]!),
    sha256: hashes[i % POOL]!,
    store: true,
  });
}
const bytes = count * PHOTO_MIB * 2 ** 20 + table.length;
const mib = bytes / 2 ** 20;

const header = memberPackageHeader({ interviews: 2_000 });

/**
 * Runs `work`, sampling memory every 10 ms: seconds, and the peak growth of the process's
 * resident memory (what the laptop sees: heap, buffers and the native memory of streams and
 * Blobs alike) over what it was before.
 */
async function measured<T>(
  work: () => Promise<T>,
): Promise<{ result: T; seconds: number; peakMib: number }> {
  globalThis.gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  const start = performance.now();
  const result = await work();
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { result, seconds, peakMib: (peak - before) / 2 ** 20 };
}

const given = process.argv.indexOf('--dir');
const dir =
  given >= 0 ? process.argv[given + 1]! : mkdtempSync(path.join(os.tmpdir(), 'workbench-bench-'));
if (given < 0) process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => path.join(dir, name);

/**
 * Writes a stream to a file on disk and flushes it, as saving a package does: one chunk at a
 * time (Node's Writable.toWeb buffers ahead of a slow disk, which would be measured as ours).
 */
async function toFile(stream: ReadableStream<Uint8Array>, name: string) {
  const handle = await open(file(name), 'w');
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    await handle.write(value);
  }
  await handle.sync();
  await handle.close();
}
const fromFile = (name: string) =>
  Readable.toWeb(
    createReadStream(file(name), { highWaterMark: CHUNK }),
  ) as ReadableStream<Uint8Array>;

/** The same bytes as the package's entries, one after another. */
function allBytes(): ReadableStream<Uint8Array> {
  const sources = [
    source(table),
    ...Array.from({ length: count }, (_, i) => source(pool[i % POOL]!)),
  ];
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        if (!reader) {
          const next = sources.shift();
          if (!next) return controller.close();
          reader = next.stream().getReader();
        }
        const { done, value } = await reader.read();
        if (!done) return controller.enqueue(value);
        reader = null;
      }
    },
  });
}

type Step = 'age.encrypt' | 'package.seal' | 'age.decrypt' | 'package.open';
type Measured = { seconds: number; peakMib: number };

/** One step, measured in this process (a child of the benchmark's own, see below). */
async function step(name: Step, key: { identity: string; recipient: string }): Promise<Measured> {
  if (name === 'age.encrypt') {
    return measured(async () => {
      const encrypter = new Encrypter();
      encrypter.addRecipient(key.recipient);
      await toFile(await encrypter.encrypt(allBytes()), 'raw.age');
    });
  }
  if (name === 'age.decrypt') {
    return measured(async () => {
      const decrypter = new Decrypter();
      decrypter.addIdentity(key.identity);
      await toFile(await decrypter.decrypt(fromFile('raw.age')), 'raw.out');
    });
  }
  if (name === 'package.seal') {
    return measured(async () => {
      const { stream } = await sealStream(header, entries, { recipients: [key.recipient] });
      await toFile(stream, 'case.xcase');
    });
  }
  const { result, ...opened } = await measured(() => openPackageFile(file('case.xcase'), key));
  if (result.entries.size !== entries.size) throw new Error('the package did not round-trip');
  return opened;
}

// Each step runs in a fresh process, so memory one step grew and kept is not counted against
// (or hidden from) the next: `--step NAME` runs one and prints its figures.
const asked = process.argv.indexOf('--step');
if (asked >= 0) {
  const key = JSON.parse(process.env.WORKBENCH_BENCH_KEY!) as {
    identity: string;
    recipient: string;
  };
  const { seconds, peakMib } = await step(process.argv[asked + 1] as Step, key);
  console.log(`STEP ${JSON.stringify({ seconds, peakMib })}`);
  process.exit(0);
}

const key = await newLaptopKey();
function inChild(name: Step): Measured {
  const run = spawnSync(
    process.execPath,
    [...process.execArgv, process.argv[1]!, ...process.argv.slice(2), '--step', name, '--dir', dir],
    { encoding: 'utf8', env: { ...process.env, WORKBENCH_BENCH_KEY: JSON.stringify(key) } },
  );
  const line = run.stdout.split('\n').find((l) => l.startsWith('STEP '));
  if (!line) throw new Error(`${name} failed: ${run.stderr}`);
  return JSON.parse(line.slice(5)) as Measured;
}
// The disk of these machines varies from minute to minute: baseline and package alternate,
// several times, and each figure is the median of its runs.
const runs: Record<Step, Measured[]> = {
  'age.encrypt': [],
  'age.decrypt': [],
  'package.seal': [],
  'package.open': [],
};
for (let run = 0; run < RUNS; run++) {
  runs['age.encrypt'].push(inChild('age.encrypt'));
  runs['age.decrypt'].push(inChild('age.decrypt'));
  rmSync(file('raw.age'));
  rmSync(file('raw.out'));
  runs['package.seal'].push(inChild('package.seal'));
  runs['package.open'].push(inChild('package.open'));
}
const median = (all: Measured[]): Measured => {
  const by = (k: keyof Measured) => [...all].sort((a, b) => a[k] - b[k])[all.length >> 1]![k];
  return { seconds: by('seconds'), peakMib: by('peakMib') };
};
const rawSealed = median(runs['age.encrypt']);
const rawOpened = median(runs['age.decrypt']);
const sealed = median(runs['package.seal']);
const opened = median(runs['package.open']);
const packageMib = statSync(file('case.xcase')).size / 2 ** 20;

// Fuzz: a small real package, random bytes changed, every outcome must be a PackageError.
const small = await sealPackage(
  header,
  new Map([['tables/interviews.json', { bytes: table, store: false }]]),
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
  `\nCase packages: ${mib.toFixed(0)} MiB of attachments and 2,000 interview rows, streamed from and to disk (package ${packageMib.toFixed(0)} MiB)\n`,
);
console.log('                        MiB/s   age alone   ratio   peak MiB (age alone)');
console.log(
  `  seal (export)       ${String(rate(sealed.seconds)).padStart(7)} ${String(rate(rawSealed.seconds)).padStart(11)} ${(rawSealed.seconds / sealed.seconds).toFixed(2).padStart(7)} ${Math.round(sealed.peakMib).toString().padStart(10)} (${Math.round(rawSealed.peakMib)})`,
);
console.log(
  `  open (import)       ${String(rate(opened.seconds)).padStart(7)} ${String(rate(rawOpened.seconds)).padStart(11)} ${(rawOpened.seconds / opened.seconds).toFixed(2).padStart(7)} ${Math.round(opened.peakMib).toString().padStart(10)} (${Math.round(rawOpened.peakMib)})`,
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
