import type { InputProps } from 'antd';

/**
 * A field's length limit that never cuts what was typed or pasted (antd's `maxLength` drops the
 * end of a paste without a word): near the limit the field counts, past it the count turns red,
 * and the schema refuses the value beside the field with the reason, as every bad value is.
 */
export function lengthLimit(max: number): InputProps['count'] {
  return { max, show: ({ count }) => (count > max * 0.8 ? `${count} / ${max}` : null) };
}
