/** The list row of a field record: derived from the record at every write, never edited. */
import { ANY_DAY } from '../dates';
import type { Stored } from '../record';
import { hasContent, type RecordKind, type RecordSpec } from './common';

export interface RecordSummary {
  readonly id: string;
  readonly caseId: string;
  readonly kind: RecordKind;
  /** 'live' or 'deleted' (a string, because IndexedDB cannot index booleans). */
  readonly state: 'live' | 'deleted';
  readonly title: string;
  readonly date: string;
  readonly subKind: string;
  readonly members: readonly string[];
  readonly focus: readonly string[];
  readonly tags: readonly string[];
  /** People interviewed (interviews only): the statistics count 人次 from this. */
  readonly headcount: number;
  /** How many required things are still blank: 0 means complete. */
  readonly missing: number;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly deletedAt?: string;
  /** Nothing filled in yet (a record opened with 新建 and left empty): not counted as evidence.
   * Absent in list rows written before it existed: those count. */
  readonly blank?: boolean;
  /** The record's change sequence on this laptop: what the search index syncs by. */
  readonly seq: number;
}

export function summarize(spec: RecordSpec, record: Stored<object>): RecordSummary {
  // Summaries describe what is stored: no date rule applies (a laptop clock may have gone back).
  const values = spec.fields(ANY_DAY).parse(record);
  const list = (key: string) => (Array.isArray(values[key]) ? (values[key] as string[]) : []);
  return {
    id: record.id,
    caseId: record.caseId,
    kind: spec.kind,
    state: record.deleted ? 'deleted' : 'live',
    title: spec.title(values),
    date: spec.date(values),
    subKind: spec.subKind(values),
    members: spec.members(values),
    focus: list('focus'),
    tags: list('tags'),
    headcount: spec.headcount(values),
    missing: Object.keys(spec.missing(values)).length,
    createdBy: record.createdBy,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
    seq: record.seq,
    blank: !hasContent(spec, values),
    ...(record.deletedAt ? { deletedAt: record.deletedAt } : {}),
  };
}
