// The editor of one policy entry: a dated set of values of a kind (minimum wages, post and
// training rules, retirement ages), validated with the shared schema and the cross-field rules,
// built from the form kit.

import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Col, Form, Input, InputNumber, Modal, Row, Select, Table, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { toNestErrors } from '@hookform/resolvers';
import { Controller, useForm, type Control, type FieldErrors, type FieldValues, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { POST_QUALIFYING_GROUPS, type PolicyKind, type RetirementPolicyValues } from '../../shared/policy/parameters';
import { policySaveSchema, type PolicyEntryView } from '../../shared/rpc/handlers';
import { toLeyeError } from '../../shared/rpc/client';
import { leye } from '../bridge';
import { policyKeys } from './queries';
import { useCoreIssues } from '../form/useCoreIssues';
import { attendanceKeys } from '../posts/queries';
import { FieldItem, IsoDatePicker, NumberInput, TextField } from '../form/fields';
import { todayIso } from '../form/format';
import { issueText, issuesOf } from '../errors';
import { schemaResolver } from '../form/schemaIssues';
import { AssessmentPolicyFields } from '../assessment/AssessmentPolicyFields';
import { POLICY_LABELS, WORKLIST_FIELDS, categoryText, crossFieldIssues, policyFieldOf, startValues, toPolicyArgs, type FormsByKind } from './policyForms';

export interface Editing {
  kind: PolicyKind;
  /** The entry being edited; absent when adding. */
  entry?: PolicyEntryView;
  /** The newest entry of the kind, whose values a new entry starts from. */
  base?: PolicyEntryView;
}

const testIdOf = (path: string) => `policy-field-${path.replace(/\./g, '-')}`;

export function PolicyEditor({ editing, countyCode, onClose }: { editing: Editing; countyCode: string; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const tRef = useRef(t);
  tRef.current = t;
  const { kind, entry } = editing;
  const rev = entry?.rev;
  const resolver = useMemo((): Resolver<FieldValues> => {
    const schema = schemaResolver<FieldValues, ReturnType<typeof toPolicyArgs>>(
      policySaveSchema,
      (v) => toPolicyArgs(kind, v as FormsByKind[typeof kind], rev),
      (path) => policyFieldOf(kind, path),
      () => tRef.current,
      POLICY_LABELS,
    );
    return async (values, context, options) => {
      const result = await schema(values, context, options);
      if (Object.keys(result.errors).length > 0) return result;
      const issues = crossFieldIssues(kind, values);
      if (issues.length === 0) return result;
      const flat = Object.fromEntries(issues.map((issue) => [issue.field, { type: 'custom', message: tRef.current(issue.key) }]));
      return { values: {}, errors: toNestErrors(flat as FieldErrors, options) };
    };
  }, [kind, rev]);
  const form = useForm<FieldValues>({
    defaultValues: startValues(kind, entry ?? editing.base, Boolean(entry), todayIso(), countyCode) as FieldValues,
    resolver,
    mode: 'onTouched',
  });
  const { control, handleSubmit, formState } = form;
  const [formError, setFormError] = useState<string | null>(null);
  const place = useCoreIssues(form.setError, { fieldOf: (path) => policyFieldOf(kind, path), text: (issue) => issueText(t, issue, POLICY_LABELS), focus: false });

  const submit = handleSubmit(
    async (values) => {
      setFormError(null);
      try {
        await leye.call('policy.save', toPolicyArgs(kind, values as FormsByKind[typeof kind], rev));
        void client.invalidateQueries({ queryKey: policyKeys.list });
        // Summaries and eligibility depend on these values.
        void client.invalidateQueries({ queryKey: attendanceKeys.all });
        void message.success(t('policy.saved'));
        onClose();
      } catch (reason) {
        const error = toLeyeError(reason).rpc;
        const { elsewhere } = place(issuesOf(error), error.code === 'VALIDATION');
        setFormError(elsewhere.length > 0 ? elsewhere.join(t('posts.issueSeparator')) : t('posts.fixErrors'));
      }
    },
    () => setFormError(t('posts.fixErrors')),
  );

  const kindName = t(`policy.kinds.${kind}`);
  return (
    <Modal
      open
      width={kind === 'retirement' ? 900 : 720}
      title={entry ? t('policy.editTitle', { kind: kindName, date: entry.effectiveFrom }) : t('policy.addTitle', { kind: kindName })}
      okText={t('policy.save')}
      cancelText={t('policy.cancel')}
      okButtonProps={{ 'data-testid': 'policy-save' }}
      confirmLoading={formState.isSubmitting}
      onOk={() => void submit()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <form
        noValidate
        data-testid="policy-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {formError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} data-testid="policy-form-error" />}
        {entry?.isDefault && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('policy.saveConfirmsHint')} />}
        <Form component={false} layout="vertical">
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <FieldItem control={control} name="effectiveFrom" label={t('policy.effectiveFrom')} required testId="policy-effectiveFrom">
                <Controller
                  control={control}
                  name="effectiveFrom"
                  render={({ field }) => (
                    <IsoDatePicker value={field.value as string} onChange={field.onChange} onBlur={field.onBlur} disabled={Boolean(entry)} testId={testIdOf('effectiveFrom')} />
                  )}
                />
              </FieldItem>
            </Col>
          </Row>
          {kind === 'minimumWage' && <MinimumWageFields control={control} editing={Boolean(entry)} />}
          {kind === 'posts' && <PostsFields control={control} />}
          {kind === 'training' && <TrainingFields control={control} />}
          {kind === 'registrationAge' && <RegistrationAgeFields control={control} />}
          {kind === 'worklist' && <WorklistFields control={control} />}
          {kind === 'assessment' && <AssessmentPolicyFields control={control} />}
          {kind === 'retirement' && <RetirementFields control={control} values={(entry ?? editing.base)?.values as RetirementPolicyValues | undefined} />}
        </Form>
      </form>
    </Modal>
  );
}

type C = Control<FieldValues>;

function NumberField(props: { control: C; name: string; label: string; min?: number; max?: number; step?: number; precision?: number; required?: boolean; extra?: string }) {
  return (
    <FieldItem control={props.control} name={props.name} label={props.label} required={props.required ?? true} testId={props.name} extra={props.extra}>
      <NumberInput control={props.control} name={props.name} min={props.min} max={props.max} step={props.step} precision={props.precision} testId={testIdOf(props.name)} />
    </FieldItem>
  );
}

function LabelledText(props: { control: C; name: string; label: string; maxLength: number; disabled?: boolean; extra?: string }) {
  return (
    <FieldItem control={props.control} name={props.name} label={props.label} required testId={props.name} extra={props.extra}>
      <TextField control={props.control} name={props.name} maxLength={props.maxLength} disabled={props.disabled} autoComplete="off" testId={testIdOf(props.name)} />
    </FieldItem>
  );
}

function GroupsField(props: { control: C; name: string; label: string }) {
  const { t } = useTranslation();
  return (
    <FieldItem control={props.control} name={props.name} label={props.label} required testId={props.name}>
      <Controller
        control={props.control}
        name={props.name}
        render={({ field }) => (
          <Select
            mode="multiple"
            value={field.value as string[]}
            onChange={(value: string[]) => field.onChange(value)}
            onBlur={field.onBlur}
            options={POST_QUALIFYING_GROUPS.map((value) => ({ value, label: t(`posts.assign.groups.${value}`) }))}
            data-testid={testIdOf(props.name)}
          />
        )}
      />
    </FieldItem>
  );
}

function MinimumWageFields({ control, editing }: { control: C; editing: boolean }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <LabelledText control={control} name="values.countyCode" label={t('policy.minimumWage.countyCode')} maxLength={6} disabled={editing} extra={t('policy.minimumWage.countyHint')} />
      </Col>
      <Col xs={24} md={16}>
        <LabelledText control={control} name="values.tier" label={t('policy.minimumWage.tier')} maxLength={20} />
      </Col>
      <Col xs={24} md={12}>
        <NumberField control={control} name="values.monthly" label={t('policy.minimumWage.monthly')} min={0} step={10} precision={2} />
      </Col>
      <Col xs={24} md={12}>
        <NumberField control={control} name="values.hourly" label={t('policy.minimumWage.hourly')} min={0} step={0.5} precision={2} />
      </Col>
    </Row>
  );
}

function PostsFields({ control }: { control: C }) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <NumberField control={control} name="values.maxSubsidyMonths" label={t('policy.posts.maxSubsidyMonths')} min={1} max={120} />
        </Col>
      </Row>
      <Typography.Title level={5}>{t('policy.posts.rural')}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <NumberField control={control} name="values.rural.minAge" label={t('policy.posts.minAge')} min={16} max={80} />
        </Col>
        <Col xs={24} md={8}>
          <NumberField control={control} name="values.rural.maxAge" label={t('policy.posts.maxAge')} min={16} max={80} />
        </Col>
        <Col xs={24} md={8}>
          <NumberField control={control} name="values.rural.olderFromAge" label={t('policy.posts.olderFromAge')} min={16} max={80} />
        </Col>
        <Col span={24}>
          <GroupsField control={control} name="values.rural.qualifyingGroups" label={t('policy.posts.qualifyingGroups')} />
        </Col>
      </Row>
      <Typography.Title level={5}>{t('policy.posts.urban')}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <NumberField control={control} name="values.urban.minAge" label={t('policy.posts.minAge')} min={16} max={80} />
        </Col>
        <Col xs={24} md={8}>
          <NumberField control={control} name="values.urban.olderUnemployedAge.male" label={t('policy.posts.olderUnemployedMale')} min={16} max={80} />
        </Col>
        <Col xs={24} md={8}>
          <NumberField control={control} name="values.urban.olderUnemployedAge.female" label={t('policy.posts.olderUnemployedFemale')} min={16} max={80} />
        </Col>
        <Col span={24}>
          <GroupsField control={control} name="values.urban.qualifyingGroups" label={t('policy.posts.qualifyingGroups')} />
        </Col>
      </Row>
    </>
  );
}

