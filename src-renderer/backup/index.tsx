// 数据备份: the daily backup's state, a backup now, the backup passphrase, the folder and how many
// to keep (admins), and the backup files with a restore (admins; the dialog asks for the passphrase
// of an encrypted file). The renderer names a file from the core's list, never a path; the folder
// a clerk types is checked by the core. Without a passphrase no backup is written: the screen says so.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Descriptions, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { CloudDownloadOutlined, LockOutlined, SaveOutlined, UnlockOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { BACKUP_KEEP_MANUAL, backupSettingsSchema, type BackupFile, type BackupFolderBridge, type BackupStatus } from '../../shared/backup/contract';
import { LeyeError } from '../../shared/rpc/errors';
import { toLeyeError } from '../../shared/rpc/client';
import { leye } from '../bridge';
import { backupKeys, useBackupFiles, useBackupStatus } from './queries';
import { PassphraseCard } from './PassphraseCard';
import { RestoreDialog } from './RestoreDialog';
import { errorText, fieldLabelKey } from '../errors';
import { issuesResolver, schemaIssues } from '../form/schemaIssues';
import { FieldItem } from '../form/fields';
import { formatTime } from '../form/format';
import { mayCall } from '../access/may';
import { useSession } from '../station/queries';

declare global {
  interface Window {
    leyeBackup?: BackupFolderBridge;
  }
}

