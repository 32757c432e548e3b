/**
 * What a case package holds, as entries of its ZIP (docs/package-format.md):
 *
 * - `tables/<table>.json`: the rows of one travelling record table, as stored (tombstones,
 *   version vectors, per-field dots), without this laptop's change sequence;
 * - `revisions.json`: the writes that belong to those rows;
 * - `audit.json`: audit log entries (only in packages for the 组长; absent when there are none);
 * - `files/<sha256>`: the bytes of every file the rows name, once each.
 *
 * Reading checks every row against its table's schema and the manifest's case: a package that
 * passes its hashes but carries a malformed or foreign row is refused as a whole.
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { strFromU8 } from 'fflate';
import type { Stored } from '../domain/record';
import type { Revision } from '../domain/revision';
import { checkRecordRow, isRecordTable, parseRevision, type RecordTable } from '../domain/tables';
import { parseAuditEntry, type AuditEntry } from '../domain/audit.schema';
import { ValidationError } from '../domain/validation';
import type { Manifest } from './manifest';
import { upgradeRow } from '../domain/migrations/v6';
import { PackageError } from './problems';
import { openedChunks } from '../rest/blobChunks';
import type { PackageEntry, StagedPackage } from './seal';

export const REVISIONS = 'revisions.json';
export const AUDIT = 'audit.json';
const TABLE = /^tables\/([A-Za-z]+)\.json$/;
const FILE = /^files\/([0-9a-f]{64})$/;
export const tableEntry = (table: RecordTable) => `tables/${table}.json`;
export const fileEntry = (sha256: string) => `files/${sha256}`;

export interface PackedFile {
  readonly sha256: string;
  readonly mime: string;
  /** On disk where it can be: a file in the database, a slice of a staged package. */
  readonly blob: Blob;
  /**
   * Set when `blob` holds the bytes as this laptop stores them, sealed (shared/rest/
   * blobChunks.ts): the key that opens them, chunk by chunk, as the package is written.
   */
  readonly sealedWith?: Uint8Array;
  /** The bytes' CRC-32, taken when they were stored; absent for files stored before. */
  readonly crc32?: number;
}

/** The rows, writes and files a package carries. Rows have no `seq`: that is local. */
export interface CaseContents {
  readonly rows: readonly { readonly table: RecordTable; readonly row: Stored<object> }[];
  readonly revisions: readonly Revision[];
  readonly files: readonly PackedFile[];
  /** Audit log entries: for the 组长 only (none in other packages). */
  readonly audit?: readonly AuditEntry[];
}

/**
 * The files the attachment rows among `rows` name (each file and its thumbnail) and the rows of
 * 数据比对 lists, by SHA-256,
 * with their type: what a package must carry for them.
 */
export function filesNamedBy(
  rows: readonly { readonly table: RecordTable; readonly row: object }[],
): Map<string, string> {
  const files = new Map<string, string>();
  for (const { table, row } of rows) {
    // A 数据比对 list's rows travel as files too.
    if (table === 'compareLists') {
      for (const part of (row as { parts: { sha256: string }[] }).parts) {
        files.set(part.sha256, 'application/x-ndjson');
      }
    }
    if (table !== 'attachments') continue;
    const a = row as { sha256: string; thumbSha256: string; mime: string };
    files.set(a.sha256, a.mime);
    if (a.thumbSha256) files.set(a.thumbSha256, 'image/jpeg');
  }
  return files;
}

/** Files that are compressed already: deflating them again costs time and saves nothing. */
function alreadyCompressed(mime: string): boolean {
  return /^(image\/(jpeg|png|gif|webp|heic)|video\/|audio\/|application\/(zip|pdf|x-7z))/.test(
    mime,
  );
}

const withoutSeq = <T extends { seq?: number }>({ seq: _local, ...rest }: T) => rest;

