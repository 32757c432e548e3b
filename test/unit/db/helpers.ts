import { WorkbenchDB } from '../../../renderer/db/database';
import { repositories } from '../../../renderer/db/repositories';

let n = 0;

/** A new, empty database with the app's repositories over it. */
export async function freshRepos() {
  const db = new WorkbenchDB(`test-${Date.now()}-${n++}`);
  const repos = repositories(db);
  await repos.open();
  const deviceId = await repos.settings.deviceId();
  return { db, repos, deviceId };
}

/** Every row of every table: to prove that a refused write changed nothing at all. */
export async function snapshot(db: WorkbenchDB) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

export const newCase = {
  unitName: '某县教育局党组',
  teamName: '县委第二巡察组',
  round: '十五届县委第三轮',
  type: 'regular' as const,
  startDate: '2026-11-01',
  endDate: '2026-12-31',
  creatorName: '张三',
};
