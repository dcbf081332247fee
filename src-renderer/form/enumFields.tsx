/**
 * Form controls over a fixed list of enum values, bound to a react-hook-form field.
 * Each option's label is the translation of `${labelKey}.${value}`.
 */
import { Checkbox, Radio, Select } from 'antd';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

interface EnumFieldProps<T extends FieldValues, V extends string> {
  control: Control<T>;
  name: FieldPath<T>;
  values: readonly V[];
  /** Translation key prefix of the option labels, e.g. `enums.education`. */
  labelKey: string;
  testId: string;
}

function useEnumOptions<V extends string>(values: readonly V[], labelKey: string) {
  const { t } = useTranslation();
  return values.map((value) => ({ value, label: t(`${labelKey}.${value}`) }));
}

/** A single choice; an empty string in the form shows the placeholder. */
export function EnumSelect<T extends FieldValues, V extends string>(props: EnumFieldProps<T, V>) {
  const { t } = useTranslation();
  const options = useEnumOptions(props.values, props.labelKey);
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field }) => (
        <Select
          data-testid={props.testId}
          ref={field.ref}
          value={(field.value as V | '') || undefined}
          onChange={(value) => field.onChange(value ?? '')}
          onBlur={field.onBlur}
          placeholder={t('form.selectPlaceholder')}
          options={options}
        />
      )}
    />
  );
}

/** Any number of choices, as a list of values. */
export function EnumCheckboxes<T extends FieldValues, V extends string>(props: EnumFieldProps<T, V>) {
  const options = useEnumOptions(props.values, props.labelKey);
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field }) => (
        <Checkbox.Group data-testid={props.testId} value={field.value as V[]} onChange={(value) => field.onChange(value)} options={options} />
      )}
    />
  );
}

/** A single choice as radio buttons; `buttons` shows them as a solid button bar. */
export function EnumRadios<T extends FieldValues, V extends string>(props: EnumFieldProps<T, V> & { buttons?: boolean }) {
  const options = useEnumOptions(props.values, props.labelKey);
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field }) => (
        <Radio.Group
          data-testid={props.testId}
          {...(props.buttons ? { optionType: 'button' as const, buttonStyle: 'solid' as const } : {})}
          value={field.value as V}
          onChange={(event) => field.onChange(event.target.value)}
          options={options}
        />
      )}
    />
  );
}
