/**
 * Snapshots of a case (issue 16, DESIGN §12): IndexedDB is never the only copy of weeks of work.
 *
 * A snapshot is the case's package (every record, clue, revision, audit entry and file),
 * encrypted to this laptop's snapshot key (derived from the laptop key in the keyring, so it
 * opens even when the database is lost) and to its 组长's laptop key, kept in the private file system
 * (snapshotStore.ts): before every import, before every schema upgrade, once a day while the
 * app is used, and when the user asks; and copied into a second folder when the user chose one
 * (secondCopy.ts). Restoring one is an import of it (a merge, previewed first): never an
 * overwrite.
 *
 * Sealing runs in the package worker; the page only reads the case's rows.
 */
import type { Repositories } from '../db';
import { SCHEMA_VERSION } from '../../shared/domain/schemaVersion';
import { openText, sealText } from '../../shared/rest/seal';
import { snapshotIdentity, snapshotRecipient } from '../../shared/rest/caseKeys';
import {
  dailyDue,
  snapshotFileName,
  snapshotsToRemove,
  type SnapshotReason,
} from '../../shared/rest/snapshotPlan';
import type { CaseContents } from '../../shared/package/contents';
import { openInWorker, snapshotInWorker } from '../package/packageClient';
import { PackageError } from '../../shared/package/problems';
import { privateFileName, removePrivateFile } from '../host/privateFiles';
import {
  listSnapshotFiles,
  readSnapshotMeta,
  removeSnapshotFile,
  NoSpaceForSnapshot,
  SNAPSHOT_FOLDER,
  snapshotFile,
  writeSnapshotMeta,
  type SnapshotFile,
} from './snapshotStore';
import { secondCopy } from './secondCopy';

export { NoSpaceForSnapshot };

/** What the list shows of a snapshot without opening it, kept sealed beside it. */
export interface SnapshotMeta {
  readonly unitName: string;
  /** Rows per table, revisions, files and audit entries. */
  readonly counts: Readonly<Record<string, number>>;
  /** The case's last change it holds: a daily snapshot with nothing newer is not taken. */
  readonly upTo: number;
  /** The file's size when written: a file of another size was cut short or replaced. */
  readonly bytes: number;
  readonly schemaVersion: number;
}

export interface Snapshot extends SnapshotFile {
  /** null when its note is missing or does not open (then it is listed as damaged). */
  readonly meta: SnapshotMeta | null;
  /** Found wrong without opening it: no note, or not the size it was written at. */
  readonly damaged: boolean;
}

const metaContext = (name: string) => `snapshot-meta/${name}`;

function countsOf(contents: CaseContents): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { table } of contents.rows) counts[table] = (counts[table] ?? 0) + 1;
  counts.revisions = contents.revisions.length;
  counts.files = contents.files.length;
  if (contents.audit?.length) counts.audit = contents.audit.length;
  return counts;
}

export interface TakeOptions {
  /** The schema the rows were written in: an older one for the snapshot before an upgrade. */
  readonly schemaVersion?: number;
  readonly signal?: AbortSignal;
}

/**
 * Takes a snapshot of the case and removes the ones it makes surplus. On failure nothing of it
 * is kept and the case is untouched (a full disk throws NoSpaceForSnapshot).
 */
