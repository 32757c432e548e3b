import { useLive } from './live';
import { localIsoDate } from '../../shared/domain/dates';
import type { CaseInput, NewCaseInput } from '../../shared/domain/case.schema';
import type { Loose } from '../../shared/domain/validation';
import { useRepos } from '../app/session';
import { useDeviceId } from './device';
import { requireActor, useActor } from './members';

/** All cases; undefined while loading. */
export function useCases() {
  const repos = useRepos();
  return useLive(() => repos.cases.list(), []);
}

/** One case; undefined while loading, null when there is no such case. */
export function useCase(caseId: string) {
  const repos = useRepos();
  return useLive(async () => (await repos.cases.get(caseId)) ?? null, [caseId]);
}

export function useCreateCase() {
  const repos = useRepos();
  const deviceId = useDeviceId();
  return (input: Loose<NewCaseInput>) =>
    repos.cases.create(input, deviceId, localIsoDate(new Date()));
}

export function useCaseMutations(caseId: string) {
  const repos = useRepos();
  const actor = useActor(caseId);
  return {
    canWrite: actor !== undefined,
    update: (patch: Loose<CaseInput>) =>
      repos.cases.update(caseId, patch, requireActor(actor), localIsoDate(new Date())),
    setArchived: (archived: boolean) =>
      repos.cases.setArchived(caseId, archived, requireActor(actor)),
  };
}
