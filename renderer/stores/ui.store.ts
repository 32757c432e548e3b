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
  setCaseListTab: (tab: UiState['caseListTab']) => void;
  openDialog: (dialog: Dialog) => void;
  closeDialog: () => void;
}

export const useUi = create<UiState>()((set) => ({
  caseListTab: 'active',
  dialog: { kind: 'none' },
  setCaseListTab: (caseListTab) => set({ caseListTab }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: { kind: 'none' } }),
}));
