import { useLive } from './live';
import type { EvidenceRef } from '../../shared/domain/findings/finding.schema';
import type { ReviewAction } from '../../shared/domain/findings/review';
import type { ClueFields } from '../../shared/domain/findings/clue.schema';
import { useRepos } from '../app/session';
import { navigate } from '../app/route';
import { requireActor, useActor, useCurrentMember } from './members';

/** Live findings in report order; undefined while loading. */
export function useFindings(caseId: string) {
  const repos = useRepos();
  return useLive(() => repos.findings.list(caseId), [caseId]);
}

/** Every live finding, merged ones included: the report page says why each is in or out. */
export function useReportFindings(caseId: string) {
  const repos = useRepos();
  return useLive(() => repos.findings.forReport(caseId), [caseId]);
}

/** Findings merged into others, each with the finding that absorbed it. */
export function useMergedFindings(caseId: string) {
  const repos = useRepos();
  return useLive(() => repos.findings.merged(caseId), [caseId]);
}

export function useFinding(id: string) {
  const repos = useRepos();
  return useLive(async () => (await repos.findings.get(id)) ?? null, [id]);
}

/** Findings that cite a record (shown on the record). */
export function useCiting(caseId: string, recordId: string) {
  const repos = useRepos();
  return useLive(() => repos.findings.citing(caseId, recordId), [caseId, recordId]);
}

/** Every list row of the case, live or deleted: evidence shows titles and "已删除" from these. */
export function useAllSummaries(caseId: string) {
  const repos = useRepos();
  return useLive(() => repos.records.allSummaries(caseId), [caseId]);
}

/** Every attachment of the case (metadata; Blobs are read only when shown). */
export function useCaseAttachments(caseId: string) {
  const repos = useRepos();
  return useLive(() => repos.attachments.ofCase(caseId), [caseId]);
}

/** The overview's figures as this laptop's member may see them (clues: only readable ones). */
export function useStats(caseId: string) {
  const repos = useRepos();
  const actor = useActor(caseId);
  return useLive(
    async () => (actor ? repos.stats.ofCase(caseId, actor) : undefined),
    [caseId, actor?.memberId, actor?.deviceId],
  );
}

export function useIsLeader(caseId: string): boolean {
  return useCurrentMember(caseId)?.role === 'leader';
}

export function useFindingActions(caseId: string) {
  const repos = useRepos();
  const actor = useActor(caseId);
  const who = () => requireActor(actor);
  return {
    canWrite: actor !== undefined,
    /** A new finding from a passage (or empty), opened at once. */
    create: async (init: { title?: string; evidence?: EvidenceRef[] } = {}) => {
      const finding = await repos.findings.create(caseId, who(), init);
      navigate({ page: 'case', caseId, section: 'findings', recordId: finding.id });
      return finding;
    },
    patch: (id: string, patch: Record<string, unknown>) => repos.findings.patch(id, patch, who()),
    addEvidence: (id: string, refs: EvidenceRef[]) => repos.findings.addEvidence(id, refs, who()),
    removeEvidence: (id: string, ref: EvidenceRef) => repos.findings.removeEvidence(id, ref, who()),
    review: (id: string, action: Exclude<ReviewAction, 'merge'>, comment = '') =>
      repos.findings.review(id, action, who(), comment),
    merge: (keptId: string, absorbedId: string) => repos.findings.merge(keptId, absorbedId, who()),
    /** Moves a finding to `index` among its heading's findings (`groupIds`, as shown). */
    move: (id: string, groupIds: string[], index: number) =>
      repos.findings.move(id, groupIds, index, who()),
    remove: (id: string) => repos.findings.remove(id, who()),
  };
}

/** The clues this laptop's member may see (the repository decides, not the screen). */
export function useClues(caseId: string) {
  const repos = useRepos();
  const actor = useActor(caseId);
  return useLive(
    async () => (actor ? repos.clues.list(caseId, actor) : []),
    [caseId, actor?.memberId, actor?.deviceId],
  );
}

export function useClueActions(caseId: string) {
  const repos = useRepos();
  const actor = useActor(caseId);
  const who = () => requireActor(actor);
  return {
    canWrite: actor !== undefined,
    create: (init: Partial<ClueFields> = {}) => repos.clues.create(caseId, who(), init),
    patch: (id: string, patch: Record<string, unknown>) => repos.clues.patch(id, patch, who()),
    remove: (id: string) => repos.clues.remove(id, who()),
  };
}
