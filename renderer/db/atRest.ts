/**
 * Encryption at rest (issue 16): a Dexie middleware, closest to IndexedDB, that seals every row
 * on its way down and opens it on its way up, so repositories and the UI never see a sealed
 * row. What stays readable is what the indexes need (primary key, case id, kind, state, status,
 * local change sequence, times of change); everything else is one sealed JSON field `$`, a byte
 * string (seal.ts sealString; rows stored before hold the same bytes as a Uint8Array).
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
import { cmp } from 'dexie';
import type {
  DBCore,
  DBCoreCursor,
  DBCoreQueryRequest,
  DBCoreRangeType,
  DBCoreTable,
  Middleware,
} from 'dexie';
import {
  asByteString,
  openText,
  openTexts,
  sealString,
  Unreadable,
  type Sealed,
} from '../../shared/rest/seal';
import { openChunks, sealChunks } from '../../shared/rest/blobChunks';

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

/** Where a row is: its table and primary key, authenticated with its sealed body. */
const context = (table: string, id: unknown) => `${table}/${String(id)}`;

/**
 * `row` as stored: the clear fields as they are, the rest sealed into `$`. With `cache`, the
 * body just sealed is kept (as its text), so reading the row back, as a save and the live
 * queries after it do, opens nothing.
 */
export function sealRow(
  keys: Keys,
  table: string,
  clear: readonly string[],
  row: Row,
  cache?: OpenedRows,
): Row {
  const out: Row = {};
  const body: Row = {};
  let types: Record<string, string> | undefined;
  for (const field of Object.keys(row)) {
    const value = row[field];
    if (clear.includes(field)) out[field] = value;
    else if (value instanceof Blob) {
      const type = sealedBlobs.get(value);
      if (type === undefined) throw new Error(`${table}.${field}: a Blob not sealed`);
      out[field] = value;
      (types ??= {})[field] = type;
    } else body[field] = value;
  }
  if (types) body[BLOB_TYPES] = types;
  const at = context(table, row[clear[0]!]);
  const text = JSON.stringify(body);
  const sealed = sealString(rowKey(keys, table, row), text, at);
  cache?.set(table, row[clear[0]!], sealed, text);
  out.$ = sealed;
  return out;
}

/** A row's body as opened (or just sealed), and the sealed value it came from. */
interface Opened {
  readonly sealed: string;
  readonly text: string;
}

/**
 * Bodies already opened (or just sealed), one per row, by table and primary key, with the
 * sealed value each came from: a read that finds that same value stored (a new seal draws a new
 * nonce) gets the body without opening it again. Lists and live queries read the same rows
 * again at every change, and a save reads its record back twice: opening them again each time
 * made a list of 10,000 rows cost 3× the plain read. A body is kept as its text and parsed at
 * each read, so every read gets objects of its own, as from IndexedDB itself, and code that
 * changed a row it read cannot change what the next read gets. Bodies up to CACHE_BODY_BYTES
 * are kept, CACHE_BYTES in all, oldest out first; the cache goes with the database when the
 * app locks.
 */
export class OpenedRows {
  /** By table, then by primary key: the key as read, not a string made for the lookup. */
  private readonly tables = new Map<string, Map<unknown, Opened>>();
  private size = 0;

  /** The text of row `id` of `table`, if `sealed` is what was opened or written there last. */
  get(table: string, id: unknown, sealed: string): string | undefined {
    if (typeof id === 'object') return undefined; // a compound key: not kept
    const entry = this.tables.get(table)?.get(id);
    return entry?.sealed === sealed ? entry.text : undefined;
  }

  /** Keeps the text of the body sealed in `sealed`, opened or just written. */
  set(table: string, id: unknown, sealed: string, text: string): void {
    let rows = this.tables.get(table);
    if (!rows) this.tables.set(table, (rows = new Map<unknown, Opened>()));
    const old = rows.get(id);
    if (old) {
      rows.delete(id);
      this.size -= held(old);
    }
    const size = held({ sealed, text });
    if (size > CACHE_BODY_BYTES || typeof id === 'object') return;
    if (this.size + size > CACHE_BYTES) this.evict(CACHE_BYTES - size);
    rows.set(id, { sealed, text });
    this.size += size;
  }

  /** Drops the oldest entries, table by table, until at most `bytes` are kept. */
  private evict(bytes: number): void {
    for (const rows of this.tables.values()) {
      for (const [id, entry] of rows) {
        if (this.size <= bytes) return;
        rows.delete(id);
        this.size -= held(entry);
      }
    }
  }
}
/** Memory the cache may hold in all, and for one row (a long interview is not kept). */
const CACHE_BYTES = 32 * 2 ** 20;
const CACHE_BODY_BYTES = 256 * 1024;
/** An entry's memory: the sealed value a byte a character, the text at most two. */
const held = (entry: Opened) => entry.sealed.length + 2 * entry.text.length;

