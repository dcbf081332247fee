// Statistics: the station's (township's, county's) numbers by month, target group and village.
// Each section is a chart with its table beside it; the tables are what the export writes.

import { Alert, Button, Card, Col, DatePicker, Row, Space, Statistic, Table, Tag, Typography, message } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { REGISTRATION_KINDS, TARGET_GROUPS } from '../../shared/residents/schema';
import type { StatsDashboard, StatsGroup, StatsRow } from '../../shared/stats/contract';
import { percentValue } from '../../shared/stats/percent';
import { eligibilityText, percent } from './format';
import { LeyeError } from '../../shared/rpc/errors';
import { toLeyeError } from '../../shared/rpc/client';
import { leye } from '../bridge';
import { useDashboard } from './queries';
import { errorText } from '../errors';
import { downloadFile } from '../sync/transferFile';
import { EChart, type ChartOption } from './EChart';
import './stats.css';
import { EmploymentCountsCard } from '../employment/EmploymentCountsCard';

const GROUPS: readonly StatsGroup[] = [...TARGET_GROUPS, 'none'];
type MonthRow = StatsDashboard['byMonth'][number];
type PlaceRow = StatsDashboard['byPlace'][number];


function groupLabel(t: TFunction, g: StatsGroup): string {
  return g === 'none' ? t('stats.groupNone') : t(`enums.targetGroup.${g}`);
}

/** The short month label of the charts' axis: 2026-03 → 26-03. */
const axisMonth = (m: string) => m.slice(2);

function barsOption(months: string[], series: { name: string; data: number[]; stack?: string }[], rate?: { name: string; data: (number | null)[] }): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 40, right: rate ? 48 : 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: months.map(axisMonth) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      ...(rate ? [{ type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } }] : []),
    ],
    series: [
      ...series.map((s) => ({ type: 'bar' as const, name: s.name, data: s.data, ...(s.stack ? { stack: s.stack } : {}), barMaxWidth: 28 })),
      ...(rate
        ? [
            {
              type: 'line' as const,
              name: rate.name,
              yAxisIndex: 1,
              data: rate.data.map((r) => (r === null ? null : percentValue(r))),
              connectNulls: true,
              symbolSize: 6,
              tooltip: { valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') },
            },
          ]
        : []),
    ],
  };
}

/** A section: the chart (left) and its table (right), stacked on narrow windows. */
function Section(props: { title: string; note?: string; chart: React.ReactNode; table: React.ReactNode; testId: string }) {
  return (
    <Card size="small" title={props.title} className="leye-stats-section" data-testid={props.testId}>
      <Row gutter={[16, 12]}>
        <Col xs={24} xl={12}>
          {props.chart}
        </Col>
        <Col xs={24} xl={12}>
          {props.table}
          {props.note && (
            <Typography.Paragraph type="secondary" className="leye-stats-note">
              {props.note}
            </Typography.Paragraph>
          )}
        </Col>
      </Row>
    </Card>
  );
}

type Column<R> = { key: string; title: string; value: (row: StatsRow) => number | string; testId?: (row: R) => string };