/** The ZIP entries of `contents`, and the per-table counts for the manifest. */
export async function packContents(contents: CaseContents): Promise<{
  entries: Map<string, PackageEntry>;
  counts: Record<string, number>;
}> {
  const byTable = new Map<RecordTable, object[]>();
  for (const { table, row } of contents.rows) {
    const rows = byTable.get(table) ?? [];
    byTable.set(table, rows);
    rows.push(withoutSeq(row));
  }
  const json = (value: unknown): PackageEntry => ({
    bytes: utf8ToBytes(JSON.stringify(value)),
    store: false,
  });
  const entries = new Map<string, PackageEntry>();
  const counts: Record<string, number> = {};
  for (const [table, rows] of byTable) {
    entries.set(tableEntry(table), json(rows));
    counts[table] = rows.length;
  }
  entries.set(REVISIONS, json(contents.revisions.map(withoutSeq)));
  counts.revisions = contents.revisions.length;
  if (contents.audit && contents.audit.length > 0) {
    entries.set(AUDIT, json(contents.audit.map(withoutSeq)));
    counts.audit = contents.audit.length;
  }
  for (const file of contents.files) {
    entries.set(fileEntry(file.sha256), {
      data: file.sealedWith
        ? await openedChunks(file.sealedWith, file.blob, file.sha256)
        : file.blob,
      sha256: file.sha256,
      store: alreadyCompressed(file.mime),
      ...(file.crc32 === undefined ? {} : { crc32: file.crc32 }),
    });
  }
  counts.files = contents.files.length;
  return { entries, counts };
}

/**
 * The contents of an opened package, every row checked. Throws PackageError('badRecord') naming
 * the first problem: an unknown entry, JSON that does not parse, a row that fails its schema or
 * belongs to another case, a file whose name is not its hash.
 */
export async function unpackContents(staged: StagedPackage): Promise<CaseContents> {
  const { manifest, entries } = staged;
  const rows: { table: RecordTable; row: Stored<object> }[] = [];
  const files: PackedFile[] = [];
  let revisions: Revision[] = [];
  let audit: AuditEntry[] = [];
  for (const [name, entry] of entries) {
    const table = TABLE.exec(name)?.[1];
    const file = FILE.exec(name)?.[1];
    if (table !== undefined) {
      if (!isRecordTable(table)) throw bad(`${name}: not a table this app knows`);
      for (const stored of parseArray(name, await entry.bytes())) {
        const row = upgradeRow(manifest.schemaVersion, table, stored as Record<string, unknown>);
        checked(name, () => checkRecordRow(table, row));
        rows.push({ table, row: sameCase(manifest, name, row) as Stored<object> });
      }
    } else if (name === REVISIONS) {
      revisions = parseArray(name, await entry.bytes()).map((r) =>
        sameCase(
          manifest,
          name,
          checked(name, () => parseRevision(r)),
        ),
      );
    } else if (name === AUDIT) {
      audit = parseArray(name, await entry.bytes()).map((e) =>
        sameCase(
          manifest,
          name,
          checked(name, () => parseAuditEntry(e)),
        ),
      );
    } else if (file !== undefined) {
      // The manifest's hash of this entry was checked against its bytes when it was opened.
      if (manifest.entries[name]?.sha256 !== file) throw bad(`${name}: named for other bytes`);
      files.push({ sha256: file, mime: '', blob: await entry.blob() });
    } else {
      throw bad(`${name}: not an entry of a case package`);
    }
  }
  const mimes = filesNamedBy(rows);
  return {
    rows,
    revisions,
    audit,
    files: files.map((f) => {
      const mime = mimes.get(f.sha256) ?? '';
      return { ...f, mime, blob: f.blob.slice(0, f.blob.size, mime) };
    }),
  };
}

function bad(detail: string): PackageError {
  return new PackageError('badRecord', detail);
}

function parseArray(name: string, bytes: Uint8Array): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(strFromU8(bytes));
  } catch {
    throw bad(`${name}: not JSON`);
  }
  if (!Array.isArray(value)) throw bad(`${name}: not a list`);
  return value;
}

function checked<T>(name: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ValidationError) {
      throw bad(`${name}: ${Object.values(error.fieldErrors).join('; ')}`);
    }
    throw error;
  }
}

function sameCase<T>(manifest: Manifest, name: string, row: T): T {
  if ((row as { caseId?: unknown }).caseId !== manifest.caseId) {
    throw bad(`${name}: a row of another case`);
  }
  return row;
}