interface SettingsForm {
  folder: string;
  keep: number;
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function toArgs(v: SettingsForm) {
  return { folder: v.folder.trim() === '' ? null : v.folder.trim(), keep: v.keep };
}

function SettingsCard({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const { control, handleSubmit, reset, setError, setValue } = useForm<SettingsForm>({
    defaultValues: { folder: status.defaultFolder ? '' : status.folder, keep: status.keep },
    resolver: issuesResolver((values: SettingsForm) =>
      schemaIssues(backupSettingsSchema, toArgs(values), t, { labelOf: (tr, path) => tr(`backup.${path}`, { defaultValue: tr(fieldLabelKey(path)) }) }),
    ),
  });
  useEffect(() => reset({ folder: status.defaultFolder ? '' : status.folder, keep: status.keep }), [status.folder, status.defaultFolder, status.keep, reset]);
  const save = useMutation({
    mutationFn: (values: SettingsForm) => leye.call('backup.settings', toArgs(values)),
    onSuccess: (next) => {
      client.setQueryData(backupKeys.status, next);
      void client.invalidateQueries({ queryKey: backupKeys.list });
      void message.success(t('backup.saved'));
    },
    onError: (reason) => {
      const error = reason instanceof LeyeError ? reason : toLeyeError(reason);
      if (error.rpc.field === 'folder' || error.rpc.field === 'keep') setError(error.rpc.field, { message: errorText(t, error) });
      else void message.error(errorText(t, error));
    },
  });
  return (
    <Card title={t('backup.settings')} data-testid="backup-settings">
      <Form layout="vertical" onFinish={() => void handleSubmit((v) => save.mutate(v))()}>
        <FieldItem control={control} name="folder" label={t('backup.folder')} testId="backup-folder" extra={t('backup.defaultFolder')}>
          <Controller
            control={control}
            name="folder"
            render={({ field }) => (
              <Space.Compact style={{ width: '100%' }}>
                <Input {...field} data-testid="backup-folder" placeholder={t('backup.folderPlaceholder')} />
                {window.leyeBackup && (
                  <Button
                    data-testid="backup-choose-folder"
                    onClick={() =>
                      void window.leyeBackup!.chooseFolder().then((folder) => {
                        if (folder) setValue('folder', folder, { shouldDirty: true });
                      })
                    }
                  >
                    {t('backup.chooseFolder')}
                  </Button>
                )}
              </Space.Compact>
            )}
          />
        </FieldItem>
        <FieldItem control={control} name="keep" label={t('backup.keep')} testId="backup-keep" extra={t('backup.keepHint', { keep: status.keep, manual: BACKUP_KEEP_MANUAL })}>
          <Controller
            control={control}
            name="keep"
            render={({ field }) => <InputNumber min={1} max={365} value={field.value} onChange={(v) => field.onChange(v ?? 0)} data-testid="backup-keep" />}
          />
        </FieldItem>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="backup-save">
          {t('backup.save')}
        </Button>
      </Form>
    </Card>
  );
}

export function BackupScreen() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const { role } = useSession();
  const status = useBackupStatus();
  const files = useBackupFiles();
  const mayRestore = mayCall('backup.restore', role);

  const backupNow = useMutation({
    mutationFn: () => leye.call('backup.now', {}),
    onSuccess: (made) => void message.success(t('backup.done', { file: made.file, documents: made.documents })),
    onError: (reason) => void message.error(errorText(t, reason)),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: backupKeys.status });
      void client.invalidateQueries({ queryKey: backupKeys.list });
    },
  });

  const [restoring, setRestoring] = useState<BackupFile | null>(null);

  const s = status.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large" data-testid="backup-screen">
      <Typography.Title level={4}>{t('backup.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('backup.intro')}</Typography.Paragraph>
      {status.isError && <Alert type="error" showIcon title={errorText(t, status.error)} />}
      {s && (
        <Card>
          {!s.passphraseSet && <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="backup-no-passphrase" title={t('backup.noPassphrase')} />}
          {s.skipped && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="backup-skipped"
              title={t('backup.skipped', { at: formatTime(s.skipped.at), reason: t(s.skipped.messageKey) })}
            />
          )}
          {s.failure && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="backup-failure"
              title={t('backup.failure', { at: formatTime(s.failure.at), count: s.failure.count, reason: t(s.failure.messageKey, { folder: s.folder }) })}
            />
          )}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('backup.encryption')}>
              {s.passphraseSet ? (
                <Tag icon={<LockOutlined />} color="green" data-testid="backup-encryption">
                  {t('backup.encryptionOn')}
                </Tag>
              ) : (
                <Tag icon={<UnlockOutlined />} color="red" data-testid="backup-encryption">
                  {t('backup.encryptionOff')}
                </Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('backup.folder')}>
              <span data-testid="backup-folder-shown">{s.folder}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('backup.lastBackup')}>
              <span data-testid="backup-last">
                {s.lastBackup ? `${formatTime(s.lastBackup.createdAt)} · ${s.lastBackup.file} · ${sizeText(s.lastBackup.size)}` : t('backup.never')}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('backup.nextDue')}>{formatTime(s.nextDueAt)}</Descriptions.Item>
            <Descriptions.Item label={t('backup.keep')}>{s.keep}</Descriptions.Item>
          </Descriptions>
          {mayCall('backup.now', role) && (
            <Button
              type="primary"
              style={{ marginTop: 16 }}
              icon={<CloudDownloadOutlined />}
              loading={backupNow.isPending || s.running}
              disabled={!s.passphraseSet}
              onClick={() => backupNow.mutate()}
              data-testid="backup-now"
            >
              {backupNow.isPending ? t('backup.running') : t('backup.backupNow')}
            </Button>
          )}
        </Card>
      )}
      {s && mayCall('backup.passphrase', role) && <PassphraseCard status={s} />}
      {s && mayCall('backup.settings', role) && <SettingsCard status={s} />}
      {!mayRestore && <Alert type="info" showIcon title={t('backup.onlyAdmin')} />}
      <Card title={t('backup.list')}>
        <Table<BackupFile>
          rowKey="file"
          size="small"
          data-testid="backup-files"
          loading={files.isLoading}
          dataSource={files.data ?? []}
          pagination={false}
          locale={{ emptyText: t('backup.empty') }}
          columns={[
            { title: t('backup.columns.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
            { title: t('backup.columns.file'), dataIndex: 'file' },
            {
              title: t('backup.columns.kind'),
              dataIndex: 'manual',
              render: (manual: boolean) => <Tag data-testid="backup-kind">{t(manual ? 'backup.kind.manual' : 'backup.kind.daily')}</Tag>,
            },
            {
              title: t('backup.columns.encrypted'),
              dataIndex: 'encrypted',
              render: (encrypted: boolean) => (
                <Tag color={encrypted ? 'green' : 'orange'} data-testid="backup-encrypted">
                  {t(encrypted ? 'backup.encrypted.yes' : 'backup.encrypted.no')}
                </Tag>
              ),
            },
            { title: t('backup.columns.size'), dataIndex: 'size', render: (v: number) => sizeText(v) },
            {
              title: t('backup.columns.station'),
              dataIndex: 'thisStation',
              render: (own: boolean, row) => (own ? <Tag color="green">{t('backup.thisStation')}</Tag> : <Tag color="orange">{t('backup.otherStation', { place: row.placeCode })}</Tag>),
            },
            ...(mayRestore
              ? [
                  {
                    title: t('backup.columns.actions'),
                    key: 'actions',
                    render: (_: unknown, row: BackupFile) => (
                      <Button danger size="small" onClick={() => setRestoring(row)} data-testid="backup-restore">
                        {t('backup.restore')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {restoring && <RestoreDialog key={restoring.file} file={restoring} onClose={() => setRestoring(null)} />}
    </Space>
  );
}
