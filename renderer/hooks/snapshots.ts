/**
 * Snapshots as the 备份与恢复 page uses them: the list (files on disk, so read again after each
 * action rather than live from the database), taking them now, and checking one.
 */
import { useCallback, useEffect, useState } from 'react';
import { useRepos } from '../app/session';
import { listSnapshots, takeSnapshot, verifySnapshot, type Snapshot } from '../snapshots/snapshots';

export type CheckState = 'unchecked' | 'checking' | 'ok' | 'damaged';

/** What 校验 found, by file name, for as long as the page runs (a check reads the whole file). */
const checked = new Map<string, 'ok' | 'damaged'>();

export function useSnapshots() {
  const repos = useRepos();
  const [list, setList] = useState<readonly Snapshot[] | undefined>(undefined);
  const [checking, setChecking] = useState<ReadonlySet<string>>(new Set());
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let current = true;
    void listSnapshots(repos).then((found) => current && setList(found));
    return () => {
      current = false;
    };
  }, [repos, version]);

  const stateOf = (s: Snapshot): CheckState =>
    s.damaged
      ? 'damaged'
      : checking.has(s.name)
        ? 'checking'
        : (checked.get(s.name) ?? 'unchecked');

  const verify = async (name: string): Promise<boolean> => {
    setChecking((c) => new Set(c).add(name));
    try {
      const ok = await verifySnapshot(repos, name);
      checked.set(name, ok ? 'ok' : 'damaged');
      return ok;
    } finally {
      setChecking((c) => new Set([...c].filter((n) => n !== name)));
    }
  };

  /** A snapshot of every case now; resolves to how many were kept (throws on the first failure). */
  const takeAll = async (): Promise<number> => {
    let n = 0;
    try {
      for (const caseId of await repos.snapshots.caseIds()) {
        await takeSnapshot(repos, caseId, 'manual');
        n++;
      }
    } finally {
      reload();
    }
    return n;
  };

  return { list, stateOf, verify, takeAll, reload };
}
