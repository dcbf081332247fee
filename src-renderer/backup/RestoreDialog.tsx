// The restore dialog of the 数据备份 screen: what a restore does, the backup passphrase for an
// encrypted file (an older, plain file says it needs none), then, for another station's file, the
// confirmation. A wrong passphrase shows on its field and the dialog stays open: nothing changed.

import { useMutation } from '@tanstack/react-query';
import { Alert, App as AntApp, type ButtonProps, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { placeName } from '../../shared/places';
import type { BackupFile } from '../../shared/backup/contract';
import { LeyeError } from '../../shared/rpc/errors';
import { toLeyeError } from '../../shared/rpc/client';
import { leye } from '../bridge';
import { errorText } from '../errors';
import { formatTime } from '../form/format';

interface Args {
  file: string;
  passphrase?: string;
  confirmOtherStation?: boolean;
}

export function RestoreDialog({ file, onClose }: { file: BackupFile; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const [passphrase, setPassphrase] = useState('');
  // Errors kept as the core sent them: translated when shown (the language may change meanwhile).
  const [passphraseError, setPassphraseError] = useState<LeyeError | null>(null);
  const [error, setError] = useState<LeyeError | null>(null);
  /** Another station's file: its place and name, to confirm. */
  const [other, setOther] = useState<{ place: string; name: string } | null>(null);

  const restore = useMutation({
    mutationFn: (args: Args) => leye.call('backup.restore', args),
    onMutate: () => {
      setError(null);
      setPassphraseError(null);
    },
    // The core logs everyone out and pushes the station's status: the login screen follows.
    onSuccess: (result) => {
      onClose();
      void modal.success({
        title: t('backup.restore'),
        content: <span data-testid="backup-restored">{t('backup.restored', { file: result.file, documents: result.documents, folder: result.replacedFolder })}</span>,
      });
    },
    onError: (reason, args) => {
      const e = reason instanceof LeyeError ? reason : toLeyeError(reason);
      if (e.rpc.field === 'confirmOtherStation' && !args.confirmOtherStation) {
        const params = e.rpc.params ?? {};
        setOther({ place: String(params.place), name: String(params.name ?? placeName(String(params.place)) ?? '') });
      } else if (e.rpc.field === 'passphrase') setPassphraseError(e);
      else setError(e);
    },
  });

  const submit = () => {
    if (file.encrypted && passphrase === '') {
      setPassphraseError(new LeyeError({ code: 'VALIDATION', field: 'passphrase', messageKey: 'errors.backup.passphraseNeeded' }));
      return;
    }
    restore.mutate({ file: file.file, ...(file.encrypted ? { passphrase } : {}), ...(other ? { confirmOtherStation: true } : {}) });
  };

  return (
    <Modal
      open
      title={t('backup.restoreTitle')}
      okText={t('backup.restoreOk')}
      cancelText={t('backup.cancel')}
      okButtonProps={{ danger: true, loading: restore.isPending, 'data-testid': 'backup-restore-confirm' } as ButtonProps}
      cancelButtonProps={{ disabled: restore.isPending }}
      onOk={submit}
      onCancel={() => !restore.isPending && onClose()}
      maskClosable={false}
      width={560}
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="backup-restore-dialog">
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('backup.restoreBody', { time: formatTime(file.createdAt) })}</Typography.Paragraph>
        <Typography.Text type="secondary">{file.file}</Typography.Text>
        {file.encrypted ? (
          <Form layout="vertical" onFinish={submit} style={{ marginTop: 8 }}>
            <Form.Item
              label={t('backup.restorePassphrase')}
              required
              extra={t('backup.restorePassphraseHint')}
              validateStatus={passphraseError ? 'error' : undefined}
              help={passphraseError ? <span data-testid="error-backup-restore-passphrase">{errorText(t, passphraseError)}</span> : undefined}
            >
              <Input.Password
                autoFocus
                value={passphrase}
                maxLength={200}
                autoComplete="off"
                onChange={(e) => {
                  setPassphrase(e.target.value);
                  setPassphraseError(null);
                }}
                onPressEnter={submit}
                data-testid="backup-restore-passphrase"
              />
            </Form.Item>
          </Form>
        ) : (
          <Alert type="info" showIcon title={<span data-testid="backup-restore-not-encrypted">{t('backup.restoreNotEncrypted')}</span>} />
        )}
        {other && <Alert type="warning" showIcon data-testid="backup-restore-other" title={t('backup.restoreOther', { place: other.place, name: other.name })} />}
        {error && <Alert type="error" showIcon title={<span data-testid="backup-restore-error">{errorText(t, error)}</span>} />}
      </Space>
    </Modal>
  );
}
