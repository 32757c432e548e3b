/**
 * `workbench unpack`: a package as plain files an archive keeps or an auditor reads without the
 * app: the manifest, one JSON file per table and the revisions (indented), the files by SHA-256
 * as the package holds them, and a copy of each attachment under its own name in `附件/`.
 * Never overwrites: a file already there stops the command.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Manifest } from '../../shared/package/manifest';
import { fileEntry, tableEntry, REVISIONS, type CaseContents } from '../../shared/package/contents';
import type { RecordTable } from '../../shared/domain/tables';
import { Usage } from './usage';

export function writeUnpacked(out: string, manifest: Manifest, contents: CaseContents) {
  const write = (name: string, data: string | Uint8Array) => {
    const target = path.join(out, name);
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      writeFileSync(target, data, { flag: 'wx' });
    } catch {
      throw new Usage(`${target} 已存在或不可写，未覆盖：请换一个目录`);
    }
  };
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  write('manifest.json', json(manifest));
  const byTable = new Map<RecordTable, object[]>();
  for (const { table, row } of contents.rows) {
    byTable.set(table, [...(byTable.get(table) ?? []), row]);
  }
  for (const [table, rows] of byTable) write(tableEntry(table), json(rows));
  write(REVISIONS, json(contents.revisions));
  const bytes = new Map(contents.files.map((f) => [f.sha256, f.bytes]));
  for (const [sha256, data] of bytes) write(fileEntry(sha256), data);
  // Each attachment once more under its own name (made safe), for people.
  const used = new Set<string>();
  for (const row of byTable.get('attachments') ?? []) {
    const a = row as { name: string; sha256: string };
    const data = bytes.get(a.sha256);
    if (!data) continue;
    let name = a.name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').replace(/^\.+/, '_');
    if (used.has(name)) name = `${a.sha256.slice(0, 8)}_${name}`;
    used.add(name);
    write(path.join('附件', name), data);
  }
  return { tables: byTable.size, files: bytes.size };
}
