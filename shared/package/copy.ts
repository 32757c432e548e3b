/**
 * A case's contents as a new, separate case: what 恢复为副本 restores a snapshot into. A merge
 * never takes back a later change (the later write wins, and a deletion stays deleted), so the
 * state before an import or a mistake is brought back beside the case, to compare and copy
 * from, never over it.
 *
 * Every row, revision and audit entry gets a new id, and every reference to an old id follows
 * it: in fields (case, record, member, task…) and inside the keys that embed one (an evidence
 * element's key, the clock of that element). Ids are ULIDs, 26 characters no text holds by
 * chance. Elements inside records (turns, supplements) keep theirs: they are unique within
 * their record. Files are by hash and stay as they are. Sets are sorted again by their new
 * keys, as stored rows must be.
 */
import type { CaseContents } from './contents';
import { sortElements } from '../domain/collections';
import { collectionsOf } from '../domain/tables';

const ULID = /[0-9A-HJKMNP-TV-Z]{26}/g;

export function asNewCopy(
  contents: CaseContents,
  caseId: string,
  newId: () => string,
  renamed: (unitName: string) => string,
): { caseId: string; contents: CaseContents } {
  const ids = new Map<string, string>([[caseId, newId()]]);
  for (const { row } of contents.rows) if (!ids.has(row.id)) ids.set(row.id, newId());
  for (const r of contents.revisions) ids.set(r.id, newId());
  for (const e of contents.audit ?? []) ids.set(e.id, newId());

  const text = (s: string) => s.replace(ULID, (id) => ids.get(id) ?? id);
  const follow = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(follow);
    if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [text(k), follow(v)]));
    }
    return value;
  };
  const rows = contents.rows.map(({ table, row }) => {
    const moved = follow(row) as typeof row & { unitName?: string };
    const fields = moved as unknown as Record<string, unknown[]>;
    for (const [field, spec] of Object.entries(collectionsOf(table))) {
      if (Array.isArray(fields[field])) fields[field] = sortElements(spec, fields[field]);
    }
    return {
      table,
      row: table === 'cases' ? { ...moved, unitName: renamed(moved.unitName ?? '') } : moved,
    };
  });
  return {
    caseId: ids.get(caseId)!,
    contents: {
      rows,
      revisions: contents.revisions.map((r) => follow(r) as typeof r),
      audit: (contents.audit ?? []).map((e) => follow(e) as typeof e),
      files: contents.files,
    },
  };
}
