import { useLive } from './live';
import { versionsOf, type Version } from '../../shared/domain/records/history';
import type { RecordTable } from '../../shared/domain/tables';
import { useRepos } from '../app/session';
import { useActor } from './members';

export interface History {
  /** Newest first, as the history list shows them. */
  readonly versions: readonly Version[];
  /** Member id → name, for everyone who was ever on the team (removed members included). */
  readonly names: ReadonlyMap<string, string>;
}

/**
 * Every version of one record and the names of who wrote them; undefined while loading. Read
 * through the repository's read rules: a clue's history only for who may read the clue.
 */
export function useHistory(
  caseId: string,
  table: RecordTable,
  recordId: string,
): History | undefined {
  const repos = useRepos();
  const actor = useActor(caseId);
  return useLive(async () => {
    if (!actor) return { versions: [], names: new Map<string, string>() };
    const [revisions, people] = await Promise.all([
      repos.history.of(table, recordId, actor),
      repos.members.everyone(caseId),
    ]);
    return {
      versions: versionsOf(revisions).reverse(),
      names: new Map(people.map((p) => [p.id, p.name])),
    };
  }, [caseId, table, recordId, actor?.memberId, actor?.deviceId]);
}
