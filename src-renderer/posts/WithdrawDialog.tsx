// Withdrawing a holder's early end (撤销离岗): the exit withdrawn (its last day held, shown), and
// the reason, required. The core refuses while a later month is closed or the county accepted
// the exit; the refusal lands on the exit date's field through the one error translator.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Form, Modal, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../shared/worklist/rules';
import { withdrawExitSchema, type WithdrawExitInput } from '../../shared/posts/exits';
import type { AssignmentView } from '../../shared/rpc/handlers';
import { toLeyeError } from '../../shared/rpc/client';
import { leye } from '../bridge';
import { issueText, issuesOf } from '../errors';
import { FieldItem, TextField } from '../form/fields';
import { schemaResolver } from '../form/schemaIssues';
import { useCoreIssues } from '../form/useCoreIssues';
import { refreshHolder } from './queries';

interface WithdrawFormValues {
  exitDate: string;
  reason: string;
}

const fieldOf = (path: string): keyof WithdrawFormValues | null => (path === 'reason' ? 'reason' : path === 'exitDate' || path === 'assignmentId' ? 'exitDate' : null);

export function WithdrawDialog({ holder, onClose }: { holder: AssignmentView; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const tRef = useRef(t);
  tRef.current = t;
  const exit = holder.exit!;
  const resolver = useMemo(
    () => schemaResolver<WithdrawFormValues, WithdrawExitInput>(withdrawExitSchema, (v) => ({ assignmentId: holder.id, reason: v.reason }), fieldOf, () => tRef.current, { reason: 'exits.withdrawReason' }),
    [holder.id],
  );
  const form = useForm<WithdrawFormValues>({ defaultValues: { exitDate: `${exit.date} · ${t(`exits.reasons.${exit.reason}`)}`, reason: '' }, resolver, mode: 'onTouched' });
  const { control, handleSubmit, formState } = form;
  const [formError, setFormError] = useState<string | null>(null);
  const place = useCoreIssues(form.setError, { fieldOf, text: (issue) => issueText(t, issue) });

  const submit = handleSubmit(
    async (values) => {
      setFormError(null);
      try {
        await leye.call('posts.withdrawExit', { assignmentId: holder.id, reason: values.reason });
        refreshHolder(queryClient);
        void message.success(t('exits.withdrawn', { name: holder.name }));
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
      width={560}
      title={t('exits.withdrawTitle', { name: holder.name })}
      okText={t('exits.withdrawSubmit')}
      cancelText={t('exits.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={formState.isSubmitting}
      okButtonProps={{ 'data-testid': 'withdraw-submit' }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <form onSubmit={(e) => (e.preventDefault(), void submit())} noValidate data-testid="withdraw-form">
        <Form layout="vertical" component="div">
          <Typography.Paragraph type="secondary">{t('exits.withdrawHint', { next: addDays(exit.date, 1) })}</Typography.Paragraph>
          <FieldItem control={control} name="exitDate" label={t('exits.exitDate')} testId="withdraw-exitDate">
            <TextField control={control} name="exitDate" testId="withdraw-field-exitDate" disabled />
          </FieldItem>
          <FieldItem control={control} name="reason" label={t('exits.withdrawReason')} required testId="withdraw-reason">
            <TextField control={control} name="reason" testId="withdraw-field-reason" maxLength={200} textarea placeholder={t('exits.withdrawReasonPlaceholder')} autoFocus />
          </FieldItem>
          {formError && <Alert type="error" showIcon title={formError} data-testid="withdraw-error" />}
        </Form>
      </form>
    </Modal>
  );
}
