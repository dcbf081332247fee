// 记录服务 and 更正: one contact with a resident (date, channel, kind, content, outcome; a referral's
// employer, job and pay when the kind is 岗位推荐). A correction opens the entry it corrects and
// saves a new one pointing at it. The shared schema and rules check the form as the core does.

import { Alert, App as AntApp, Form, Modal } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ResidentView } from '../../shared/rpc/handlers';
import { toLeyeError } from '../../shared/rpc/client';
import type { ServiceView } from '../../shared/services/contract';
import { serviceIssues } from '../../shared/services/rules';
import { KIND_AFTER_CLOSURE, REFERRAL_KIND, SERVICE_CHANNELS, SERVICE_KINDS, serviceRecordSchema, type ServiceChannel, type ServiceKind } from '../../shared/services/schema';
import { errorText, issuesOf } from '../errors';
import { EnumSelect } from '../form/enumFields';
import { DateField, FieldItem, TextField } from '../form/fields';
import { todayIso } from '../form/format';
import { issuesResolver } from '../form/schemaIssues';
import { useCoreIssues } from '../form/useCoreIssues';
import { formIssues, SERVICE_LABELS, serviceIssueText } from './formIssues';
import { useServiceSave } from './queries';

interface ServiceValues {
  date: string;
  channel: ServiceChannel | '';
  kind: ServiceKind | '';
  content: string;
  outcome: string;
  employerName: string;
  employerCreditCode: string;
  job: string;
  pay: string;
}

const REFERRAL_FIELDS = { employerName: 'referral.employerName', employerCreditCode: 'referral.employerCreditCode', job: 'referral.job', pay: 'referral.pay' } as const;
const FIELDS = new Set(['date', 'channel', 'kind', 'content', 'outcome', ...Object.keys(REFERRAL_FIELDS)]);

/** The form field an argument path belongs to. */
function fieldOf(path: string): string | null {
  if (path === 'referral') return 'employerName';
  const referral = Object.entries(REFERRAL_FIELDS).find(([, arg]) => arg === path);
  if (referral) return referral[0];
  return FIELDS.has(path) ? path : null;
}

function toArgs(residentId: string, v: ServiceValues) {
  return {
    residentId,
    date: v.date,
    channel: v.channel,
    kind: v.kind,
    content: v.content,
    outcome: v.outcome,
    ...(v.kind === REFERRAL_KIND ? { referral: { employerName: v.employerName, employerCreditCode: v.employerCreditCode, job: v.job, pay: v.pay } } : {}),
  };
}

/** A correction starts from the entry it corrects; after a closure the one kind allowed is chosen. */
function initialValues(corrects: ServiceView | null, closed: boolean): ServiceValues {
  const r = corrects?.referral;
  return {
    date: corrects?.date ?? todayIso(),
    channel: corrects?.channel ?? '',
    kind: corrects?.kind ?? (closed ? KIND_AFTER_CLOSURE : ''),
    content: corrects?.content ?? '',
    outcome: corrects?.outcome ?? '',
    employerName: r?.employerName ?? '',
    employerCreditCode: r?.employerCreditCode ?? '',
    job: r?.job ?? '',
    pay: r?.pay ?? '',
  };
}

