/**
 * Encryption at rest (issue 16): a Dexie middleware, closest to IndexedDB, that seals every row
 * on its way down and opens it on its way up, so repositories and the UI never see a sealed
 * row. What stays readable is what the indexes need (primary key, case id, kind, state, status,
 * local change sequence, times of change); everything else is one sealed JSON field `$`.
 *
 * Keys: a case's rows are sealed with that case's key, so destroying the key erases the case
 * (巡后清退); settings, the autosave journal and file bytes (shared by hash across cases) with
 * this laptop's own key. File bytes are Blobs, which cannot be read inside a transaction: the
 * repositories seal them first (sealBlob), and the middleware refuses any Blob not sealed so.
 *
 * Rows without `$` are plaintext from before encryption: read as they are, and sealed by the
 * pass that runs at unlock (sealExisting.ts). Writes in a schema upgrade pass through
 * unsealed for the same reason (an upgrade cannot wait for keys it does not have), and are
 * sealed by that migration right after.
 */
import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import { open, openText, seal, SEAL_OVERHEAD, sealText, Unreadable } from '../../shared/rest/seal';

export interface Keys {
  /** This laptop's own key: settings, the journal, file bytes. */
  readonly laptop: Uint8Array;
  /** A case's key; undefined when this laptop holds none (not made yet, or erased). */
  forCase(caseId: string): Uint8Array | undefined;
  /**
   * Makes and stores a key for a case that has none. Called before the transaction that writes
   * the case's first rows; resolves at once (waiting on nothing) when the key exists.
   */
  ensure(caseId: string): Promise<void>;
}

/** Tables sealed with the laptop's key; every other table's rows carry a case id. */
const LAPTOP_TABLES: ReadonlySet<string> = new Set(['settings', 'journal', 'blobs']);

/** The case has no key on this laptop: nothing of it can be written or read. */
export class NoCaseKey extends Error {
  constructor(readonly caseId: string) {
    super(`no key for case ${caseId}`);
    this.name = 'NoCaseKey';
  }
}

type Row = Record<string, unknown>;
/** Inside a sealed body: the types of the row's files, which sealed bytes no longer carry. */
const BLOB_TYPES = '$blobTypes';

/** Blobs sealed by sealBlob, the only Blobs the middleware lets through: their files' types. */
const sealedBlobs = new WeakMap<Blob, string>();
/**
 * Blobs of rows the middleware opened (sealed; a plaintext row's are not), with their files'
 * types. Keyed by the Blob, not the row: Dexie may copy rows, never Blobs.
 */
const readBlobs = new WeakMap<Blob, string>();

function clearFields(table: DBCoreTable): string[] {
  const paths = [table.schema.primaryKey, ...table.schema.indexes].flatMap((index) =>
    index.keyPath === null ? [] : index.keyPath,
  );
  return [...new Set(paths)];
}

function rowKey(keys: Keys, table: string, row: Row): Uint8Array {
  if (LAPTOP_TABLES.has(table)) return keys.laptop;
  const caseId = row.caseId;
  if (typeof caseId !== 'string') throw new Error(`a row of ${table} without a case id`);
  const key = keys.forCase(caseId);
  if (!key) throw new NoCaseKey(caseId);
  return key;
}

const context = (table: string, id: unknown) => `${table}/${String(id)}`;

export function sealRow(keys: Keys, table: string, clear: readonly string[], row: Row): Row {
  const out: Row = {};
  const body: Row = {};
  const types: Record<string, string> = {};
  for (const [field, value] of Object.entries(row)) {
    if (clear.includes(field)) out[field] = value;
    else if (value instanceof Blob) {
      const type = sealedBlobs.get(value);
      if (type === undefined) throw new Error(`${table}.${field}: a Blob not sealed`);
      out[field] = value;
      types[field] = type;
    } else body[field] = value;
  }
  if (Object.keys(types).length > 0) body[BLOB_TYPES] = types;
  const id = row[clear[0]!];
  out.$ = sealText(rowKey(keys, table, row), JSON.stringify(body), context(table, id));
  return out;
}

