// Create or edit a training session in a drawer: course, provider (credit code checked as the
// clerk types, and by the core again), teachers, place, dates, size and the half-day timetable.

import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, AutoComplete, Button, Col, DatePicker, Drawer, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { Controller, get, useFieldArray, useForm, useFormState, useWatch, type Control, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { toLeyeError } from '../../shared/rpc/client';
import type { SessionView } from '../../shared/rpc/handlers';
import { HALF_DAYS, TRAINING_LEVELS } from '../../shared/training/schema';
import { leye } from '../bridge';
import { trainingKeys } from './queries';
import { useCoreIssues } from '../form/useCoreIssues';
import { issuesOf, trainingIssueText, trainingIssues } from '../errors';
import { emptySession, formPathOf, sessionResolver, sessionToValues, toSaveArgs, type SessionFormValues } from './sessionForm';
import { generateTimetable, normalizeClock, totalClassHours } from './timetable';
import { useCourses } from '../policy/queries';

type V = SessionFormValues;

/** Occupations village classes often run (suggestions only; any occupation may be typed). */
const OCCUPATIONS = ['养老护理员', '育婴员', '家政服务员', '中式烹调师', '中式面点师', '电工', '焊工', '电子商务师', '农业经理人', '农作物植保员', '保育师', '美容师', '茶艺师', '缝纫工'];

export function SessionFormDrawer(props: { open: boolean; session?: SessionView; onClose(): void; onSaved(view: SessionView): void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size={920}
      destroyOnHidden
      title={props.session ? t('training.form.editTitle') : t('training.form.createTitle')}
    >
      {props.open && <SessionForm session={props.session} onCancel={props.onClose} onSaved={props.onSaved} />}
    </Drawer>
  );
}

function SessionForm({ session, onCancel, onSaved }: { session?: SessionView | undefined; onCancel(): void; onSaved(view: SessionView): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const tRef = useRef(t);
  tRef.current = t;
  const editing = session ? { id: session.id, rev: session.rev } : undefined;
  const editingRef = useRef(editing);
  editingRef.current = editing;
  const resolver = useMemo(() => sessionResolver(() => tRef.current, () => editingRef.current), []);
  const form = useForm<V>({
    defaultValues: session ? sessionToValues(session) : emptySession(),
    resolver,
    mode: 'onTouched',
    reValidateMode: 'onChange',
  });
  const { control, handleSubmit, formState } = form;
  const catalogue = useCourses().data ?? [];
  const [formError, setFormError] = useState<string | null>(null);
  const place = useCoreIssues(form.setError, { fieldOf: formPathOf, text: (issue) => trainingIssueText(t, issue) });

  const showCoreError = (reason: unknown) => {
    const error = toLeyeError(reason).rpc;
    if (error.code === 'VALIDATION') {
      const { placed, elsewhere } = place(issuesOf(error));
      setFormError(elsewhere.length > 0 ? elsewhere.join(t('training.sep')) : placed > 0 ? t('training.form.fixErrors') : trainingIssues(t, error).join(t('training.sep')));
      return;
    }
    if (error.code === 'CONFLICT') {
      setFormError(t('training.form.conflict'));
      return;
    }
    setFormError(trainingIssues(t, error).join(t('training.sep')));
  };

  const submit = handleSubmit(
    async (values) => {
      setFormError(null);
      try {
        const saved = await leye.call('training.save', toSaveArgs(values, editing));
        queryClient.setQueryData(trainingKeys.list, (list: SessionView[] | undefined) =>
          list ? [saved, ...list.filter((s) => s.id !== saved.id)] : list,
        );
        void queryClient.invalidateQueries({ queryKey: trainingKeys.all });
        void message.success(t('training.form.saved'));
        onSaved(saved);
      } catch (error) {
        showCoreError(error);
      }
    },
    () => setFormError(t('training.form.fixErrors')),
  );

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="session-form">
      {formError && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} data-testid="session-form-error" closable onClose={() => setFormError(null)} />
      )}
      <Form component={false} layout="vertical">
        <Typography.Title level={5}>{t('training.form.sectionCourse')}</Typography.Title>
        <Row gutter={16}>
          <Col span={12}>
            <Item control={control} path="occupation" label={t('training.fields.occupation')} required>
              <Controller
                control={control}
                name="occupation"
                render={({ field }) => (
                  <AutoComplete
                    value={field.value}
                    onChange={(value: string) => {
                      // A course of the county's catalogue fills the occupation and its level.
                      const course = catalogue.find((c) => c.id === value);
                      if (course) form.setValue('level', course.level, { shouldValidate: true, shouldDirty: true });
                      field.onChange(course ? course.occupation : value);
                    }}
                    onBlur={field.onBlur}
                    options={[
                      ...(catalogue.length > 0
                        ? [
                            {
                              label: t('training.courses.fromCatalogue'),
                              options: catalogue
                                .filter((c) => !field.value || c.occupation.includes(field.value))
                                .map((c) => ({ value: c.id, label: `${c.occupation} · ${t(`training.levels.${c.level}`)} · ${c.classHours}h` })),
                            },
                          ]
                        : []),
                      {
                        label: t('training.courses.commonOccupations'),
                        options: OCCUPATIONS.filter((o) => !field.value || o.includes(field.value)).map((value) => ({ value })),
                      },
                    ]}
                  >
                    <Input ref={field.ref} maxLength={50} placeholder={t('training.form.occupationPlaceholder')} data-testid="session-field-occupation" />
                  </AutoComplete>
                )}
              />
            </Item>
          </Col>
          <Col span={12}>
            <Item control={control} path="level" label={t('training.fields.level')} required>
              <Controller
                control={control}
                name="level"
                render={({ field }) => (
                  <Select
                    data-testid="session-field-level"
                    ref={field.ref}
                    value={field.value || undefined}
                    onChange={(value) => field.onChange(value ?? '')}
                    onBlur={field.onBlur}
                    placeholder={t('form.selectPlaceholder')}
                    options={TRAINING_LEVELS.map((value) => ({ value, label: t(`training.levels.${value}`) }))}
                  />
                )}
              />
            </Item>
          </Col>
          <Col span={12}>
            <Item control={control} path="providerName" label={t('training.fields.providerName')} required>
              <TextInput control={control} path="providerName" testId="session-field-providerName" maxLength={80} />
            </Item>
          </Col>
          <Col span={12}>
            <Item control={control} path="providerCreditCode" label={t('training.fields.providerCreditCode')} required extra={t('training.form.creditCodeHint')}>
              <TextInput control={control} path="providerCreditCode" testId="session-field-providerCreditCode" maxLength={18} upperCase mono />
            </Item>
          </Col>
          <Col span={24}>
            <Item control={control} path="teachers" label={t('training.fields.teachers')} required>
              <Controller
                control={control}
                name="teachers"
                render={({ field }) => (
                  <Select
                    mode="tags"
                    data-testid="session-field-teachers"
                    ref={field.ref}
                    value={field.value}
                    open={false}
                    suffixIcon={null}
                    tokenSeparators={[',', '，', '、', ';', '；']}
                    onChange={(value: string[]) => field.onChange(value.map((name) => name.trim()).filter(Boolean))}
                    onBlur={field.onBlur}
                    placeholder={t('training.form.teachersPlaceholder')}
                  />
                )}
              />
            </Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('training.form.sectionClass')}</Typography.Title>
        <Row gutter={16}>
          <Col span={24}>
            <Item control={control} path="place" label={t('training.fields.place')} required>
              <TextInput control={control} path="place" testId="session-field-place" maxLength={100} />
            </Item>
          </Col>
          <Col span={8}>
            <Item control={control} path="startDate" label={t('training.fields.startDate')} required>
              <DateInput control={control} path="startDate" testId="session-field-startDate" />
            </Item>
          </Col>
          <Col span={8}>
            <Item control={control} path="endDate" label={t('training.fields.endDate')} required>
              <DateInput control={control} path="endDate" testId="session-field-endDate" />
            </Item>
          </Col>
          <Col span={8}>
            <Item control={control} path="plannedTrainees" label={t('training.fields.plannedTrainees')} required>
              <Controller
                control={control}
                name="plannedTrainees"
                render={({ field }) => (
                  <InputNumber
                    ref={field.ref}
                    style={{ width: '100%' }}
                    min={1}
                    max={500}
                    precision={0}
                    value={field.value}
                    onChange={(value) => field.onChange(typeof value === 'number' ? value : null)}
                    onBlur={field.onBlur}
                    data-testid="session-field-plannedTrainees"
                  />
                )}
              />
            </Item>
          </Col>
        </Row>
        <TimetableEditor control={control} form={form} />
      </Form>
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={formState.isSubmitting} data-testid="session-save">
          {t('training.form.save')}
        </Button>
        <Button onClick={onCancel} data-testid="session-cancel">
          {t('training.form.cancel')}
        </Button>
      </Space>
    </form>
  );
}

