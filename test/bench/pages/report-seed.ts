/**
 * The report benchmark's seeding page (npm run bench -- report). Served on the app's own origin,
 * so the rows land in the app's IndexedDB: the case of reportCase.ts, bulk-put as demoRows gives
 * it (the rows loading it through the app would store; a unit test holds the two equal).
 */
import { WorkbenchDB } from '../../../renderer/db/database';
import { repositories } from '../../../renderer/db/repositories';
import { demoRows } from '../../../shared/demo';
import { TABLES, type TableName } from '../../../shared/domain/tables';
import { reportCase } from '../reportCase';

declare global {
  interface Window {
    benchSeedReport(today: string): Promise<{ caseId: string }>;
  }
}

const sha256 = async (bytes: Uint8Array) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

window.benchSeedReport = async (today) => {
  const db = new WorkbenchDB();
  const repos = repositories(db);
  await repos.open();
  const leaderDeviceId = await repos.settings.deviceId();
  const demo = await reportCase({ today, leaderDeviceId, sha256 });
  const rows = demoRows(demo, {
    firstSeq: (await repos.sync.currentSeq()) + 1,
    toBlob: (bytes, type) => new Blob([bytes], { type }),
  });
  await db.transaction('rw', Object.keys(TABLES), async () => {
    for (const name of Object.keys(TABLES) as TableName[]) {
      await db.table(name).bulkPut([...rows[name]]);
    }
  });
  db.close();
  return { caseId: demo.caseId };
};
