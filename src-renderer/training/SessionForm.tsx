// Create or edit a training session in a drawer: course, provider (credit code checked as the
// clerk types, and by the core again), teachers, place, dates, size and the half-day timetable.

import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, AutoComplete, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { toLeyeError } from '../../shared/rpc/client';
import type { SessionView } from '../../shared/rpc/handlers';
import { TRAINING_LEVELS } from '../../shared/training/schema';
import { leye } from '../bridge';
import { trainingKeys } from './queries';
import { useCoreIssues } from '../form/useCoreIssues';
import { issuesOf, trainingIssueText, trainingIssues } from '../errors';
import { emptySession, formPathOf, sessionResolver, sessionToValues, toSaveArgs, type SessionFormValues } from './sessionForm';
import { useCourses } from '../policy/queries';
import { DateInput, Item, TextInput, TimetableEditor } from './SessionFields';

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
