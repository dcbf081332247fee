// Policy parameters: dated reference data (minimum wages per county, retirement ages, post and
// training rules). Each kind lists its entries by effective date, says clearly which are shipped
// defaults the county must confirm, and (for county and admin accounts) adds or edits entries.

import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, InputNumber, Modal, Result, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMemo, useRef, useState } from 'react';
import { toNestErrors } from '@hookform/resolvers';
import { Controller, useForm, type Control, type FieldErrors, type FieldValues, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  POLICY_KINDS,
  POST_QUALIFYING_GROUPS,
  type MinimumWageValues,
  type PolicyKind,
  type PostsPolicy,
  type RetirementPolicyValues,
  type TrainingPolicy,
} from '../../shared/policy/parameters';
import { policySaveSchema, type PolicyEntryView } from '../../shared/rpc/handlers';
import { toLeyeError } from '../../shared/rpc/client';
import { leye } from '../bridge';
import { policyKeys, usePolicyList } from './queries';
import { useCoreIssues } from '../form/useCoreIssues';
import { attendanceKeys } from '../posts/queries';
import { errorText } from '../errors';
import { FieldItem, IsoDatePicker } from '../form/fields';
import { formatTime, todayIso } from '../form/format';
import { mayCall } from '../../shared/rpc/handlers';
import { useSession } from '../station/queries';
import { formatYuan } from '../form/format';
import { issueText, issuesOf } from '../errors';
import { schemaResolver } from '../form/schemaIssues';
import '../posts/posts.css';
import { CoursesCard } from './CoursesCard';
import { POLICY_LABELS, crossFieldIssues, entriesOf, inForceIds, policyFieldOf, startValues, toPercent, toPolicyArgs, type FormsByKind } from './policyForms';


interface Editing {
  kind: PolicyKind;
  /** The entry being edited; absent when adding. */
  entry?: PolicyEntryView;
  /** The newest entry of the kind, whose values a new entry starts from. */
  base?: PolicyEntryView;
}

