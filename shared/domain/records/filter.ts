/** Filtering and sorting list rows: pure, so it is tested once and used by every list. */
import type { RecordSummary } from './summary';

export interface RecordFilter {
  readonly text?: string;
  readonly from?: string;
  readonly to?: string;
  readonly member?: string;
  readonly subKind?: string;
  readonly tag?: string;
  readonly focus?: string;
}

export type SortKey = 'date' | 'title' | 'updatedAt';

export function filterSummaries(rows: readonly RecordSummary[], f: RecordFilter): RecordSummary[] {
  const text = f.text?.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!text || r.title.toLowerCase().includes(text)) &&
      (!f.from || r.date >= f.from) &&
      (!f.to || (r.date !== '' && r.date <= f.to)) &&
      (!f.member || r.members.includes(f.member) || r.createdBy === f.member) &&
      (!f.subKind || r.subKind === f.subKind) &&
      (!f.tag || r.tags.includes(f.tag)) &&
      (!f.focus || r.focus.some((c) => c === f.focus || c.startsWith(`${f.focus}.`))),
  );
}

const collator = new Intl.Collator('zh-CN');
const plain = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Sorts a copy; ties fall back to the id (creation order), so the order never jitters. */
export function sortSummaries(
  rows: readonly RecordSummary[],
  key: SortKey,
  direction: 'ascend' | 'descend',
): RecordSummary[] {
  const sign = direction === 'ascend' ? 1 : -1;
  // Titles sort as Chinese readers expect (by pinyin); dates and times are ISO strings.
  const compare = key === 'title' ? collator.compare : plain;
  return [...rows].sort((a, b) => sign * (compare(a[key], b[key]) || plain(a.id, b.id)));
}

/** Every tag used in the rows, most used first: the choices of the tag filter. */
export function tagsIn(rows: readonly RecordSummary[]): string[] {
  const counts = new Map<string, number>();
  for (const r of rows) for (const t of r.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
}
