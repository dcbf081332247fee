// Assigning a holder to a post: the resident picker, the contract's dates, and the eligibility
// refusal a county user may override with a reason. A candidate of an opening's ended 公示 arrives
// chosen (handed over once by the opening's screen), the card scrolled to and the contract number
// focused; the assignment still passes the 公示's gate in the core.

import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, Row, Select, Typography } from 'antd';
import { SafetyCertificateOutlined, UserAddOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PostView, ResidentRow } from '../../shared/rpc/handlers';
import type { FieldIssue } from '../../shared/rpc/errors';
import { toLeyeError } from '../../shared/rpc/client';
import { leye } from '../bridge';
import { useResident, useResidentPicker } from '../residents/queries';
import { dropCandidate, handedCandidate } from '../recruitment/returnTo';
import { useCoreIssues } from '../form/useCoreIssues';
import { useDebounced } from '../useDebounced';
import { FieldItem, IsoDatePicker } from '../form/fields';
import { todayIso } from '../form/format';
import { mayCall } from '../access/may';
import { useSession } from '../station/queries';
import { assignFieldOf, assignResolver, toAssignArgs, type AssignFormValues } from './forms';
import { issueText, issuesOf } from '../errors';
import { postKeys } from './queries';

export function ResidentPicker(props: { value: string; onChange(id: string): void; onBlur(): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 200);
  const [chosen, setChosen] = useState<ResidentRow | null>(null);
  const search = useResidentPicker(query, query.length > 0);
  // A person chosen elsewhere (handed over) is read by id to be shown like one searched for.
  const given = useResident(props.value && chosen?.id !== props.value ? props.value : null);
  const known = chosen?.id === props.value ? chosen : given.data?.id === props.value ? given.data : null;
  const rows = query.length > 0 ? (search.data?.items ?? []) : [];
  const label = (r: ResidentRow) => `${r.name} · ${t(`enums.sex.${r.sex}`)} · ${t('form.ageValue', { age: r.age })} · ${r.idNumberMasked}`;
  const options = rows.map((r) => ({ value: r.id, label: label(r) }));
  if (known && !options.some((o) => o.value === known.id)) options.unshift({ value: known.id, label: label(known) });

  return (
    <Select
      data-testid="assign-resident"
      style={{ width: '100%' }}
      value={props.value || undefined}
      placeholder={t('posts.assign.residentPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      onChange={(id: string) => {
        setChosen(rows.find((r) => r.id === id) ?? known);
        props.onChange(id ?? '');
        setText('');
      }}
      onBlur={props.onBlur}
      options={options}
      // A chosen person whose option is not (or no longer) in the list is never shown by their id.
      labelRender={({ label }) => label ?? ''}
      notFoundContent={query.length === 0 ? null : search.isFetching ? t('posts.assign.searching') : t('posts.assign.noMatch')}
      optionRender={(option) => <span data-testid="assign-option">{option.label}</span>}
    />
  );
}

export interface Refusal {
  issues: FieldIssue[];
  values: AssignFormValues;
}