function Item(props: { control: Control<V>; path: string; label: string; required?: boolean; extra?: React.ReactNode; children: React.ReactNode; compact?: boolean }) {
  const { errors } = useFormState({ control: props.control, name: props.path as Path<V>, exact: true });
  const error = get(errors, props.path) as { message?: string } | undefined;
  return (
    <Form.Item
      label={props.compact ? undefined : props.label}
      aria-label={props.compact ? props.label : undefined}
      required={props.required}
      validateStatus={error?.message ? 'error' : undefined}
      help={error?.message ? <span data-testid={`session-error-${props.path}`}>{error.message}</span> : undefined}
      extra={props.extra}
      style={props.compact ? { marginBottom: 8 } : undefined}
    >
      {props.children}
    </Form.Item>
  );
}

function TextInput(props: { control: Control<V>; path: Path<V>; testId: string; maxLength?: number; upperCase?: boolean; mono?: boolean; placeholder?: string; normalize?(raw: string): string; size?: 'small' | 'middle' }) {
  return (
    <Controller
      control={props.control}
      name={props.path}
      render={({ field }) => (
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
          data-testid={props.testId}
        />
      )}
    />
  );
}

function DateInput({ control, path, testId, size }: { control: Control<V>; path: Path<V>; testId: string; size?: 'small' | 'middle' }) {
  return (
    <Controller
      control={control}
      name={path}
      render={({ field }) => (
        <span data-testid={testId}>
          <DatePicker
            ref={field.ref}
            size={size}
            style={{ width: '100%' }}
            value={typeof field.value === 'string' && field.value ? dayjs(field.value) : null}
            onChange={(value) => field.onChange(value ? value.format('YYYY-MM-DD') : '')}
            onBlur={field.onBlur}
          />
        </span>
      )}
    />
  );
}

function TimetableEditor({ control, form }: { control: Control<V>; form: ReturnType<typeof useForm<V>> }) {
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
