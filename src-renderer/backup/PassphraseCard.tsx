// 备份口令 (admins): backups are encrypted with it. Set once (the new passphrase twice), changed
// with the current one; the strength rule is said on the field and checked by the contract's schema
// before the core checks it again. Until one is set no backup is written (the card says so).

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Form, Input, Space, Typography } from 'antd';
import { EditOutlined, LockOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Controller, useForm, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { backupPassphraseSchema, type BackupStatus } from '../../shared/backup/contract';
import { LeyeError } from '../../shared/rpc/errors';
import { toLeyeError } from '../../shared/rpc/client';
import { leye } from '../bridge';
import { backupKeys } from './queries';
import { errorText } from '../errors';
import { issuesResolver, schemaIssues } from '../form/schemaIssues';
import { FieldItem } from '../form/fields';

interface PassphraseForm {
  current: string;
  passphrase: string;
  repeat: string;
}

const EMPTY: PassphraseForm = { current: '', passphrase: '', repeat: '' };

export function PassphraseCard({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const changing = status.passphraseSet;
  /** Once set, the form to change it opens on request. */
  const [open, setOpen] = useState(false);
  const toArgs = (v: PassphraseForm) => ({ passphrase: v.passphrase, ...(changing ? { current: v.current } : {}) });
  const labels: Record<string, string> = { current: 'backup.passphrase.current', passphrase: 'backup.passphrase.next', repeat: 'backup.passphrase.repeat' };
  const { control, handleSubmit, reset, setError } = useForm<PassphraseForm>({
    defaultValues: EMPTY,
    resolver: issuesResolver((values: PassphraseForm) => {
      const issues = schemaIssues(backupPassphraseSchema, toArgs(values), t, { labelOf: (tr, path) => tr(labels[path] ?? path) });
      if (!issues.passphrase && values.repeat !== values.passphrase) issues.repeat = t('errors.backup.passphraseMismatch');
      return issues;
    }),
  });
  const save = useMutation({
    mutationFn: (values: PassphraseForm) => leye.call('backup.passphrase', toArgs(values)),
    onSuccess: (next) => {
      client.setQueryData(backupKeys.status, next);
      reset(EMPTY);
      setOpen(false);
      void message.success(t(changing ? 'backup.passphrase.changed' : 'backup.passphrase.saved'));
    },
    onError: (reason) => {
      const error = reason instanceof LeyeError ? reason : toLeyeError(reason);
      const field = error.rpc.field;
      if (field === 'current' || field === 'passphrase') setError(field, { message: errorText(t, error) });
      else void message.error(errorText(t, error));
    },
  });
  const field = (name: Path<PassphraseForm>, extra?: string) => (
    <FieldItem control={control} name={name} label={t(labels[name]!)} testId={`backup-passphrase-${name}`} extra={extra} required>
      <Controller
        control={control}
        name={name}
        render={({ field: f }) => <Input.Password {...f} autoComplete="new-password" maxLength={200} data-testid={`backup-passphrase-${name}`} />}
      />
    </FieldItem>
  );
  return (
    <Card title={t('backup.passphrase.title')} data-testid="backup-passphrase">
      <Typography.Paragraph type="secondary">{t('backup.passphrase.intro')}</Typography.Paragraph>
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('backup.passphrase.remember')} />
      {changing && !open ? (
        <Button icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid="backup-passphrase-open">
          {t('backup.passphrase.change')}
        </Button>
      ) : (
        <Form layout="vertical" style={{ maxWidth: 520 }} onFinish={() => void handleSubmit((v) => save.mutate(v))()}>
          {changing && field('current')}
          {field('passphrase', t('backup.passphrase.hint'))}
          {field('repeat')}
          <Space>
            <Button type="primary" htmlType="submit" icon={<LockOutlined />} loading={save.isPending} data-testid="backup-passphrase-save">
              {t(changing ? 'backup.passphrase.change' : 'backup.passphrase.set')}
            </Button>
            {changing && (
              <Button
                onClick={() => {
                  reset(EMPTY);
                  setOpen(false);
                }}
              >
                {t('backup.cancel')}
              </Button>
            )}
          </Space>
        </Form>
      )}
    </Card>
  );
}
