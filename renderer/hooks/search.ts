import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { searchClient } from '../search/searchClient';
import { useRepos } from '../app/session';
import { useSearchStore } from '../stores/search.store';

/**
 * The case's search client, started with the case's key: its worker reads this case only, and
 * never anything of the laptop's.
 */
export function useSearchClient(caseId: string) {
  const repos = useRepos();
  return useCallback(() => searchClient(caseId, repos.readerKey(caseId)), [caseId, repos]);
}

/** Starts building the case's search index as soon as its workspace is on screen. */
export function useSearchIndex(caseId: string): void {
  const client = useSearchClient(caseId);
  useEffect(() => void client(), [client]);
}

/** How far the case's index is (building, N / M), as the worker last said. */
export function useIndexStatus(caseId: string) {
  const client = useSearchClient(caseId)();
  return useSyncExternalStore(client.subscribe, client.status);
}

/**
 * The `limit` best results for `query` in one case, as the user types; null while there is no
 * query. Never waits for the index: while it is being built the answer covers what is indexed
 * so far (its status says so), and it is asked again when the build completes.
 */
export function useSearch(caseId: string, query: string, limit: number) {
  const building = useIndexStatus(caseId).building;
  const answer = useSearchStore((s) => (s.answer?.caseId === caseId ? s.answer : null));
  const setAnswer = useSearchStore((s) => s.setAnswer);
  const client = useSearchClient(caseId);
  useEffect(() => {
    if (query.trim() === '') return;
    let current = true;
    void client()
      .search(query, limit)
      .then((answer) => current && setAnswer({ ...answer, caseId, query }));
    return () => {
      current = false;
    };
  }, [caseId, client, query, limit, building, setAnswer]);
  if (query.trim() === '') return { answer: null, searching: false };
  // While a new answer is on its way the previous one stays up (no flicker), marked as such.
  return { answer, searching: answer?.query !== query };
}
