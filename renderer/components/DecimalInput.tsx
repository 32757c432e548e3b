import { useState } from 'react';
import { Input } from 'antd';

/** A number as typed: blank is null, a number is a number, anything else stays text. */
export function parseDecimal(text: string): number | string | null {
  const t = text.trim();
  if (t === '') return null;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : text;
}

/**
 * A number field that passes on exactly what is typed, for the schema to accept or refuse
 * beside the field. antd's InputNumber clamps to its min and max on blur and drops what it
 * cannot parse, so 150 in a 0–100 field was saved as 100, or as 15 if the form closed first.
 */
export function DecimalInput(props: {
  /** What the form holds: a number, null, or text that was refused. */
  value: number | string | null;
  onChange: (value: number | string | null) => void;
  'aria-label': string;
  disabled?: boolean;
  suffix?: string;
  /** Pixels; undefined fills the column. */
  width?: number | undefined;
}) {
  const { value, onChange, disabled, suffix } = props;
  const width = 'width' in props ? props.width : 160;
  const [text, setText] = useState(value === null || value === undefined ? '' : String(value));
  // The value changed elsewhere (another window, a restored edit): show it, not the old text.
  const shown =
    parseDecimal(text) === value || text === value
      ? text
      : value === null || value === undefined
        ? ''
        : String(value);
  return (
    <Input
      aria-label={props['aria-label']}
      inputMode="decimal"
      disabled={disabled}
      value={shown}
      suffix={suffix}
      style={{ width: width ?? '100%' }}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseDecimal(e.target.value));
      }}
    />
  );
}
