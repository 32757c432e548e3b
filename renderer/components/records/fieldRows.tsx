/**
 * The rows a record form is made of, built from the field's name: its label (from the string
 * catalogue), its message beneath (Field), the input that suits its type, and the one way every
 * input reports a change (`change({ [name]: value })`). A form then reads as a list of its fields.
 *
 * Each field reads its own value and message from the editor (useEditorState): a keystroke
 * renders the field typed into, not the form (with a 200-turn interview, rendering the whole
 * form cost several frames a key, measured by `npm run bench -- ui`).
 */
import { memo, type CSSProperties, type ReactNode } from 'react';
import { Checkbox, Col, Input, Select } from 'antd';
import { useEditorState, type Editor } from '../../hooks/autosave';
import { lengthLimit } from '../lengthLimit';
import { Field } from './Field';
import { BigTextArea } from './BigTextArea';
import { DateInput, MemberPicker, TimeInput } from './pickers';

/** An editor as a form of `T` sees it: its changes typed as `T`'s fields. */
export interface FormEditor<T> extends Pick<Editor, 'subscribe' | 'getState'> {
  readonly change: (patch: Partial<T>) => void;
}

export interface FormProps<T> {
  caseId: string;
  editor: FormEditor<T>;
}

/** One field's value, rendering again only when it changes. */
export function useValue<T, K extends keyof T & string>(editor: FormEditor<T>, name: K): T[K] {
  return useEditorState(editor as unknown as Editor, (s) => s.values[name] as T[K]);
}

/** The names of `T`'s fields whose values are of type `V`. */
type NamesOf<T, V> = { [K in keyof T]-?: T[K] extends V ? K : never }[keyof T] & string;

interface Place {
  /** The grid column's width (of 24); none: the field takes the whole row. */
  readonly span?: number;
  readonly required?: boolean;
  /**
   * Shown but closed to edits (a signed 笔录). Text stays selectable, so a passage can still be
   * cited; a choice, a date or a member is disabled.
   */
  readonly readOnly?: boolean;
}

/** The rows of a form; `every` applies to each row unless the row says otherwise. */
export function fieldRows<T extends object>(
  props: FormProps<T>,
  labels: Readonly<Record<string, string>>,
  every: Pick<Place, 'readOnly'> = {},
) {
  const { caseId, editor } = props;
  const label = (name: string) => labels[name] ?? name;
  // The one place a field's name meets its value's type: every builder below narrows `name`
  // to fields of the right type, so the value written is of that field's type.
  const set = (name: string, value: unknown) => editor.change({ [name]: value } as Partial<T>);

  const place = (
    name: string,
    input: (value: never, readOnly: boolean) => ReactNode,
    at: Place & { disabled?: boolean },
  ) => (
    <FieldCell
      key={name}
      editor={editor as unknown as Editor}
      name={name}
      label={label(name)}
      span={at.span}
      required={at.required}
      disabled={at.disabled}
      readOnly={at.readOnly ?? every.readOnly ?? false}
      input={input as (value: unknown, readOnly: boolean) => ReactNode}
    />
  );

  return {
    /** One line of text; `max` shows the count near the limit (never cuts a paste). */
    text: (name: NamesOf<T, string>, at: Place & { max?: number; disabled?: boolean } = {}) =>
      place(
        name,
        (value: string, readOnly: boolean) => (
          <Input
            aria-label={label(name)}
            value={value}
            // `false` would override a disabled form (no current member): only ever add.
            disabled={at.disabled || undefined}
            readOnly={readOnly}
            variant={readOnly ? 'filled' : undefined}
            {...(at.max !== undefined && { count: lengthLimit(at.max) })}
            onChange={(e) => set(name, e.target.value)}
          />
        ),
        at,
      ),
    /** Text that may run to pages (see BigTextArea). */
    long: (name: NamesOf<T, string>, at: Place & { minRows?: number; maxRows?: number } = {}) =>
      place(
        name,
        (value: string, readOnly: boolean) => (
          <BigTextArea
            ariaLabel={label(name)}
            value={value}
            readOnly={readOnly}
            minRows={at.minRows ?? 2}
            maxRows={at.maxRows ?? 20}
            onChange={(text) => set(name, text)}
          />
        ),
        at,
      ),
    date: (name: NamesOf<T, string>, at: Place = {}) =>
      place(
        name,
        (value: string, readOnly: boolean) => (
          <DateInput
            label={label(name)}
            value={value}
            disabled={readOnly || undefined}
            onChange={(d) => set(name, d)}
          />
        ),
        at,
      ),
    time: (name: NamesOf<T, string>, at: Place = {}) =>
      place(
        name,
        (value: string, readOnly: boolean) => (
          <TimeInput
            label={label(name)}
            value={value}
            disabled={readOnly || undefined}
            onChange={(t) => set(name, t)}
          />
        ),
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
        (value: string, readOnly: boolean) => (
          <Select
            aria-label={label(name)}
            value={value}
            disabled={readOnly || undefined}
            options={[...options]}
            onChange={(v: string) => set(name, v)}
          />
        ),
        at,
      ),
    /** Members of the team: one, or (for a list of ids) several. */
    member: (name: NamesOf<T, string> | NamesOf<T, readonly string[]>, at: Place = {}) =>
      place(
        name,
        (value: string | readonly string[], readOnly: boolean) => (
          <MemberPicker
            caseId={caseId}
            multiple={Array.isArray(value)}
            ariaLabel={label(name)}
            value={value}
            disabled={readOnly || undefined}
            onChange={(v) => set(name, v)}
          />
        ),
        at,
      ),
    /** A yes/no box, its label beside it. */
    check: (name: NamesOf<T, boolean>, style?: CSSProperties) => (
      <CheckCell
        key={name}
        editor={editor as unknown as Editor}
        name={name}
        label={label(name)}
        style={style}
        readOnly={every.readOnly ?? false}
      />
    ),
    /**
     * Any other input, placed and labelled like the rest, given the field's value and whether
     * it is read-only (which the input must honour).
     */
    custom: <K extends keyof T & string>(
      name: K,
      input: (value: T[K], readOnly: boolean) => ReactNode,
      at: Place = {},
    ) => place(name, input as (value: never, readOnly: boolean) => ReactNode, at),
  };
}

