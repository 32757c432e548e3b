/**
 * Schema version 6 (issue 13): a clue's one `handling` field mixed what the team proposes with
 * whom the clue goes to. It becomes `proposal` (拟处置建议) and `receiver` (移交对象), with the
 * receiver's name and the handover date beside them.
 *
 * Pure and frozen: the database upgrade (renderer/db/schema.ts) and the reading of a package
 * from a laptop still on version 5 (shared/package/contents.ts) both run it, and both must give
 * the same row. The new fields take the old field's dot, so no write is invented: two laptops
 * upgrading the same row get the same row, and it merges as it did.
 */
type Dot = [string, number];
type Row = Record<string, unknown> & { clocks?: Record<string, Dot> };

const SPLIT: Record<string, { proposal: string; receiver: string }> = {
  discipline: { proposal: '', receiver: 'discipline' },
  organization: { proposal: '', receiver: 'organization' },
  department: { proposal: '', receiver: 'other' },
  pending: { proposal: 'hold', receiver: '' },
  closed: { proposal: 'close', receiver: '' },
};
const NEW_FIELDS = ['proposal', 'receiver', 'receiverName', 'handoverDate'] as const;

/** A version-5 clue row as version 6 stores it; a row without `handling` is returned as it is. */
export function clueToV6<T extends Row>(row: T): T {
  if (!('handling' in row)) return row;
  const { handling, ...rest } = row;
  const split = SPLIT[String(handling)] ?? { proposal: '', receiver: '' };
  const out: Row = { ...rest, ...split, receiverName: '', handoverDate: '' };
  const clocks = { ...(row.clocks ?? {}) };
  const dot = clocks.handling;
  delete clocks.handling;
  if (dot) for (const field of NEW_FIELDS) clocks[field] = dot;
  if (row.clocks) out.clocks = clocks;
  const siblings = (row as { siblings?: Record<string, { value: unknown; dot: Dot }[]> }).siblings;
  if (siblings?.handling) {
    // A conflict over the old field is a conflict over what it now means.
    const { handling: old, ...others } = siblings;
    out.siblings = {
      ...others,
      proposal: old.map((s) => ({ value: SPLIT[String(s.value)]?.proposal ?? '', dot: s.dot })),
      receiver: old.map((s) => ({ value: SPLIT[String(s.value)]?.receiver ?? '', dot: s.dot })),
    };
  }
  return out as T;
}

/** Rows of a package written by an older schema, as this version stores them. */
export function upgradeRow<T extends Row>(fromVersion: number, table: string, row: T): T {
  return fromVersion < 6 && table === 'clues' ? clueToV6(row) : row;
}
