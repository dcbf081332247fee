// Documents pulled from the county that failed their schema: kept aside by the core and never
// shown as valid anywhere else, listed here as a warning (record, source, the field at fault), so
// the clerk can ask the county to correct them; and changes made here that crossed the county's
// acceptance of the record (set aside, never sent). Shown only when there is one.

import { Alert, Table } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarantineView } from '../../shared/rpc/handlers';
import { formatRecordLabel, recordTypeName } from '../../shared/documents/labelsFormat';
import { keyOfId, typeOfId } from '../../shared/documents/registry';
import { translateIssue } from '../errors';
import { useQuarantine } from './queries';

export function QuarantineList({ open }: { open: boolean }) {
  const { t } = useTranslation();
  const quarantine = useQuarantine(open);
  if (!quarantine.data?.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="sync-quarantine"
      style={{ marginTop: 16 }}
      title={t('sync.quarantine.title')}
      description={
        <>
          <p>{t('sync.quarantine.hint')}</p>
          <Table<QuarantineView>
            size="small"
            // Fixed widths, so a long reason wraps inside the drawer instead of pushing the time out.
            tableLayout="fixed"
            style={{ overflowWrap: 'break-word' }}
            rowKey={(row) => `${row.source} ${row.id}`}
            dataSource={quarantine.data}
            pagination={{ pageSize: 5, size: 'small', hideOnSinglePage: true }}
            onRow={(row) => ({ 'data-testid': 'sync-quarantine-row', 'data-id': row.id }) as HTMLAttributes<HTMLElement>}
            columns={[
              {
                key: 'record',
                width: '27%',
                title: t('sync.quarantine.record'),
                render: (_, row) => {
                  if (row.label) return formatRecordLabel(t, row.label, { withType: true });
                  const type = typeOfId(row.id);
                  // A post's or a course's code is what people know it by; other keys are internal.
                  const code = type === 'post' || type === 'course' ? ` ${keyOfId(row.id)}` : '';
                  return `${recordTypeName(t, type ?? row.id.slice(0, Math.max(0, row.id.indexOf(':'))))}${code}`;
                },
              },
              { key: 'source', width: '21%', title: t('sync.quarantine.source'), render: (_, row) => t(row.source === 'county_ref' ? 'labels.source.reference' : 'labels.source.station') },
              { key: 'problem', title: t('sync.quarantine.problem'), render: (_, row) => translateIssue(t, { field: row.field, messageKey: row.messageKey, ...(row.params ? { params: row.params } : {}) }) },
              { key: 'time', width: 76, title: t('sync.quarantine.time'), dataIndex: 'at', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
            ]}
          />
        </>
      }
    />
  );
}
