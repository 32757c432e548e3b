/**
 * Schema version 4: the merge-ready data layer. Self-contained on purpose: it copies the little
 * logic it needs (collection keys, sort orders) instead of importing today's domain code, which
 * will change while this migration must not.
 *
 * - Collections become element-wise: interview turns get a fractional position `pos`, evidence
 *   links get the passage's field and offsets, and each turn, evidence link, tag and focus area
 *   gets its own clock (`turns/<id>`, `tags/<tag>` …), stamped with the field's old dot.
 * - Every field without a clock gets one (a dot the record's version vector already holds).
 * - Findings' numeric order becomes fractional keys, in the same order.
 * - Attachments become records like the others (version vector, clocks, revisions of their own)
 *   and their bytes move to `blobs`, stored once by SHA-256.
 * - Revisions learn the version vector they produced; every row, revision and list row gets a
 *   number of the local change sequence, in write order.
 */
import Dexie, { type Transaction } from 'dexie';
import { generateNKeysBetween } from 'fractional-indexing';
import { ulid } from 'ulid';

type Row = Record<string, unknown> & { id: string };
type Dot = [string, number];
type VV = Record<string, number>;

const META = new Set([
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
  'seq',
]);

const evidenceKey = (e: Row) =>
  [e.kind, e.recordId, e.field ?? '', e.turnId ?? '', e.start ?? 0, e.end ?? 0]
    .map((x) => (typeof x === 'string' || typeof x === 'number' ? String(x) : ''))
    .join('|');
const word = (w: unknown) => String(w);

/** Collections as version 4 knows them: field → [kind, key of an element]. */
const TAGGABLE = { tags: word, focus: word } as const;
const COLLECTIONS: Record<string, Record<string, (e: never) => string>> = {
  interviews: { turns: (t: Row) => t.id, ...TAGGABLE },
  docReviews: TAGGABLE,
  siteVisits: TAGGABLE,
  petitions: TAGGABLE,
  findings: { evidence: evidenceKey, persons: word, departments: word },
  clues: { evidence: evidenceKey },
};
const RECORD_TABLES = [
  'cases',
  'members',
  'interviews',
  'docReviews',
  'siteVisits',
  'petitions',
  'findings',
  'clues',
];

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The dot of the latest write the record's version vector knows (for fields that had none). */
function latestDot(vv: VV, fallbackDevice: string): Dot {
  let best: Dot = [fallbackDevice, 1];
  for (const [device, n] of Object.entries(vv)) if (n > best[1]) best = [device, n];
  return best;
}

function upgradeRecord(table: string, r: Row, device: string): void {
  const vv = (r.vv ?? {}) as VV;
  const clocks = { ...((r.clocks ?? {}) as Record<string, Dot>) };
  const fallback = latestDot(vv, device);
  for (const [field, key] of Object.entries(COLLECTIONS[table] ?? {})) {
    const dot = clocks[field] ?? fallback;
    delete clocks[field];
    let elements = Array.isArray(r[field]) ? (r[field] as Row[]) : [];
    if (field === 'turns') {
      const positions = generateNKeysBetween(null, null, elements.length);
      elements = elements.map((t, i) => ({ ...t, pos: positions[i]! }));
    } else {
      if (field === 'evidence') {
        elements = elements.map((e) => ({ field: '', start: 0, end: 0, ...e }));
      }
      const unique = new Map(elements.map((e) => [key(e as never), e]));
      elements = [...unique.keys()].sort(byCodeUnits).map((k) => unique.get(k)!);
    }
    r[field] = elements;
    for (const e of elements) clocks[`${field}/${key(e as never)}`] = dot;
  }
  for (const field of Object.keys(r)) {
    if (!META.has(field) && !(field in (COLLECTIONS[table] ?? {})) && !clocks[field]) {
      clocks[field] = fallback;
    }
  }
  if (clocks.deleted === undefined) clocks.deleted = fallback;
  r.clocks = clocks;
}

