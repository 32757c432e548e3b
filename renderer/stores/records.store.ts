/** UI state of the record lists: filters, sort and recycle-bin view per kind. */
import { create } from 'zustand';
import type { RecordKind } from '../../shared/domain/records';
import type { RecordFilter, SortKey } from '../../shared/domain/records/filter';

export interface ListView {
  readonly filter: RecordFilter;
  readonly sort: SortKey;
  readonly direction: 'ascend' | 'descend';
  readonly bin: boolean;
}

const initial: ListView = { filter: {}, sort: 'date', direction: 'descend', bin: false };

interface RecordListsState {
  views: Partial<Record<RecordKind, ListView>>;
  update: (kind: RecordKind, patch: Partial<ListView>) => void;
}

export const useRecordLists = create<RecordListsState>()((set) => ({
  views: {},
  update: (kind, patch) =>
    set((s) => ({ views: { ...s.views, [kind]: { ...(s.views[kind] ?? initial), ...patch } } })),
}));

export function useListView(kind: RecordKind): [ListView, (patch: Partial<ListView>) => void] {
  const view = useRecordLists((s) => s.views[kind]) ?? initial;
  const update = useRecordLists((s) => s.update);
  return [view, (patch) => update(kind, patch)];
}
