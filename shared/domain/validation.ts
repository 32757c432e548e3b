import type { z } from './zod';

/** Field path ('endDate', 'interviewees.0.name') → the first message for that field. */
export type FieldErrors = Readonly<Record<string, string>>;

/**
 * Bad input that the user can fix. It carries one message per field so a form can show each
 * next to its field; `message` joins them for places that have no form (imports, scripts).
 */
export class ValidationError extends Error {
  readonly fieldErrors: FieldErrors;
  constructor(fieldErrors: FieldErrors) {
    super(Object.values(fieldErrors).join('；'));
    this.name = 'ValidationError';
    this.fieldErrors = fieldErrors;
  }
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}

/** Parses `value` or throws a ValidationError with Chinese messages per field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(fieldErrorsOf(result.error));
  return result.data;
}

/** What a form hands over before validation: any field may still be missing. */
export type Loose<T> = { [K in keyof T]?: T[K] | undefined };
