import { useLive } from './live';
import { localIsoDate } from '../../shared/domain/dates';
import { sameValue } from '../../shared/domain/record';
import type { RecordKind } from '../../shared/domain/records';
import { useRepos } from '../app/session';
import { navigate } from '../app/route';
import { requireActor, useActor } from './members';

/** List rows of one kind (live, or in the recycle bin); undefined while loading. */
export function useSummaries(caseId: string, kind: RecordKind, state: 'live' | 'deleted') {
  const repos = useRepos();
  return useLive(() => repos.records.summaries(caseId, kind, state), [caseId, kind, state]);
}

/** Live records per kind, for the navigation. */
export function useRecordCounts(caseId: string) {
  const repos = useRepos();
  // Read again after every save, mostly unchanged: the same object then (the menu is memoised).
  return useLive(() => repos.records.counts(caseId), [caseId], sameValue);
}

export function useRecordActions(caseId: string, kind: RecordKind) {
  const repos = useRepos();
  const actor = useActor(caseId);
  return {
    canWrite: actor !== undefined,
    /** Creates a blank record and opens it. */
    create: async () => {
      const record = await repos.records.create(
        kind,
        caseId,
        requireActor(actor),
        localIsoDate(new Date()),
      );
      navigate({ page: 'case', caseId, section: kind, recordId: record.id });
    },
    remove: (id: string) => repos.records.remove(kind, id, requireActor(actor)),
    restore: (id: string) => repos.records.restore(kind, id, requireActor(actor)),
  };
}