/**
 * Bodies already opened, by table, key, nonce and tag: a sealed value with the same nonce and
 * tag is the same sealed value (a new seal draws a new nonce), so its body is the same. Lists
 * and live queries read the same rows again at every change, and a save reads its record
 * twice; opening costs ~15 µs a row (noble's per-call setup), which for 10,000 list rows was 3×
 * the plain read. Bodies up to CACHE_BODY_BYTES are kept, CACHE_BYTES in all, oldest out first;
 * the cache goes with the database when the app locks. The bodies are frozen, so code that
 * changed a row it read in place would fail loudly, not poison the cache.
 */
export class OpenedRows {
  private readonly rows = new Map<string, { body: Readonly<Row>; size: number }>();
  private size = 0;
  get(id: string): Readonly<Row> | undefined {
    return this.rows.get(id)?.body;
  }
  set(id: string, body: Row, size: number): Readonly<Row> {
    for (const [oldest, entry] of this.rows) {
      if (this.size + size <= CACHE_BYTES) break;
      this.rows.delete(oldest);
      this.size -= entry.size;
    }
    const frozen = deepFreeze(body);
    this.rows.set(id, { body: frozen, size });
    this.size += size;
    return frozen;
  }
}
/** Sealed bytes the cache may stand for in all, and for one body (a long interview is not kept). */
const CACHE_BYTES = 32 * 2 ** 20;
const CACHE_BODY_BYTES = 256 * 1024;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** A seal's nonce and tag: no two different sealed values share them (the tag authenticates). */
const sealIdOf = (sealed: Uint8Array) =>
  String.fromCharCode(...sealed.subarray(1, 25), ...sealed.subarray(sealed.length - 16));

export function openRow(
  keys: Keys,
  table: string,
  clear: readonly string[],
  row: unknown,
  cache?: OpenedRows,
): unknown {
  if (!row || typeof row !== 'object' || !('$' in row)) return row; // plaintext, not migrated yet
  const { $, ...rest } = row as Row;
  const sealed = $ as Uint8Array;
  const id = rest[clear[0]!];
  const cacheKey =
    cache && sealed.length <= CACHE_BODY_BYTES && `${table}/${String(id)}/${sealIdOf(sealed)}`;
  const body =
    (cacheKey && cache.get(cacheKey)) ||
    (() => {
      const opened = JSON.parse(
        openText(rowKey(keys, table, rest), sealed, context(table, id)),
      ) as Row;
      return cacheKey ? cache.set(cacheKey, opened, sealed.length) : opened;
    })();
  const { [BLOB_TYPES]: types = {}, ...fields } = body as Row & {
    [BLOB_TYPES]?: Record<string, string>;
  };
  for (const [field, type] of Object.entries(types)) readBlobs.set(rest[field] as Blob, type);
  return { ...rest, ...fields };
}

export function atRest(keys: Keys): Middleware<DBCore> {
  const cache = new OpenedRows();
  return {
    stack: 'dbcore',
    name: 'atRest',
    level: -10, // below Dexie's own, which then see open rows
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        const clear = clearFields(table);
        const up = (row: unknown) => openRow(keys, name, clear, row, cache);
        const wrapCursor = (cursor: DBCoreCursor | null): DBCoreCursor | null =>
          cursor &&
          // Dexie's cursor is IndexedDB's, with its methods as own properties: those are
          // inherited; the native getters need the real cursor as `this`.
          (Object.create(cursor, {
            key: { get: (): unknown => cursor.key },
            primaryKey: { get: (): unknown => cursor.primaryKey },
            value: { get: () => up(cursor.value) },
          }) as DBCoreCursor);
        return {
          ...table,
          mutate(req) {
            if ((req.type !== 'add' && req.type !== 'put') || upgrading(req.trans)) {
              return table.mutate(req);
            }
            const values = req.values.map((row: Row) => sealRow(keys, name, clear, row));
            return table.mutate({ ...req, values });
          },
          get: async (req) => up(await table.get(req)),
          getMany: async (req) => (await table.getMany(req)).map(up),
          async query(req) {
            const res = await table.query(req);
            return req.values ? { ...res, result: res.result.map(up) } : res;
          },
          openCursor: async (req) => wrapCursor(await table.openCursor(req)),
        };
      },
    }),
  };
}