function TrainingFields({ control }: { control: C }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <NumberField control={control} name="values.eligibilityPercent" label={t('policy.training.eligibilityRate')} min={1} max={100} precision={2} />
      </Col>
      <Col xs={24} md={8}>
        <NumberField control={control} name="values.yearlyLimit" label={t('policy.training.yearlyLimit')} min={1} max={20} />
      </Col>
      <Col xs={24} md={8}>
        <NumberField control={control} name="values.lateGraceMinutes" label={t('policy.training.lateGraceMinutes')} min={0} max={120} />
      </Col>
    </Row>
  );
}

function RegistrationAgeFields({ control }: { control: C }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <NumberField control={control} name="values.minAge" label={t('policy.registrationAge.minAge')} min={0} max={130} />
      </Col>
      <Col xs={24} md={8}>
        <NumberField control={control} name="values.maxAge" label={t('policy.registrationAge.maxAge')} min={0} max={130} />
      </Col>
      <Col span={24}>
        <Typography.Paragraph type="secondary">{t('policy.registrationAge.hint')}</Typography.Paragraph>
      </Col>
    </Row>
  );
}

function WorklistFields({ control }: { control: C }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      {WORKLIST_FIELDS.map((f) => (
        <Col xs={24} md={8} key={f.name}>
          <NumberField control={control} name={`values.${f.name}`} label={t(`policy.worklist.${f.name}`)} min={f.min} max={f.max} />
        </Col>
      ))}
      <Col span={24}>
        <Typography.Paragraph type="secondary">{t('policy.worklist.hint')}</Typography.Paragraph>
      </Col>
    </Row>
  );
}

