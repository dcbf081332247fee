// At a county station: every township's payroll for a month as the county server's aggregate
// holds it (complete, or the villages whose posts are not closed), with the holders and pay due.
import { Alert, DatePicker, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TownshipPayrollStatus } from '../../shared/payroll/contract';
import { leye } from '../bridge';
import { errorText } from '../errors';
import { formatTime, formatYuan } from '../form/format';
import { payrollKeys } from './queries';
import { PostPlanCard } from './PostPlanCard';
import { placeLabelOf } from './placeLabel';

export function CountyPayroll({ initialMonth }: { initialMonth: string }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState(initialMonth);
  const query = useQuery({ queryKey: [...payrollKeys.all, 'county', month], queryFn: () => leye.call('payroll.county', { month }), retry: false });
  const data = query.data;
  const label = placeLabelOf(t);
  return (
    <div className="leye-payroll" data-testid="payroll-county">
      <Space className="leye-payroll-header" wrap align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('payroll.county.title')}
        </Typography.Title>
        <span>{t('payroll.month')}</span>
        <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} data-testid="payroll-county-month" />
        {data && <span className="leye-muted">{t('payroll.computedAt', { time: formatTime(data.computedAt) })}</span>}
      </Space>
      {query.isError && <Alert type="warning" showIcon title={errorText(t, query.error)} style={{ marginBottom: 12 }} />}
      <Table<TownshipPayrollStatus>
        data-testid="payroll-county-table"
        size="small"
        bordered
        pagination={false}
        rowKey="placeCode"
        onRow={(r) => ({ 'data-testid': `payroll-county-${r.placeCode}` }) as React.HTMLAttributes<HTMLElement>}
        loading={query.isPending}
        dataSource={data?.townships ?? []}
        summary={() =>
          data && data.townships.length > 0 ? (
            <Table.Summary.Row className="leye-payroll-total" data-testid="payroll-county-total">
              <Table.Summary.Cell index={0} colSpan={3}>
                {t('payroll.total', { count: data.totals.holders })}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">{data.totals.holders}</Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">{formatYuan(data.totals.payDue)}</Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
        columns={[
          { key: 'township', title: t('payroll.county.township'), render: (_, r) => label(r.placeCode, r.placeName) },
          { key: 'status', title: t('payroll.county.status'), width: 120, render: (_, r) => <Tag color={r.status === 'complete' ? 'green' : r.status === 'missing' ? 'orange' : 'default'}>{t(`payroll.county.statuses.${r.status}`)}</Tag> },
          {
            key: 'missing',
            title: t('payroll.county.missing'),
            render: (_, r) => (r.missing.length ? r.missing.map((m) => t('payroll.county.openPosts', { village: label(m.placeCode, m.placeName), count: m.openPosts })).join('；') : '—'),
          },
          { key: 'holders', title: t('payroll.county.holders'), align: 'right', width: 150, dataIndex: 'holders' },
          { key: 'payDue', title: t('payroll.columns.payDue'), align: 'right', width: 140, render: (_, r) => formatYuan(r.payDue) },
        ]}
      />
      <PostPlanCard />
    </div>
  );
}
