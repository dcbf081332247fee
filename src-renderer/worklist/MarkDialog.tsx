// 暂缓 (put a row off until a day after today, with a reason), 不适用 (it does not apply, with a
// reason) and 恢复 (back on the list, with a reason): a new dated mark each, nothing deleted. Checked on the fields with the shared schema the
// core applies again; the core's refusal lands on its field through the one error translator.

import { Alert, App as AntApp, Form, Modal, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { toLeyeError } from '../../shared/rpc/client';
import type { FieldIssue } from '../../shared/rpc/errors';
import type { WorklistItem, WorklistMarkKind } from '../../shared/worklist/contract';
import { errorText, issuesOf, issueText } from '../errors';
import { DateField, FieldItem, TextField } from '../form/fields';
import { issuesResolver } from '../form/schemaIssues';
import { useCoreIssues } from '../form/useCoreIssues';
import { fieldOf, MARK_LABELS, markArgs, markIssues, type MarkValues } from './markForm';
import { useWorklistMark } from './queries';
import { subjectOf } from './wording';

export function MarkDialog({ item, kind, today, onDone }: { item: WorklistItem; kind: WorklistMarkKind; today: string; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const tRef = useRef<TFunction>(t);
  tRef.current = t;
  const mark = useWorklistMark();
  const resolver = useMemo(() => issuesResolver<MarkValues>((values) => markIssues(tRef.current, item.key, kind, values, today)), [item.key, kind, today]);
  const { control, handleSubmit, setError } = useForm<MarkValues>({ defaultValues: { until: '', reason: '' }, resolver, mode: 'onTouched' });
  const [formError, setFormError] = useState<string | null>(null);
  const place = useCoreIssues(setError, { fieldOf, text: (issue: FieldIssue) => issueText(t, issue, MARK_LABELS) });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await mark.mutateAsync(markArgs(item.key, kind, values));
      void message.success(t(kind === 'reopened' ? 'worklistScreen.dialog.reopened' : 'worklistScreen.dialog.saved'));
      onDone();
    } catch (reason) {
      const error = toLeyeError(reason).rpc;
      const { elsewhere } = place(issuesOf(error), error.code === 'VALIDATION');
      setFormError(elsewhere.length > 0 ? elsewhere.join(t('posts.issueSeparator')) : error.code === 'VALIDATION' ? null : errorText(t, reason));
    }
  });

  const snooze = kind === 'snoozed';
  return (
    <Modal
      open
      title={t(`worklistScreen.dialog.${kind}Title`, { subject: subjectOf(t, item) })}
      okText={t('worklistScreen.dialog.save')}
      cancelText={t('worklistScreen.dialog.cancel')}
      okButtonProps={{ loading: mark.isPending, 'data-testid': 'mark-save' }}
      onOk={() => void submit()}
      onCancel={onDone}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t(`worklist.markHelp.${kind}`)}</Typography.Paragraph>
      {formError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} data-testid="mark-form-error" />}
      <Form layout="vertical" component="div">
        {snooze && (
          <FieldItem control={control} name="until" label={t('worklistScreen.dialog.until')} required testId="mark-until">
            <DateField control={control} name="until" testId="mark-until-input" />
          </FieldItem>
        )}
        <FieldItem control={control} name="reason" label={t('worklistScreen.dialog.reason')} required testId="mark-reason">
          <TextField control={control} name="reason" testId="mark-reason-input" maxLength={200} textarea />
        </FieldItem>
      </Form>
    </Modal>
  );
}
