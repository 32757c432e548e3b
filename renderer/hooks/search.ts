import { useEffect, useState } from 'react';
import type { SearchResult } from '../../shared/search';
import { searchClient } from '../search/searchClient';

/** Results for `query` in one case, as the user types; null while there is no query. */
export function useSearch(caseId: string, query: string) {
  const [answer, setAnswer] = useState<{ query: string; result: SearchResult } | null>(null);
  useEffect(() => {
    if (query.trim() === '') return;
    let current = true;
    void searchClient(caseId)
      .search(query)
      .then((result) => current && setAnswer({ query, result }));
    return () => {
      current = false;
    };
  }, [caseId, query]);
  if (query.trim() === '') return { result: null, searching: false, shownQuery: '' };
  // While a new answer is on its way the previous one stays up (no flicker), marked as such.
  return {
    result: answer?.result ?? null,
    searching: answer?.query !== query,
    shownQuery: answer?.query ?? '',
  };
}
