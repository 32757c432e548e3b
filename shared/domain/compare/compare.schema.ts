/**
 * 数据比对's records (issue 15), each travelling in packages and merging like every record:
 * - a list: what was imported (file, sheet, encoding, the column mapping) and its rows, which
 *   never change once read, kept as content-addressed files (blobs) of one row per line;
 * - a rule: which kind of list is checked against which, what a hit means, its exemptions;
 * - a 疑点: one hit of a rule, and its 核实 (verification) by the team.
 */
import { z } from '../zod';
import { zh } from '../../i18n/zh-CN';
import { choice, optionalText, writtenText } from '../text';
import type { Stored } from '../record';
import { LIST_KINDS } from './kinds';
import type { ColumnMapping } from './rows';

const c = zh.compare.fields;
const column = z.number().int().min(-1).max(16_383);

export const listFields = z.object({
  kind: choice(LIST_KINDS, c.kind),
  name: optionalText(c.name, 100),
  fileName: z.string().max(255).default(''),
  sheet: z.string().max(100).default(''),
  /** The CSV's encoding as read ('' for a workbook). */
  encoding: z.string().max(20).default(''),
  importedAt: z.string().max(40).default(''),
  /** The header row's cells, and its row number. */
  columns: z.array(z.string().max(200)).max(16_384).default([]),
  headerRow: z.number().int().nonnegative().default(1),
  mapping: z.object({
    name: column,
    id: column,
    householder: column.default(-1),
    householderId: column.default(-1),
    relation: column.default(-1),
    address: column.default(-1),
    amount: column.default(-1),
    date: column.default(-1),
    birth: column.default(-1),
  }) satisfies z.ZodType<ColumnMapping, unknown>,
  rows: z.number().int().nonnegative().default(0),
  /** 异常号码 and numbers found more than once in the list. */
  problems: z.number().int().nonnegative().default(0),
  duplicates: z.number().int().nonnegative().default(0),
  /** The rows, in order: files of one JSON row per line, by SHA-256. */
  parts: z
    .array(
      z.object({
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        rows: z.number().int().nonnegative(),
      }),
    )
    .max(10_000)
    .default([]),
});
export type ListFields = z.output<typeof listFields>;
export type ListRecord = Stored<ListFields>;

export const exemption = z.object({
  id: z.string().min(1).max(40),
  pos: z.string().max(200).default(''),
  column: optionalText(c.exemptColumn, 200),
  contains: optionalText(c.exemptContains, 200),
  reason: optionalText(c.exemptReason, 200),
});

export const ruleFields = z.object({
  source: choice(LIST_KINDS, c.source),
  target: choice(LIST_KINDS, c.target),
  meaning: optionalText(c.meaning, 200),
  /** Relatives count: match by the same householder or address too. */
  household: z.boolean().default(false),
  /** The preset it was made from ('' for one the team wrote). */
  preset: z.string().max(60).default(''),
  exemptions: z.array(exemption).max(200).default([]),
});
export type RuleFields = z.output<typeof ruleFields>;
export type RuleRecord = Stored<RuleFields>;

export const HIT_STATUSES = ['pending', 'true', 'false'] as const;
export const MATCH_WAYS = ['id', 'weak', 'household', 'address'] as const;

export const hitFields = z.object({
  /** The rule and the two rows' contents (match.ts): a rerun finds the same 疑点 again. */
  key: z.string().min(1).max(200),
  ruleId: z.string().min(1).max(60),
  /** 疑点编号: 1, 2 … in the order hits were first found. */
  no: z.number().int().positive(),
  way: z.enum(MATCH_WAYS),
  sourceListId: z.string().max(40),
  sourceRow: z.number().int().nonnegative(),
  targetListId: z.string().max(40),
  targetRow: z.number().int().nonnegative(),
  name: z.string().max(100).default(''),
  /** The full number; every view prints it masked (maskId) unless the 组长 decides otherwise. */
  idNumber: z.string().max(40).default(''),
  householder: z.string().max(100).default(''),
  relation: z.string().max(50).default(''),
  description: z.string().max(500).default(''),
  /** Why an exemption removes it from the count ('' for none). */
  exempted: z.string().max(200).default(''),
  /** No longer found by the last run (its rows changed or left): kept with its 核实. */
  gone: z.boolean().default(false),
  status: choice(HIT_STATUSES, c.status).default('pending'),
  verifiedBy: z.string().max(40).default(''),
  verifyNote: writtenText(c.verifyNote, 5000),
  findingId: z.string().max(40).default(''),
  clueId: z.string().max(40).default(''),
});
export type HitFields = z.output<typeof hitFields>;
export type HitRecord = Stored<HitFields>;

/** Written by a run or by an action, never by an edit. */
export const HIT_FIXED: ReadonlySet<string> = new Set(
  Object.keys(hitFields.shape).filter((f) => !['status', 'verifiedBy', 'verifyNote'].includes(f)),
);
