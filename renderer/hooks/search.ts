import { useEffect, useSyncExternalStore } from 'react';
import { searchClient } from '../search/searchClient';
import { useSearchStore } from '../stores/search.store';

/** Starts building the case's search index as soon as its workspace is on screen. */
export function useSearchIndex(caseId: string): void {
  useEffect(() => void searchClient(caseId), [caseId]);
}

/** How far the case's index is (building, N / M), as the worker last said. */
export function useIndexStatus(caseId: string) {
  const client = searchClient(caseId);
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
  useEffect(() => {
    if (query.trim() === '') return;
    let current = true;
    void searchClient(caseId)
      .search(query, limit)
      .then((answer) => current && setAnswer({ ...answer, caseId, query }));
    return () => {
      current = false;
    };
  }, [caseId, query, limit, building, setAnswer]);
  if (query.trim() === '') return { answer: null, searching: false };
  // While a new answer is on its way the previous one stays up (no flicker), marked as such.
  return { answer, searching: answer?.query !== query };
}
