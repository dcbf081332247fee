// The session form's fields (the form kit's, with the session's error test ids) and its
// half-day timetable editor.

import { Alert, App as AntApp, Button, InputNumber, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { DeleteOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Controller, get, useFieldArray, useFormState, useWatch, type Control, type Path, type useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { HALF_DAYS } from '../../shared/training/schema';
import { DateField, FieldItem, TextField } from '../form/fields';
import type { SessionFormValues } from './sessionForm';
import { generateTimetable, normalizeClock, totalClassHours } from './timetable';

type V = SessionFormValues;

/** A session field; its error is `session-error-<path>`. */
export function Item(props: { control: Control<V>; path: string; label: string; required?: boolean; extra?: React.ReactNode; children: React.ReactNode; compact?: boolean }) {
  return (
    <FieldItem
      control={props.control}
      name={props.path as Path<V>}
      label={props.label}
      required={props.required}
      extra={props.extra}
      compact={props.compact}
      testId={props.path}
      errorTestId={`session-error-${props.path}`}
    >
      {props.children}
    </FieldItem>
  );
}

export function TextInput(props: { control: Control<V>; path: Path<V>; testId: string; maxLength?: number; upperCase?: boolean; mono?: boolean; placeholder?: string; normalize?(raw: string): string; size?: 'small' | 'middle' }) {
  const { path, ...rest } = props;
  return <TextField {...rest} name={path} />;
}

export function DateInput({ control, path, testId, size }: { control: Control<V>; path: Path<V>; testId: string; size?: 'small' | 'middle' }) {
  return <DateField control={control} name={path} testId={testId} size={size} />;
}

export function TimetableEditor({ control, form }: { control: Control<V>; form: ReturnType<typeof useForm<V>> }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const slots = useFieldArray({ control, name: 'timetable' });
  const rows = useWatch({ control, name: 'timetable' });
  const { errors } = useFormState({ control, name: 'timetable' });
  const listError = (get(errors, 'timetable.root') ?? get(errors, 'timetable')) as { message?: string } | undefined;

  const generate = () => {
    const { startDate, endDate, timetable } = form.getValues();
    if (!startDate || !endDate) {
      void message.warning(t('training.form.generateNeedsDates'));
      return;
    }
    const { rows: generated, truncatedDays } = generateTimetable(startDate, endDate, timetable);
    if (generated.length === 0) {
      void form.trigger(['startDate', 'endDate']);
      return;
    }
    slots.replace(generated);
    if (truncatedDays !== null) void message.warning(t('training.form.generateTruncated', { days: truncatedDays }));
    if (form.formState.isSubmitted) void form.trigger('timetable');
  };

  const addRow = () => {
    const last = rows[rows.length - 1];
    const { startDate } = form.getValues();
    if (last) {
      const nextDate = last.half === 'am' ? last.date : dayjs(last.date).add(1, 'day').format('YYYY-MM-DD');
      const half = last.half === 'am' ? 'pm' : 'am';
      slots.append({ date: nextDate, half, start: half === 'am' ? '08:30' : '14:00', end: half === 'am' ? '11:30' : '17:00', classHours: 3 });
    } else {
      slots.append({ date: startDate, half: 'am', start: '08:30', end: '11:30', classHours: 3 });
    }
  };

  return (
    <div data-testid="timetable">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('training.form.sectionTimetable')}
        </Typography.Title>
        <Space>
          <Button icon={<ThunderboltOutlined />} onClick={generate} data-testid="timetable-generate" title={t('training.form.generateHint')}>
            {t('training.form.generate')}
          </Button>
          <Button icon={<PlusOutlined />} onClick={addRow} disabled={rows.length >= 120} data-testid="timetable-add">
            {t('training.form.addSlot')}
          </Button>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('training.form.generateHint')}
      </Typography.Paragraph>
      {listError?.message && <Alert type="error" showIcon title={listError.message} style={{ marginBottom: 8 }} data-testid="session-error-timetable" />}
      {slots.fields.length === 0 ? (
        <Typography.Text type="secondary">{t('training.form.noSlots')}</Typography.Text>
      ) : (
        <>
          <div className="leye-slot-row leye-slot-head">
            <div>{t('training.fields.slotDate')}</div>
            <div>{t('training.fields.half')}</div>
            <div>{t('training.fields.start')}</div>
            <div>{t('training.fields.end')}</div>
            <div>{t('training.fields.classHours')}</div>
            <div />
          </div>
          {slots.fields.map((slot, index) => (
            <div className="leye-slot-row" key={slot.id} data-testid="timetable-row">
              <Item compact control={control} path={`timetable.${index}.date`} label={t('training.fields.slotDate')}>
                <DateInput control={control} path={`timetable.${index}.date`} testId={`timetable-${index}-date`} size="small" />
              </Item>
              <Item compact control={control} path={`timetable.${index}.half`} label={t('training.fields.half')}>
                <Controller
                  control={control}
                  name={`timetable.${index}.half`}
                  render={({ field }) => (
                    <Select
                      size="small"
                      data-testid={`timetable-${index}-half`}
                      value={field.value}
                      onChange={(value) => field.onChange(value)}
                      onBlur={field.onBlur}
                      options={HALF_DAYS.map((value) => ({ value, label: t(`training.half.${value}`) }))}
                    />
                  )}
                />
              </Item>
              <Item compact control={control} path={`timetable.${index}.start`} label={t('training.fields.start')}>
                <TextInput
                  control={control}
                  size="small"
                  path={`timetable.${index}.start`}
                  testId={`timetable-${index}-start`}
                  maxLength={5}
                  placeholder={t('training.form.timePlaceholder')}
                  normalize={normalizeClock}
                />
              </Item>
              <Item compact control={control} path={`timetable.${index}.end`} label={t('training.fields.end')}>
                <TextInput
                  control={control}
                  size="small"
                  path={`timetable.${index}.end`}
                  testId={`timetable-${index}-end`}
                  maxLength={5}
                  placeholder={t('training.form.timePlaceholder')}
                  normalize={normalizeClock}
                />
              </Item>
              <Item compact control={control} path={`timetable.${index}.classHours`} label={t('training.fields.classHours')}>
                <Controller
                  control={control}
                  name={`timetable.${index}.classHours`}
                  render={({ field }) => (
                    <InputNumber
                      size="small"
                      style={{ width: '100%' }}
                      min={0.5}
                      max={8}
                      step={0.5}
                      value={field.value}
                      onChange={(value) => field.onChange(typeof value === 'number' ? value : null)}
                      onBlur={field.onBlur}
                      data-testid={`timetable-${index}-classHours`}
                    />
                  )}
                />
              </Item>
              <div>
                <Button size="small" type="text" icon={<DeleteOutlined />} title={t('training.form.removeSlot')} aria-label={t('training.form.removeSlot')} onClick={() => slots.remove(index)} />
              </div>
            </div>
          ))}
          <Typography.Text strong data-testid="timetable-total">
            {t('training.form.totalHours', { slots: rows.length, hours: totalClassHours(rows) })}
          </Typography.Text>
        </>
      )}
    </div>
  );
}
