/**
 * The merge benchmark's page (npm run bench -- merge): three members' packages applied to the
 * 组长's database through the app's own path (repos.packages.apply: checks, merge, revisions,
 * list rows, the 组长's rules, one strict transaction each), against a bare Dexie bulkPut of
 * the same rows into the same schema. Both in Chromium's real IndexedDB.
 */
import { WorkbenchDB } from '../../../renderer/db/database';
import { repositories } from '../../../renderer/db/repositories';
import { generateDemoCase, DEMO_SCALES } from '../../../shared/demo/generate';
import { filesNamedBy, type CaseContents } from '../../../shared/package/contents';
import type { Manifest } from '../../../shared/package/manifest';
import { SCHEMA_VERSION } from '../../../shared/domain/schemaVersion';

export interface MergeRequest {
  readonly records: number;
}

export interface MergeResult {
  readonly records: number;
  readonly revisions: number;
  readonly generateMs: number;
  readonly mergeMs: number;
  readonly bulkPutMs: number;
  readonly stored: number;
}

declare global {
  interface Window {
    benchMerge(request: MergeRequest): Promise<MergeResult>;
  }
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

window.benchMerge = async ({ records }) => {
  const large = DEMO_SCALES.large;
  const total = Object.values(large).reduce((n, c) => n + c, 0);
  const counts = Object.fromEntries(
    Object.entries(large).map(([k, n]) => [k, Math.max(1, Math.round((n * records) / total))]),
  ) as typeof large;
  let t = performance.now();
  const demo = await generateDemoCase({ scale: counts, sha256 });
  const generateMs = performance.now() - t;

  // Three members' packages: the case and team in each, every other record in the package of
  // one of three members (by who wrote it), with its revisions and files.
  const team = new Set(
    demo.rows.filter((r) => r.table === 'cases' || r.table === 'members').map((r) => r.row.id),
  );
  const authors = [...new Set(demo.rows.map((r) => r.row.createdBy))];
  const packages: { manifest: Manifest; contents: CaseContents }[] = [0, 1, 2].map((i) => {
    const rows = demo.rows.filter(
      (r) => team.has(r.row.id) || authors.indexOf(r.row.createdBy) % 3 === i,
    );
    const ids = new Set(rows.map((r) => r.row.id));
    const files = filesNamedBy(rows);
    const member = demo.members[i + 1]!;
    return {
      manifest: {
        format: 1,
        schemaVersion: SCHEMA_VERSION,
        kind: 'member',
        caseId: demo.caseId,
        exportedBy: { memberId: member.id, deviceId: member.deviceId },
        forMember: demo.leaderId,
        createdAt: new Date().toISOString(),
        counts: {},
        entries: {},
      },
      contents: {
        rows,
        revisions: demo.revisions.filter((r) => ids.has(r.recordId)),
        files: demo.blobs
          .filter((b) => files.has(b.sha256))
          .map(({ sha256, mime, bytes }) => ({
            sha256,
            mime,
            blob: new Blob([bytes], { type: mime }),
          })),
      },
    };
  });

  const leader = new WorkbenchDB(`bench-merge-${Date.now()}`);
  const repos = repositories(leader);
  await repos.open();
  t = performance.now();
  let stored = 0;
  for (const p of packages) stored += (await repos.packages.apply(p.manifest, p.contents)).stored;
  const mergeMs = performance.now() - t;
  leader.close();

  // The baseline: the same rows, revisions and files, bulk-put into the same schema.
  const bare = new WorkbenchDB(`bench-bulkput-${Date.now()}`);
  await bare.open();
  t = performance.now();
  for (const p of packages) {
    await bare.transaction('rw', bare.tables, async () => {
      const byTable = new Map<string, object[]>();
      for (const { table, row } of p.contents.rows) {
        byTable.set(table, [...(byTable.get(table) ?? []), row]);
      }
      for (const [table, rows] of byTable) await bare.table(table).bulkPut(rows);
      await bare.revisions.bulkPut([...p.contents.revisions]);
      await bare.blobs.bulkPut(
        p.contents.files.map((f) => ({ sha256: f.sha256, size: f.blob.size, blob: f.blob })),
      );
    });
  }
  const bulkPutMs = performance.now() - t;
  bare.close();
  return {
    records: demo.rows.length,
    revisions: demo.revisions.length,
    generateMs,
    mergeMs,
    bulkPutMs,
    stored,
  };
};