function upgrading(trans: unknown): boolean {
  return (trans as IDBTransaction | undefined)?.mode === 'versionchange';
}

const CHUNK = 64 * 1024;
const SEALED_CHUNK = CHUNK + SEAL_OVERHEAD;
const CHUNKS_PER_READ = 64; // 4 MiB

const chunkContext = (sha256: string, index: number, last: boolean) =>
  `blob/${sha256}/${index}/${last ? 'last' : 'more'}`;

/**
 * A file's bytes sealed with the laptop key, 64 KiB at a time (as age's STREAM does): each
 * chunk names its place and whether it is the last, so chunks cannot be reordered, dropped or
 * cut off without failing to open. Reads the file piece by piece: memory stays flat.
 */
export async function sealBlob(keys: Keys, blob: Blob, sha256: string): Promise<Blob> {
  if (sealedBlobs.has(blob)) return blob;
  const parts: Uint8Array[] = [];
  const count = Math.max(1, Math.ceil(blob.size / CHUNK));
  // Read a few MiB at a time: a read per 64 KiB chunk cost more than sealing it.
  for (let first = 0; first < count; first += CHUNKS_PER_READ) {
    const piece = new Uint8Array(
      await blob.slice(first * CHUNK, (first + CHUNKS_PER_READ) * CHUNK).arrayBuffer(),
    );
    for (let at = 0, i = first; at < piece.length || i === first; at += CHUNK, i++) {
      const plain = piece.subarray(at, at + CHUNK);
      parts.push(seal(keys.laptop, plain, chunkContext(sha256, i, i === count - 1)));
      if (plain.length < CHUNK) break;
    }
  }
  const sealed = new Blob(parts as BlobPart[], { type: 'application/octet-stream' });
  sealedBlobs.set(sealed, blob.type);
  return sealed;
}

/**
 * The file's bytes from a stored blob row: opened when the row was sealed, as stored when it
 * is plaintext from before encryption. Unreadable when a chunk was damaged or moved.
 */
export async function openBlob(
  keys: Keys | undefined,
  row: { readonly sha256: string; readonly blob: Blob },
): Promise<Blob> {
  const type = readBlobs.get(row.blob);
  if (!keys || type === undefined) return row.blob;
  const sealed = row.blob;
  const count = Math.max(1, Math.ceil(sealed.size / SEALED_CHUNK));
  const parts: Uint8Array[] = [];
  for (let first = 0; first < count; first += CHUNKS_PER_READ) {
    const piece = new Uint8Array(
      await sealed
        .slice(first * SEALED_CHUNK, (first + CHUNKS_PER_READ) * SEALED_CHUNK)
        .arrayBuffer(),
    );
    for (let at = 0, i = first; at < piece.length; at += SEALED_CHUNK, i++) {
      const chunk = piece.subarray(at, at + SEALED_CHUNK);
      parts.push(open(keys.laptop, chunk, chunkContext(row.sha256, i, i === count - 1)));
    }
  }
  return new Blob(parts as BlobPart[], { type });
}

/**
 * Blob rows ready for the `blobs` table of `db`: their bytes sealed when the database is. Call
 * before the transaction that stores them (reading a Blob would end it).
 */
export async function storable<T extends { readonly sha256: string; readonly blob: Blob }>(
  keys: Keys | undefined,
  rows: readonly T[],
): Promise<T[]> {
  if (!keys) return [...rows];
  const out: T[] = [];
  for (const row of rows) out.push({ ...row, blob: await sealBlob(keys, row.blob, row.sha256) });
  return out;
}

export { Unreadable };
