/**
 * The snapshot figure of `npm run bench -- rest` (issue 16): a case holding `mib` MiB of photos,
 * stored sealed as the app stores them, snapshotted by the app's own code (its rows read on the
 * page, its files opened chunk by chunk and encrypted with age in the package worker, written
 * to the private file system), against age alone encrypting the same bytes as a stream.
 *
 * Three steps, so the benchmark can watch the browser's memory during the second only.
 */
import { Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { WorkbenchDB } from '../../../renderer/db/database';
import { repositories } from '../../../renderer/db/repositories';
import { memoryKeys } from '../../../renderer/db/keyring';
import { takeSnapshot } from '../../../renderer/snapshots/snapshots';
import { newCase, today } from '../../unit/db/helpers';

const FILE_MIB = 128;

declare global {
  interface Window {
    benchSnapshotSeed(request: { mib: number }): Promise<void>;
    benchSnapshotTake(): Promise<{ ms: number; bytes: number; mib: number }>;
    benchSnapshotAge(): Promise<{ ms: number; mib: number }>;
  }
}

let seeded: { repos: ReturnType<typeof repositories>; caseId: string; sizes: number[] } | null =
  null;

/**
 * The bytes of photo `n`: made again the same for age's turn, rather than kept (a gigabyte of
 * Blobs made in the page exhausts Chromium's blob memory, where photos picked from disk would
 * not). xorshift: as incompressible as photos.
 */
function photoBytes(n: number, size: number): Uint8Array<ArrayBuffer> {
  const words = new Uint32Array(size / 4);
  let x = 2463534242 ^ (n * 2654435761);
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x;
  }
  return new Uint8Array(words.buffer);
}

window.benchSnapshotSeed = async ({ mib }) => {
  const repos = repositories(new WorkbenchDB(`bench-snapshot-${Date.now()}`, {}, memoryKeys()));
  await repos.open();
  const deviceId = await repos.settings.deviceId();
  const { caseRecord, creator } = await repos.cases.create(newCase, deviceId, today);
  const actor = { deviceId, memberId: creator.id };
  const visit = await repos.records.create('siteVisits', caseRecord.id, actor, today);
  const sizes: number[] = [];
  for (let left = mib; left > 0; left -= FILE_MIB) {
    const size = Math.min(left, FILE_MIB) * 2 ** 20;
    const blob = new Blob([photoBytes(sizes.length, size)], { type: 'image/jpeg' });
    sizes.push(size);
    const name = `现场照片-${sizes.length}.jpg`;
    await repos.attachments.add(
      caseRecord.id,
      'siteVisits',
      visit.id,
      [{ name, mime: 'image/jpeg', blob, thumbnail: null }],
      actor,
    );
  }
  seeded = { repos, caseId: caseRecord.id, sizes };
};

window.benchSnapshotTake = async () => {
  const { repos, caseId, sizes } = seeded!;
  const start = performance.now();
  const snapshot = await takeSnapshot(repos, caseId, 'manual');
  const ms = performance.now() - start;
  const mib = sizes.reduce((n, s) => n + s, 0) / 2 ** 20;
  return { ms, bytes: snapshot.size, mib };
};

window.benchSnapshotAge = async () => {
  const { sizes } = seeded!;
  const encrypter = new Encrypter();
  encrypter.addRecipient(await identityToRecipient(await generateX25519Identity()));
  let ms = 0;
  for (const [n, size] of sizes.entries()) {
    const bytes = photoBytes(n, size); // made outside the time: only age's work is timed
    const start = performance.now();
    const reader = (await encrypter.encrypt(new Blob([bytes]).stream())).getReader();
    while (!(await reader.read()).done);
    ms += performance.now() - start;
  }
  return { ms, mib: sizes.reduce((n, s) => n + s, 0) / 2 ** 20 };
};
