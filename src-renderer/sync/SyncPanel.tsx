// The drawer behind the indicator: where the station syncs to (never a password), when it last
// succeeded and tried, what is waiting, the failure with each refused record, the actions, and
// the station's batches with the county's decision on each, and the USB transfer.

import { App as AntApp, Alert, Button, Descriptions, Divider, Drawer, Table, Typography } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../shared/rpc/handlers';
import { leye } from '../bridge';
import { errorText } from '../errors';
import { BatchList } from './BatchList';
import { ResolutionList } from './ResolutionList';
import { QuarantineList } from './QuarantineList';
import { ConnectForm } from './ConnectForm';
import { TransferPanel } from './TransferPanel';
import { ago } from './syncState';
import { useRefreshBatches, useSetSyncStatus } from './queries';
import { useSession } from '../station/queries';

interface Props {
  open: boolean;
  onClose: () => void;
  status: SyncStatus | undefined;
  canConnect: boolean;
  now: number;
}

export function SyncPanel({ open, onClose, status, canConnect, now }: Props) {
  const { t } = useTranslation();
  const county = useSession().station?.level === 'county';
  const { message } = AntApp.useApp();
  const setStatus = useSetSyncStatus();
  const refreshBatches = useRefreshBatches();
  const [running, setRunning] = useState(false);

  const when = (at: string | null) => (at ? `${dayjs(at).format('YYYY-MM-DD HH:mm')} · ${ago(at, now)}` : t('sync.never'));

  const syncNow = async () => {
    setRunning(true);
    try {
      const result = await leye.call('sync.now', {});
      setStatus(result);
      if (result.state === 'failed') void message.warning(t('sync.syncFailed'));
      else if (result.state === 'idle') void message.success(t('sync.synced'));
    } catch (error) {
      void message.error(errorText(t, error));
    } finally {
      setRunning(false);
      void refreshBatches();
    }
  };

  const syncing = status?.state === 'syncing' || running;
  const failure = status?.state === 'failed' ? status.failure : null;
  return (
    <Drawer open={open} onClose={onClose} size={480} title={t('sync.title')} data-testid="sync-drawer">
      {status && !status.connected && <Alert type="info" showIcon title={t(county ? 'countyStation.hint' : 'sync.notConnectedHint')} style={{ marginBottom: 16 }} />}
      {status && (
        <Descriptions
          column={1}
          size="small"
          bordered
          items={[
            ...(status.server
              ? [
                  { key: 'server', label: t('sync.server'), children: <Typography.Text copyable>{status.server.url}</Typography.Text> },
                  { key: 'account', label: t('sync.account'), children: status.server.username },
                  { key: 'place', label: t('sync.place'), children: status.server.placeCode },
                ]
              : []),
            { key: 'lastSuccess', label: t('sync.lastSuccess'), children: when(status.lastSuccessAt) },
            { key: 'lastAttempt', label: t('sync.lastAttempt'), children: when(status.lastAttemptAt) },
            { key: 'waiting', label: t('sync.waitingCount'), children: t('sync.waitingValue', { count: status.waiting }) },
          ]}
        />
      )}
      {failure && (
        <div data-testid="sync-failure" style={{ marginTop: 16 }}>
          <Alert type="error" showIcon title={t('sync.failure')} description={t(failure.messageKey, { defaultValue: t('errors.sync.other') })} />
          {failure.refused.length > 0 && (
            <Table
              style={{ marginTop: 12 }}
              size="small"
              pagination={false}
              rowKey={(row) => `${row.id}:${row.reason}`}
              title={() => t('sync.refusedTitle')}
              dataSource={failure.refused}
              columns={[
                { key: 'id', title: t('sync.refusedId'), dataIndex: 'id', render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
                { key: 'reason', title: t('sync.refusedReason'), dataIndex: 'reason' },
              ]}
            />
          )}
        </div>
      )}
      <div style={{ marginTop: 16 }}>
        <Button
          type="primary"
          icon={<SyncOutlined spin={syncing} />}
          disabled={!status?.connected || syncing}
          onClick={() => void syncNow()}
          data-testid="sync-now"
        >
          {syncing ? t('sync.syncingNow') : t('sync.now')}
        </Button>
      </div>
      <BatchList open={open} onOpenRecord={onClose} />
      <ResolutionList open={open} />
      <QuarantineList open={open} />
      <Divider />
      <TransferPanel />
      <Divider />
      {canConnect ? (
        <>
          <Typography.Title level={5}>{status?.connected ? t('sync.connect.reconnectTitle') : t('sync.connect.title')}</Typography.Title>
          <ConnectForm />
        </>
      ) : (
        !status?.connected && <Typography.Text type="secondary">{t('sync.askAdmin')}</Typography.Text>
      )}
    </Drawer>
  );
}
