import type { ReactNode } from 'react';
import { Form } from 'antd';
import type { FieldErrors } from '../../../shared/domain/validation';

export interface FieldProblems {
  readonly refused: FieldErrors;
  readonly missing: FieldErrors;
}

/**
 * A labelled field of a record form with its message beneath: red when the last value was
 * refused (not saved), amber when something is still missing (saved, but incomplete).
 */
export function Field(props: {
  name: string;
  label: string;
  problems: FieldProblems;
  required?: boolean;
  children: ReactNode;
}) {
  const { name, label, problems, required, children } = props;
  const refused = problems.refused[name];
  const missing = problems.missing[name];
  return (
    <Form.Item
      label={label}
      required={required}
      validateStatus={refused ? 'error' : missing ? 'warning' : undefined}
      help={refused ?? missing}
      data-field={name}
    >
      {children}
    </Form.Item>
  );
}
