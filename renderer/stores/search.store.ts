/**
 * Search results as the user left them: the last answer, the active hit, and the hit opened
 * from them, so that 返回 from that record brings back the same query, results and place
 * (issue 11, A11). The box's text itself is `search` in ui.store.
 */
import { create } from 'zustand';
import type { SearchHit } from '../../shared/search';
import type { Route } from '../app/route';
import type { SearchAnswer } from '../search/searchClient';

export interface OpenedHit {
  readonly caseId: string;
  readonly recordId: string;
  /** The query it was found with: the record selects its first match, 返回 types it again. */
  readonly query: string;
  /** Where the results were shown: 返回 goes there. */
  readonly from: Route;
}

interface SearchState {
  answer: (SearchAnswer & { caseId: string; query: string }) | null;
  /** The hit ↑/↓ moved to, by position in answer.result.hits. */
  active: number;
  opened: OpenedHit | null;
  setAnswer: (answer: SearchState['answer']) => void;
  setActive: (active: number) => void;
  /** Moves the active hit by `step`, staying within the hits shown. */
  move: (step: number) => void;
  activeHit: () => SearchHit | undefined;
  setOpened: (opened: OpenedHit | null) => void;
}

export const useSearchStore = create<SearchState>()((set, get) => ({
  answer: null,
  active: 0,
  opened: null,
  setAnswer: (answer) =>
    set((s) => {
      // The same query answered again (the build completed, or 返回): the place stays.
      const same = s.answer?.query === answer?.query && s.answer?.caseId === answer?.caseId;
      const last = Math.max(0, (answer?.result.hits.length ?? 0) - 1);
      return { answer, active: same ? Math.min(s.active, last) : 0 };
    }),
  setActive: (active) => set({ active }),
  move: (step) =>
    set((s) => {
      const count = s.answer?.result.hits.length ?? 0;
      return { active: count === 0 ? 0 : Math.min(count - 1, Math.max(0, s.active + step)) };
    }),
  activeHit: () => get().answer?.result.hits[get().active],
  setOpened: (opened) => set({ opened }),
}));
