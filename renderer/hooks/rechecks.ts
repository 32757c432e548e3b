import type { RecheckRecord } from '../../shared/domain/ledger/recheck.schema';
import { useRepos } from '../app/session';
import { useLive } from './live';
import { requireActor, useActor } from './members';

/** The 回头看's 复核 rows this member may read; undefined while loading. */
export function useRechecks(caseId: string): RecheckRecord[] | undefined {
  const repos = useRepos();
  const actor = useActor(caseId);
  return useLive(
    async () => (actor ? repos.rechecks.list(caseId, actor) : []),
    [caseId, actor?.memberId],
  );
}

export function useRecheckActions(caseId: string) {
  const repos = useRepos();
  const actor = useActor(caseId);
  const who = () => requireActor(actor);
  return {
    actor,
    start: (priorCaseId: string) => repos.rechecks.start(caseId, priorCaseId, who()),
    toFinding: (id: string) => repos.rechecks.toFinding(id, who()),
  };
}
