/**
 * Matching one rule: every row of the source lists against every row of the target lists, by
 * the 18-digit number first; then, marked 弱匹配, by name and birth date where one side has no
 * valid number; for household rules, by the same householder (户主) number or the same address.
 * Each hit says which way it matched, and an exemption keeps a hit visible with its reason.
 * Pure and linear: one index of the target side, one pass over the source side.
 */
import { nameKey, type ListRow } from './rows';

export type MatchWay = 'id' | 'weak' | 'household' | 'address';

export interface Exemption {
  readonly id: string;
  /** The target list's column, by its header. */
  readonly column: string;
  /** The cell contains this text (残疾人专用, 代步车 …). */
  readonly contains: string;
  readonly reason: string;
}

export interface RuleToRun {
  readonly id: string;
  readonly household: boolean;
  readonly exemptions: readonly Exemption[];
}

/**
 * A list as the matcher reads it: the numbers as one column (what the common case reads, a
 * million at a time, without touching a row), and each row when more is needed.
 */
export interface SideList {
  readonly listId: string;
  readonly columns: readonly string[];
  /** Each row's valid number, '' where it has none, in row order. */
  readonly ids: readonly string[];
  readonly row: (index: number) => ListRow;
}

/** A list held as rows, as the matcher reads it. */
export function sideOf(
  listId: string,
  columns: readonly string[],
  rows: readonly ListRow[],
): SideList {
  return { listId, columns, ids: rows.map((r) => r.id), row: (i) => rows[i]! };
}

export interface Match {
  /** The same for the same rule and the same two rows, however often the lists are reloaded. */
  readonly key: string;
  readonly way: MatchWay;
  readonly source: { readonly listId: string; readonly row: ListRow };
  readonly target: { readonly listId: string; readonly row: ListRow };
  /** The exemption that applies, if any: the hit is kept and shown apart. */
  readonly exemption: Exemption | null;
}

/** cyrb53: a fast 53-bit hash of a string, as base-36 text. */
export function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Name and birth date; the date read from the number where the row kept none. */
function weakKey(row: ListRow): string {
  const birth =
    row.birth ||
    (row.id ? `${row.id.slice(6, 10)}-${row.id.slice(10, 12)}-${row.id.slice(12, 14)}` : '');
  return row.name && birth ? `${nameKey(row.name)}|${birth}` : '';
}

/**
 * Who a row is, across reloads of its list: the number, else name and birth date, else (no
 * telling) its content. A changed cell elsewhere in the row (a vehicle's type) keeps the 疑点;
 * the same person twice in a list is one 疑点, not two.
 */
export const personKey = (row: ListRow) =>
  row.id || weakKey(row) || hash53(row.cells.join('\u0001'));
/** A person's key short enough for a 疑点's key: the number as it is, anything else hashed. */
const shortKey = (row: ListRow) => row.id || hash53(personKey(row));

const addressKey = (row: ListRow) => row.address.normalize('NFKC').replace(/\s+/g, '');

/**
 * A target row, and which of its person's rows in its list it is (two cars, two 疑点). The row
 * itself is asked of its list only when needed: most of a list is only ever a number.
 */