/** A month table with the range's total as its last row. */
function MonthTable(props: { rows: MonthRow[]; total: StatsRow; columns: Column<MonthRow>[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table<MonthRow>
      rowKey="month"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={props.rows}
      data-testid={props.testId}
      columns={[
        { key: 'month', title: t('stats.columns.month'), dataIndex: 'month', fixed: 'left', width: 80 },
        ...props.columns.map((c) => ({
          key: c.key,
          title: c.title,
          align: 'right' as const,
          render: (_: unknown, row: MonthRow) => <span data-testid={c.testId?.(row)}>{c.value(row)}</span>,
        })),
      ]}
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row className="leye-stats-total">
            <Table.Summary.Cell index={0}>{t('stats.columns.totalRow')}</Table.Summary.Cell>
            {props.columns.map((c, i) => (
              <Table.Summary.Cell key={c.key} index={i + 1} align="right">
                <span data-testid={`${props.testId}-total-${c.key}`}>{c.value(props.total)}</span>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}

export function StatsScreen() {
  const { t } = useTranslation();
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const dashboard = useDashboard(range);

  const exportFile = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const file = await leye.call('stats.export', range ?? {});
      downloadFile(file);
      void message.success(t('stats.exported', { fileName: file.fileName }));
    } catch (reason) {
      setExportError(errorText(t, reason));
    } finally {
      setExporting(false);
    }
  };

  const error = dashboard.isError ? (dashboard.error instanceof LeyeError ? dashboard.error : toLeyeError(dashboard.error)) : null;
  // Never numbers next to an error: after a failed refresh the last answer would pass for current.
  const data = dashboard.isError ? undefined : dashboard.data;
  const pickerValue: [Dayjs, Dayjs] | null = data ? [dayjs(`${data.from}-01`), dayjs(`${data.to}-01`)] : range ? [dayjs(`${range.from}-01`), dayjs(`${range.to}-01`)] : null;

  return (
    <div className="leye-stats" data-testid="stats-screen">
      <Space className="leye-stats-header" wrap align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('stats.title')}
          {data && <span className="leye-stats-place"> · {data.placeName}</span>}
        </Typography.Title>
        {data && <Tag color="blue">{t(`stats.level.${data.level}`)}</Tag>}
        <span>{t('stats.range')}</span>
        <DatePicker.RangePicker
          picker="month"
          allowClear={false}
          value={pickerValue}
          data-testid="stats-range"
          onChange={(values) => {
            if (values?.[0] && values[1]) setRange({ from: values[0].format('YYYY-MM'), to: values[1].format('YYYY-MM') });
          }}
        />
        <Button onClick={() => setRange(null)} disabled={range === null} data-testid="stats-last12">
          {t('stats.lastMonths')}
        </Button>
        <Button icon={<ReloadOutlined />} loading={dashboard.isFetching} onClick={() => void dashboard.refetch()} data-testid="stats-refresh">
          {t('stats.refresh')}
        </Button>
        <Button icon={<DownloadOutlined />} loading={exporting} disabled={!data} onClick={() => void exportFile()} data-testid="stats-export">
          {t('stats.export')}
        </Button>
      </Space>
      {error && (
        <Alert
          type={error.rpc.messageKey === 'errors.stats.countyOffline' ? 'warning' : 'error'}
          showIcon
          data-testid="stats-error"
          title={error.rpc.messageKey === 'errors.stats.countyOffline' ? t('stats.countyOffline') : errorText(t, error)}
          style={{ marginBottom: 12 }}
        />
      )}
      {exportError && <Alert type="error" showIcon title={exportError} style={{ marginBottom: 12 }} closable onClose={() => setExportError(null)} />}
      {dashboard.isPending && <Card loading className="leye-stats-section" />}
      {data && <Dashboard data={data} />}
    </div>
  );
}

function Dashboard({ data }: { data: StatsDashboard }) {
  const { t } = useTranslation();
  const months = data.months;
  const rows = data.byMonth;
  const charts = useMemo(
    () => ({
      registrations: barsOption(
        months,
        REGISTRATION_KINDS.map((k) => ({ name: t(`enums.kind.${k}`), data: rows.map((r) => r.registrations.kinds[k]), stack: 'kinds' })),
      ),
      groups: barsOption(
        months,
        GROUPS.map((g) => ({ name: groupLabel(t, g), data: rows.map((r) => r.registrations.groups[g]) })),
      ),
      posts: barsOption(months, [{ name: t('stats.columns.holders'), data: rows.map((r) => r.posts.holders) }], {
        name: t('stats.columns.attendanceRate'),
        data: rows.map((r) => r.posts.attendanceRate),
      }),
      training: barsOption(
        months,
        [
          { name: t('stats.columns.trainees'), data: rows.map((r) => r.training.trainees) },
          { name: t('stats.columns.eligible'), data: rows.map((r) => r.training.eligible) },
        ],
        { name: t('stats.columns.eligibilityRate'), data: rows.map((r) => r.training.eligibilityRate) },
      ),
    }),
    [months, rows, t],
  );
  const total = data.total;
  const source = data.source === 'countyServer' ? 'countyServer' : data.level === 'township' ? 'township' : 'station';

  return (
    <>
      <Row gutter={[12, 12]} className="leye-stats-kpis">
        {(
          [
            ['registrations', total.registrations.total],
            ['holders', total.posts.holders],
            ['attendanceRate', percent(total.posts.attendanceRate)],
            ['sessions', total.training.sessions],
            ['trainees', total.training.trainees],
            ['eligibilityRate', eligibilityText(t, total.training)],
          ] as const
        ).map(([key, value]) => (
          <Col key={key} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic title={t(`stats.kpi.${key}`)} value={value} data-testid={`stats-kpi-${key}`} />
            </Card>
          </Col>
        ))}
      </Row>

      <Section
        testId="stats-registrations"
        title={t('stats.sections.registrations')}
        chart={<EChart option={charts.registrations} testId="stats-chart-registrations" />}
        table={
          <MonthTable
            testId="stats-table-registrations"
            rows={rows}
            total={total}
            columns={[
              { key: 'total', title: t('stats.columns.total'), value: (r) => r.registrations.total, testId: (r) => `stats-registrations-${r.month}` },
              ...REGISTRATION_KINDS.map((k) => ({ key: k, title: t(`enums.kind.${k}`), value: (r: StatsRow) => r.registrations.kinds[k] })),
            ]}
          />
        }
      />
      <Section
        testId="stats-groups"
        title={t('stats.sections.groups')}
        note={t('stats.notes.groups')}
        chart={<EChart option={charts.groups} testId="stats-chart-groups" />}
        table={
          <MonthTable
            testId="stats-table-groups"
            rows={rows}
            total={total}
            columns={GROUPS.map((g) => ({ key: g, title: groupLabel(t, g), value: (r: StatsRow) => r.registrations.groups[g] }))}
          />
        }
      />
      <Section
        testId="stats-posts"
        title={t('stats.sections.posts')}
        note={t('stats.notes.posts')}
        chart={<EChart option={charts.posts} testId="stats-chart-posts" />}
        table={
          <MonthTable
            testId="stats-table-posts"
            rows={rows}
            total={total}
            columns={[
              { key: 'holders', title: t('stats.columns.holders'), value: (r) => r.posts.holders },
              { key: 'presentDays', title: t('stats.columns.presentDays'), value: (r) => r.posts.presentDays },
              { key: 'workDays', title: t('stats.columns.workDays'), value: (r) => r.posts.workDays },
              { key: 'attendanceRate', title: t('stats.columns.attendanceRate'), value: (r) => percent(r.posts.attendanceRate) },
            ]}
          />
        }
      />
      <Section
        testId="stats-training"
        title={t('stats.sections.training')}
        note={[t('stats.notes.training'), total.training.runningSessions > 0 ? t('stats.inProgressHint', { count: total.training.runningSessions }) : ''].filter(Boolean).join(' ')}
        chart={<EChart option={charts.training} testId="stats-chart-training" />}
        table={
          <MonthTable
            testId="stats-table-training"
            rows={rows}
            total={total}
            columns={[
              { key: 'sessions', title: t('stats.columns.sessions'), value: (r) => r.training.sessions },
              { key: 'trainees', title: t('stats.columns.trainees'), value: (r) => r.training.trainees },
              { key: 'eligible', title: t('stats.columns.eligible'), value: (r) => r.training.eligible },
              { key: 'eligibilityRate', title: t('stats.columns.eligibilityRate'), value: (r) => eligibilityText(t, r.training) },
            ]}
          />
        }
      />
      <EmploymentCountsCard from={data.from} to={data.to} />
      <PlaceTable data={data} />
      <Typography.Paragraph type="secondary" className="leye-stats-footer" data-testid="stats-source">
        {t(`stats.source.${source}`)} · {t('stats.computedAt', { at: dayjs(data.computedAt).format('YYYY-MM-DD HH:mm:ss') })}
      </Typography.Paragraph>
    </>
  );
}

/** Every number of the range, one row per village (and the station itself). */
function PlaceTable({ data }: { data: StatsDashboard }) {
  const { t } = useTranslation();
  const name = (row: PlaceRow) => (row.placeCode === data.placeCode && data.level !== 'village' ? t('stats.ownPlace', { name: row.placeName }) : row.placeName);
  const columns: { key: string; title: string; value: (r: StatsRow) => number | string }[] = [
    { key: 'total', title: t('stats.columns.total'), value: (r) => r.registrations.total },
    ...REGISTRATION_KINDS.map((k) => ({ key: k, title: t(`enums.kind.${k}`), value: (r: StatsRow) => r.registrations.kinds[k] })),
    ...GROUPS.map((g) => ({ key: g, title: groupLabel(t, g), value: (r: StatsRow) => r.registrations.groups[g] })),
    { key: 'holders', title: t('stats.columns.holders'), value: (r) => r.posts.holders },
    { key: 'attendanceRate', title: t('stats.columns.attendanceRate'), value: (r) => percent(r.posts.attendanceRate) },
    { key: 'sessions', title: t('stats.columns.sessions'), value: (r) => r.training.sessions },
    { key: 'trainees', title: t('stats.columns.trainees'), value: (r) => r.training.trainees },
    { key: 'eligibilityRate', title: t('stats.columns.eligibilityRate'), value: (r) => eligibilityText(t, r.training) },
  ];
  return (
    <Card size="small" title={t('stats.sections.byPlace')} className="leye-stats-section" data-testid="stats-places">
      <Table<PlaceRow>
        rowKey="placeCode"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={data.byPlace}
        locale={{ emptyText: t('stats.empty') }}
        data-testid="stats-table-places"
        columns={[
          { key: 'place', title: t('stats.columns.place'), fixed: 'left', render: (_: unknown, row: PlaceRow) => <span title={row.placeCode}>{name(row)}</span> },
          ...columns.map((c) => ({
            key: c.key,
            title: c.title,
            align: 'right' as const,
            render: (_: unknown, row: PlaceRow) => <span data-testid={`stats-place-${row.placeCode}-${c.key}`}>{c.value(row)}</span>,
          })),
        ]}
        summary={() =>
          data.byPlace.length > 1 ? (
            <Table.Summary.Row className="leye-stats-total">
              <Table.Summary.Cell index={0}>{t('stats.columns.totalRow')}</Table.Summary.Cell>
              {columns.map((c, i) => (
                <Table.Summary.Cell key={c.key} index={i + 1} align="right">
                  {c.value(data.total)}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : null
        }
      />
    </Card>
  );
}
