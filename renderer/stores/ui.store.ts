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
  /** 问题与线索's tab: a clue just made elsewhere opens on 问题线索. */
  findingsTab: 'findings' | 'clues';
  dialog: Dialog;
  /** What the search box of the open case holds; non-empty shows results instead of a section. */
  search: string;
  /** Another window opened the database with a newer version of the app: this one stopped. */
  newerVersionElsewhere: boolean;
  setNewerVersionElsewhere: () => void;
  /** A snapshot that should have been kept was not (a full disk): said until dismissed. */
  snapshotProblem: string;
  setSnapshotProblem: (text: string) => void;
  setSearch: (search: string) => void;
  setCaseListTab: (tab: UiState['caseListTab']) => void;
  setFindingsTab: (tab: UiState['findingsTab']) => void;
  openDialog: (dialog: Dialog) => void;
  closeDialog: () => void;
}

export const useUi = create<UiState>()((set) => ({
  caseListTab: 'active',
  findingsTab: 'findings',
  dialog: { kind: 'none' },
  search: '',
  newerVersionElsewhere: false,
  setNewerVersionElsewhere: () => set({ newerVersionElsewhere: true }),
  snapshotProblem: '',
  setSnapshotProblem: (snapshotProblem) => set({ snapshotProblem }),
  setSearch: (search) => set({ search }),
  setCaseListTab: (caseListTab) => set({ caseListTab }),
  setFindingsTab: (findingsTab) => set({ findingsTab }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: { kind: 'none' } }),
}));
