/**
 * What every stored record carries, and the only way records change.
 *
 * Records are evidence and travel between laptops, so:
 * - nothing is hard-deleted: `deleted` is a tombstone that a merge can see;
 * - versions are causal, never clock-based: each write bumps this laptop's counter in the
 *   record's version vector `vv`, and every field remembers the write (its "dot") that set it,
 *   so two people editing different fields of one record merge cleanly later;
 * - every write is a field-level patch, returned with the changed fields so the caller can
 *   keep a revision history.
 */

export type DeviceId = string;
export type MemberId = string;

/** deviceId → how many writes that laptop has made to this record. */
export type VersionVector = Readonly<Record<DeviceId, number>>;

/** One write: the laptop that made it and that laptop's counter after it. */
export type Dot = readonly [DeviceId, number];

export interface RecordMeta {
  readonly id: string;
  readonly caseId: string;
  readonly createdAt: string;
  readonly createdBy: MemberId;
  readonly updatedAt: string;
  readonly updatedBy: MemberId;
  /** Number of writes this record has seen, on every laptop: shown as "第 N 版". */
  readonly rev: number;
  readonly vv: VersionVector;
  /** For each field, the write that last set it. */
  readonly clocks: Readonly<Record<string, Dot>>;
  readonly deleted: boolean;
  readonly deletedAt?: string;
  readonly deletedBy?: MemberId;
}

export type Stored<T extends object> = Readonly<T> & RecordMeta;

/** Who writes, from which laptop, and when: passed in so this module has no clock. */
export interface WriteContext {
  readonly now: string;
  readonly deviceId: DeviceId;
  readonly memberId: MemberId;
}

/** Field name → value after the write. */
export type FieldChanges = Readonly<Record<string, unknown>>;

export const META_KEYS: ReadonlySet<string> = new Set([
  'id',
  'caseId',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'rev',
  'vv',
  'clocks',
  'deleted',
  'deletedAt',
  'deletedBy',
] satisfies (keyof RecordMeta)[]);

function nextDot(vv: VersionVector, deviceId: DeviceId): Dot {
  return [deviceId, (vv[deviceId] ?? 0) + 1];
}

/** Structural equality for the JSON-like values records hold. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** A new record: every field is stamped with the first write of this laptop. */
export function createRecord<T extends object>(
  ids: { id: string; caseId: string },
  fields: T,
  ctx: WriteContext,
): { record: Stored<T>; changes: FieldChanges } {
  const dot = nextDot({}, ctx.deviceId);
  const changes = domainFields(fields);
  const clocks: Record<string, Dot> = {};
  for (const key of Object.keys(changes)) clocks[key] = dot;
  const meta: RecordMeta = {
    id: ids.id,
    caseId: ids.caseId,
    createdAt: ctx.now,
    createdBy: ctx.memberId,
    updatedAt: ctx.now,
    updatedBy: ctx.memberId,
    rev: 1,
    vv: { [ctx.deviceId]: 1 },
    clocks,
    deleted: false,
  };
  return { record: { ...changes, ...meta } as Stored<T>, changes };
}

/**
 * Applies a field-level patch. Only fields whose value really changes are written and stamped;
 * a patch that changes nothing returns null, so autosave of an unchanged form costs nothing.
 */
export function patchRecord<T extends object>(
  record: Stored<T>,
  patch: Partial<T>,
  ctx: WriteContext,
): { record: Stored<T>; changes: FieldChanges } | null {
  const changes: Record<string, unknown> = {};
  const current = record as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(domainFields(patch))) {
    if (value !== undefined && !sameValue(current[key], value)) changes[key] = value;
  }
  if (Object.keys(changes).length === 0) return null;
  return { record: stamp(record, changes, ctx), changes };
}

/** Moves a record to the recycle bin: a write of `deleted`, so merges carry it to other laptops. */
export function tombstone<T extends object>(record: Stored<T>, ctx: WriteContext) {
  if (record.deleted) return null;
  const changes = { deleted: true, deletedAt: ctx.now, deletedBy: ctx.memberId };
  return { record: stamp(record, changes, ctx), changes: { deleted: true } as FieldChanges };
}

/** Brings a record back from the recycle bin. */
export function restore<T extends object>(record: Stored<T>, ctx: WriteContext) {
  if (!record.deleted) return null;
  const { deletedAt: _at, deletedBy: _by, ...rest } = stamp(record, { deleted: false }, ctx);
  return { record: rest as Stored<T>, changes: { deleted: false } as FieldChanges };
}

function stamp<T extends object>(
  record: Stored<T>,
  changes: Record<string, unknown>,
  ctx: WriteContext,
): Stored<T> {
  const dot = nextDot(record.vv, ctx.deviceId);
  const clocks: Record<string, Dot> = { ...record.clocks };
  for (const key of Object.keys(changes)) {
    if (key === 'deletedAt' || key === 'deletedBy') continue;
    clocks[key] = dot;
  }
  return {
    ...record,
    ...changes,
    updatedAt: ctx.now,
    updatedBy: ctx.memberId,
    rev: record.rev + 1,
    vv: { ...record.vv, [ctx.deviceId]: dot[1] },
    clocks,
  };
}

function domainFields<T extends object>(fields: T): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (!META_KEYS.has(key)) out[key] = value;
  return out;
}

export type Causality = 'same' | 'newer' | 'older' | 'concurrent';

/** How version vector `a` relates to `b`: the only notion of "newer" merges may use. */
export function compareVersions(a: VersionVector, b: VersionVector): Causality {
  let aAhead = false;
  let bAhead = false;
  for (const device of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[device] ?? 0;
    const y = b[device] ?? 0;
    if (x > y) aAhead = true;
    if (y > x) bAhead = true;
  }
  if (aAhead && bAhead) return 'concurrent';
  if (aAhead) return 'newer';
  if (bAhead) return 'older';
  return 'same';
}
