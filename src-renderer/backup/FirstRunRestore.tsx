// 从备份恢复 at first run (a reinstalled PC, no station yet): pick a backup file (Electron: the
// system's open-file dialog; the browser preview: a folder typed in and its backup files listed,
// as on the 数据备份 screen), let the core check it whole (with the backup passphrase when it is
// encrypted; an older, plain file needs none and says so) and say what it holds, then restore it.
// The core refuses all of this once a station is set up; afterwards the login screen shows and
// the accounts are the backup's.

import { useMutation } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, type ButtonProps, Card, Descriptions, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { FolderOpenOutlined, LockOutlined, SearchOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { placeName } from '../../shared/places';
import { firstRunFolderSchema, type BackupFile } from '../../shared/backup/contract';
import { LeyeError } from '../../shared/rpc/errors';
import { toLeyeError } from '../../shared/rpc/client';
import { leye } from '../bridge';
import { errorText } from '../errors';
import { issuesResolver, schemaIssues } from '../form/schemaIssues';
import { FieldItem } from '../form/fields';
import { formatTime } from '../form/format';
import { useSetStatus } from '../station/queries';

interface FolderForm {
  folder: string;
}

interface Picked {
  folder: string | null;
  file: string;
  passphrase?: string;
}

const toFolder = (v: FolderForm) => (v.folder.trim() === '' ? null : v.folder.trim());

export function FirstRunRestore({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const setStatus = useSetStatus();
  // Errors kept as the core sent them: translated when shown (the language may change meanwhile).
  const [error, setError] = useState<LeyeError | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [passphraseError, setPassphraseError] = useState<LeyeError | null>(null);
  /** The file chosen last (its check failed or passed). */
  const [picked, setPicked] = useState<Picked | null>(null);
  const { control, handleSubmit, setError: setFieldError } = useForm<FolderForm>({
    defaultValues: { folder: '' },
    resolver: issuesResolver((values: FolderForm) => schemaIssues(firstRunFolderSchema, { folder: toFolder(values) }, t, { labelOf: (tr) => tr('backup.firstRun.folder') })),
  });

  const onCoreError = (reason: unknown) => {
    const e = reason instanceof LeyeError ? reason : toLeyeError(reason);
    if (e.rpc.field === 'folder') setFieldError('folder', { message: errorText(t, e) });
    else if (e.rpc.field === 'passphrase') setPassphraseError(e);
    else setError(e);
  };

  const files = useMutation({
    mutationFn: (folder: string | null) => leye.call('backup.firstRunFiles', { folder }),
    onMutate: () => setError(null),
    onError: onCoreError,
  });
  const check = useMutation({
    mutationFn: (file: Picked) => leye.call('backup.firstRunCheck', file),
    onMutate: () => {
      setError(null);
      setPassphraseError(null);
    },
    onError: onCoreError,
  });
  /** Checks a file with the passphrase typed (none: an older, plain file needs none). */
  const checkFile = (file: { folder: string | null; file: string }) => {
    setPicked(file);
    check.mutate({ ...file, ...(passphrase !== '' ? { passphrase } : {}) });
  };
  const restore = useMutation({
    mutationFn: (file: Picked) => leye.call('backup.firstRunRestore', file),
    onMutate: () => {
      setError(null);
      setPassphraseError(null);
    },
    onSuccess: async (result) => {
      void message.success({ content: <span data-testid="first-run-restored">{t('backup.firstRun.restored', { file: result.file, documents: result.documents })}</span>, duration: 10 });
      // The core also pushes the new status; asking makes the login screen follow either way.
      setStatus(await leye.call('station.status', {}));
    },
    onError: onCoreError,
  });

  const chooseFile = window.leyeBackup?.chooseFile;
  const pickFromDialog = async () => {
    const chosen = await chooseFile?.();
    if (chosen) checkFile(chosen);
  };

  const contents = check.data;
  const askRestore = () => {
    if (!contents || !check.variables) return;
    const checked = check.variables;
    modal.confirm({
      title: t('backup.firstRun.confirmTitle'),
      content: t('backup.firstRun.confirmBody', { name: contents.stationName || placeName(contents.placeCode) || '', place: contents.placeCode, time: formatTime(contents.createdAt) }),
      okText: t('backup.restoreOk'),
      cancelText: t('backup.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'first-run-restore-confirm' } as ButtonProps,
      onOk: () => restore.mutate(checked),
    });
  };

  return (
    <div className="leye-centered">
      <Card title={t('backup.firstRun.title')} data-testid="first-run-restore" style={{ maxWidth: 760 }}>
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('backup.firstRun.hint')}
          </Typography.Paragraph>
          <Form layout="vertical" onFinish={() => picked && checkFile(picked)}>
            <Form.Item
              label={t('backup.firstRun.passphrase')}
              extra={t('backup.firstRun.passphraseHint')}
              validateStatus={passphraseError ? 'error' : undefined}
              help={passphraseError ? <span data-testid="error-first-run-passphrase">{errorText(t, passphraseError)}</span> : undefined}
              style={{ marginBottom: 0 }}
            >
              <Space.Compact style={{ width: '100%' }}>
                <Input.Password
                  value={passphrase}
                  maxLength={200}
                  autoComplete="off"
                  prefix={<LockOutlined />}
                  onChange={(e) => {
                    setPassphrase(e.target.value);
                    setPassphraseError(null);
                  }}
                  data-testid="first-run-passphrase"
                />
                {picked && (
                  <Button htmlType="submit" loading={check.isPending} data-testid="first-run-recheck">
                    {t('backup.firstRun.check')}
                  </Button>
                )}
              </Space.Compact>
            </Form.Item>
          </Form>
          {chooseFile ? (
            <Button icon={<FolderOpenOutlined />} onClick={() => void pickFromDialog()} loading={check.isPending} data-testid="first-run-choose-file">
              {t('backup.firstRun.chooseFile')}
            </Button>
          ) : (
            <Form layout="vertical" onFinish={() => void handleSubmit((v) => files.mutate(toFolder(v)))()}>
              <FieldItem control={control} name="folder" label={t('backup.firstRun.folder')} testId="first-run-folder">
                <Controller
                  control={control}
                  name="folder"
                  render={({ field }) => (
                    <Space.Compact style={{ width: '100%' }}>
                      <Input {...field} data-testid="first-run-folder" placeholder={t('backup.firstRun.folderPlaceholder')} />
                      <Button htmlType="submit" icon={<SearchOutlined />} loading={files.isPending} data-testid="first-run-find">
                        {t('backup.firstRun.find')}
                      </Button>
                    </Space.Compact>
                  )}
                />
              </FieldItem>
            </Form>
          )}
          {files.data && (
            <Table<BackupFile>
              rowKey="file"
              size="small"
              data-testid="first-run-files"
              dataSource={files.data}
              pagination={false}
              locale={{ emptyText: t('backup.firstRun.empty') }}
              columns={[
                { title: t('backup.columns.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
                { title: t('backup.columns.station'), dataIndex: 'placeCode', render: (v: string) => `${placeName(v) ?? ''} ${v}` },
                { title: t('backup.columns.file'), dataIndex: 'file' },
                {
                  title: t('backup.columns.actions'),
                  key: 'actions',
                  render: (_: unknown, row: BackupFile) => (
                    <Button
                      size="small"
                      loading={check.isPending && check.variables?.file === row.file}
                      onClick={() => checkFile({ folder: files.variables ?? null, file: row.file })}
                      data-testid="first-run-check"
                    >
                      {t('backup.firstRun.check')}
                    </Button>
                  ),
                },
              ]}
            />
          )}
          {error && <Alert type="error" showIcon title={<span data-testid="first-run-error">{errorText(t, error)}</span>} />}
          {contents && !check.isPending && (
            <Card size="small" title={t('backup.firstRun.contents')} data-testid="first-run-contents">
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label={t('backup.firstRun.station')}>
                  <span data-testid="first-run-station">
                    {contents.stationName || placeName(contents.placeCode)} {contents.placeCode}
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label={t('backup.firstRun.createdAt')}>{formatTime(contents.createdAt)}</Descriptions.Item>
                <Descriptions.Item label={t('backup.firstRun.encrypted')}>
                  <Tag color={contents.encrypted ? 'green' : 'orange'} data-testid="first-run-encrypted">
                    {t(contents.encrypted ? 'backup.firstRun.encryptedYes' : 'backup.firstRun.encryptedNo')}
                  </Tag>
                </Descriptions.Item>
                <Descriptions.Item label={t('backup.firstRun.documents')}>{contents.documents}</Descriptions.Item>
                <Descriptions.Item label={t('backup.firstRun.residents')}>
                  <span data-testid="first-run-residents">{contents.counts.resident ?? 0}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('backup.firstRun.relays')}>
                  {contents.relayPlaces.length > 0 ? contents.relayPlaces.map((p) => `${placeName(p) ?? ''} ${p}`).join('、') : t('backup.firstRun.none')}
                </Descriptions.Item>
              </Descriptions>
              <Button type="primary" danger style={{ marginTop: 12 }} loading={restore.isPending} onClick={askRestore} data-testid="first-run-restore-button">
                {t('backup.firstRun.restore')}
              </Button>
            </Card>
          )}
          <Button type="link" onClick={onBack} disabled={restore.isPending} data-testid="first-run-back" style={{ paddingLeft: 0 }}>
            {t('backup.firstRun.back')}
          </Button>
        </Space>
      </Card>
    </div>
  );
}
