/**
 * Deciding what of a patch may be written. Pure, so the same rules run in the repository (the
 * gate) and in the form (to show the messages while typing).
 */
import type { IsoDate } from '../dates';
import type { FieldErrors } from '../validation';
import type { RecordSpec } from './common';

export interface PatchCheck {
  /** The fields of the patch that may be written, parsed (trimmed, defaults filled). */
  readonly accepted: Readonly<Record<string, unknown>>;
  /** Fields of the patch that were refused, with the reason. Nothing of them is written. */
  readonly refused: FieldErrors;
  /** What the record, as it would be, still lacks. Shown, never blocking. */
  readonly missing: FieldErrors;
}

/**
 * Parses each field of `patch` with its own schema from `shape`: the well-formed ones are
 * accepted (parsed), the rest refused with their first message; unknown keys are dropped.
 */
export function splitPatch(
  shape: object,
  patch: Readonly<Record<string, unknown>>,
): { accepted: Record<string, unknown>; refused: Record<string, string> } {
  const fields = shape as Record<string, { safeParse: (v: unknown) => ParseResult }>;
  const accepted: Record<string, unknown> = {};
  const refused: Record<string, string> = {};
  for (const [key, value] of Object.entries(patch)) {
    const field = fields[key];
    if (!field) continue; // not a field of this kind: ignored, never stored
    const result = field.safeParse(value);
    if (result.success) accepted[key] = result.data;
    else refused[key] = result.error.issues[0]?.message ?? key;
  }
  return { accepted, refused };
}

export function checkPatch(
  spec: RecordSpec,
  current: Readonly<Record<string, unknown>>,
  patch: Readonly<Record<string, unknown>>,
  today: IsoDate,
): PatchCheck {
  const shape = spec.fields(today).shape as Record<
    string,
    { safeParse: (v: unknown) => ParseResult }
  >;
  const accepted: Record<string, unknown> = {};
  const refused: Record<string, string> = {};
  for (const [key, value] of Object.entries(patch)) {
    const field = shape[key];
    if (!field) continue; // not a field of this kind: ignored, never stored
    const result = field.safeParse(value);
    if (result.success) accepted[key] = result.data;
    else refused[key] = result.error.issues[0]?.message ?? key;
  }
  // Rules between fields are checked one field at a time, in the order they were typed: a patch
  // holding a good start time and then an end time before it keeps the start and refuses the end
  // (checked all at once, the rule would name both and the good start would be lost).
  const kept: Record<string, unknown> = {};
  let values = spec.fields(today).parse(pick(current, shape));
  for (const [key, value] of Object.entries(accepted)) {
    const next = { ...values, [key]: value };
    const broken = spec.cross(next)[key];
    if (broken) {
      refused[key] = broken;
    } else {
      kept[key] = value;
      values = next;
    }
  }
  return { accepted: kept, refused, missing: spec.missing(values) };
}

type ParseResult =
  | { success: true; data: unknown }
  | { success: false; error: { issues: readonly { message: string }[] } };

function pick(values: Readonly<Record<string, unknown>>, shape: object) {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) if (key in values) out[key] = values[key];
  return out;
}
