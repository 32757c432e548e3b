/**
 * What the four kinds of field record share: how a kind is described to the rest of the app
 * (RecordSpec), and the field types they are built from.
 *
 * Records are written while the interview is still going on, so a record is a draft from its
 * first keystroke: every field may be blank, and blanks are saved. Three kinds of check:
 * - `fields`: each value must be well-formed (a real date, not after today; HH:mm; a known
 *   focus code). A bad value is not written; the last good one stays stored.
 * - `cross`: rules between fields (end time after start time). The fields involved are not
 *   written while the rule is broken.
 * - `missing`: what a finished record needs (a date, a name). Shown beside the field, never
 *   blocking a save: refusing to save a half-typed interview would lose it.
 */
import { z } from '../zod';
import { zh } from '../../i18n/zh-CN';
import { ANY_DAY, isIsoDate, type IsoDate, EARLIEST_DATE } from '../dates';
import { isFocusCode } from '../focus';
import type { FieldErrors } from '../validation';

export const RECORD_KINDS = ['interviews', 'docReviews', 'siteVisits', 'petitions'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** One answer may hold a whole pasted document: 10 MB of text must fit, with room to spare. */
export const MAX_LONG_TEXT = 20_000_000;

/**
 * A kind's schema for one day, built once per day: building a zod object costs about a
 * millisecond, and list rows, checks and search ask for it for every record they touch.
 */
export function perDay<S>(build: (today: IsoDate) => S): (today: IsoDate) => S {
  const built = new Map<IsoDate, S>();
  return (today) => {
    let schema = built.get(today);
    if (!schema) {
      if (built.size >= 8) built.clear(); // ANY_DAY and today, a few days over midnight
      schema = build(today);
      built.set(today, schema);
    }
    return schema;
  };
}

export interface RecordSpec<S extends z.ZodObject = z.ZodObject> {
  readonly kind: RecordKind;
  /** The record's fields; `today` bounds dates. Blank values are valid (drafts). */
  readonly fields: (today: IsoDate) => S;
  /** A new record's starting values, filled in for the member creating it. */
  readonly defaults: (ctx: { today: IsoDate; memberId: string }) => z.input<S>;
  readonly cross: (values: z.output<S>) => FieldErrors;
  readonly missing: (values: z.output<S>) => FieldErrors;
  /** What a list shows as the record's name. */
  readonly title: (values: z.output<S>) => string;
  /** The date lists sort and filter by. */
  readonly date: (values: z.output<S>) => string;
  /** The sub-type lists filter by (谈话类型, 资料类别…), if the kind has one. */
  readonly subKind: (values: z.output<S>) => string;
  /** Team members named in the record (谈话人, 查阅人…), for "filter by member". */
  readonly members: (values: z.output<S>) => readonly string[];
  /** People met, for the statistics (谈话 N 人次): named interviewees; 0 for other kinds. */
  readonly headcount: (values: z.output<S>) => number;
  /** The fields the user fills in (not those a new record starts with): a record is blank
   * while none of them holds anything, and blank drafts are not evidence (not counted). */
  readonly content: readonly string[];
  /** Everything a search should find, as plain text. */
  readonly text: (values: z.output<S>) => string;
  /**
   * Whether the record, as it now is, is closed to edits (a signed 笔录): only `editable` fields
   * may still change, and every other change is refused with `reason`. Absent: always open.
   */
  readonly frozen?: (
    values: z.output<S>,
  ) => { readonly editable: ReadonlySet<string>; readonly reason: string } | undefined;
  /**
   * Fields whose values must not remain anywhere on the laptop, history included, given the
   * record as it now is (an anonymous petition's reporter). Empty or absent: none.
   */
  readonly redact?: (values: z.output<S>) => readonly string[];
}

export function longText(label: string) {
  return z
    .string()
    .max(MAX_LONG_TEXT, { error: zh.validation.tooLong(label, MAX_LONG_TEXT) })
    .default('');
}

/** A date that has happened: blank (not yet filled in) or a real day no later than today. */
export function pastDate(label: string, today: IsoDate) {
  return z
    .string()
    .trim()
    .refine((d) => d === '' || isIsoDate(d), { error: zh.validation.date(label) })
    .refine((d) => !isIsoDate(d) || d >= EARLIEST_DATE, {
      error: zh.validation.dateOutOfRange(label, EARLIEST_DATE, today),
    })
    .refine((d) => !isIsoDate(d) || d <= today, { error: zh.validation.notAfterToday(label) })
    .default('');
}

/** A time of day, HH:mm, or blank. */
export function timeOfDay(label: string) {
  return z
    .string()
    .trim()
    .refine((t) => t === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(t), {
      error: zh.validation.time(label),
    })
    .default('');
}

/** A team member's id, or blank. */
export const memberRef = z.string().max(40).default('');
export const memberRefs = z.array(z.string().min(1).max(40)).max(50).default([]);

export const focusCode = z.string().refine(isFocusCode, { error: zh.validation.focus });
export const focusCodes = z.array(focusCode).max(50).default([]);

export const freeTag = z
  .string()
  .trim()
  .min(1, { error: zh.validation.tag })
  .max(20, { error: zh.validation.tag });
export const freeTags = z.array(freeTag).max(20, { error: zh.validation.tag }).default([]);

/**
 * The record's title as shown: from the first of `candidates` that is a valid record (the
 * values on screen, then the record as stored: while a pasted value is refused, the title is
 * the saved one). Never throws: no value typed may blank the page.
 */
export function titleOf(spec: RecordSpec, ...candidates: readonly unknown[]): string {
  for (const values of candidates) {
    const parsed = spec.fields(ANY_DAY).safeParse(values);
    if (parsed.success) return spec.title(parsed.data);
  }
  return '';
}

/** Whether any of the record's content fields holds something (see RecordSpec.content). */
export function hasContent(spec: RecordSpec, values: Readonly<Record<string, unknown>>): boolean {
  return spec.content.some((field) => filled(values[field]));
}

/** Text that is not blank, a ticked box, or a list or object holding any (ids and positions of
 * turns and people do not count: an empty 问 is not content). */
function filled(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.some(filled);
  if (value && typeof value === 'object') {
    return Object.entries(value).some(
      ([k, v]) => k !== 'id' && k !== 'pos' && k !== 'speaker' && filled(v),
    );
  }
  return false;
}

/** Helper for `missing`: the message for each blank field. */
export function blanks(checks: Record<string, [blank: boolean, message: string]>): FieldErrors {
  const out: Record<string, string> = {};
  for (const [field, [blank, message]] of Object.entries(checks)) if (blank) out[field] = message;
  return out;
}

/** Helper for `cross`: when `broken`, the same message on every field the rule involves. */
export function rule(broken: boolean, fields: readonly string[], message: string): FieldErrors {
  return broken ? Object.fromEntries(fields.map((field) => [field, message])) : {};
}