interface CellProps {
  readonly editor: Editor;
  readonly name: string;
  readonly label: string;
  readonly span: number | undefined;
  readonly required: boolean | undefined;
  readonly disabled: boolean | undefined;
  readonly readOnly: boolean;
  /** The input for a value: made afresh at each render of the form, and depending on nothing
   * but the value and the props above, so a change of it alone renders nothing. */
  readonly input: (value: unknown, readOnly: boolean) => ReactNode;
}

const only = (name: string, message: string | undefined) =>
  message === undefined ? {} : { [name]: message };

/**
 * One field of a form: its label and message, rendered when the message changes. The input
 * inside reads the value itself: typing renders the input alone, not the Form.Item around it
 * (whose contexts, changed, make React search the whole field for their readers: all 200 turns
 * of an interview).
 */
const FieldCell = memo(
  function FieldCell({ editor, name, label, span, required, readOnly, input }: CellProps) {
    const refused = useEditorState(editor, (s) => s.refused[name]);
    const missing = useEditorState(editor, (s) => s.missing[name]);
    const field = (
      <Field
        name={name}
        label={label}
        problems={{ refused: only(name, refused), missing: only(name, missing) }}
        required={required}
      >
        <FieldInput editor={editor} name={name} readOnly={readOnly} input={input} />
      </Field>
    );
    return span ? <Col span={span}>{field}</Col> : field;
  },
  (a, b) =>
    a.editor === b.editor &&
    a.name === b.name &&
    a.label === b.label &&
    a.span === b.span &&
    a.required === b.required &&
    a.disabled === b.disabled &&
    a.readOnly === b.readOnly,
);

function FieldInput(props: Pick<CellProps, 'editor' | 'name' | 'readOnly' | 'input'>) {
  const { editor, name } = props;
  return props.input(
    useEditorState(editor, (s) => s.values[name]),
    props.readOnly,
  );
}

function CheckCell(props: {
  editor: Editor;
  name: string;
  label: string;
  style?: CSSProperties;
  readOnly: boolean;
}) {
  const { editor, name } = props;
  const checked = useEditorState(editor, (s) => s.values[name] as boolean);
  return (
    <Checkbox
      checked={checked}
      style={props.style}
      disabled={props.readOnly || undefined}
      onChange={(e) => editor.change({ [name]: e.target.checked })}
    >
      {props.label}
    </Checkbox>
  );
}
