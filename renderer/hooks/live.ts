/**
 * Live queries that survive a database that cannot be read for a while. Chromium closes the
 * connection when a write fails on a full disk, and every live query then fails; thrown during
 * render, that error would blank the page and take what is being typed with it. Instead a
 * failed read keeps showing the last result it had (for the same arguments) and tries again
 * every few seconds, reopening the database first.
 */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRepos } from '../app/session';

const RETRY_MS = 2_000;

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

const sameDeps = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/**
 * Like dexie-react-hooks' useLiveQuery: undefined while loading, then the live result. With
 * `same`, a result equal to the last is returned as the last (the same object), so what is
 * memoised on it stays.
 */
export function useLive<T>(
  querier: () => Promise<T>,
  deps: readonly unknown[],
  same?: (a: T, b: T) => boolean,
): T | undefined {
  const repos = useRepos();
  const [attempt, setAttempt] = useState(0);
  const [kept, setKept] = useState<{ deps: readonly unknown[]; value: T } | null>(null);
  const result = useLiveQuery(async (): Promise<Outcome<T>> => {
    try {
      return { ok: true, value: await querier() };
    } catch {
      return { ok: false };
    }
  }, [...deps, attempt, repos]);

  useEffect(() => {
    if (!result || result.ok) return;
    const timer = setTimeout(() => {
      void repos
        .recover()
        .catch(() => {})
        .finally(() => setAttempt((n) => n + 1));
    }, RETRY_MS);
    return () => clearTimeout(timer);
  }, [result, repos]);

  if (result?.ok) {
    if (kept && sameDeps(kept.deps, deps) && same?.(kept.value, result.value)) return kept.value;
    if (!kept || kept.value !== result.value || !sameDeps(kept.deps, deps)) {
      setKept({ deps, value: result.value }); // remembered for a failure to come
    }
    return result.value;
  }
  return kept && sameDeps(kept.deps, deps) ? kept.value : undefined;
}
