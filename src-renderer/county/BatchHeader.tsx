// A batch's header: its station, period, status, counts, and the records it misses.

import { Alert, Descriptions, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { usePersonName } from '../shell/people';
import type { CountyBatchDetail } from '../../shared/rpc/handlers';
import { CountTags, CountyStatusTag } from './common';

const MISSING_SHOWN = 20;

export function BatchHeader({ detail }: { detail: CountyBatchDetail }) {
  const { t } = useTranslation();
  const nameOf = usePersonName();
  const batch = detail.batch;
  const missing = detail.missing;
  return (
    <>
      <Descriptions
        column={3}
        size="small"
        bordered
        items={[
          {
            key: 'station',
            label: t('county.batch.station'),
            children: (
              <span data-testid="batch-station">
                {batch.stationName || batch.placeCode}{' '}
                <Typography.Text type="secondary" className="leye-mono">
                  {batch.placeCode}
                </Typography.Text>
              </span>
            ),
          },
          { key: 'createdAt', label: t('county.batch.createdAt'), children: dayjs(batch.createdAt).format('YYYY-MM-DD HH:mm:ss') },
          { key: 'createdBy', label: t('county.batch.createdBy'), children: batch.createdByName },
          {
            key: 'via',
            label: t('county.batch.via'),
            children: <Tag color={batch.via === 'file' ? 'purple' : undefined}>{t(`county.via.${batch.via}`)}</Tag>,
          },
          {
            key: 'checksum',
            label: t('county.batch.checksum'),
            children: (
              <Tag color={detail.checksumOk ? 'green' : 'red'} data-testid="batch-checksum" data-ok={String(detail.checksumOk)}>
                {detail.checksumOk ? t('county.batch.checksumOk') : t('county.batch.checksumBad')}
              </Tag>
            ),
          },
          {
            key: 'status',
            label: t('county.batch.status'),
            children: (
              <Space size={4} wrap>
                <CountyStatusTag status={batch.status} testId="batch-status" />
                {batch.reviewedAt ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('county.batches.reviewedBy', { by: nameOf(batch.reviewedBy ?? ''), at: dayjs(batch.reviewedAt).format('YYYY-MM-DD HH:mm') })}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
          {
            key: 'documents',
            label: t('county.batch.documents'),
            span: 3,
            children: <CountTags counts={batch.counts} total={batch.documents} />,
          },
        ]}
      />
      {!detail.checksumOk && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="batch-checksum-warning"
          title={t('county.batch.checksumMismatch')}
        />
      )}
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="batch-missing-warning"
          title={t('county.batch.missing', {
            count: missing.length,
            ids: missing.slice(0, MISSING_SHOWN).join('、') + (missing.length > MISSING_SHOWN ? '…' : ''),
          })}
        />
      )}
    </>
  );
}
