import type { DemoStage } from '../db';
import { useRepos } from '../app/session';
import { forgetEdits } from './autosave';
import { useDeviceId } from './device';
import { useLive } from './live';

/** The case this laptop loaded as the 示例巡察任务; null when none, undefined while loading. */
export function useDemoCaseId(): string | null | undefined {
  const repos = useRepos();
  return useLive(async () => (await repos.demo.current()) ?? null, []);
}

/** Load the 示例巡察任务 on this laptop (its 组长 becomes the current member), or remove it. */
export function useDemoCase() {
  const repos = useRepos();
  const deviceId = useDeviceId();
  return {
    load: (onStage?: (stage: DemoStage) => void) => repos.demo.load(deviceId, onStage),
    remove: async (caseId: string) => {
      const removed = await repos.demo.remove(caseId);
      // Notes of unsaved typing also live outside the database (localStorage).
      for (const { table, id } of removed.records) forgetEdits(repos, table, id);
      return removed;
    },
  };
}