/** Records a service for the resident, or (with `corrects`) a correction of one. */
export function ServiceDialog({ view, corrects, onDone }: { view: ResidentView; corrects: ServiceView | null; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const tRef = useRef<TFunction>(t);
  tRef.current = t;
  const save = useServiceSave(view.id);
  const closed = view.status === 'closed';
  const resolver = useMemo(
    () =>
      issuesResolver<ServiceValues>((values) => {
        const args = toArgs(view.id, values);
        const rules = values.kind && values.date ? serviceIssues({ date: values.date, kind: values.kind }, { today: todayIso(), birthDate: view.birthDate, closed }, corrects?.kind) : [];
        return formIssues(tRef.current, serviceRecordSchema, args, rules, fieldOf);
      }),
    [view.id, view.birthDate, closed, corrects?.kind],
  );
  const { control, handleSubmit, setError } = useForm<ServiceValues>({ defaultValues: initialValues(corrects, closed), resolver, mode: 'onTouched' });
  const kind = useWatch({ control, name: 'kind' });
  const [formError, setFormError] = useState<string | null>(null);
  const place = useCoreIssues(setError, { fieldOf, text: (issue) => serviceIssueText(t, issue) });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const args = toArgs(view.id, values) as Parameters<typeof save.record.mutateAsync>[0];
    try {
      if (corrects) {
        const { residentId: _r, ...fields } = args;
        await save.correct.mutateAsync({ entry: 'service', corrects: corrects.id, ...fields });
        void message.success(t('services.corrected'));
      } else {
        await save.record.mutateAsync(args);
        void message.success(t('services.saved'));
      }
      onDone();
    } catch (reason) {
      const error = toLeyeError(reason).rpc;
      const { elsewhere } = place(issuesOf(error), error.code === 'VALIDATION');
      setFormError(elsewhere.length > 0 ? elsewhere.join(t('posts.issueSeparator')) : error.code === 'VALIDATION' ? null : errorText(t, reason));
    }
  });

  const item = (name: keyof ServiceValues, required: boolean, child: React.ReactNode, extra?: React.ReactNode) => (
    <FieldItem control={control} name={name} label={t(SERVICE_LABELS[fieldArg(name)]!)} required={required} testId={`service-${name}`} extra={extra}>
      {child}
    </FieldItem>
  );
  const busy = save.record.isPending || save.correct.isPending;
  return (
    <Modal
      open
      width={640}
      title={t(corrects ? 'services.correctTitle' : 'services.recordTitle', { name: view.name })}
      okText={t('services.save')}
      cancelText={t('services.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'service-save' }}
      onOk={() => void submit()}
      onCancel={onDone}
      destroyOnHidden
    >
      {corrects && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('services.correctHint')} />}
      {formError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} data-testid="service-form-error" />}
      <Form layout="vertical" component="div">
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 12 }}>
          {item('kind', true, <EnumSelect control={control} name="kind" values={SERVICE_KINDS} labelKey="services.kinds" testId="service-kind-input" />, closed && !corrects ? <span data-testid="service-closed-hint">{t('services.closedHint')}</span> : undefined)}
          {item('channel', true, <EnumSelect control={control} name="channel" values={SERVICE_CHANNELS} labelKey="services.channels" testId="service-channel-input" />)}
          {item('date', true, <DateField control={control} name="date" testId="service-date-input" disableFuture />)}
        </div>
        {kind === REFERRAL_KIND && (
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 12 }} data-testid="service-referral">
            {item('employerName', true, <TextField control={control} name="employerName" testId="service-employerName-input" maxLength={60} />)}
            {item('employerCreditCode', false, <TextField control={control} name="employerCreditCode" testId="service-employerCreditCode-input" maxLength={18} mono upperCase />, t('services.employerCreditCodeHint'))}
            {item('job', true, <TextField control={control} name="job" testId="service-job-input" maxLength={50} />)}
            {item('pay', false, <TextField control={control} name="pay" testId="service-pay-input" maxLength={50} placeholder={t('services.payHint')} />)}
          </div>
        )}
        {item('content', true, <TextField control={control} name="content" testId="service-content-input" maxLength={500} textarea />)}
        {item('outcome', false, <TextField control={control} name="outcome" testId="service-outcome-input" maxLength={500} textarea />)}
      </Form>
    </Modal>
  );
}

/** The argument path of a form field (for its label). */
function fieldArg(name: keyof ServiceValues): string {
  return name in REFERRAL_FIELDS ? REFERRAL_FIELDS[name as keyof typeof REFERRAL_FIELDS] : name;
}