/**
 * A stored row as the app sees it: its opened body (a new object at every read), with the clear
 * fields set on it. Fields are set on the parsed body rather than copied into a third object:
 * on a list of 10,000 rows, that copy cost more than opening them.
 */
export function openRow(
  keys: Keys,
  table: string,
  clear: readonly string[],
  row: unknown,
  cache?: OpenedRows,
): unknown {
  if (!isSealed(row)) return row; // plaintext, not migrated yet
  const sealed = asByteString(row.$ as Uint8Array | string);
  // The key first, also for a row opened before: a case key destroyed (巡后清退) or dropped
  // opens nothing more, from the cache either.
  const key = rowKey(keys, table, row);
  const id = row[clear[0]!];
  let text = cache?.get(table, id, sealed);
  if (text === undefined) {
    text = openText(key, sealed, context(table, id));
    cache?.set(table, id, sealed, text);
  }
  return asRead(clear, row, text);
}

/**
 * A query's rows, each as openRow gives it; the bodies not opened before are opened together
 * (seal.ts openTexts: one decoder call for all of them).
 */
export function openRows(
  keys: Keys,
  table: string,
  clear: readonly string[],
  rows: readonly unknown[],
  cache?: OpenedRows,
): unknown[] {
  const texts = new Array<string | undefined>(rows.length);
  const toOpen: number[] = [];
  const sealed: Sealed[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!isSealed(row)) continue;
    const key = rowKey(keys, table, row); // first: see openRow
    const id = row[clear[0]!];
    const value = asByteString(row.$ as Uint8Array | string);
    texts[i] = cache?.get(table, id, value);
    if (texts[i] !== undefined) continue;
    toOpen.push(i);
    sealed.push({ key, sealed: value, context: context(table, id) });
  }
  const opened = openTexts(sealed);
  for (let k = 0; k < toOpen.length; k++) {
    const row = rows[toOpen[k]!] as Row;
    texts[toOpen[k]!] = opened[k]!;
    cache?.set(table, row[clear[0]!], sealed[k]!.sealed, opened[k]!);
  }
  return rows.map((row, i) => (isSealed(row) ? asRead(clear, row, texts[i]!) : row));
}

const isSealed = (row: unknown): row is Row => !!row && typeof row === 'object' && '$' in row;

/** A sealed row as read: its body's text parsed, the clear fields set on it. */
function asRead(clear: readonly string[], stored: Row, text: string): Row {
  const out = JSON.parse(text) as Row;
  for (const field of clear) {
    const value = stored[field];
    if (value !== undefined) out[field] = value;
  }
  const types = out[BLOB_TYPES] as Record<string, string> | undefined;
  if (types) {
    delete out[BLOB_TYPES];
    // The row's files, sealed beside the body: kept with their types for openBlob.
    for (const name in types) {
      out[name] = stored[name];
      readBlobs.set(stored[name] as Blob, types[name]!);
    }
  }
  return out;
}

/** `page`: rows a long read reads at a time (inPages; tests make it small). */
export function atRest(keys: Keys, page = PAGE): Middleware<DBCore> {
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
        const primaryKey = table.schema.primaryKey.keyPath;
        const up = (row: unknown) => openRow(keys, name, clear, row, cache);
        const upAll = (rows: unknown[]) => openRows(batchKeys(keys), name, clear, rows, cache);
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
            const values = req.values.map((row: Row) => sealRow(keys, name, clear, row, cache));
            return table.mutate({ ...req, values });
          },
          get: async (req) => up(await table.get(req)),
          getMany: async (req) => upAll(await table.getMany(req)),
          async query(req) {
            if (pageable(req, primaryKey, page))
              return { result: await inPages(table, req, page, upAll) };
            const res = await table.query(req);
            return req.values ? { ...res, result: upAll(res.result) } : res;
          },
          openCursor: async (req) => wrapCursor(await table.openCursor(req)),
        };
      },
    }),
  };
}

/** Rows a long read reads from IndexedDB at a time (inPages). */
const PAGE = 1000;

/**
 * Whether a read can go in pages: it reads rows (a limit, if any, above a page), in a readonly
 * transaction (a write in the same transaction cannot land between two pages), forwards over a
 * range, on the primary key or on an index whose key ends with it (each row under a key of its
 * own, so a page's last key says exactly where the next begins).
 */