export async function takeSnapshot(
  repos: Repositories,
  caseId: string,
  reason: SnapshotReason,
  options: TakeOptions = {},
): Promise<Snapshot> {
  const laptopKey = repos.laptopDataKey();
  if (!laptopKey) throw new Error('snapshots need the laptop key: the data is not unlocked');
  const { contents, upTo } = await repos.snapshots.contents(caseId);
  const caseRow = contents.rows.find((r) => r.table === 'cases')?.row as
    { unitName?: string } | undefined;
  const own = await snapshotRecipient(laptopKey);
  const leader = (await repos.leaderRecipients()).get(caseId) ?? '';
  const memberId =
    (await repos.settings.currentMember(caseId)) ??
    contents.rows.find((r) => r.table === 'members')?.row.id ??
    caseId;
  const takenAt = new Date().toISOString();
  const name = snapshotFileName({ caseId, takenAt, reason });
  const schemaVersion = options.schemaVersion ?? SCHEMA_VERSION;
  const running = snapshotInWorker(
    {
      schemaVersion,
      kind: 'snapshot',
      caseId,
      exportedBy: { memberId, deviceId: await repos.settings.deviceId() },
      forMember: memberId,
      createdAt: takenAt,
    },
    contents,
    { recipients: leader && leader !== own ? [own, leader] : [own] },
    SNAPSHOT_FOLDER,
    name,
  );
  const stop = () => running.cancel();
  options.signal?.addEventListener('abort', stop);
  try {
    const bytes = await running.done;
    const meta: SnapshotMeta = {
      unitName: caseRow?.unitName ?? '',
      counts: countsOf(contents),
      upTo,
      bytes,
      schemaVersion,
    };
    await writeSnapshotMeta(name, sealText(laptopKey, JSON.stringify(meta), metaContext(name)));
    await rotate();
    secondCopy.copy(name); // in the background: it never holds up nor fails this one
    return { caseId, takenAt, reason, name, size: bytes, meta, damaged: false };
  } catch (error) {
    await removeSnapshotFile(name).catch(() => {});
    if (error instanceof PackageError && error.problem === 'noSpace') {
      throw new NoSpaceForSnapshot(error.detail);
    }
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
}

/** Removes what each case no longer keeps: beyond its last 7 daily and its last 10 others. */
async function rotate(): Promise<void> {
  const surplus = snapshotsToRemove(await listSnapshotFiles()).map((s) => s.name);
  for (const name of surplus) await removeSnapshotFile(name);
  void secondCopy.remove(surplus, 'rotation');
}

/** Every snapshot on this laptop, newest first, with what its note says. */
export async function listSnapshots(repos: Repositories): Promise<Snapshot[]> {
  const laptopKey = repos.laptopDataKey();
  const out: Snapshot[] = [];
  for (const file of await listSnapshotFiles()) {
    const sealed = await readSnapshotMeta(file.name);
    let meta: SnapshotMeta | null = null;
    try {
      if (sealed && laptopKey) {
        meta = JSON.parse(openText(laptopKey, sealed, metaContext(file.name))) as SnapshotMeta;
      }
    } catch {
      meta = null; // damaged, or written with another laptop key
    }
    out.push({ ...file, meta, damaged: !meta || meta.bytes !== file.size });
  }
  return out;
}

/** A snapshot as a file to open, the way a package picked from a stick is one. */
export async function snapshotAsPicked(name: string) {
  const file = await snapshotFile(name);
  return {
    status: 'picked' as const,
    name,
    size: file.size,
    file,
    stream: () => file.stream(),
    close: async () => {},
  };
}

/**
 * Opens a snapshot all the way, as a restore would (age authenticates every chunk, every entry
 * is checked against its hash, every row against its schema), and keeps nothing: true when it
 * would restore.
 */
export async function verifySnapshot(repos: Repositories, name: string): Promise<boolean> {
  const file = await snapshotFile(name);
  const laptopKey = repos.laptopDataKey();
  if (!laptopKey) return false;
  const staging = privateFileName('verify');
  try {
    const key = { identity: snapshotIdentity(laptopKey) };
    await openInWorker(file, file.size, key, staging, () => {}).done;
    return true;
  } catch {
    return false;
  } finally {
    void removePrivateFile(staging);
  }
}

/** Removes every snapshot of a case (巡后清退), also from the second folder. */
export async function removeSnapshotsOf(caseId: string): Promise<number> {
  const mine = (await listSnapshotFiles()).filter((s) => s.caseId === caseId).map((s) => s.name);
  for (const name of mine) await removeSnapshotFile(name);
  await secondCopy.remove(mine, 'clearance');
  return mine.length;
}

/**
 * The snapshot before a schema upgrade: every case, read from the database as the older app
 * left it. Returns the cases it could not keep (a full disk, say): the upgrade goes on, and
 * the user is told.
 */
export async function snapshotBeforeUpgrade(
  repos: Repositories,
  onStart: () => void = () => {},
): Promise<string[]> {
  const from = await repos.snapshots.pendingUpgrade();
  if (!from) return [];
  onStart();
  const older = repos.snapshots.asOf(from);
  const failed: string[] = [];
  try {
    for (const caseId of await older.snapshots.caseIds()) {
      try {
        await takeSnapshot(older, caseId, 'upgrade', { schemaVersion: from });
      } catch {
        failed.push(caseId);
      }
    }
  } finally {
    older.close();
  }
  return failed;
}

const localDay = (iso: string) => new Date(iso).toLocaleDateString('sv'); // YYYY-MM-DD

/**
 * Today's snapshot of every case that has none yet and changed since its last snapshot, one
 * case at a time. Stops at `signal` (the app locks), keeping nothing half-written.
 */
export async function takeDailySnapshots(
  repos: Repositories,
  signal: AbortSignal,
  now = () => new Date(),
): Promise<{ taken: number; failed: number }> {
  let taken = 0;
  let failed = 0;
  const today = localDay(now().toISOString());
  const existing = await listSnapshots(repos);
  for (const caseId of await repos.snapshots.caseIds()) {
    if (signal.aborted) break;
    const ofCase = existing
      .filter((s) => s.caseId === caseId && !s.damaged)
      .map((s) => ({ ...s, upTo: s.meta?.upTo }));
    const lastChange = await repos.snapshots.lastChange(caseId);
    if (!dailyDue(ofCase, lastChange, today, localDay)) continue;
    try {
      await takeSnapshot(repos, caseId, 'daily', { signal });
      taken++;
    } catch {
      if (!signal.aborted) failed++;
    }
  }
  return { taken, failed };
}