async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function upgradeTo4(tx: Transaction): Promise<void> {
  let seq = 0;
  const settings = tx.table('settings');
  const found = (await settings.get('deviceId')) as { value: string } | undefined;
  let device = found?.value;
  if (!device) {
    device = ulid();
    await settings.put({ key: 'deviceId', value: device });
  }

  // Revisions first, in the order they were written (ids were monotonic then), so a record's
  // revisions number below the record itself.
  const revisions = (await tx.table('revisions').toArray()) as Row[];
  revisions.sort((a, b) => byCodeUnits(a.id, b.id));
  const vvOf = new Map<string, VV>();
  const fileDevice = new Map<string, string>();
  for (const revision of revisions) {
    const recordId = revision.recordId as string;
    const dot = revision.dot as Dot;
    if (revision.table === 'attachments') {
      fileDevice.set(recordId, dot[0]);
      await tx.table('revisions').delete(revision.id); // replaced below, one set per file
      continue;
    }
    const vv = { ...(vvOf.get(recordId) ?? {}) };
    vv[dot[0]] = Math.max(vv[dot[0]] ?? 0, dot[1]);
    vvOf.set(recordId, vv);
    await tx.table('revisions').put({ ...revision, vv, seq: ++seq });
  }

  const seqOf = new Map<string, number>();
  for (const table of RECORD_TABLES) {
    const rows = (await tx.table(table).toArray()) as Row[];
    if (table === 'findings') renumberFindings(rows);
    for (const row of rows) {
      upgradeRecord(table, row, device);
      row.seq = ++seq;
      seqOf.set(row.id, row.seq as number);
      await tx.table(table).put(row);
    }
  }

  const files = (await tx.table('attachments').toArray()) as Row[];
  for (const file of files) {
    const blob = file.blob as Blob;
    const thumbnail = (file.thumbnail ?? null) as Blob | null;
    const sha256 = await Dexie.waitFor(sha256Hex(blob));
    const thumbSha256 = thumbnail ? await Dexie.waitFor(sha256Hex(thumbnail)) : '';
    await tx.table('blobs').put({ sha256, size: blob.size, blob });
    if (thumbnail)
      await tx.table('blobs').put({ sha256: thumbSha256, size: thumbnail.size, blob: thumbnail });
    const d = fileDevice.get(file.recordId as string) ?? device;
    const fields = {
      recordKind: file.recordKind,
      recordId: file.recordId,
      name: file.name,
      mime: file.mime,
      size: file.size,
      sha256,
      thumbSha256,
    };
    const deleted = file.deleted === true;
    const dots = deleted ? 2 : 1;
    const clocks: Record<string, Dot> = { deleted: [d, dots] };
    for (const key of Object.keys(fields)) clocks[key] = [d, 1];
    const createdAt = file.createdAt as string;
    const base = {
      id: ulid(Date.parse(createdAt) || Date.now()),
      caseId: file.caseId,
      table: 'attachments',
      recordId: file.id,
      by: file.createdBy,
    };
    await tx.table('revisions').add({
      ...base,
      kind: 'create',
      at: createdAt,
      dot: [d, 1],
      vv: { [d]: 1 },
      changes: fields,
      seq: ++seq,
    });
    if (deleted) {
      const at = (file.deletedAt as string) ?? createdAt;
      await tx.table('revisions').add({
        ...base,
        id: ulid(Date.parse(at) || Date.now()),
        by: file.deletedBy ?? file.createdBy,
        kind: 'delete',
        at,
        dot: [d, 2],
        vv: { [d]: 2 },
        changes: { deleted: true },
        seq: ++seq,
      });
    }
    await tx.table('attachments').put({
      id: file.id,
      caseId: file.caseId,
      ...fields,
      createdAt,
      createdBy: file.createdBy,
      updatedAt: (file.deletedAt as string) ?? createdAt,
      updatedBy: file.deletedBy ?? file.createdBy,
      rev: dots,
      vv: { [d]: dots },
      clocks,
      deleted,
      ...(deleted && { deletedAt: file.deletedAt, deletedBy: file.deletedBy }),
      seq: ++seq,
    });
  }

  await tx
    .table('summaries')
    .toCollection()
    .modify((s: Row) => {
      s.seq = seqOf.get(s.id) ?? ++seq;
    });
  await settings.put({ key: 'seq', value: String(seq) });
}

/** Findings' numeric order (per case) becomes fractional keys, in the same order. */
function renumberFindings(rows: Row[]): void {
  const byCase = new Map<string, Row[]>();
  for (const row of rows) {
    const list = byCase.get(row.caseId as string) ?? [];
    byCase.set(row.caseId as string, [...list, row]);
  }
  for (const list of byCase.values()) {
    list.sort((a, b) => Number(a.order ?? 0) - Number(b.order ?? 0) || byCodeUnits(a.id, b.id));
    const keys = generateNKeysBetween(null, null, list.length);
    list.forEach((row, i) => (row.order = keys[i]));
  }
}
