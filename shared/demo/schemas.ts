/**
 * The stored form of each record kind, built once: zod schemas are costly to build, and the
 * generator parses thousands of records at benchmark scales. Built on first use, so loading
 * this module costs nothing.
 */
import { ANY_DAY } from '../domain/dates';
import { RECORD_SPECS, type RecordKind } from '../domain/records';
import type { z } from '../domain/zod';

const built = new Map<RecordKind, z.ZodObject>();

/** Parses `input` into the stored form of a `kind` record (defaults filled, text trimmed). */
export function storedForm(kind: RecordKind, input: unknown): Record<string, unknown> {
  let schema = built.get(kind);
  if (!schema) {
    schema = RECORD_SPECS[kind].fields(ANY_DAY);
    built.set(kind, schema);
  }
  return schema.parse(input);
}
