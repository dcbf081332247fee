// The form kit's fields: labelled form items fed by react-hook-form errors (the schema's or the
// core's), and text, number and date inputs bound to a form field (dates held as ISO strings).

import { DatePicker, Form, Input, InputNumber } from 'antd';
import dayjs from 'dayjs';
import { Controller, get, useFormState, type Control, type FieldValues, type Path } from 'react-hook-form';

/** A labelled field with its error (from the schema or the core) underneath. */
export function FieldItem<V extends FieldValues>(props: {
  control: Control<V>;
  name: Path<V>;
  label: string;
  required?: boolean;
  extra?: React.ReactNode;
  /** The error's test id is `error-<testId>` unless `errorTestId` names it. */
  testId: string;
  errorTestId?: string;
  /** In a table row: no label above (it is the column's), less space below. */
  compact?: boolean;
  children: React.ReactNode;
}) {
  const { errors } = useFormState({ control: props.control, name: props.name, exact: true });
  const error = get(errors, props.name) as { message?: string } | undefined;
  return (
    <Form.Item
      label={props.compact ? undefined : props.label}
      aria-label={props.compact ? props.label : undefined}
      required={props.required}
      validateStatus={error?.message ? 'error' : undefined}
      help={error?.message ? <span data-testid={props.errorTestId ?? `error-${props.testId}`}>{error.message}</span> : undefined}
      extra={props.extra}
      style={props.compact ? { marginBottom: 8 } : undefined}
    >
      {props.children}
    </Form.Item>
  );
}

/** A text input (or a text area) bound to a form field. */
export function TextField<V extends FieldValues>(props: {
  control: Control<V>;
  name: Path<V>;
  testId: string;
  maxLength?: number;
  placeholder?: string | undefined;
  inputMode?: 'numeric' | 'text';
  textarea?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  autoComplete?: string;
  size?: 'small' | 'middle';
  /** Monospaced (codes, numbers). */
  mono?: boolean;
  upperCase?: boolean;
  /** Tidies the value when the clerk leaves the field. */
  normalize?(raw: string): string;
}) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field }) =>
        props.textarea ? (
          <Input.TextArea
            ref={field.ref}
            name={field.name}
            value={String(field.value ?? '')}
            onChange={field.onChange}
            onBlur={field.onBlur}
            maxLength={props.maxLength}
            autoSize={{ minRows: 2, maxRows: 5 }}
            data-testid={props.testId}
          />
        ) : (
          <Input
            ref={field.ref}
            name={field.name}
            size={props.size}
            className={props.mono ? 'leye-mono' : undefined}
            value={String(field.value ?? '')}
            onChange={(event) => field.onChange(props.upperCase ? event.target.value.toUpperCase() : event.target.value)}
            onBlur={(event) => {
              if (props.normalize) {
                const tidy = props.normalize(event.target.value);
                if (tidy !== event.target.value) field.onChange(tidy);
              }
              field.onBlur();
            }}
            maxLength={props.maxLength}
            placeholder={props.placeholder}
            inputMode={props.inputMode}
            disabled={props.disabled}
            autoFocus={props.autoFocus}
            autoComplete={props.autoComplete}
            data-testid={props.testId}
          />
        )
      }
    />
  );
}

/** A number input bound to a form field (empty = null). */
export function NumberInput<V extends FieldValues>(props: {
  control: Control<V>;
  name: Path<V>;
  testId: string;
  min?: number;
  max?: number;
  step?: number;
  precision?: number;
}) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field }) => (
        <InputNumber<number>
          ref={field.ref}
          style={{ width: '100%' }}
          value={field.value as number | null}
          min={props.min}
          max={props.max}
          step={props.step ?? 1}
          precision={props.precision ?? 0}
          onChange={(value) => field.onChange(value ?? null)}
          onBlur={field.onBlur}
          data-testid={props.testId}
        />
      )}
    />
  );
}

/** A date picker bound to a form field holding an ISO day ('' = none). */
export function DateField<V extends FieldValues>(props: { control: Control<V>; name: Path<V>; testId: string; size?: 'small' | 'middle'; disableFuture?: boolean }) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field }) => (
        <span data-testid={props.testId}>
          <DatePicker
            ref={field.ref}
            size={props.size}
            style={{ width: '100%' }}
            value={typeof field.value === 'string' && field.value ? dayjs(field.value) : null}
            onChange={(value) => field.onChange(value ? value.format('YYYY-MM-DD') : '')}
            onBlur={field.onBlur}
            disabledDate={props.disableFuture ? (day) => day.isAfter(dayjs(), 'day') : undefined}
          />
        </span>
      )}
    />
  );
}

/** An antd date picker over an ISO day string ('' = none), for a Controller's render. */
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
