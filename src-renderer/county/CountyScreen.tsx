// The county's incoming batches (filtered by status and station; a row opens the batch) and its
// stations with when each last synced, the silent ones in red.

import { Alert, Button, InputNumber, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { usePersonName } from '../shell/people';
import type { CountyBatchStatus, CountyBatchView, CountyStationView } from '../../shared/rpc/handlers';

import { errorText } from '../errors';
import { navigate } from '../route';
import { ago } from '../sync/syncState';
import { useNow } from '../sync/queries';
import { useDebounced } from '../useDebounced';
import { CountTags, CountyStatusTag } from './common';
import { useCountyBatches, useCountyLive, useCountyStations } from './queries';
import { COUNTY_BATCH_STATUSES, sortStations, staleText, stationOptions } from './countyView';
import { TownshipWorklist, worklistColumn } from '../worklist/CountyWorklist';
import './county.css';

type TabKey = 'batches' | 'stations';

/** What the screen showed last, so coming back from a batch finds the same list. */
const remembered: { tab: TabKey; status?: CountyBatchStatus; placeCode?: string; staleDays: number } = { tab: 'batches', staleDays: 7 };

const PAGE_SIZE = 50;

export function CountyScreen() {
  const { t } = useTranslation();
  useCountyLive();
  const [tab, setTab] = useState<TabKey>(remembered.tab);
  const [status, setStatus] = useState<CountyBatchStatus | undefined>(remembered.status);
  const [placeCode, setPlaceCode] = useState<string | undefined>(remembered.placeCode);
  const [staleDays, setStaleDays] = useState<number>(remembered.staleDays);
  const settledDays = useDebounced(staleDays, 400);
  useEffect(() => {
    Object.assign(remembered, { tab, status, placeCode, staleDays });
  }, [tab, status, placeCode, staleDays]);

  const filter = { ...(placeCode ? { placeCode } : {}), ...(status ? { status } : {}) };
  const batches = useCountyBatches(filter);
  const stations = useCountyStations(settledDays);

  const showBatchesOf = (code: string) => {
    setPlaceCode(code);
    setStatus(undefined);
    setTab('batches');
  };

  return (
    <div className="leye-county">
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('county.nav.review')}
        </Typography.Title>
        <Button
          icon={<ReloadOutlined />}
          onClick={() => {
            void batches.refetch();
            void stations.refetch();
          }}
          loading={batches.isFetching || stations.isFetching}
          data-testid="county-refresh"
        >
          {t('county.refresh')}
        </Button>
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as TabKey)}
        items={[
          {
            key: 'batches',
            label: t('county.tabs.batches'),
            children: (
              <BatchesTab
                batches={batches.data}
                loading={batches.isPending}
                error={batches.error}
                stations={stations.data ?? []}
                status={status}
                placeCode={placeCode}
                onStatus={setStatus}
                onPlaceCode={setPlaceCode}
              />
            ),
          },
          {
            key: 'stations',
            label: t('county.tabs.stations'),
            children: (
              <StationsTab
                stations={stations.data}
                loading={stations.isPending}
                error={stations.error}
                staleDays={staleDays}
                settledDays={settledDays}
                onStaleDays={setStaleDays}
                onShowBatches={showBatchesOf}
              />
            ),
          },
        ]}
      />
    </div>
  );
}

