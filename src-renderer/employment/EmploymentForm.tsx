// 登记就业状况: a status entry (or a correction of one), in a dialog, from the form kit: the
// destination fields show for 外出务工; the schema and date rules run here and again in the core.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Col, Form, Modal, Row } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { EmploymentEntryView } from '../../shared/employment/contract';
import { EMPLOYMENT_STATUSES, MIGRANT_AREAS } from '../../shared/employment/schema';
import { toLeyeError } from '../../shared/rpc/client';
import { leye } from '../bridge';
import { issueText, issuesOf } from '../errors';
import { EnumSelect } from '../form/enumFields';
import { DateField, FieldItem, TextField } from '../form/fields';
import { todayIso } from '../form/format';
import { useCoreIssues } from '../form/useCoreIssues';
import { blankEmployment, EMPLOYMENT_LABELS, employmentFieldOf, employmentResolver, toCorrectArgs, toEmploymentArgs, type EmploymentFormValues } from './forms';
import { employmentChanged } from './queries';

export function EmploymentForm(props: { residentId: string; birthDate: string; corrects: EmploymentEntryView | null; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const tRef = useRef(t);
  tRef.current = t;
  const corrects = props.corrects;
  const resolver = useMemo(() => employmentResolver(() => tRef.current, props.residentId, props.birthDate, todayIso, corrects?.id ?? null), [props.residentId, props.birthDate, corrects]);
  const defaults: EmploymentFormValues = corrects
    ? {
        ...blankEmployment(corrects.effectiveDate),
        status: corrects.status,
        area: corrects.area ?? '',
        destination: corrects.destination,
        employerName: corrects.employer?.name ?? '',
        employerCreditCode: corrects.employer?.creditCode ?? '',
        endDate: corrects.endDate ?? '',
        note: corrects.note,
      }
    : blankEmployment(todayIso());
  const form = useForm<EmploymentFormValues>({ defaultValues: defaults, resolver, mode: 'onTouched', reValidateMode: 'onChange' });
  const { control, handleSubmit } = form;
  const status = useWatch({ control, name: 'status' });
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const place = useCoreIssues(form.setError, { fieldOf: employmentFieldOf, text: (issue) => issueText(t, issue, EMPLOYMENT_LABELS) });

  const save = handleSubmit(async (values) => {
    setBusy(true);
    setFormError(null);
    try {
      if (corrects) await leye.call('employment.correct', toCorrectArgs(props.residentId, corrects.id, values));
      else await leye.call('employment.record', toEmploymentArgs(props.residentId, values));
      employmentChanged(queryClient);
      void message.success(t('employment.form.saved'));
      props.onDone();
    } catch (error) {
      const rpc = toLeyeError(error).rpc;
      const { elsewhere } = place(issuesOf(rpc), rpc.code === 'VALIDATION');
      if (elsewhere.length) setFormError(elsewhere.join(t('posts.issueSeparator')));
    } finally {
      setBusy(false);
    }
  });

  const item = (name: keyof EmploymentFormValues, child: React.ReactNode, extra?: { required?: boolean; hint?: string }) => (
    <FieldItem control={control} name={name} label={t(EMPLOYMENT_LABELS[name === 'employerName' ? 'employer.name' : name === 'employerCreditCode' ? 'employer.creditCode' : name]!)} required={extra?.required} extra={extra?.hint} testId={`employment-${name}`}>
      {child}
    </FieldItem>
  );

  return (
    <Modal
      open
      width={640}
      title={t(corrects ? 'employment.form.correctTitle' : 'employment.form.title')}
      okText={t('employment.form.save')}
      cancelText={t('employment.form.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'employment-save' }}
      cancelButtonProps={{ 'data-testid': 'employment-cancel' }}
      onOk={() => void save()}
      onCancel={props.onDone}
      destroyOnHidden
    >
      <Form layout="vertical" component="div" data-testid="employment-form">
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
        <Row gutter={16}>
          <Col span={12}>{item('status', <EnumSelect control={control} name="status" values={EMPLOYMENT_STATUSES} labelKey="employment.statuses" testId="employment-status" />, { required: true })}</Col>
          <Col span={12}>{item('effectiveDate', <DateField control={control} name="effectiveDate" testId="employment-effectiveDate" disableFuture />, { required: true })}</Col>
        </Row>
        {status === 'migrant' && (
          <Row gutter={16}>
            <Col span={12}>{item('area', <EnumSelect control={control} name="area" values={MIGRANT_AREAS} labelKey="employment.areas" testId="employment-area" />, { required: true })}</Col>
            <Col span={12}>{item('destination', <TextField control={control} name="destination" testId="employment-destination" maxLength={100} />, { hint: t('employment.form.destinationHint') })}</Col>
          </Row>
        )}
        <Row gutter={16}>
          <Col span={12}>{item('employerName', <TextField control={control} name="employerName" testId="employment-employerName" maxLength={100} />)}</Col>
          <Col span={12}>{item('employerCreditCode', <TextField control={control} name="employerCreditCode" testId="employment-employerCreditCode" maxLength={18} mono upperCase />, { hint: t('employment.form.creditCodeHint') })}</Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>{item('endDate', <DateField control={control} name="endDate" testId="employment-endDate" />)}</Col>
          <Col span={12}>{item('note', <TextField control={control} name="note" testId="employment-note" maxLength={200} />)}</Col>
        </Row>
        {corrects && item('reason', <TextField control={control} name="reason" testId="employment-reason" maxLength={200} />, { required: true })}
      </Form>
    </Modal>
  );
}
