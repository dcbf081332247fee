// Ending a holder's assignment early (提前结束): the last day held, the reason, a note, and the
// employment status from the next day (the reason's default, which the clerk may change; none
// after a death). Validated with the shared schema the core applies again; refusals land on
// their fields through the one error translator.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Col, Form, Modal, Row, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { EMPLOYMENT_STATUSES, MIGRANT_AREAS, isEmployed, type EmploymentStatus } from '../../shared/employment/schema';
import { EXIT_REASONS, endAssignmentSchema, nextStatusOf, type EndAssignmentInput, type ExitReason } from '../../shared/posts/exits';
import type { AssignmentView } from '../../shared/rpc/handlers';
import { toLeyeError } from '../../shared/rpc/client';
import { leye } from '../bridge';
import { issueText, issuesOf } from '../errors';
import { EnumSelect } from '../form/enumFields';
import { DateField, FieldItem, TextField } from '../form/fields';
import { todayIso } from '../form/format';
import { schemaResolver } from '../form/schemaIssues';
import { useCoreIssues } from '../form/useCoreIssues';
import { refreshHolder } from './queries';

export interface ExitFormValues {
  date: string;
  reason: ExitReason | '';
  note: string;
  nextStatus: string;
  area: string;
  destination: string;
  employerName: string;
  employerCreditCode: string;
}

/** Where an argument path's issue shows in the form. */
const FIELD_OF: Record<string, keyof ExitFormValues> = {
  date: 'date',
  reason: 'reason',
  note: 'note',
  'next.status': 'nextStatus',
  'next.area': 'area',
  'next.destination': 'destination',
  'next.employer.name': 'employerName',
  'next.employer.creditCode': 'employerCreditCode',
};
const exitFieldOf = (path: string) => FIELD_OF[path] ?? null;
const LABELS = { date: 'exits.date', reason: 'exits.reason', note: 'exits.note', 'next.status': 'exits.nextStatus', 'next.employer.name': 'exits.employer' };

export function toExitArgs(assignmentId: string, v: ExitFormValues): EndAssignmentInput {
  const next =
    v.reason === 'death' || !v.nextStatus
      ? null
      : {
          status: v.nextStatus as (typeof EMPLOYMENT_STATUSES)[number],
          area: v.nextStatus === 'migrant' && v.area ? (v.area as (typeof MIGRANT_AREAS)[number]) : null,
          destination: v.nextStatus === 'migrant' ? v.destination : '',
          employer: isEmployed(v.nextStatus as EmploymentStatus) && v.employerName.trim() ? { name: v.employerName, creditCode: v.employerCreditCode } : null,
        };
  return { assignmentId, date: v.date, reason: v.reason as ExitReason, note: v.note, next };
}

const exitResolver = (t: () => TFunction, assignmentId: string) =>
  schemaResolver<ExitFormValues, EndAssignmentInput>(endAssignmentSchema, (v) => toExitArgs(assignmentId, v), exitFieldOf, t, LABELS);

export function ExitDialog({ holder, onClose }: { holder: AssignmentView; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const tRef = useRef(t);
  tRef.current = t;
  const resolver = useMemo(() => exitResolver(() => tRef.current, holder.id), [holder.id]);
  const today = todayIso();
  const blank: ExitFormValues = { date: holder.endDate < today ? holder.endDate : today, reason: '', note: '', nextStatus: '', area: '', destination: '', employerName: '', employerCreditCode: '' };
  const form = useForm<ExitFormValues>({ defaultValues: blank, resolver, mode: 'onTouched', reValidateMode: 'onChange' });
  const { control, handleSubmit, formState, setValue } = form;
  const [reason, nextStatus] = useWatch({ control, name: ['reason', 'nextStatus'] });
  const [formError, setFormError] = useState<string | null>(null);
  const place = useCoreIssues(form.setError, { fieldOf: exitFieldOf, text: (issue) => issueText(t, issue) });
  // A new reason brings its default status (nextStatusOf); the clerk may choose another.
  useEffect(() => {
    if (reason) setValue('nextStatus', nextStatusOf(reason, null)?.status ?? '');
  }, [reason, setValue]);

  const submit = handleSubmit(
    async (values) => {
      setFormError(null);
      try {
        await leye.call('posts.endAssignment', toExitArgs(holder.id, values));
        refreshHolder(queryClient);
        void message.success(t('exits.done', { name: holder.name }));
        onClose();
      } catch (error) {
        const { elsewhere } = place(issuesOf(toLeyeError(error).rpc));
        setFormError(elsewhere.length > 0 ? elsewhere.join(t('posts.issueSeparator')) : t('posts.fixErrors'));
      }
    },
    () => setFormError(t('posts.fixErrors')),
  );

  return (
    <Modal
      open
      width={640}
      title={t('exits.title', { name: holder.name })}
      okText={t('exits.submit')}
      cancelText={t('exits.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={formState.isSubmitting}
      okButtonProps={{ danger: true, 'data-testid': 'exit-submit' }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <form onSubmit={(e) => (e.preventDefault(), void submit())} noValidate data-testid="exit-form">
        <Form layout="vertical" component="div">
          <Row gutter={12}>
            <Col span={12}>
              <FieldItem control={control} name="date" label={t('exits.date')} required testId="exit-date" extra={t('exits.dateHint')}>
                <DateField control={control} name="date" testId="exit-field-date" disableFuture />
              </FieldItem>
            </Col>
            <Col span={12}>
              <FieldItem control={control} name="reason" label={t('exits.reason')} required testId="exit-reason">
                <EnumSelect control={control} name="reason" values={EXIT_REASONS} labelKey="exits.reasons" testId="exit-field-reason" />
              </FieldItem>
            </Col>
          </Row>
          {reason && reason !== 'death' && (
            <Row gutter={12}>
              <Col span={12}>
                <FieldItem control={control} name="nextStatus" label={t('exits.nextStatus')} testId="exit-next" extra={t('exits.nextStatusHint')}>
                  <EnumSelect control={control} name="nextStatus" values={EMPLOYMENT_STATUSES} labelKey="employment.statuses" testId="exit-field-next" />
                </FieldItem>
              </Col>
              {nextStatus === 'migrant' ? (
                <Col span={12}>
                  <FieldItem control={control} name="area" label={t('employment.fields.area')} required testId="exit-area">
                    <EnumSelect control={control} name="area" values={MIGRANT_AREAS} labelKey="employment.areas" testId="exit-field-area" />
                  </FieldItem>
                </Col>
              ) : nextStatus && isEmployed(nextStatus as EmploymentStatus) ? (
                <Col span={12}>
                  <FieldItem control={control} name="employerName" label={t('exits.employer')} testId="exit-employer">
                    <TextField control={control} name="employerName" testId="exit-field-employer" maxLength={100} />
                  </FieldItem>
                </Col>
              ) : null}
            </Row>
          )}
          {reason === 'death' && <Typography.Paragraph type="secondary">{t('exits.noStatus')}</Typography.Paragraph>}
          <FieldItem control={control} name="note" label={t('exits.note')} testId="exit-note">
            <TextField control={control} name="note" testId="exit-field-note" maxLength={200} textarea />
          </FieldItem>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="exit-mapping">
            {t('exits.mappingHelp')}
          </Typography.Paragraph>
          {formError && <Alert type="error" showIcon title={formError} data-testid="exit-error" />}
        </Form>
      </form>
    </Modal>
  );
}
