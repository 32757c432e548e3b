/**
 * The session's life (issue 16): the lock screen until the passphrase opens the keys, then the
 * data opened with them (older plaintext sealed first), then the app; and back to the lock
 * screen at the 锁定 button, its shortcut, the idle time, or the system's suspend or screen lock.
 *
 * Locking saves what every open editor holds, takes the app down (its decrypted state, object
 * URLs and live queries go with it), ends the search worker and its index, notes the lock in the
 * audit log, closes the database, and zeroes the keys. The route stays in the address, so
 * unlocking returns to the same page. Unlocking notes the unlock in the audit log of every case
 * here, after the wrong passphrases typed before it (the keyring kept them until now).
 */
import { keepDailySnapshots } from '../snapshots/dailySnapshots';
import { snapshotBeforeUpgrade } from '../snapshots/snapshots';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { NewerDataError, openRepositories, type Repositories } from '../db';
import type { KeyChain, Keyring } from '../db/keyring';
import type { LockReason, UnlockWay } from '../../shared/domain/audit.schema';
import { zh } from '../../shared/i18n/zh-CN';
import { DeviceContext } from '../hooks/device';
import { editorsLeft, saveAllEditors } from '../autosave/editors';
import { closeSearch } from '../search/searchClient';
import { host } from '../host/host';
import { useUi } from '../stores/ui.store';
import { useSearchStore } from '../stores/search.store';
import { useRecordLists } from '../stores/records.store';
import { EraseCaseKeyContext, LockContext, RepositoriesContext } from './session';
import { LockScreen } from './LockScreen';
import { idleLockMs, watchIdle } from './idleLock';
import { logUnlock } from './unlockLog';
import { loadFastCipher } from '../../shared/rest/seal';

interface Session {
  readonly repos: Repositories;
  readonly deviceId: string;
  readonly keys: KeyChain;
}

interface Props {
  readonly ring: Keyring;
  readonly initial: 'new' | 'locked';
  /** The app, given the open session. */
  readonly children: ReactNode;
  /** Opening the data failed (a newer app's data, a broken database): shown instead. */
  readonly onFailed: (error: unknown) => void;
  /** After the data opened: this laptop's start-up chores. */
  readonly onOpened?: (repos: Repositories) => void;
}

export function Vault({ ring, initial, children, onFailed, onOpened }: Props) {
  const [session, setSession] = useState<Session | null>(null);
  const [mode, setMode] = useState(initial);
  const [progress, setProgress] = useState('');
  /** The keys opened but the data did not (a full disk refuses new connections): say so. */
  const [openFailed, setOpenFailed] = useState(false);

  const escrow = useCallback(
    async (repos: Repositories, keys: KeyChain) => {
      try {
        await ring.escrow(keys, await repos.leaderRecipients());
      } catch {
        // A full disk, say: tried again at the next lock or unlock; locking goes on meanwhile.
      }
    },
    [ring],
  );

  // Loaded while the passphrase is typed, so the first list after unlocking opens fast.
  useEffect(() => void loadFastCipher(), []);

  const unlocked = useCallback(
    async (keys: KeyChain, how: UnlockWay) => {
      await loadFastCipher();
      const repos = openRepositories(keys, {
        onNewerVersionElsewhere: () => useUi.getState().setNewerVersionElsewhere(),
      });
      try {
        // Before an upgrade touches anything: a snapshot of every case as it is. One that
        // cannot be kept does not stop the upgrade; the user is told.
        const unsaved = await snapshotBeforeUpgrade(repos, () =>
          setProgress(zh.backup.beforeUpgrade),
        );
        if (unsaved.length > 0) {
          useUi.getState().setSnapshotProblem(zh.backup.upgradeFailed(unsaved.length));
        }
        await repos.open();
        await repos.sealExisting(({ done, total }) => setProgress(zh.rest.sealing(done, total)));
        await repos.startFreshLog(); // after a full disk last time: see repositories.ts
        await logUnlock(ring, repos.audit, how);
        const deviceId = await repos.settings.deviceId();
        setSession({ repos, deviceId, keys });
        setMode('locked');
        setOpenFailed(false);
        onOpened?.(repos);
        void escrow(repos, keys);
      } catch (error) {
        repos.close();
        keys.drop();
        const newer =
          error instanceof NewerDataError ||
          (error instanceof Error && error.name === 'VersionError');
        // Data from a newer app is for good; anything else may pass: unlock again to retry.
        if (newer) onFailed(error);
        else setOpenFailed(true);
      } finally {
        setProgress('');
      }
    },
    [ring, onFailed, onOpened, escrow],
  );

  const eraseCaseKey = useCallback(
    async (caseId: string) => {
      if (session) await ring.destroyCaseKey(session.keys, caseId);
    },
    [ring, session],
  );

  const locking = useRef(false);
  const lock = useCallback(
    async (reason: LockReason = 'button') => {
      if (!session || locking.current) return; // the idle time and Ctrl+L at once: one lock
      locking.current = true;
      await saveAllEditors();
      await escrow(session.repos, session.keys); // a 组长 learnt since unlocking, say
      // The app goes now, its effects' cleanups with it: its editors' last writes start.
      flushSync(() => setSession(null));
      await editorsLeft();
      closeSearch();
      // What the page keeps outside React of what was typed or found: the query and its hits.
      useSearchStore.setState({ answer: null, active: 0, opened: null });
      useUi.getState().setSearch('');
      useRecordLists.setState({ views: {} });
      // The editors' last writes are in: the lock's entry is the last before the database closes.
      await session.repos.audit.appendAll('lock', { reason }).catch(() => {}); // a full disk: lock
      session.repos.close();
      session.keys.drop();
      locking.current = false;
    },
    [session, escrow],
  );

  useEffect(() => {
    if (!session) return;
    const stopIdle = watchIdle({
      idleMs: () => idleLockMs(localStorage),
      onIdle: () => void lock('idle'),
    });
    const stopSystem = host.onSystemLock(() => void lock('system'));
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        void lock('shortcut');
      }
    };
    window.addEventListener('keydown', onKey);
    // A case created, or a 组长's key brought by a package, is escrowed within the minute (a
    // scan of the members; age only runs for what changed).
    const escrowing = setInterval(() => void escrow(session.repos, session.keys), 60_000);
    const stopSnapshots = keepDailySnapshots(session.repos, () =>
      useUi.getState().setSnapshotProblem(zh.backup.dailyFailed),
    );
    return () => {
      stopIdle();
      stopSystem();
      window.removeEventListener('keydown', onKey);
      clearInterval(escrowing);
      stopSnapshots();
    };
  }, [session, lock, escrow]);

  if (!session) {
    return (
      <LockScreen
        ring={ring}
        mode={mode}
        onUnlocked={unlocked}
        progress={progress}
        problem={openFailed ? zh.rest.openFailed : ''}
      />
    );
  }
  return (
    <LockContext value={lock}>
      <RepositoriesContext value={session.repos}>
        <EraseCaseKeyContext value={eraseCaseKey}>
          <DeviceContext value={session.deviceId}>{children}</DeviceContext>
        </EraseCaseKeyContext>
      </RepositoriesContext>
    </LockContext>
  );
}
