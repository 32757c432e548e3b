/**
 * The rows a record form is made of, built from the field's name: its label (from the string
 * catalogue), its message beneath (Field), the input that suits its type, and the one way every
 * input reports a change (`change({ [name]: value })`). A form then reads as a list of its fields.
 */
import { memo, type ReactNode } from 'react';
import { Checkbox, Col, Input, Select } from 'antd';
import { lengthLimit } from '../lengthLimit';
import { Field, type FieldProblems } from './Field';
import { BigTextArea } from './BigTextArea';
import { DateInput, MemberPicker, TimeInput } from './pickers';

export interface FormProps<T> {
  caseId: string;
  values: T;
  change: (patch: Partial<T>) => void;
  problems: FieldProblems;
}

/** The names of `T`'s fields whose values are of type `V`. */
type NamesOf<T, V> = { [K in keyof T]-?: T[K] extends V ? K : never }[keyof T] & string;

interface Place {
  /** The grid column's width (of 24); none: the field takes the whole row. */
  readonly span?: number;
  readonly required?: boolean;
}

export function fieldRows<T extends object>(
  props: FormProps<T>,
  labels: Readonly<Record<string, string>>,
) {
  const { caseId, values, change, problems } = props;
  const label = (name: string) => labels[name] ?? name;
  const valueOf = (name: keyof T) => values[name];
  // The one place a field's name meets its value's type: every builder below narrows `name`
  // to fields of the right type, so the value written is of that field's type.
  const set = (name: string, value: unknown) => change({ [name]: value } as Partial<T>);

  const place = (name: string, input: ReactNode, at: Place & { disabled?: boolean }) => {
    const field = (
      <Field name={name} label={label(name)} problems={problems} required={at.required}>
        {input}
      </Field>
    );
    return (
      <Cell
        key={name}
        value={values[name as keyof T]}
        refused={problems.refused[name]}
        missing={problems.missing[name]}
        required={at.required}
        disabled={at.disabled}
        field={at.span ? <Col span={at.span}>{field}</Col> : field}
      />
    );
  };

  return {
    /** One line of text; `max` shows the count near the limit (never cuts a paste). */
    text: (name: NamesOf<T, string>, at: Place & { max?: number; disabled?: boolean } = {}) =>
      place(
        name,
        <Input
          aria-label={label(name)}
          value={valueOf(name) as string}
          disabled={at.disabled}
          {...(at.max !== undefined && { count: lengthLimit(at.max) })}
          onChange={(e) => set(name, e.target.value)}
        />,
        at,
      ),
    /** Text that may run to pages (see BigTextArea). */
    long: (name: NamesOf<T, string>, at: Place & { minRows?: number; maxRows?: number } = {}) =>
      place(
        name,
        <BigTextArea
          ariaLabel={label(name)}
          value={valueOf(name) as string}
          minRows={at.minRows ?? 2}
          maxRows={at.maxRows ?? 20}
          onChange={(text) => set(name, text)}
        />,
        at,
      ),
    date: (name: NamesOf<T, string>, at: Place = {}) =>
      place(
        name,
        <DateInput
          label={label(name)}
          value={valueOf(name) as string}
          onChange={(d) => set(name, d)}
        />,
        at,
      ),
    time: (name: NamesOf<T, string>, at: Place = {}) =>
      place(
        name,
        <TimeInput
          label={label(name)}
          value={valueOf(name) as string}
          onChange={(t) => set(name, t)}
        />,
        at,
      ),
    /** One of a fixed list. */
    choice: (
      name: NamesOf<T, string>,
      options: readonly { value: string; label: string }[],
      at: Place = {},
    ) =>
      place(
        name,
        <Select
          aria-label={label(name)}
          value={valueOf(name) as string}
          options={[...options]}
          onChange={(v: string) => set(name, v)}
        />,
        at,
      ),
    /** Members of the team: one, or (for a list of ids) several. */
    member: (name: NamesOf<T, string> | NamesOf<T, readonly string[]>, at: Place = {}) => {
      const value = valueOf(name) as string | readonly string[];
      return place(
        name,
        <MemberPicker
          caseId={caseId}
          multiple={Array.isArray(value)}
          ariaLabel={label(name)}
          value={value}
          onChange={(v) => set(name, v)}
        />,
        at,
      );
    },
    /** A yes/no box, its label beside it. */
    check: (name: NamesOf<T, boolean>, style?: React.CSSProperties) => (
      <Checkbox
        key={name}
        checked={valueOf(name) as boolean}
        style={style}
        onChange={(e) => set(name, e.target.checked)}
      >
        {label(name)}
      </Checkbox>
    ),
    /** Any other input, placed and labelled like the rest. */
    custom: (name: keyof T & string, input: ReactNode, at: Place = {}) => place(name, input, at),
  };
}

interface CellProps {
  readonly value: unknown;
  readonly refused: string | undefined;
  readonly missing: string | undefined;
  readonly required: boolean | undefined;
  readonly disabled: boolean | undefined;
  readonly field: ReactNode;
}

/**
 * One field of a form, rendered again only when what it shows changed: its value, its message,
 * whether it is required or disabled. Typing in one field (one turn of 200) leaves the others
 * alone. The `field` element is made afresh at every render of the form but only rendered when
 * the rest differs: it depends on nothing else (the form's `change` is stable).
 */
const Cell = memo(
  function Cell({ field }: CellProps) {
    return field;
  },
  (a, b) =>
    a.value === b.value &&
    a.refused === b.refused &&
    a.missing === b.missing &&
    a.required === b.required &&
    a.disabled === b.disabled,
);
