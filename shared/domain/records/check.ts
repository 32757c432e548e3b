/**
 * Deciding what of a patch may be written. Pure, so the same rules run in the repository (the
 * gate) and in the form (to show the messages while typing).
 *
 * A patch names fields (`title`) and collection elements (`turns/<id>`, see collections.ts);
 * each is checked on its own, so one bad value never costs the good ones typed with it.
 */
import { ANY_DAY, type IsoDate } from '../dates';
import { elementPath, splitPath } from '../collections';
import { applyPatch, type Patch } from '../record';
import type { ElementSpec } from '../tables';
import type { FieldErrors } from '../validation';
import type { RecordSpec } from './common';

export interface PatchCheck {
  /** The part of the patch that may be written, parsed (trimmed, defaults filled). */
  readonly accepted: Readonly<Record<string, unknown>>;
  /** Fields of the patch that were refused, with the reason. Nothing of them is written. */
  readonly refused: FieldErrors;
  /** What the record, as it would be, still lacks. Shown, never blocking. */
  readonly missing: FieldErrors;
}

type ParseResult =
  | { success: true; data: unknown }
  | { success: false; error: { issues: readonly { message: string }[] } };
interface Parser {
  safeParse(value: unknown): ParseResult;
}

type Elements = Readonly<Record<string, ElementSpec>>;

/**
 * Parses each field of `patch` with its own schema from `shape`, and each element with its
 * collection's element schema: the well-formed ones are accepted (parsed), the rest refused
 * with their first message (under the field's name, where the form shows it); unknown keys
 * are dropped. Then each collection, as it would be, must still fit its field (e.g. at most 20
 * tags), or all its element writes are refused.
 */
export function splitPatch(
  shape: object,
  patch: Patch,
  current: object = {},
  collections: Elements = {},
): { accepted: Record<string, unknown>; refused: Record<string, string> } {
  const fields = shape as Record<string, Parser>;
  const accepted: Record<string, unknown> = {};
  const refused: Record<string, string> = {};
  for (const [path, value] of Object.entries(patch)) {
    const [field, key] = splitPath(path);
    const schema = Object.hasOwn(fields, field) ? fields[field] : undefined;
    if (!schema) continue; // not a field of this kind: ignored, never stored
    const spec = Object.hasOwn(collections, field) ? collections[field] : undefined;
    if (spec) {
      if (key === undefined) continue; // collections are written element by element only
      if (value === null) {
        accepted[path] = null;
        continue;
      }
      const result = (spec.element as Parser).safeParse(value);
      if (!result.success) refused[field] = result.error.issues[0]?.message ?? field;
      // Parsing may change what the element is (a tag typed with spaces): file it under that.
      else accepted[elementPath(field, spec.key(result.data))] = result.data;
    } else if (key === undefined) {
      const result = schema.safeParse(value);
      if (result.success) accepted[field] = result.data;
      else refused[field] = result.error.issues[0]?.message ?? field;
    }
  }
  const after = applyPatch(current as Record<string, unknown>, accepted, collections);
  for (const field of Object.keys(collections)) {
    const schema = fields[field];
    if (!schema || refused[field]) continue;
    const writes = Object.keys(accepted).filter((p) => splitPath(p)[0] === field);
    if (writes.length === 0) continue;
    const result = schema.safeParse(after[field]);
    if (!result.success) {
      refused[field] = result.error.issues[0]?.message ?? field;
      for (const p of writes) delete accepted[p];
    }
  }
  return { accepted, refused };
}

export function checkPatch(
  spec: RecordSpec,
  current: Readonly<Record<string, unknown>>,
  patch: Patch,
  today: IsoDate,
  collections: Elements = {},
): PatchCheck {
  const shape = spec.fields(today).shape;
  const frozen = spec.frozen?.(spec.fields(ANY_DAY).parse(pick(current, shape)));
  const open: Record<string, unknown> = {};
  const closed: Record<string, string> = {};
  for (const [path, value] of Object.entries(patch)) {
    const [field] = splitPath(path);
    if (frozen && !frozen.editable.has(field)) closed[field] = frozen.reason;
    else open[path] = value;
  }
  const { accepted, refused } = splitPatch(shape, open, current, collections);
  Object.assign(refused, closed);
  // Rules between fields are checked one field at a time, in the order they were typed: a patch
  // holding a good start time and then an end time before it keeps the start and refuses the end
  // (checked all at once, the rule would name both and the good start would be lost).
  const kept: Record<string, unknown> = {};
  let values = spec.fields(today).parse(pick(current, shape));
  for (const [path, value] of Object.entries(accepted)) {
    const [field] = splitPath(path);
    const next = applyPatch(values, { [path]: value }, collections);
    const broken = spec.cross(next)[field];
    if (broken) {
      refused[field] = broken;
    } else {
      kept[path] = value;
      values = next;
    }
  }
  return { accepted: kept, refused, missing: spec.missing(values) };
}

function pick(values: Readonly<Record<string, unknown>>, shape: object) {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) if (key in values) out[key] = values[key];
  return out;
}
