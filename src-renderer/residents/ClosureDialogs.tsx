// The dialogs that close a registration (注销登记: reason, date, note) and reopen a closed one
// (重新打开: a required reason; the closure is kept in the record's history and audit-logged).

import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSE_REASONS, type CloseReason } from '../../shared/residents/schema';
import type { ResidentView } from '../../shared/rpc/handlers';
import { LeyeError } from '../../shared/rpc/errors';
import { leye } from '../bridge';
import { errorText, translateIssue } from '../errors';
import { reopenResident, residentKeys } from './queries';
import { CLOSURE_EMPLOYMENT_DEFAULTS, ClosureEmploymentFields, closureEmploymentArgs, closureEmploymentField, type ClosureEmploymentValues } from '../employment/ClosureEmploymentFields';
import { employmentChanged } from '../employment/queries';

interface CloseValues {
  reason: CloseReason;
  date: Dayjs;
  note?: string;
  /** Closed as 已就业: the employment status written with it. */
  employment?: ClosureEmploymentValues;
}

const CLOSE_FIELDS: Record<string, keyof CloseValues> = { reason: 'reason', date: 'date', note: 'note' };

export function CloseDialog({ view, onDone }: { view: ResidentView; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CloseValues>();
  const [busy, setBusy] = useState(false);
  const reason = Form.useWatch('reason', form);

  const submit = async (values: CloseValues) => {
    setBusy(true);
    try {
      const date = values.date.format('YYYY-MM-DD');
      const closed = await leye.call('residents.close', {
        id: view.id,
        rev: view.rev,
        reason: values.reason,
        date,
        note: values.note ?? '',
        ...(values.reason === 'employed' ? { employment: closureEmploymentArgs(values.employment, date) } : {}),
      });
      employmentChanged(queryClient);
      queryClient.setQueryData(residentKeys.one(view.id), closed);
      void queryClient.invalidateQueries({ queryKey: residentKeys.lists });
      void message.success(t('detail.closedOk'));
      onDone();
    } catch (error) {
      if (error instanceof LeyeError && error.rpc.code === 'VALIDATION') {
        const issues = error.rpc.issues ?? [];
        const nameOf = (field: string) => CLOSE_FIELDS[field] ?? closureEmploymentField(field);
        const onFields = issues.filter((issue) => nameOf(issue.field));
        if (onFields.length > 0) {
          form.setFields(onFields.map((issue) => ({ name: nameOf(issue.field)!, errors: [translateIssue(t, issue)] })));
          return;
        }
      }
      void message.error(errorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('detail.closeTitle')}
      okText={t('detail.closeConfirm')}
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'close-confirm' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onDone}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(), employment: CLOSURE_EMPLOYMENT_DEFAULTS }} onFinish={(values) => void submit(values)}>
        <Form.Item name="reason" label={t('fields.closeReason')} rules={[{ required: true, message: t('errors.required', { field: t('fields.closeReason') }) }]}>
          <Select
            data-testid="close-reason"
            options={CLOSE_REASONS.map((value) => ({ value, label: t(`enums.closeReason.${value}`) }))}
            placeholder={t('form.selectPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="date" label={t('fields.closeDate')} rules={[{ required: true, message: t('errors.required', { field: t('fields.closeDate') }) }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label={t('fields.closeNote')}>
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="close-note" />
        </Form.Item>
        {reason === 'employed' && <ClosureEmploymentFields />}
      </Form>
    </Modal>
  );
}

interface ReopenValues {
  reason: string;
}

export function ReopenDialog({ view, onDone }: { view: ResidentView; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReopenValues>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: ReopenValues) => {
    setBusy(true);
    try {
      await reopenResident(queryClient, { id: view.id, rev: view.rev, reason: values.reason });
      void message.success(t('detail.reopenedOk'));
      onDone();
    } catch (error) {
      const issue = error instanceof LeyeError && error.rpc.code === 'VALIDATION' ? error.rpc.issues?.find((i) => i.field === 'reason') : undefined;
      if (issue) form.setFields([{ name: 'reason', errors: [translateIssue(t, issue)] }]);
      else void message.error(errorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('detail.reopenTitle')}
      okText={t('detail.reopenConfirm')}
      okButtonProps={{ loading: busy, 'data-testid': 'reopen-confirm' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onDone}
      destroyOnHidden
    >
      <p>{t('detail.reopenHint')}</p>
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="reason"
          label={t('fields.reopenReason')}
          rules={[{ required: true, whitespace: true, message: t('errors.required', { field: t('fields.reopenReason') }) }]}
        >
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="reopen-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
