// The form kit's fields: labelled form items fed by react-hook-form errors (the schema's or the
// core's), text inputs and date inputs that hold ISO strings.

import { DatePicker, Form } from 'antd';
import dayjs from 'dayjs';
import { get, useFormState, type Control, type FieldValues, type Path } from 'react-hook-form';

/** A labelled field with its error (from the schema or the core) underneath. */
export function FieldItem<V extends FieldValues>(props: {
  control: Control<V>;
  name: Path<V>;
  label: string;
  required?: boolean;
  extra?: React.ReactNode;
  testId: string;
  children: React.ReactNode;
}) {
  const { errors } = useFormState({ control: props.control, name: props.name, exact: true });
  const error = get(errors, props.name) as { message?: string } | undefined;
  return (
    <Form.Item
      label={props.label}
      required={props.required}
      validateStatus={error?.message ? 'error' : undefined}
      help={error?.message ? <span data-testid={`error-${props.testId}`}>{error.message}</span> : undefined}
      extra={props.extra}
    >
      {props.children}
    </Form.Item>
  );
}

/** An antd date picker over an ISO day string ('' = none). */
export function IsoDatePicker(props: {
  value: string;
  onChange(value: string): void;
  onBlur?: () => void;
  testId: string;
  disabled?: boolean;
  disabledDate?: (day: dayjs.Dayjs) => boolean;
}) {
  return (
    <span data-testid={props.testId} style={{ display: 'block' }}>
      <DatePicker
        style={{ width: '100%' }}
        value={props.value ? dayjs(props.value) : null}
        onChange={(value) => props.onChange(value ? value.format('YYYY-MM-DD') : '')}
        onBlur={props.onBlur}
        disabled={props.disabled}
        disabledDate={props.disabledDate}
      />
    </span>
  );
}
