// The mapping step's "fields the file lacks": one value for all rows for a field no column fills
// (a roster without 户籍性质 or 现居住址). A required field without a column is offered at once; any
// other field without a column can be added. An enum field offers its translated options, a date
// a date picker, a text a text input. The core checks the value like a cell.

import { Button, Card, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EDUCATION_LEVELS, HOUSEHOLD_TYPES, REGISTRATION_KINDS, UNEMPLOYMENT_TYPES } from '../../shared/residents/schema';
import { CONSTANT_FIELDS, REQUIRED_IMPORT_FIELDS, type ConstantField, type ImportConstants, type ImportField } from '../../shared/sheets/contract';
import { EnumSelect } from '../form/enumFields';
import { DateField, TextField } from '../form/fields';

export interface MappingForm {
  columns: (ImportField | null)[];
  constants: Record<ConstantField, string>;
}

/** Enum fields: their codes and the translation prefix of their labels. */
export const CONSTANT_ENUMS: Partial<Record<ConstantField, { values: readonly string[]; labelKey: string }>> = {
  householdType: { values: HOUSEHOLD_TYPES, labelKey: 'enums.householdType' },
  education: { values: EDUCATION_LEVELS, labelKey: 'enums.education' },
  kind: { values: REGISTRATION_KINDS, labelKey: 'enums.kind' },
  unemploymentType: { values: UNEMPLOYMENT_TYPES, labelKey: 'enums.unemploymentType' },
};
const DATE_FIELDS: readonly ConstantField[] = ['date', 'unemployedSince'];

export const emptyConstants = (): Record<ConstantField, string> => Object.fromEntries(CONSTANT_FIELDS.map((f) => [f, ''])) as Record<ConstantField, string>;

/** The fields the card shows: required ones without a column, then the ones the clerk added. */
export function shownConstantFields(columns: (ImportField | null)[], added: readonly ConstantField[]): ConstantField[] {
  const mapped = new Set(columns.filter(Boolean));
  const required = CONSTANT_FIELDS.filter((f) => REQUIRED_IMPORT_FIELDS.includes(f));
  return [...new Set([...required, ...added])].filter((f) => !mapped.has(f));
}

/** What the check sends: the shown fields with a value. */
export function constantsToSend(values: MappingForm, added: readonly ConstantField[]): ImportConstants {
  const out: ImportConstants = {};
  for (const field of shownConstantFields(values.columns, added)) {
    const value = values.constants[field]?.trim();
    if (value) out[field] = value;
  }
  return out;
}

/** A value for all rows as the clerk reads it: an enum's label, otherwise the value itself. */
export function constantLabel(t: (key: string) => string, field: string, value: string): string {
  const known = CONSTANT_ENUMS[field as ConstantField];
  return known?.values.includes(value) ? t(`${known.labelKey}.${value}`) : value;
}

export function ImportConstantsCard(props: { control: Control<MappingForm>; added: ConstantField[]; onAdded(next: ConstantField[]): void }) {
  const { t } = useTranslation();
  const columns = useWatch({ control: props.control, name: 'columns' });
  const shown = shownConstantFields(columns ?? [], props.added);
  const addable = useMemo(() => {
    const mapped = new Set((columns ?? []).filter(Boolean));
    return CONSTANT_FIELDS.filter((f) => !mapped.has(f) && !shown.includes(f)).map((f) => ({ value: f, label: t(`sheets.field.${f}`) }));
  }, [columns, shown, t]);

  const control = (field: ConstantField) => {
    const known = CONSTANT_ENUMS[field];
    const testId = `sheet-constant-${field}`;
    if (known) return <EnumSelect control={props.control} name={`constants.${field}`} values={known.values} labelKey={known.labelKey} testId={testId} />;
    if (DATE_FIELDS.includes(field)) return <DateField control={props.control} name={`constants.${field}`} testId={testId} disableFuture />;
    return <TextField control={props.control} name={`constants.${field}`} testId={testId} maxLength={200} placeholder={t('sheets.constantPlaceholder')} />;
  };

  return (
    <Card size="small" title={t('sheets.constantsTitle')} style={{ marginTop: 12 }} data-testid="sheet-constants">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('sheets.constantsHint')}
      </Typography.Paragraph>
      {shown.map((field) => (
        <div key={field} style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 8 }}>
          <Typography.Text style={{ width: 200, flex: 'none' }}>
            {REQUIRED_IMPORT_FIELDS.includes(field) && <span style={{ color: '#ff4d4f', marginRight: 4 }}>*</span>}
            {t(`sheets.field.${field}`)}
          </Typography.Text>
          <div style={{ width: 320, display: 'grid' }}>{control(field)}</div>
          {props.added.includes(field) && !REQUIRED_IMPORT_FIELDS.includes(field) && (
            <Button onClick={() => props.onAdded(props.added.filter((f) => f !== field))}>{t('sheets.constantRemove')}</Button>
          )}
        </div>
      ))}
      {addable.length > 0 && (
        <Select<ConstantField>
          style={{ width: 360 }}
          value={null}
          placeholder={t('sheets.constantAdd')}
          options={addable}
          onChange={(field) => props.onAdded([...props.added, field])}
          data-testid="sheet-constant-add"
        />
      )}
    </Card>
  );
}
