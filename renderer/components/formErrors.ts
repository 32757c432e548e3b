import type { FormInstance } from 'antd';
import { ValidationError } from '../../shared/domain/validation';

/**
 * Shows a save error where the user will look: each field's message under that field, anything
 * else (no field, or an unexpected failure) in the returned text for an alert.
 */
export function showSaveError(form: FormInstance, error: unknown): string | null {
  if (!(error instanceof ValidationError)) {
    return error instanceof Error ? error.message : String(error);
  }
  // Every field the form has registered, filled in or not.
  const known = new Set(form.getFieldsError().map((f) => String(f.name[0])));
  const general: string[] = [];
  // Errors of the previous attempt go; only this attempt's problems are shown.
  const fields = [...known].map((name) => ({ name: [name], errors: [] as string[] }));
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    const name = path.split('.');
    if (known.has(name[0]!)) fields.push({ name, errors: [message] });
    else general.push(message);
  }
  form.setFields(fields);
  return general.length > 0 ? general.join('；') : null;
}

/** Clears a field's error as soon as the user changes it: the message was about the old value. */
export function clearErrorsOf(form: FormInstance, changed: object): void {
  form.setFields(Object.keys(changed).map((name) => ({ name: [name], errors: [] })));
}

/** What went wrong, in one sentence for a message or an alert: every refusal, or the error. */
export function errorText(error: unknown): string {
  if (error instanceof ValidationError) return Object.values(error.fieldErrors).join('；');
  return error instanceof Error ? error.message : String(error);
}
