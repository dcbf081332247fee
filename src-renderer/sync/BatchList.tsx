// The station's batches in the sync drawer, newest first: when and by whom, the records by type,
// the county's decision, and for a returned batch the records sent back with the county's reason.

import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { UsbOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchView } from '../../shared/rpc/handlers';
import { errorText } from '../errors';
import { formatRecordLabel, recordTypeName } from '../../shared/documents/labelsFormat';
import { navigate } from '../route';
import { useRecordInfo } from '../records/queries';
import { usePersonName } from '../shell/people';
import { countTags, hasReturned, recordRoute, statusTag, typeOfId, type TypeLabel } from './batchView';
import { useSyncBatches } from './queries';

/** The records the county sent back in a batch: by label, with its reason, each opening where the clerk acts on it. */
function ReturnedRecords({ batch, onOpen }: { batch: BatchView; onOpen?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const info = useRecordInfo(batch.returned.map((r) => r.id));
  const labels = new Map((info.data ?? []).map((r) => [r.id, r.label]));
  return (
    <Table
      data-testid="sync-batch-returned"
      size="small"
      pagination={false}
      rowKey={(row) => `${row.id}:${row.rev}`}
      title={() => t('sync.batches.returnedTitle')}
      dataSource={batch.returned}
      onRow={(row) => ({ 'data-testid': 'sync-returned-row', 'data-record-id': row.id }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'record',
          title: t('labels.record'),
          render: (_, row) => {
            const label = labels.get(row.id);
            return <span data-testid="sync-returned-label">{label ? formatRecordLabel(t, label, { withType: true }) : recordTypeName(t, typeOfId(row.id))}</span>;
          },
        },
        { key: 'reason', title: t('sync.batches.returnedReason'), dataIndex: 'reason' },
        {
          key: 'open',
          width: 72,
          render: (_, row) => {
            const route = recordRoute(row.id);
            return route ? (
              <Button
                size="small"
                type="link"
                data-testid="sync-returned-open"
                onClick={() => {
                  onOpen?.();
                  navigate(route);
                }}
              >
                {t('labels.open')}
              </Button>
            ) : null;
          },
        },
      ]}
    />
  );
}

export function BatchList({ open, onOpenRecord }: { open: boolean; onOpenRecord?: () => void }) {
  const { t } = useTranslation();
  const batches = useSyncBatches(open);
  const nameOf = usePersonName();
  const label = (type: TypeLabel) => (type.key ? t(type.key) : type.raw);

  return (
    <div data-testid="sync-batches" style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('sync.batches.title')}</Typography.Title>
      {batches.error && <Alert type="error" showIcon title={errorText(t, batches.error)} style={{ marginBottom: 8 }} />}
      <Table<BatchView>
        size="small"
        rowKey="id"
        loading={batches.isFetching && !batches.data}
        dataSource={batches.data ?? []}
        pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
        locale={{ emptyText: t('sync.batches.empty') }}
        onRow={(batch) => ({ 'data-testid': 'sync-batch-row', 'data-batch-id': batch.id, 'data-status': batch.status, 'data-via': batch.via }) as HTMLAttributes<HTMLElement>}
        expandable={{
          rowExpandable: hasReturned,
          expandedRowRender: (batch) => <ReturnedRecords batch={batch} onOpen={onOpenRecord} />,
        }}
        columns={[
          {
            key: 'time',
            title: t('sync.batches.time'),
            width: 96,
            dataIndex: 'createdAt',
            render: (at: string, batch) => (
              <Space orientation="vertical" size={0}>
                <span>{dayjs(at).format('MM-DD HH:mm')}</span>
                {batch.via === 'file' ? (
                  <Tag color="purple" icon={<UsbOutlined />} style={{ fontSize: 11, marginInlineEnd: 0 }} data-testid="sync-batch-via" data-via="file">
                    {t('sync.batches.via.file')}
                  </Tag>
                ) : (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="sync-batch-via" data-via="sync">
                    {t('sync.batches.via.sync')}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { key: 'by', title: t('sync.batches.by'), width: 72, render: (_, batch) => <span style={{ whiteSpace: 'nowrap' }}>{nameOf(batch.createdBy)}</span> },
          {
            key: 'documents',
            title: t('sync.batches.documents'),
            render: (_, batch) => (
              <Space size={[0, 4]} wrap>
                <span style={{ marginRight: 8 }}>{t('sync.batches.total', { count: batch.documents })}</span>
                {countTags(batch.counts).map((tag) => (
                  <Tag key={tag.type} style={{ fontSize: 11 }}>
                    {label(tag.label)} {tag.count}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'status',
            title: t('sync.batches.statusColumn'),
            dataIndex: 'status',
            render: (status: BatchView['status']) => {
              const tag = statusTag(status);
              return (
                <Tag color={tag.color} data-testid="sync-batch-status" data-status={status}>
                  {t(tag.key)}
                </Tag>
              );
            },
          },
        ]}
      />
    </div>
  );
}
