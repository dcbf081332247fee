// 修改密码's dialog: the current password, the new one twice, checked as the core checks it. Loaded
// when the header's button is first clicked (issue 18: the form kit and zod stay off the login's path).

import { Alert, App as AntApp, Input, Modal } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { newPassword } from '../../shared/access/contract';
import { toLeyeError } from '../../shared/rpc/client';
import { leye } from '../bridge';
import { errorText, issueText, issuesOf } from '../errors';
import { FieldItem } from '../form/fields';
import { useCoreIssues } from '../form/useCoreIssues';
import { schemaResolver } from '../form/schemaIssues';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const LABELS = { currentPassword: 'access.changePassword.current', newPassword: 'access.changePassword.next', confirm: 'access.changePassword.confirm' };
const FIELDS = ['currentPassword', 'newPassword', 'confirm'] as const;
const fieldOf = (path: string) => ((FIELDS as readonly string[]).includes(path) ? path : null);
const schema = z
  .strictObject({ currentPassword: z.string().min(1, { error: 'errors.required' }), newPassword, confirm: z.string() })
  .refine((v) => v.confirm === v.newPassword, { path: ['confirm'], error: 'access.changePassword.mismatch' });

export function ChangePasswordModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const tRef = useRef(t);
  tRef.current = t;
  const resolver = useMemo(
    () => schemaResolver<PasswordValues, PasswordValues>(schema, (v) => v, fieldOf, () => tRef.current, LABELS),
    [],
  );
  const { control, handleSubmit, setError } = useForm<PasswordValues>({ defaultValues: { currentPassword: '', newPassword: '', confirm: '' }, resolver, mode: 'onTouched' });
  const [formError, setFormError] = useState<string | null>(null);
  const place = useCoreIssues(setError, { fieldOf, text: (issue) => issueText(t, issue, LABELS) });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await leye.call('auth.changePassword', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      void message.success(t('access.changePassword.done'));
      onClose();
    } catch (reason) {
      const { elsewhere } = place(issuesOf(toLeyeError(reason).rpc));
      setFormError(elsewhere.length > 0 ? elsewhere.join('；') : errorText(t, reason));
    }
  });
  return (
    <Modal
      open
      title={t('access.changePassword.title')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('access.users.save')}
      cancelText={t('access.users.cancel')}
      okButtonProps={{ 'data-testid': 'password-save' }}
    >
      {formError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} />}
      {FIELDS.map((name) => (
        <FieldItem key={name} control={control} name={name} label={t(LABELS[name])} required testId={`password-${name}`} extra={name === 'newPassword' ? t('access.users.passwordHint') : undefined}>
          <Controller
            control={control}
            name={name}
            render={({ field }) => <Input.Password {...field} autoComplete={name === 'currentPassword' ? 'current-password' : 'new-password'} data-testid={`password-field-${name}`} />}
          />
        </FieldItem>
      ))}
    </Modal>
  );
}