function RetirementFields({ control, values }: { control: C; values: RetirementPolicyValues | undefined }) {
  const { t } = useTranslation();
  const rules = values?.rules ?? [];
  return (
    <>
      <Table
        rowKey={(_, index) => String(index)}
        size="small"
        pagination={false}
        dataSource={rules}
        style={{ marginBottom: 16 }}
        columns={[
          { key: 'sex', title: t('policy.retirement.sex'), width: 60, render: (_, rule) => t(`enums.sex.${rule.sex}`) },
          { key: 'category', title: t('policy.retirement.category'), render: (_, rule) => categoryText(t, rule.category) },
          ...(['baseAge', 'firstDelayedBirthMonth', 'birthMonthsPerDelayMonth', 'maxDelayMonths'] as const).map((name) => ({
            key: name,
            title: t(`policy.retirement.${name}`),
            render: (_: unknown, _rule: unknown, index: number) => {
              const path = `values.rules.${index}.${name}`;
              return (
                <FieldItem control={control} name={path} label="" testId={path}>
                  <Controller
                    control={control}
                    name={path}
                    render={({ field }) =>
                      name === 'firstDelayedBirthMonth' ? (
                        <Input value={String(field.value ?? '')} onChange={field.onChange} onBlur={field.onBlur} maxLength={7} placeholder="YYYY-MM" data-testid={testIdOf(path)} />
                      ) : (
                        <InputNumber<number>
                          value={field.value as number | null}
                          min={0}
                          max={120}
                          precision={0}
                          style={{ width: '100%' }}
                          onChange={(value) => field.onChange(value ?? null)}
                          onBlur={field.onBlur}
                          data-testid={testIdOf(path)}
                        />
                      )
                    }
                  />
                </FieldItem>
              );
            },
          })),
        ]}
      />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <FieldItem control={control} name="values.femaleCategoryForRegistration" label={t('policy.retirement.femaleCategoryForRegistration')} required testId="values.femaleCategoryForRegistration">
            <Controller
              control={control}
              name="values.femaleCategoryForRegistration"
              render={({ field }) => (
                <Select
                  value={field.value as string}
                  onChange={field.onChange}
                  options={(['femaleCadre', 'femaleWorker'] as const).map((value) => ({ value, label: categoryText(t, value) }))}
                  data-testid={testIdOf('values.femaleCategoryForRegistration')}
                />
              )}
            />
          </FieldItem>
        </Col>
      </Row>
    </>
  );
}
