/**
 * The second copy of each snapshot (issue 16): in the folder the user picked on another drive
 * (the desktop app only: electron/main/snapshotFolder.ts). Once a snapshot is complete in the
 * private file system it is streamed from there through the host, and a snapshot removed here
 * (rotation, 巡后清退) is removed there too.
 *
 * The first copy never waits for the second nor fails with it: copies and removals run one
 * after the other in the background, and a failed one is told to the user (the snapshot
 * banner) and on 备份与恢复, which reads the folder's state from the host.
 */
import { MAX_CHUNK_BYTES, type WorkbenchApi } from '../../shared/ipc/contract';
import { zh } from '../../shared/i18n/zh-CN';
import { host } from '../host/host';
import { useUi } from '../stores/ui.store';
import { snapshotFile } from './snapshotStore';

/** What one round trip to the host carries. */
const SLICE_BYTES = Math.min(4 * 2 ** 20, MAX_CHUNK_BYTES);
/** The most names one removal request may carry (the contract's limit). */
const NAMES_PER_REQUEST = 1000;

const t = zh.backup.second;

export type SecondCopyHost = Pick<
  WorkbenchApi,
  | 'snapshotFolder'
  | 'snapshotCopyStart'
  | 'snapshotCopyChunk'
  | 'snapshotCopyCommit'
  | 'snapshotCopyAbort'
  | 'snapshotCopyRemove'
>;

export interface SecondCopyDeps {
  readonly host: SecondCopyHost;
  /** The complete snapshot, to read in slices. */
  readonly file: (name: string) => Promise<Blob>;
  /** Tells the user, in a sentence, what went wrong. */
  readonly tell: (text: string) => void;
}

export interface SecondCopies {
  /** Copies a complete snapshot into the second folder, if one is chosen; does not wait. */
  copy(name: string): void;
  /**
   * Removes these snapshots' copies there. `clearance`: the user is told when some must wait
   * for the folder (a rotation's leftovers only show on 备份与恢复).
   */
  remove(names: readonly string[], why: 'rotation' | 'clearance'): Promise<void>;
  /** Calls `listener` after each copy or removal, whatever its outcome; returns the unsubscribe. */
  onSettled(listener: () => void): () => void;
  /** Resolves once everything asked so far is done. */
  idle(): Promise<void>;
}

export function secondCopies({ host, file, tell }: SecondCopyDeps): SecondCopies {
  let queue: Promise<void> = Promise.resolve();
  const listeners = new Set<() => void>();

  const enqueue = (task: () => Promise<void>): Promise<void> => {
    // Each task says its own failures: the queue goes on after one.
    queue = queue
      .then(task)
      .catch(() => {})
      .finally(() => listeners.forEach((l) => l()));
    return queue;
  };

  async function copyNow(name: string): Promise<void> {
    const { folder } = await host.snapshotFolder();
    if (!folder) return;
    const started = await host.snapshotCopyStart({ name });
    if (started.status === 'noFolder') return; // stopped using it meanwhile
    const { id } = started;
    try {
      const blob = await file(name);
      for (let at = 0; at < blob.size; at += SLICE_BYTES) {
        const data = new Uint8Array(await blob.slice(at, at + SLICE_BYTES).arrayBuffer());
        await host.snapshotCopyChunk({ id, data });
      }
      await host.snapshotCopyCommit({ id });
    } catch (error) {
      await host.snapshotCopyAbort({ id }).catch(() => {}); // ended already after a host failure
      throw error;
    }
  }

  /** Why the last copy failed, as the host noted it. */
  async function failure(): Promise<string> {
    const state = await host.snapshotFolder().catch(() => null);
    return t.problems[state?.lastFailure?.problem ?? 'other'];
  }

  async function removeNow(names: readonly string[], why: 'rotation' | 'clearance') {
    let waiting = 0;
    for (let at = 0; at < names.length; at += NAMES_PER_REQUEST) {
      const batch = names.slice(at, at + NAMES_PER_REQUEST);
      try {
        const { folder } = await host.snapshotFolder();
        if (!folder) return;
        waiting += (await host.snapshotCopyRemove({ names: batch })).waiting;
      } catch {
        waiting += batch.length;
      }
    }
    if (waiting > 0 && why === 'clearance') tell(t.removeWaiting(waiting));
  }

  return {
    copy(name) {
      void enqueue(() =>
        copyNow(name).catch(async () => {
          tell(t.copyFailed(await failure()));
        }),
      );
    },
    remove(names, why) {
      return names.length === 0 ? Promise.resolve() : enqueue(() => removeNow(names, why));
    },
    onSettled(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    idle: () => queue,
  };
}

export const secondCopy = secondCopies({
  host,
  file: snapshotFile,
  tell: (text) => useUi.getState().setSnapshotProblem(text),
});
