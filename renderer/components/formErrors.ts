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
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const general: string[] = [];
  const fields = [];
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    const name = path.split('.');
    if (known.has(name[0]!)) fields.push({ name, errors: [message] });
    else general.push(message);
  }
  form.setFields(fields);
  return general.length > 0 ? general.join('；') : null;
}