export function PolicyScreen() {
  const { t } = useTranslation();
  const { role, station } = useSession();
  const list = usePolicyList();
  const [editing, setEditing] = useState<Editing | null>(null);
  const canEdit = mayCall('policy.save', role);
  const today = todayIso();
  const inForce = useMemo(() => inForceIds(list.data ?? [], today), [list.data, today]);

  if (list.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (list.isError) return <Result status="error" title={errorText(t, list.error)} />;

  return (
    <div className="leye-posts" data-testid="policy-screen">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('policy.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('policy.intro')}</Typography.Paragraph>
      {!canEdit && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('policy.readOnly')} data-testid="policy-read-only" />}
      {POLICY_KINDS.map((kind) => {
        const entries = entriesOf(list.data, kind);
        return (
          <Card
            key={kind}
            size="small"
            style={{ marginBottom: 16 }}
            title={t(`policy.kinds.${kind}`)}
            data-testid={`policy-kind-${kind}`}
            extra={
              canEdit && (
                <Button icon={<PlusOutlined />} size="small" onClick={() => setEditing({ kind, base: entries[0] })} data-testid={`policy-add-${kind}`}>
                  {t('policy.add')}
                </Button>
              )
            }
          >
            <Table<PolicyEntryView>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={entries}
              locale={{ emptyText: t('policy.empty') }}
              onRow={() => ({ 'data-testid': `policy-row-${kind}` }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                {
                  key: 'from',
                  title: t('policy.effectiveFrom'),
                  width: 150,
                  render: (_, e) => (
                    <Space size={4}>
                      <span>{e.effectiveFrom}</span>
                      {inForce.has(e.id) && <Tag color="green">{t('policy.inForce')}</Tag>}
                    </Space>
                  ),
                },
                { key: 'values', title: t('policy.values'), render: (_, e) => <ValuesSummary entry={e} /> },
                {
                  key: 'status',
                  title: '',
                  width: 190,
                  render: (_, e) =>
                    e.isDefault ? (
                      <Tag color="gold" data-testid="policy-default">
                        {t('policy.defaultTag')}
                      </Tag>
                    ) : (
                      <Tag color="blue">{t('policy.confirmedTag')}</Tag>
                    ),
                },
                {
                  key: 'updated',
                  title: t('policy.updated'),
                  width: 170,
                  render: (_, e) => <Typography.Text type="secondary">{t('policy.updatedValue', { by: e.updatedBy, at: formatTime(e.updatedAt) })}</Typography.Text>,
                },
                ...(canEdit
                  ? [
                      {
                        key: 'edit',
                        title: '',
                        width: 90,
                        render: (_: unknown, e: PolicyEntryView) => (
                          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ kind, entry: e })} data-testid={`policy-edit-${kind}`}>
                            {t('policy.edit')}
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        );
      })}
      <CoursesCard />
      {editing && <PolicyEditor key={`${editing.kind}:${editing.entry?.id ?? 'new'}`} editing={editing} countyCode={station?.placeCode.slice(0, 6) ?? ''} onClose={() => setEditing(null)} />}
    </div>
  );
}

function groupsText(t: TFunction, groups: readonly string[]): string {
  return groups.map((g) => t(`posts.assign.groups.${g}`)).join(t('posts.separator'));
}

function categoryText(t: TFunction, category: string): string {
  return t(`policy.retirement.categories.${category}`);
}

function ValuesSummary({ entry }: { entry: PolicyEntryView }) {
  const { t } = useTranslation();
  switch (entry.kind) {
    case 'minimumWage': {
      const v = entry.values as MinimumWageValues;
      return (
        <span data-testid="policy-values">
          {t('policy.minimumWage.summary', { county: v.countyCode, tier: v.tier, monthly: formatYuan(v.monthly), hourly: formatYuan(v.hourly) })}
        </span>
      );
    }
    case 'posts': {
      const v = entry.values as PostsPolicy;
      return (
        <ul className="leye-policy-values" data-testid="policy-values">
          <li>{t('policy.posts.summaryMax', { months: v.maxSubsidyMonths })}</li>
          <li>{t('policy.posts.summaryRural', { min: v.rural.minAge, max: v.rural.maxAge, older: v.rural.olderFromAge, groups: groupsText(t, v.rural.qualifyingGroups) })}</li>
          <li>
            {t('policy.posts.summaryUrban', {
              min: v.urban.minAge,
              groups: groupsText(t, v.urban.qualifyingGroups),
              male: v.urban.olderUnemployedAge.male,
              female: v.urban.olderUnemployedAge.female,
            })}
          </li>
        </ul>
      );
    }
    case 'training': {
      const v = entry.values as TrainingPolicy;
      return <span data-testid="policy-values">{t('policy.training.summary', { rate: toPercent(v.eligibilityRate), limit: v.yearlyLimit, grace: v.lateGraceMinutes })}</span>;
    }
    default: {
      const v = entry.values as RetirementPolicyValues;
      return (
        <ul className="leye-policy-values" data-testid="policy-values">
          {v.rules.map((rule, index) => (
            <li key={index}>
              {t('policy.retirement.ruleSummary', {
                category: categoryText(t, rule.category),
                base: rule.baseAge,
                from: rule.firstDelayedBirthMonth,
                per: rule.birthMonthsPerDelayMonth,
                max: rule.maxDelayMonths,
              })}
            </li>
          ))}
          <li>{t('policy.retirement.femaleCategoryLine', { category: categoryText(t, v.femaleCategoryForRegistration) })}</li>
        </ul>
      );
    }
  }
}

const testIdOf = (path: string) => `policy-field-${path.replace(/\./g, '-')}`;

function PolicyEditor({ editing, countyCode, onClose }: { editing: Editing; countyCode: string; onClose(): void }) {
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
            data-testid={testIdOf(props.name)}
          />
        )}
      />
    </FieldItem>
  );
}

function TextField(props: { control: C; name: string; label: string; maxLength: number; disabled?: boolean; extra?: string }) {
  return (
    <FieldItem control={props.control} name={props.name} label={props.label} required testId={props.name} extra={props.extra}>
      <Controller
        control={props.control}
        name={props.name}
        render={({ field }) => (
          <Input
            ref={field.ref}
            value={String(field.value ?? '')}
            onChange={field.onChange}
            onBlur={field.onBlur}
            maxLength={props.maxLength}
            disabled={props.disabled}
            autoComplete="off"
            data-testid={testIdOf(props.name)}
          />
        )}
      />
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
        <TextField control={control} name="values.countyCode" label={t('policy.minimumWage.countyCode')} maxLength={6} disabled={editing} extra={t('policy.minimumWage.countyHint')} />
      </Col>
      <Col xs={24} md={16}>
        <TextField control={control} name="values.tier" label={t('policy.minimumWage.tier')} maxLength={20} />
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
