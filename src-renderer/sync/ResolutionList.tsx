// Conflicts the county resolved that involved this station's records: which record, whether it
// was kept (merged) or deleted in favour of another station's, and the county's reason. Shown
// only when there is one, so a clerk learns why a person changed or disappeared from the list.

import { Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResolutionView } from '../../shared/rpc/handlers';
import { formatRecordLabel, recordTypeName } from '../../shared/documents/labelsFormat';
import { typeOfId } from '../../shared/documents/registry';
import { useRecordInfo } from '../records/queries';
import { useResolutions } from './queries';

export function ResolutionList({ open }: { open: boolean }) {
  const { t } = useTranslation();
  const resolutions = useResolutions(open);
  const info = useRecordInfo((resolutions.data ?? []).map((r) => r.targetId), open);
  if (!resolutions.data?.length) return null;
  const found = new Map((info.data ?? []).filter((r) => r.found).map((r) => [r.id, r.label]));
  // The record as it is here now; one replaced by another station's is gone: the county's words for it then.
  const recordText = (row: ResolutionView) => {
    const label = found.get(row.targetId);
    return label ? formatRecordLabel(t, label, { withType: true }) : row.label || recordTypeName(t, typeOfId(row.targetId));
  };
  return (
    <div data-testid="sync-resolutions" style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('sync.resolutions.title')}</Typography.Title>
      <Table<ResolutionView>
        size="small"
        rowKey="id"
        dataSource={resolutions.data}
        pagination={{ pageSize: 5, size: 'small', hideOnSinglePage: true }}
        onRow={(row) => ({ 'data-testid': 'sync-resolution-row', 'data-kept': String(row.kept) }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'time', title: t('sync.resolutions.time'), dataIndex: 'createdAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
          { key: 'record', title: t('sync.resolutions.record'), render: (_, row) => <span data-testid="sync-resolution-label">{recordText(row)}</span> },
          {
            key: 'outcome',
            title: t('sync.resolutions.outcome'),
            render: (_, row) => (row.kept ? <Tag color="green">{t('sync.resolutions.kept')}</Tag> : <Tag color="orange">{t('sync.resolutions.replaced')}</Tag>),
          },
          { key: 'reason', title: t('sync.resolutions.reason'), dataIndex: 'reason' },
        ]}
      />
    </div>
  );
}
