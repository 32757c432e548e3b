import { useLiveQuery } from 'dexie-react-hooks';
import { versionsOf, type Version } from '../../shared/domain/records/history';
import { repos } from '../db';

export interface History {
  /** Newest first, as the history list shows them. */
  readonly versions: readonly Version[];
  /** Member id → name, for everyone who was ever on the team (removed members included). */
  readonly names: ReadonlyMap<string, string>;
}

/** Every version of one record and the names of who wrote them; undefined while loading. */
export function useHistory(caseId: string, recordId: string): History | undefined {
  return useLiveQuery(async () => {
    const [revisions, people] = await Promise.all([
      repos.records.history(recordId),
      repos.members.everyone(caseId),
    ]);
    return {
      versions: versionsOf(revisions).reverse(),
      names: new Map(people.map((p) => [p.id, p.name])),
    };
  }, [caseId, recordId]);
}
