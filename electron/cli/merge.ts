/**
 * `workbench merge`: several packages of one case made one, by the app's own merge
 * (shared/domain/merge.ts): every record merged by version vector, every revision and file
 * kept once. For a 组长 collecting sticks on a machine without the app, or for an archive.
 * The team rules a laptop checks on import (who may make a 组长 or confirm a finding) are
 * checked again by the app that imports the result.
 */
import { mergeRecords } from '../../shared/domain/merge';
import type { Stored } from '../../shared/domain/record';
import type { Revision } from '../../shared/domain/revision';
import type { AuditEntry } from '../../shared/domain/audit.schema';
import { SCHEMA_VERSION } from '../../shared/domain/schemaVersion';
import { collectionsOf, type RecordTable } from '../../shared/domain/tables';
import {
  packContents,
  unpackContents,
  type CaseContents,
  type PackedFile,
} from '../../shared/package/contents';
import { sealStream, type StagedPackage } from '../../shared/package/seal';
import { Usage } from './usage';

export async function mergePackages(opened: readonly StagedPackage[], recipients: string[]) {
  const first = opened[0]!.manifest;
  const rows = new Map<string, { table: RecordTable; row: Stored<object> }>();
  const revisions = new Map<string, Revision>();
  const files = new Map<string, PackedFile>();
  const audit = new Map<string, AuditEntry>();
  let conflicts = 0;
  for (const pkg of opened) {
    if (pkg.manifest.caseId !== first.caseId) {
      throw new Usage('这些数据包不属于同一个巡察任务，不能合并');
    }
    const contents = await unpackContents(pkg);
    for (const { table, row } of contents.rows) {
      const key = `${table}/${row.id}`;
      const had = rows.get(key);
      if (!had) {
        rows.set(key, { table, row });
        continue;
      }
      const merged = mergeRecords(had.row, row, collectionsOf(table));
      conflicts += merged.conflicts.length;
      rows.set(key, { table, row: merged.record });
    }
    for (const r of contents.revisions) if (!revisions.has(r.id)) revisions.set(r.id, r);
    for (const f of contents.files) if (!files.has(f.sha256)) files.set(f.sha256, f);
    for (const e of contents.audit ?? []) if (!audit.has(e.id)) audit.set(e.id, e);
  }
  const contents: CaseContents = {
    rows: [...rows.values()],
    revisions: [...revisions.values()],
    files: [...files.values()],
    audit: [...audit.values()],
  };
  const { entries, counts } = await packContents(contents);
  const { stream: file } = await sealStream(
    {
      schemaVersion: SCHEMA_VERSION,
      kind: first.kind,
      caseId: first.caseId,
      exportedBy: first.exportedBy,
      forMember: first.forMember,
      createdAt: new Date().toISOString(),
      counts,
    },
    entries,
    { recipients },
  );
  const summary = `${rows.size} 条记录，${revisions.size} 条修改历史，${files.size} 个文件，${conflicts} 处冲突（两个版本均保留）`;
  return { file, summary };
}