class Entry {
  constructor(
    readonly list: SideList,
    readonly index: number,
    readonly nth: number,
  ) {}
  get row(): ListRow {
    return this.list.row(this.index);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function matchRule(
  rule: RuleToRun,
  sources: readonly SideList[],
  targets: readonly SideList[],
): Match[] {
  const byId = new Map<string, Entry[]>();
  // A weak key matters only where a number is missing: targets without one are indexed now,
  // all targets only once a source without a number asks (it may be none of a million).
  const byWeakNoId = new Map<string, Entry[]>();
  let byWeakAll: Map<string, Entry[]> | null = null;
  const byHousehold = new Map<string, Entry[]>();
  const byAddress = new Map<string, Entry[]>();
  for (const list of targets) {
    const seenPeople = new Map<string, number>();
    for (let i = 0; i < list.ids.length; i++) {
      const id = list.ids[i]!;
      if (id && !rule.household) {
        // Indexed by its number alone; its place among the list's rows of that number is nth.
        const same = byId.get(id);
        const entry = new Entry(list, i, same ? same.filter((e) => e.list === list).length : 0);
        if (same) same.push(entry);
        else byId.set(id, [entry]);
        continue;
      }
      const row = list.row(i);
      const person = personKey(row);
      const nth = seenPeople.get(person) ?? 0;
      seenPeople.set(person, nth + 1);
      const entry = new Entry(list, i, nth);
      if (row.id) push(byId, row.id, entry);
      else {
        const weak = weakKey(row);
        if (weak) push(byWeakNoId, weak, entry);
      }
      if (rule.household) {
        // A target row belongs to its own household and, if named, to its householder's.
        if (row.id) push(byHousehold, row.id, entry);
        if (row.householderId && row.householderId !== row.id)
          push(byHousehold, row.householderId, entry);
        const address = addressKey(row);
        if (address) push(byAddress, address, entry);
      }
    }
  }
  const weakAll = () => {
    if (byWeakAll) return byWeakAll;
    byWeakAll = new Map();
    for (const entries of [byId, byWeakNoId]) {
      for (const list of entries.values()) {
        for (const entry of list) {
          const weak = weakKey(entry.row);
          if (weak) push(byWeakAll, weak, entry);
        }
      }
    }
    return byWeakAll;
  };
  const exemptionRules = new Map<SideList, { e: Exemption; at: number }[]>();
  const exemptionOf = (t: Entry, target: ListRow): Exemption | null => {
    if (rule.exemptions.length === 0) return null;
    let rules = exemptionRules.get(t.list);
    if (!rules) {
      rules = rule.exemptions
        .map((e) => ({ e, at: t.list.columns.indexOf(e.column) }))
        .filter(({ at, e }) => at >= 0 && e.contains !== '');
      exemptionRules.set(t.list, rules);
    }
    return rules.find(({ e, at }) => (target.cells[at] ?? '').includes(e.contains))?.e ?? null;
  };

  const out: Match[] = [];
  const emit = (list: SideList, row: ListRow, t: Entry, way: MatchWay) => {
    const target = t.row;
    out.push({
      key: `${rule.id}|${shortKey(row)}|${shortKey(target)}#${t.nth}`,
      way,
      source: { listId: list.listId, row },
      target: { listId: t.list.listId, row: target },
      exemption: exemptionOf(t, target),
    });
  };
  // Everything but the common case, in its own function: a closure over the loop's row would
  // make V8 allocate a context for every one of a million rows.
  const matchAnyWay = (list: SideList, row: ListRow) => {
    const seen = new Set<Entry>();
    const hit = (entries: readonly Entry[] | undefined, way: MatchWay) => {
      for (const t of entries ?? []) {
        if (seen.has(t)) continue;
        seen.add(t);
        emit(list, row, t, way);
      }
    };
    if (row.id) hit(byId.get(row.id), 'id');
    // 弱匹配 only where a number is missing on one side: two valid different numbers are two people.
    const weak = weakKey(row);
    if (weak) hit((row.id ? byWeakNoId : weakAll()).get(weak), 'weak');
    if (rule.household) {
      for (const key of new Set([row.id, row.householderId].filter(Boolean))) {
        hit(byHousehold.get(key), 'household');
      }
      const address = addressKey(row);
      if (address) hit(byAddress.get(address), 'address');
    }
  };
  const simple = !rule.household && byWeakNoId.size === 0;
  for (const list of sources) {
    const { ids } = list;
    for (let i = 0; i < ids.length; i++) {
      // The common case, a number on both sides and nothing else to try: one lookup, and the
      // row itself only for a hit.
      const id = ids[i]!;
      if (id && simple) {
        const found = byId.get(id);
        if (found) {
          const row = list.row(i);
          for (const t of found) emit(list, row, t, 'id');
        }
      } else {
        matchAnyWay(list, list.row(i));
      }
    }
  }
  return out;
}
