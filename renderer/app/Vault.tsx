/**
 * The session's life (issue 16): the lock screen until the passphrase opens the keys, then the
 * data opened with them (older plaintext sealed first), then the app; and back to the lock
 * screen at the 锁定 button, its shortcut, the idle time, or the system's suspend or screen lock.
 *
 * Locking saves what every open editor holds, takes the app down (its decrypted state, object
 * URLs and live queries go with it), ends the search worker and its index, closes the database,
 * and zeroes the keys. The route stays in the address, so unlocking returns to the same page.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { NewerDataError, openRepositories, type Repositories } from '../db';
import type { KeyChain, Keyring } from '../db/keyring';
import { zh } from '../../shared/i18n/zh-CN';
import { DeviceContext } from '../hooks/device';
import { editorsLeft, saveAllEditors } from '../autosave/editors';
import { closeSearch } from '../search/searchClient';
import { host } from '../host/host';
import { useUi } from '../stores/ui.store';
import { useSearchStore } from '../stores/search.store';
import { useRecordLists } from '../stores/records.store';
import { LockContext, RepositoriesContext } from './session';
import { LockScreen } from './LockScreen';
import { idleLockMs, watchIdle } from './idleLock';

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

  const unlocked = useCallback(
    async (keys: KeyChain) => {
      const repos = openRepositories(keys, {
        onNewerVersionElsewhere: () => useUi.getState().setNewerVersionElsewhere(),
      });
      try {
        await repos.open();
        await repos.sealExisting(({ done, total }) => setProgress(zh.rest.sealing(done, total)));
        await repos.startFreshLog(); // after a full disk last time: see repositories.ts
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
    [onFailed, onOpened, escrow],
  );

  const locking = useRef(false);
  const lock = useCallback(async () => {
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
    session.repos.close();
    session.keys.drop();
    locking.current = false;
  }, [session, escrow]);

  useEffect(() => {
    if (!session) return;
    const stopIdle = watchIdle({
      idleMs: () => idleLockMs(localStorage),
      onIdle: () => void lock(),
    });
    const stopSystem = host.onSystemLock(() => void lock());
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        void lock();
      }
    };
    window.addEventListener('keydown', onKey);
    // A case created, or a 组长's key brought by a package, is escrowed within the minute (a
    // scan of the members; age only runs for what changed).
    const escrowing = setInterval(() => void escrow(session.repos, session.keys), 60_000);
    return () => {
      stopIdle();
      stopSystem();
      window.removeEventListener('keydown', onKey);
      clearInterval(escrowing);
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
        <DeviceContext value={session.deviceId}>{children}</DeviceContext>
      </RepositoriesContext>
    </LockContext>
  );
}