function pageable(
  req: DBCoreQueryRequest,
  primaryKey: string | string[] | null,
  page: number,
): boolean {
  const { index, range } = req.query;
  const path = index.keyPath;
  return (
    req.values === true &&
    (req.limit ?? Infinity) > page &&
    (req.trans as unknown as IDBTransaction).mode === 'readonly' &&
    (req.direction ?? 'next') === 'next' &&
    (range.type === RANGE || range.type === ANY) &&
    !!index.extractKey &&
    (index.isPrimaryKey === true || (Array.isArray(path) && path.at(-1) === primaryKey))
  );
}
const RANGE = 2 as DBCoreRangeType;
const ANY = 3 as DBCoreRangeType;

/**
 * A long read in pages of `page` rows, each page opened while IndexedDB reads the next. A read
 * of 10,000 list rows waits about 60 ms on IndexedDB's own process, this thread idle, and
 * opening them all after that took 25 ms more; in pages, the opening hides in the waiting.
 */
async function inPages(
  table: DBCoreTable,
  req: DBCoreQueryRequest,
  page: number,
  open: (rows: unknown[]) => unknown[],
): Promise<unknown[]> {
  const { index, range } = req.query;
  const limit = req.limit ?? Infinity;
  const out: unknown[] = [];
  let asked = Math.min(limit, page);
  let read = table.query({ ...req, limit: asked });
  for (;;) {
    const rows = (await read).result;
    const left = limit - out.length - rows.length;
    const last: unknown = rows.length > 0 ? index.extractKey!(rows[rows.length - 1]) : undefined;
    const more =
      rows.length === asked &&
      left > 0 &&
      (range.upper === undefined || cmp(last, range.upper) < 0);
    if (more) {
      const after = { ...range, type: RANGE, lower: last, lowerOpen: true };
      asked = Math.min(left, page);
      read = table.query({ ...req, limit: asked, query: { index, range: after } });
    }
    for (const row of open(rows)) out.push(row);
    if (!more) return out;
  }
}

/**
 * `keys` for rows opened in one synchronous pass (a query's result): the case key of the row
 * before is used again when the next row is of the same case, instead of a lookup per row. No
 * key can go while the pass runs (nothing else runs meanwhile), and the next pass asks afresh.
 */
function batchKeys(keys: Keys): Keys {
  let caseId: string | undefined;
  let key: Uint8Array | undefined;
  return {
    laptop: keys.laptop,
    ensure: (id) => keys.ensure(id),
    forCase(id) {
      if (id !== caseId) {
        caseId = id;
        key = keys.forCase(id);
      }
      return key;
    },
  };
}

function upgrading(trans: unknown): boolean {
  return (trans as IDBTransaction | undefined)?.mode === 'versionchange';
}

/**
 * A file's bytes sealed with the laptop key, chunk by chunk (shared/rest/blobChunks.ts).
 * Reads the file piece by piece: memory stays flat.
 */
export async function sealBlob(keys: Keys, blob: Blob, sha256: string): Promise<Blob> {
  if (sealedBlobs.has(blob)) return blob;
  const { sealed, crc32 } = await sealChunks(keys.laptop, blob, sha256);
  sealedBlobs.set(sealed, blob.type);
  sealedCrcs.set(sealed, crc32);
  return sealed;
}

/** The CRC-32 of the plain bytes of Blobs sealBlob made, for their rows (storable). */
const sealedCrcs = new WeakMap<Blob, number>();

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
  return openChunks(keys.laptop, row.blob, row.sha256, type);
}

/**
 * A stored file as a package carries it: its sealed bytes and the key to open them as they are
 * read (in the package worker, so a large file never sits opened in memory), or the plaintext
 * bytes of a row from before encryption.
 */
export function storedFile(
  keys: Keys | undefined,
  row: { readonly sha256: string; readonly blob: Blob; readonly crc32?: number },
): { readonly blob: Blob; readonly sealedWith?: Uint8Array; readonly crc32?: number } {
  if (!keys || !readBlobs.has(row.blob)) return row;
  const crc = row.crc32 === undefined ? {} : { crc32: row.crc32 };
  return { blob: row.blob, sealedWith: keys.laptop, ...crc };
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
  for (const row of rows) {
    const blob = await sealBlob(keys, row.blob, row.sha256);
    const crc32 = sealedCrcs.get(blob);
    out.push({ ...row, blob, ...(crc32 === undefined ? {} : { crc32 }) });
  }
  return out;
}

export { Unreadable };