function BatchesTab(props: {
  batches: CountyBatchView[] | undefined;
  loading: boolean;
  error: unknown;
  stations: CountyStationView[];
  status: CountyBatchStatus | undefined;
  placeCode: string | undefined;
  onStatus(status: CountyBatchStatus | undefined): void;
  onPlaceCode(placeCode: string | undefined): void;
}) {
  const { t } = useTranslation();
  const nameOf = usePersonName();
  const rows = props.batches ?? [];
  return (
    <>
      <div className="leye-county-toolbar">
        <Space>
          <span>{t('county.batches.filterStatus')}</span>
          <Select<CountyBatchStatus>
            allowClear
            style={{ width: 140 }}
            placeholder={t('county.batches.allStatuses')}
            value={props.status}
            onChange={(value) => props.onStatus(value ?? undefined)}
            options={COUNTY_BATCH_STATUSES.map((value) => ({ value, label: t(`county.status.${value}`) }))}
            data-testid="county-filter-status"
          />
        </Space>
        <Space>
          <span>{t('county.batches.filterStation')}</span>
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 240 }}
            placeholder={t('county.batches.allStations')}
            value={props.placeCode}
            onChange={(value) => props.onPlaceCode(value ?? undefined)}
            options={stationOptions(props.stations, rows)}
            data-testid="county-filter-station"
          />
        </Space>
        {props.batches && <Typography.Text type="secondary">{t('county.batches.count', { count: rows.length })}</Typography.Text>}
      </div>
      {props.error ? <Alert type="error" showIcon title={errorText(t, props.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<CountyBatchView>
        data-testid="county-batches"
        rowKey="id"
        size="middle"
        loading={props.loading && !props.error}
        dataSource={rows}
        pagination={rows.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, showSizeChanger: false } : false}
        locale={{ emptyText: t('county.batches.empty') }}
        onRow={(batch) =>
          ({
            'data-testid': 'county-batch-row',
            'data-batch-id': batch.id,
            'data-status': batch.status,
            className: 'leye-clickable',
            onClick: () => navigate({ name: 'countyBatch', id: batch.id }),
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            key: 'station',
            title: t('county.batches.columns.station'),
            render: (_, batch) => (
              <Space orientation="vertical" size={0}>
                <span data-testid="county-batch-station">{batch.stationName || batch.placeCode}</span>
                <Typography.Text type="secondary" className="leye-mono" style={{ fontSize: 12 }}>
                  {batch.placeCode}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: 'createdAt',
            title: t('county.batches.columns.createdAt'),
            dataIndex: 'createdAt',
            width: 150,
            render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
          },
          { key: 'createdBy', title: t('county.batches.columns.createdBy'), dataIndex: 'createdByName', width: 110 },
          {
            key: 'via',
            title: t('county.batches.columns.via'),
            dataIndex: 'via',
            width: 100,
            render: (via: CountyBatchView['via']) => <Tag color={via === 'file' ? 'purple' : undefined}>{t(`county.via.${via}`)}</Tag>,
          },
          {
            key: 'counts',
            title: t('county.batches.columns.counts'),
            render: (_, batch) => <CountTags counts={batch.counts} total={batch.documents} />,
          },
          {
            key: 'status',
            title: t('county.batches.columns.status'),
            width: 160,
            render: (_, batch) => (
              <Space orientation="vertical" size={0}>
                <CountyStatusTag status={batch.status} testId="county-batch-status" />
                {batch.reviewedAt && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('county.batches.reviewedBy', { by: nameOf(batch.reviewedBy ?? ''), at: dayjs(batch.reviewedAt).format('MM-DD HH:mm') })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

function StationsTab(props: {
  stations: CountyStationView[] | undefined;
  loading: boolean;
  error: unknown;
  staleDays: number;
  settledDays: number;
  onStaleDays(days: number): void;
  onShowBatches(placeCode: string): void;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const rows = sortStations(props.stations ?? []);
  const staleCount = rows.filter((s) => s.stale).length;
  return (
    <>
      <div className="leye-county-toolbar">
        <Space>
          <span>{t('county.stations.staleDays')}</span>
          <InputNumber<number>
            data-testid="stale-days"
            min={1}
            max={365}
            precision={0}
            style={{ width: 80 }}
            value={props.staleDays}
            onChange={(value) => {
              if (typeof value === 'number' && value >= 1 && value <= 365) props.onStaleDays(value);
            }}
          />
          <span>{t('county.stations.staleDaysSuffix')}</span>
        </Space>
        {props.stations && (
          <Typography.Text type={staleCount > 0 ? 'danger' : 'secondary'} data-testid="county-stale-count">
            {staleCount > 0
              ? t('county.stations.staleCount', { count: staleCount, days: props.settledDays })
              : t('county.stations.allFresh', { days: props.settledDays })}
          </Typography.Text>
        )}
      </div>
      {props.error ? <Alert type="error" showIcon title={errorText(t, props.error)} style={{ marginBottom: 12 }} /> : null}
      <TownshipWorklist stations={rows} />
      <Table<CountyStationView>
        data-testid="county-stations"
        rowKey="placeCode"
        size="middle"
        loading={props.loading && !props.error}
        dataSource={rows}
        pagination={rows.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, showSizeChanger: false } : false}
        locale={{ emptyText: t('county.stations.empty') }}
        onRow={(station) =>
          ({
            'data-testid': 'county-station-row',
            'data-place-code': station.placeCode,
            'data-stale': String(station.stale),
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            key: 'name',
            title: t('county.stations.columns.name'),
            render: (_, station) => (
              <Space orientation="vertical" size={0}>
                <span>{station.name || station.placeCode}</span>
                <Typography.Text type="secondary" className="leye-mono" style={{ fontSize: 12 }}>
                  {station.placeCode}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: 'level',
            title: t('county.stations.columns.level'),
            dataIndex: 'level',
            width: 120,
            render: (level: CountyStationView['level']) => t(`county.level.${level}`),
          },
          {
            key: 'lastSync',
            title: t('county.stations.columns.lastSync'),
            render: (_, station) => {
              const stale = staleText(station);
              return (
                <Space orientation="vertical" size={0}>
                  {station.lastSyncAt && (
                    <Tooltip title={dayjs(station.lastSyncAt).format('YYYY-MM-DD HH:mm:ss')}>
                      <span>
                        {ago(station.lastSyncAt, now)}
                        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                          {dayjs(station.lastSyncAt).format('YYYY-MM-DD HH:mm')}
                        </Typography.Text>
                      </span>
                    </Tooltip>
                  )}
                  {stale && (
                    <span className={station.stale || !station.lastSyncAt ? 'leye-stale' : undefined} data-testid="county-station-stale">
                      {t(stale.key, stale.params)}
                    </span>
                  )}
                </Space>
              );
            },
          },
          worklistColumn(t),
          {
            key: 'waiting',
            title: t('county.stations.columns.waiting'),
            width: 160,
            render: (_, station) =>
              station.batchesWaiting > 0 ? (
                <Button size="small" type="link" onClick={() => props.onShowBatches(station.placeCode)} data-testid="county-station-waiting">
                  {t('county.stations.waitingValue', { count: station.batchesWaiting })}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t('county.stations.waitingValue', { count: 0 })}</Typography.Text>
              ),
          },
        ]}
      />
    </>
  );
}
