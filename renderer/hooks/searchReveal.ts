import { useCallback } from 'react';
import { backToResults, revealOnce } from '../search/navigation';
import { useSearchStore } from '../stores/search.store';

/** The hit this record was opened from, if it was opened from search results. */
function useOpenedHit(caseId: string, recordId: string) {
  const opened = useSearchStore((s) => s.opened);
  return opened?.caseId === caseId && opened.recordId === recordId ? opened : null;
}

/**
 * For a record editor opened from a search hit: a ref callback for the editor's body that,
 * once the body is on screen, scrolls to the first match and selects it. Does nothing for a
 * record opened any other way.
 */
export function useRevealSearchMatch(caseId: string, recordId: string) {
  const opened = useOpenedHit(caseId, recordId);
  return useCallback(
    (body: HTMLElement | null) => {
      if (body && opened) revealOnce(opened, body);
    },
    [opened],
  );
}

/** 返回 for a record opened from search results (the same query and results), else undefined. */
export function useBackToResults(caseId: string, recordId: string): (() => void) | undefined {
  return useOpenedHit(caseId, recordId) ? backToResults : undefined;
}
