import { useMemo } from 'react';
import type { LedgerItemRecord, TaskRecord } from '../../shared/domain/ledger/task.schema';
import type { FindingRecord } from '../../shared/domain/findings/finding.schema';
import type { SignOff } from '../../shared/domain/ledger/task.schema';
import { useRepos } from '../app/session';
import { useLive } from './live';
import { requireActor, useActor } from './members';

export interface Ledger {
  readonly items: readonly LedgerItemRecord[];
  readonly tasks: readonly TaskRecord[];
  /** The finding of each item, to say when one was merged or withdrawn since. */
  readonly findings: ReadonlyMap<string, FindingRecord>;
}

/** The case's ledger as stored; undefined while loading. */
export function useLedger(caseId: string): Ledger | undefined {
  const repos = useRepos();
  const items = useLive(() => repos.ledger.items(caseId), [caseId]);
  const tasks = useLive(() => repos.ledger.tasks(caseId), [caseId]);
  const findings = useLive(() => repos.ledger.findings(caseId), [caseId]);
  return useMemo(
    () =>
      items && tasks && findings
        ? { items, tasks, findings: new Map(findings.map((f) => [f.id, f])) }
        : undefined,
    [items, tasks, findings],
  );
}

export function useLedgerActions(caseId: string) {
  const repos = useRepos();
  const actor = useActor(caseId);
  const who = () => requireActor(actor);
  return {
    canWrite: actor !== undefined,
    open: () => repos.ledger.open(caseId, who()),
    addTask: (itemId: string) => repos.ledger.addTask(itemId, who()),
    close: (taskId: string, sign: Partial<SignOff>) => repos.ledger.close(taskId, sign, who()),
    reopen: (taskId: string, reason: string) => repos.ledger.reopen(taskId, reason, who()),
    removeTask: (taskId: string) => repos.ledger.removeTask(taskId, who()),
    applyImport: (accepted: readonly { taskId: string; field: string; to: string | number }[]) =>
      repos.ledger.applyImport(accepted, who()),
  };
}
