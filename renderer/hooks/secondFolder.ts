/**
 * The second snapshot folder as 备份与恢复 shows it: which folder, whether it is there now, how
 * the last copy went; read from the host again after each copy or removal and every few
 * seconds (a drive plugged in or pulled while the page is open).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ReplyOf } from '../../shared/ipc/contract';
import { host } from '../host/host';
import { secondCopy } from '../snapshots/secondCopy';

const AGAIN_MS = 10_000;

export type SecondFolderState =
  | { readonly host: 'browser' }
  | { readonly host: 'electron'; readonly folder: ReplyOf<'snapshotFolder'> };

export function useSecondFolder() {
  const [state, setState] = useState<SecondFolderState | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => secondCopy.onSettled(reload), [reload]);
  useEffect(() => {
    const timer = setInterval(reload, AGAIN_MS);
    return () => clearInterval(timer);
  }, [reload]);
  useEffect(() => {
    let current = true;
    const read = async (): Promise<SecondFolderState> =>
      (await host.appInfo()).host === 'browser'
        ? { host: 'browser' }
        : { host: 'electron', folder: await host.snapshotFolder() };
    void read().then((next) => current && setState(next));
    return () => {
      current = false;
    };
  }, [version]);

  /** Shows the folder dialog; resolves to the folder chosen, or null when cancelled. */
  const pick = async (): Promise<string | null> => {
    try {
      const picked = await host.snapshotFolderPick();
      return picked.status === 'chosen' ? picked.folder : null;
    } finally {
      reload();
    }
  };

  const clear = async (): Promise<void> => {
    try {
      await host.snapshotFolderClear();
    } finally {
      reload();
    }
  };

  return { state, pick, clear };
}
