/**
 * Every table of the database, registered once: what travels in case packages, what is derived
 * from what travels (rebuilt, never packed), and what stays on this laptop. The database schema
 * (renderer/db/schema.ts) must name exactly these tables; a test checks it.
 *
 * For the travelling record tables, the registry also knows their fields (for checking a row
 * that arrives from another laptop) and their collections (fields written element by element,
 * see collections.ts).
 */
import { z } from './zod';
import { sortElements, splitPath, type CollectionSpec, type Collections } from './collections';
import { sameValue } from './record';
import { zh } from '../i18n/zh-CN';
import { ANY_DAY } from './dates';
import { caseFieldsSchema } from './case.schema';
import { memberFieldsSchema } from './member.schema';
import { RECORD_SPECS, type RecordKind } from './records';
import { focusCode, freeTag } from './records/common';
import { supplement, turn } from './records/interview.schema';
import {
  departmentName,
  evidenceKey,
  evidenceRef,
  findingFields,
  personName,
  RESPONSIBILITIES,
  type EvidenceRef,
} from './findings/finding.schema';
import { clueFields } from './findings/clue.schema';
import { ledgerItemFields, progressNote, taskFields } from './ledger/task.schema';
import { CHECKS, recheckFields } from './ledger/recheck.schema';
import { exemption, hitFields, listFields, ruleFields } from './compare/compare.schema';
import { attachmentFields, blobRowSchema, metaSchema, revisionSchema } from './stored.schema';
import { ValidationError, fieldErrorsOf } from './validation';

/**
 * travelling: packed into case packages and merged on arrival;
 * derived: rebuilt from travelling rows in the same transaction (list rows, search);
 * local: this laptop only (settings, keys, staging).
 */
export type TableRole = 'travelling' | 'derived' | 'local';

/** A collection, with the schema each element must satisfy. */
export interface ElementSpec<T = unknown> extends CollectionSpec<T> {
  readonly element: z.ZodType;
}

const itemsOf = <T extends { id: string }>(element: z.ZodType<T>): ElementSpec<T> => ({
  kind: 'items',
  key: (t) => t.id,
  element,
});
const setOf = <T>(element: z.ZodType<T>, key: (e: T) => string): ElementSpec<T> => ({
  kind: 'set',
  key,
  element,
});
const words = (element: z.ZodType<string>) => setOf(element, (w) => w);

const taggable = { tags: words(freeTag), focus: words(focusCode) };
const evidence = setOf<EvidenceRef>(evidenceRef, evidenceKey);

/** Collections of each record table, by field. */
export const COLLECTIONS = {
  cases: {},
  members: {},
  interviews: { turns: itemsOf(turn), supplements: itemsOf(supplement), ...taggable },
  docReviews: taggable,
  siteVisits: taggable,
  petitions: taggable,
  findings: {
    evidence,
    persons: words(personName),
    departments: words(departmentName),
    responsibilities: words(z.enum(RESPONSIBILITIES)),
  },
  clues: { evidence },
  attachments: {},
  ledgerItems: {},
  tasks: { progress: itemsOf(progressNote) },
  rechecks: { checks: words(z.enum(CHECKS)) },
  compareLists: {},
  compareRules: { exemptions: itemsOf(exemption) },
  compareHits: {},
} as const satisfies Record<string, Readonly<Record<string, ElementSpec>>>;

export type RecordTable = keyof typeof COLLECTIONS;

/** The fields of each record table, as a row from another laptop must have them. */
const FIELDS: Readonly<Record<RecordTable, z.ZodObject>> = {
  cases: caseFieldsSchema(ANY_DAY),
  members: memberFieldsSchema,
  interviews: RECORD_SPECS.interviews.fields(ANY_DAY),
  docReviews: RECORD_SPECS.docReviews.fields(ANY_DAY),
  siteVisits: RECORD_SPECS.siteVisits.fields(ANY_DAY),
  petitions: RECORD_SPECS.petitions.fields(ANY_DAY),
  findings: findingFields,
  clues: clueFields,
  attachments: attachmentFields,
  ledgerItems: ledgerItemFields,
  tasks: taskFields,
  rechecks: recheckFields,
  compareLists: listFields,
  compareRules: ruleFields,
  compareHits: hitFields,
};

export const TABLES = {
  cases: 'travelling',
  members: 'travelling',
  interviews: 'travelling',
  docReviews: 'travelling',
  siteVisits: 'travelling',
  petitions: 'travelling',
  findings: 'travelling',
  clues: 'travelling',
  attachments: 'travelling',
  /** 整改台账: one 问题 per confirmed finding, and its 任务 (issue 14). */
  ledgerItems: 'travelling',
  tasks: 'travelling',
  /** 回头看: the earlier round's 问题 and handed-over clues, each with its 复核. */
  rechecks: 'travelling',
  /** 数据比对: lists (their rows in `blobs`), rules, and the 疑点 with their 核实 (issue 15). */
  compareLists: 'travelling',
  compareRules: 'travelling',
  compareHits: 'travelling',
  /** Every write to every travelling record. */
  revisions: 'travelling',
  /** File contents by SHA-256, referenced by attachments. */
  blobs: 'travelling',
  /**
   * What happened to the case on each laptop (audit.schema.ts): appended, never changed; travels
   * to the 组长 only (packages.repository.ts).
   */
  auditLog: 'travelling',
  /** One list row per field record: what lists, counts, filters and search read. */
  summaries: 'derived',
  /** Device id, current member, schema version, change sequence, export watermark. */
  settings: 'local',
  /** Edits typed but not yet saved in their record, and edits kept aside (autosave). */
  journal: 'local',
  /** The records that hold a conflict (siblings, see merge.ts): what the conflicts list reads. */
  conflicts: 'derived',
} as const satisfies Record<string, TableRole>;

