/**
 * `workbench unpack`: a package as plain files an archive keeps or an auditor reads without the
 * app: the manifest, one JSON file per table and the revisions (indented), the files by SHA-256
 * as the package holds them, and a copy of each attachment under its own name in `附件/`.
 * Never overwrites: a file already there stops the command.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Manifest } from '../../shared/package/manifest';
import {
  AUDIT,
  fileEntry,
  tableEntry,
  REVISIONS,
  type CaseContents,
} from '../../shared/package/contents';
import type { RecordTable } from '../../shared/domain/tables';
import { Usage } from './usage';

export async function writeUnpacked(out: string, manifest: Manifest, contents: CaseContents) {
  /** Streamed, so a large file never sits in memory whole. */
  const write = async (name: string, data: string | Blob) => {
    const target = path.join(out, name);
    mkdirSync(path.dirname(target), { recursive: true });
    const from =
      typeof data === 'string'
        ? Readable.from([data])
        : Readable.fromWeb(data.stream() as NodeReadableStream<Uint8Array>);
    try {
      await pipeline(from, createWriteStream(target, { flags: 'wx' }));
    } catch {
      throw new Usage(`${target} 已存在或不可写，未覆盖：请换一个目录`);
    }
  };
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  await write('manifest.json', json(manifest));
  const byTable = new Map<RecordTable, object[]>();
  for (const { table, row } of contents.rows) {
    byTable.set(table, [...(byTable.get(table) ?? []), row]);
  }
  for (const [table, rows] of byTable) await write(tableEntry(table), json(rows));
  await write(REVISIONS, json(contents.revisions));
  if (contents.audit?.length) await write(AUDIT, json(contents.audit));
  const bytes = new Map(contents.files.map((f) => [f.sha256, f.blob]));
  for (const [sha256, data] of bytes) await write(fileEntry(sha256), data);
  // Each attachment once more under its own name (made safe), for people.
  const used = new Set<string>();
  for (const row of byTable.get('attachments') ?? []) {
    const a = row as { name: string; sha256: string };
    const data = bytes.get(a.sha256);
    if (!data) continue;
    let name = a.name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').replace(/^\.+/, '_');
    if (used.has(name)) name = `${a.sha256.slice(0, 8)}_${name}`;
    used.add(name);
    await write(path.join('附件', name), data);
  }
  return { tables: byTable.size, files: bytes.size };
}
