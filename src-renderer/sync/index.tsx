// The header's sync indicator: the honest sync state at a glance (never "synced" after a
// failure), the documents waiting, and a drawer with the details and the actions (SyncPanel.tsx,
// with the transfer and the place tree it names places with: loaded when first opened, issue 18).

import { Badge, Button, Space, Spin, Typography } from 'antd';
import { CheckCircleOutlined, CloudOutlined, DisconnectOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayCall } from '../access/may';
import { useStationStatus } from '../station/queries';
import { syncLabel, type SyncTone } from './syncState';
import { useNow, useSyncStatus } from './queries';

const SyncPanel = lazy(() => import('./SyncPanel').then((m) => ({ default: m.SyncPanel })));

const COLORS: Record<SyncTone, string | undefined> = {
  default: 'rgba(0, 0, 0, 0.45)',
  processing: '#1677ff',
  success: '#389e0d',
  error: '#cf1322',
};

export function SyncIndicator() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // Once opened, the drawer stays mounted (it animates closed, and opens again at once).
  const [opened, setOpened] = useState(false);
  const sync = useSyncStatus();
  const station = useStationStatus();
  const now = useNow();
  const role = station.data?.user?.role;
  const canConnect = mayCall('sync.connect', role);
  const view = syncLabel(sync.data, now, station.data?.station?.level);
  const color = COLORS[view.tone];

  const icon = view.spinning ? (
    <Spin size="small" />
  ) : view.tone === 'error' ? (
    <ExclamationCircleOutlined />
  ) : view.tone === 'success' ? (
    <CheckCircleOutlined />
  ) : sync.data && !sync.data.connected ? (
    <DisconnectOutlined />
  ) : (
    <CloudOutlined />
  );

  return (
    <>
      <Button
        type="text"
        size="small"
        data-testid="sync-indicator"
        data-state={sync.data ? (sync.data.connected ? sync.data.state : 'notConnected') : 'unknown'}
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
        style={{ color }}
      >
        <Space size={6}>
          {icon}
          <span>{t(view.label.key, view.label.params)}</span>
          {view.detail && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(view.detail.key, view.detail.params)}
            </Typography.Text>
          )}
          {view.waiting > 0 && (
            <Badge
              data-testid="sync-waiting"
              count={t('sync.waiting', { count: view.waiting })}
              color={view.tone === 'error' ? '#cf1322' : '#fa8c16'}
              style={{ fontSize: 12 }}
            />
          )}
        </Space>
      </Button>
      {opened && (
        <Suspense fallback={null}>
          <SyncPanel open={open} onClose={() => setOpen(false)} status={sync.data} canConnect={canConnect} now={now} />
        </Suspense>
      )}
    </>
  );
}
