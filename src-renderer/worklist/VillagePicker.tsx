// At a township station: each village's due and overdue counts (worklist.overview, from the
// township's relay copies); a row opens that village's list, read-only.

import { Button, Card, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorklistOverviewRow } from '../../shared/worklist/contract';
import { errorText } from '../errors';
import { navigate } from '../route';
import { useWorklistOverview } from './queries';

export function VillagePicker() {
  const { t } = useTranslation();
  const overview = useWorklistOverview(true);
  const rows = overview.data ?? [];
  return (
    <Card size="small" title={t('worklistScreen.township.villages')} style={{ marginBottom: 12 }} data-testid="worklist-villages">
      {overview.isError && <Typography.Text type="danger">{errorText(t, overview.error)}</Typography.Text>}
      <Table<WorklistOverviewRow>
        rowKey="placeCode"
        size="small"
        loading={overview.isPending}
        dataSource={rows}
        pagination={false}
        scroll={rows.length > 8 ? { y: 240 } : undefined}
        onRow={(row) => ({ 'data-testid': 'worklist-village-row', 'data-place-code': row.placeCode }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'name', title: t('worklistScreen.township.village'), render: (_, row) => row.name },
          {
            key: 'overdue',
            title: t('worklist.states.overdue'),
            width: 110,
            render: (_, row) => <Typography.Text type={row.overdue > 0 ? 'danger' : 'secondary'} data-testid="worklist-village-overdue">{row.overdue}</Typography.Text>,
          },
          {
            key: 'due',
            title: t('worklist.states.due'),
            width: 110,
            render: (_, row) => <Typography.Text type={row.due > 0 ? 'warning' : 'secondary'} data-testid="worklist-village-due">{row.due}</Typography.Text>,
          },
          {
            key: 'open',
            width: 90,
            align: 'right',
            render: (_, row) =>
              row.placeCode.length === 12 ? (
                <Button size="small" onClick={() => navigate({ name: 'worklist', placeCode: row.placeCode })} data-testid="worklist-village-open">
                  {t('worklistScreen.township.view')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
