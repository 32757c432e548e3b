import { sameValue } from '../../shared/domain/record';

/**
 * The fields of `values` that differ from what the form opened with: all a dialog sends when it
 * edits something that exists. A dialog opened before someone else's change then cannot undo
 * it by writing back the old values of fields nobody touched.
 */
export function changedFields<T extends object>(initial: T, values: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(values) as (keyof T)[]) {
    if (!sameValue(initial[key], values[key])) out[key] = values[key];
  }
  return out;
}
