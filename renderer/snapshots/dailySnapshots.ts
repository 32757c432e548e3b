/**
 * The daily snapshot, taken while the app is used but not while the user is typing: once the
 * page has been quiet for half a minute, then again at most every hour (a day that already has
 * its snapshot, or a case that has not changed since its last one, costs one look at the list).
 */
import type { Repositories } from '../db';
import { watchIdle } from '../app/idleLock';
import { takeDailySnapshots } from './snapshots';

const QUIET_MS = 30_000;
const AGAIN_MS = 60 * 60_000;

/** Starts the daily snapshots of an unlocked session; returns the stop (the app locks). */
export function keepDailySnapshots(repos: Repositories, onFailed: () => void): () => void {
  const stop = new AbortController();
  let stopWatch = () => {};
  let again: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    stopWatch = watchIdle({ idleMs: () => QUIET_MS, onIdle: () => void run() });
  };
  const run = async () => {
    stopWatch();
    try {
      const { failed } = await takeDailySnapshots(repos, stop.signal);
      if (failed > 0) onFailed();
    } catch {
      // The database closed under it: the app is locking. The next unlock tries again.
    }
    if (!stop.signal.aborted) again = setTimeout(arm, AGAIN_MS);
  };
  arm();
  return () => {
    stop.abort();
    stopWatch();
    clearTimeout(again);
  };
}