export function AssignCard({ post }: { post: PostView }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const { role } = useSession();
  const tRef = useRef(t);
  tRef.current = t;
  const resolver = useMemo(() => assignResolver(() => tRef.current, post.id), [post.id]);
  const start = todayIso() < post.startDate ? post.startDate : todayIso();
  const blank: AssignFormValues = { residentId: '', startDate: start, endDate: post.endDate, contractNo: '' };
  // Read, not taken, while rendering (a strict re-render reads it again); dropped once held.
  const [handed, setHanded] = useState(() => handedCandidate(post.id));
  const first = handed ? { ...blank, residentId: handed.residentId, startDate: [start, handed.startFrom].sort()[1]! } : blank;
  const form = useForm<AssignFormValues>({ defaultValues: first, resolver, mode: 'onTouched', reValidateMode: 'onChange' });
  const cardRef = useRef<HTMLDivElement>(null);
  const { setFocus } = form;
  useEffect(() => {
    if (!handed) return;
    dropCandidate();
    cardRef.current?.scrollIntoView({ block: 'center' });
    setFocus('contractNo');
  }, [handed, setFocus]);
  const { control, handleSubmit, formState } = form;
  const [formError, setFormError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [overriding, setOverriding] = useState(false);
  const canOverride = mayCall('posts.override', role);
  const place = useCoreIssues(form.setError, { fieldOf: assignFieldOf, text: (issue) => issueText(t, issue) });

  const done = async (name: string) => {
    void message.success(t('posts.assign.assigned', { name }));
    setRefusal(null);
    setReason('');
    setReasonError(null);
    setFormError(null);
    setHanded(null);
    form.reset(blank);
    await queryClient.invalidateQueries({ queryKey: postKeys.all });
  };

  /** Puts a failed call's issues where they belong; true when it was an eligibility refusal. */
  const showError = (reason: unknown, values: AssignFormValues, overrideSent: boolean) => {
    const error = toLeyeError(reason).rpc;
    if (error.code === 'NOT_ELIGIBLE') {
      setRefusal({ issues: issuesOf(error), values });
      return;
    }
    // An override's reason the core refused shows under the reason, not on the form.
    const onForm = issuesOf(error).filter((issue) => {
      if (!(overrideSent && issue.field.startsWith('override'))) return true;
      setReasonError(issueText(t, issue));
      return false;
    });
    const { elsewhere } = place(onForm, error.code === 'VALIDATION');
    setFormError(elsewhere.length > 0 ? elsewhere.join(t('posts.issueSeparator')) : null);
  };

  const submit = handleSubmit(
    async (values) => {
      setFormError(null);
      setRefusal(null);
      try {
        const assigned = await leye.call('posts.assign', toAssignArgs(post.id, values));
        await done(assigned.name);
      } catch (reason) {
        showError(reason, values, false);
      }
    },
    () => setFormError(t('posts.fixErrors')),
  );

  const override = async () => {
    if (!refusal) return;
    setReasonError(null);
    if (reason.trim().length < 10) {
      setReasonError(t('errors.override.reasonTooShort'));
      return;
    }
    setOverriding(true);
    try {
      const assigned = await leye.call('posts.assign', toAssignArgs(post.id, refusal.values, reason.trim()));
      await done(assigned.name);
    } catch (error) {
      showError(error, refusal.values, true);
    } finally {
      setOverriding(false);
    }
  };

  return (
    <Card ref={cardRef} size="small" title={t('posts.assign.title')} style={{ marginBottom: 16 }} data-testid="assign-card">
      {handed && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('recruitment.assignHanded', { from: handed.startFrom })} data-testid="assign-handed" />
      )}
      <form
        noValidate
        data-testid="assign-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Form component={false} layout="vertical">
          <FieldItem control={control} name="residentId" label={t('posts.assign.resident')} required testId="assign-residentId">
            <Controller
              control={control}
              name="residentId"
              render={({ field }) => (
                <ResidentPicker
                  value={field.value}
                  onChange={(id) => {
                    field.onChange(id);
                    setRefusal(null);
                  }}
                  onBlur={field.onBlur}
                />
              )}
            />
          </FieldItem>
          <Row gutter={12}>
            <Col span={12}>
              <FieldItem control={control} name="startDate" label={t('posts.fields.startDate')} required testId="assign-startDate">
                <Controller
                  control={control}
                  name="startDate"
                  render={({ field }) => <IsoDatePicker value={field.value} onChange={field.onChange} onBlur={field.onBlur} testId="assign-start" />}
                />
              </FieldItem>
            </Col>
            <Col span={12}>
              <FieldItem control={control} name="endDate" label={t('posts.fields.endDate')} required testId="assign-endDate">
                <Controller
                  control={control}
                  name="endDate"
                  render={({ field }) => <IsoDatePicker value={field.value} onChange={field.onChange} onBlur={field.onBlur} testId="assign-end" />}
                />
              </FieldItem>
            </Col>
          </Row>
          <FieldItem control={control} name="contractNo" label={t('posts.fields.contractNo')} required testId="assign-contractNo">
            <Controller
              control={control}
              name="contractNo"
              render={({ field }) => (
                <Input ref={field.ref} value={field.value} onChange={field.onChange} onBlur={field.onBlur} maxLength={40} autoComplete="off" data-testid="assign-contract" />
              )}
            />
          </FieldItem>
        </Form>
        {formError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} data-testid="assign-error" />}
        {refusal && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="assign-refusal"
            title={t('posts.assign.refused')}
            description={
              <ul className="leye-refusal-list">
                {refusal.issues.map((issue, index) => (
                  <li key={index} data-testid="assign-refusal-rule">
                    {issueText(t, issue)}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        {refusal && canOverride && (
          <div className="leye-override" data-testid="override">
            <Typography.Text strong>{t('posts.assign.overrideTitle')}</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
              {t('posts.assign.overrideHint')}
            </Typography.Paragraph>
            <Form.Item
              validateStatus={reasonError ? 'error' : undefined}
              help={reasonError ? <span data-testid="error-override-reason">{reasonError}</span> : undefined}
              style={{ marginBottom: 8 }}
            >
              <Input.TextArea
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                maxLength={500}
                showCount
                autoSize={{ minRows: 2, maxRows: 5 }}
                placeholder={t('posts.assign.overridePlaceholder')}
                data-testid="override-reason"
              />
            </Form.Item>
            <Button danger icon={<SafetyCertificateOutlined />} loading={overriding} onClick={() => void override()} data-testid="override-submit">
              {t('posts.assign.overrideSubmit')}
            </Button>
          </div>
        )}
        {refusal && !canOverride && <Typography.Paragraph type="secondary">{t('posts.assign.noOverride')}</Typography.Paragraph>}
        <Button type="primary" htmlType="submit" icon={<UserAddOutlined />} loading={formState.isSubmitting} data-testid="assign-submit">
          {t('posts.assign.submit')}
        </Button>
      </form>
    </Card>
  );
}
