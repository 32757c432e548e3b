import { Select } from 'antd';

interface Props<T extends string> {
  /** What no choice means, "全部…": the placeholder, and the name a screen reader says. */
  readonly all: string;
  readonly width: number;
  readonly value: T | undefined;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly onChange: (value: T | undefined) => void;
}

/** One filter of a list: a choice that can be cleared back to "all". */
export function FilterSelect<T extends string>({ all, width, value, options, onChange }: Props<T>) {
  return (
    <Select<T>
      aria-label={all}
      allowClear
      placeholder={all}
      style={{ width }}
      value={value}
      options={[...options]}
      onChange={(next?: T) => onChange(next)}
    />
  );
}
