// The 待办 counts in the county's station overview: a column per station and a line per township.

import { Table, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CountyStationView } from '../../shared/rpc/handlers';
import { formatTime } from '../form/format';
import { stationWorklist, townshipTotals, type TownshipTotal } from './countyTotals';

function Counts({ due, overdue }: { due: number; overdue: number }) {
  return (
    <span>
      <Typography.Text type={due > 0 ? 'warning' : 'secondary'}>{due}</Typography.Text>
      {' / '}
      <Typography.Text type={overdue > 0 ? 'danger' : 'secondary'}>{overdue}</Typography.Text>
    </span>
  );
}

/** The stations table's column: due / overdue as of the station's last heartbeat, '—' when unknown. */
export function worklistColumn(t: TFunction) {
  return {
    key: 'worklist',
    title: t('worklistScreen.county.column'),
    width: 175,
    render: (_: unknown, station: CountyStationView) => {
      const counts = stationWorklist(station);
      if (!counts) return <span data-testid="county-station-worklist">{t('worklistScreen.county.none')}</span>;
      return (
        <Tooltip title={t('worklistScreen.county.asOf', { at: formatTime(counts.asOf) })}>
          <span data-testid="county-station-worklist">
            <Counts due={counts.due} overdue={counts.overdue} />
          </span>
        </Tooltip>
      );
    },
  };
}

/** One line per township: its stations' due / overdue summed. */
export function TownshipWorklist({ stations }: { stations: readonly CountyStationView[] }) {
  const { t } = useTranslation();
  const rows = townshipTotals(stations);
  if (rows.length === 0) return null;
  return (
    <Table<TownshipTotal>
      data-testid="county-township-worklist"
      rowKey="code"
      size="small"
      style={{ marginBottom: 12 }}
      pagination={false}
      dataSource={rows}
      title={() => <Typography.Text strong>{t('worklistScreen.county.byTownship')}</Typography.Text>}
      columns={[
        { key: 'name', title: t('worklistScreen.county.township'), dataIndex: 'name' },
        { key: 'stations', title: '', width: 120, render: (_, row) => <Typography.Text type="secondary">{t('worklistScreen.county.stations', { count: row.stations })}</Typography.Text> },
        {
          key: 'counts',
          title: t('worklistScreen.county.column'),
          width: 180,
          render: (_, row) => <span data-testid="county-township-counts">{row.reporting > 0 ? <Counts due={row.due} overdue={row.overdue} /> : t('worklistScreen.county.none')}</span>,
        },
      ]}
    />
  );
}