export type TableName = keyof typeof TABLES;

export const RECORD_TABLES = Object.keys(COLLECTIONS) as readonly RecordTable[];

export function isRecordTable(name: string): name is RecordTable {
  return Object.hasOwn(COLLECTIONS, name);
}

export function collectionsOf(table: string): Collections {
  return isRecordTable(table) ? COLLECTIONS[table] : {};
}

/**
 * Checks a row of a record table as it arrives from another laptop: its metadata, every field
 * its table has (dates are not held to this laptop's today), each in the form this app stores
 * it (trimmed, complete), and nothing else. Throws a ValidationError naming the first problem;
 * the row is then stored exactly as it came, so every laptop holds the same bytes.
 */
export function checkRecordRow(table: RecordTable, row: unknown): void {
  const m = zh.data;
  if (typeof row !== 'object' || row === null) throw new ValidationError({ _: m.notARow(table) });
  const fields = FIELDS[table];
  const known = new Set([...Object.keys(metaSchema.shape), ...Object.keys(fields.shape)]);
  const stray = Object.keys(row).find((k) => !known.has(k));
  if (stray !== undefined) throw new ValidationError({ [stray]: m.unknownField(table, stray) });
  const meta = metaSchema.safeParse(row);
  if (!meta.success) throw new ValidationError(fieldErrorsOf(meta.error));
  const values = fields.safeParse(row);
  if (!values.success) throw new ValidationError(fieldErrorsOf(values.error));
  const given = row as Record<string, unknown>;
  // A field a row lacks was added by a later version and never written: its default applies.
  for (const [field, value] of Object.entries(values.data)) {
    if (field in given && !sameValue(value, given[field]))
      throw new ValidationError({ [field]: m.notStoredForm(table, field) });
  }
  checkPaths(table, given as Record<string, unknown> & RecordMetaLike);
  for (const [field, spec] of Object.entries(collectionsOf(table))) {
    const elements = (given[field] ?? []) as unknown[];
    const keys = elements.map((e) => spec.key(e));
    const sorted = sortElements(spec, elements).map((e) => spec.key(e));
    if (new Set(keys).size !== keys.length || !sameValue(keys, sorted)) {
      throw new ValidationError({ [field]: m.badCollection(table, field) });
    }
  }
}

interface RecordMetaLike {
  readonly clocks: Readonly<Record<string, unknown>>;
  readonly siblings?: Readonly<Record<string, readonly { readonly value: unknown }[]>>;
}

/**
 * Every path a row keeps a clock or a conflict for names a field of its table or an element of
 * one of its collections, and every conflicting value (sibling) is one the field could hold:
 * a merge may show a sibling, so it is held to the same rules as the value shown.
 */
function checkPaths(table: RecordTable, row: RecordMetaLike) {
  const m = zh.data;
  const fields = FIELDS[table].shape as Record<string, z.ZodType>;
  const collections = COLLECTIONS[table] as Readonly<Record<string, ElementSpec>>;
  const paths = new Set([...Object.keys(row.clocks), ...Object.keys(row.siblings ?? {})]);
  for (const path of paths) {
    const [field, key] = splitPath(path);
    const known =
      key === undefined
        ? field === 'deleted' ||
          (Object.hasOwn(fields, field) && !Object.hasOwn(collections, field))
        : Object.hasOwn(collections, field);
    if (!known) throw new ValidationError({ [field]: m.unknownField(table, path) });
  }
  for (const [path, siblings] of Object.entries(row.siblings ?? {})) {
    const [field, key] = splitPath(path);
    for (const { value } of siblings) {
      const fits =
        key !== undefined
          ? value === null ||
            (collections[field]!.element.safeParse(value).success &&
              collections[field]!.key(value) === key)
          : field === 'deleted'
            ? typeof value === 'boolean'
            : fields[field]!.safeParse(value).success &&
              sameValue(fields[field]!.parse(value), value);
      if (!fits) throw new ValidationError({ [field]: m.notStoredForm(table, path) });
    }
  }
}

export function parseRevision(row: unknown) {
  const result = revisionSchema.safeParse(row);
  if (!result.success) throw new ValidationError(fieldErrorsOf(result.error));
  return result.data;
}

export function parseBlobRow(row: unknown) {
  const result = blobRowSchema.safeParse(row);
  if (!result.success) throw new ValidationError(fieldErrorsOf(result.error));
  return result.data;
}

export type { RecordKind };
