/**
 * UI state only: which tab, which dialog. Stored data lives in IndexedDB and is read through
 * live queries, never copied here.
 */
import { create } from 'zustand';

type Dialog =
  | { kind: 'none' }
  | { kind: 'newCase' }
  | { kind: 'editCase'; caseId: string }
  | { kind: 'newMember' }
  | { kind: 'editMember'; memberId: string };

interface UiState {
  caseListTab: 'active' | 'archived';
  dialog: Dialog;
  /** What the search box of the open case holds; non-empty shows results instead of a section. */
  search: string;
  /** Another window opened the database with a newer version of the app: this one stopped. */
  newerVersionElsewhere: boolean;
  setNewerVersionElsewhere: () => void;
  setSearch: (search: string) => void;
  setCaseListTab: (tab: UiState['caseListTab']) => void;
  openDialog: (dialog: Dialog) => void;
  closeDialog: () => void;
}

export const useUi = create<UiState>()((set) => ({
  caseListTab: 'active',
  dialog: { kind: 'none' },
  search: '',
  newerVersionElsewhere: false,
  setNewerVersionElsewhere: () => set({ newerVersionElsewhere: true }),
  setSearch: (search) => set({ search }),
  setCaseListTab: (caseListTab) => set({ caseListTab }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: { kind: 'none' } }),
}));
