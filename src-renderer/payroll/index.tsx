// 补贴发放表 (township): the month's payroll across the township's villages, built from their
// closed months; villages not on it listed with why; print (A4 landscape) and .xlsx, with the
// accounts masked unless the clerk asks for them in full (logged by the core).
import './payroll.css';
import { Alert, App as AntApp, Button, Checkbox, DatePicker, Empty, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PayrollRow, PayrollSheet, PayrollTotals } from '../../shared/payroll/contract';
import { leye } from '../bridge';
import { errorText } from '../errors';
import { formatTime, formatYuan } from '../form/format';
import { PrintButton, printRoute } from '../print';
import { downloadFile } from '../sync/transferFile';
import { AccountValue } from './AccountValue';
import { usePayroll } from './queries';
import { CountyPayroll } from './CountyPayroll';
import { placeLabelOf, type PlaceLabel } from './placeLabel';
import { useStationStatus } from '../station/queries';

export { PayAccountCell } from './PayAccountCell';

/** Last month: the one a township pays now. */
const lastMonth = () => dayjs().subtract(1, 'month').format('YYYY-MM');

type Line = ({ kind: 'row'; seq: number } & PayrollRow & { village: string }) | { kind: 'subtotal'; village: string; totals: PayrollTotals; key: string };

function linesOf(sheet: PayrollSheet, label: PlaceLabel): Line[] {
  const out: Line[] = [];
  let seq = 0;
  for (const v of sheet.villages) {
    const village = label(v.placeCode, v.placeName);
    for (const r of v.rows) out.push({ kind: 'row', seq: ++seq, village, ...r });
    out.push({ kind: 'subtotal', village, totals: v.totals, key: `sub:${v.placeCode}` });
  }
  return out;
}

/** The township's sheet; at a county station, every township's status. */
export function PayrollScreen() {
  const status = useStationStatus();
  if (status.data?.station?.level === 'county') return <CountyPayroll initialMonth={lastMonth()} />;
  return <TownshipPayroll />;
}

function TownshipPayroll() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [month, setMonth] = useState(lastMonth);
  const [full, setFull] = useState(false);
  const [exporting, setExporting] = useState(false);
  const query = usePayroll(month);
  const sheet = query.data;

  const exportFile = async () => {
    setExporting(true);
    try {
      const file = await leye.call('payroll.export', { month, full });
      downloadFile(file);
      void message.success(t('payroll.exported', { fileName: file.fileName }));
    } catch (reason) {
      void message.error(errorText(t, reason));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="leye-payroll" data-testid="payroll-screen">
      <Space className="leye-payroll-header" wrap align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('payroll.title')}
          {sheet && <span className="leye-payroll-place"> · {placeLabelOf(t)(sheet.placeCode, sheet.placeName)}</span>}
        </Typography.Title>
        <span>{t('payroll.month')}</span>
        <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} data-testid="payroll-month" />
        <Button icon={<ReloadOutlined />} loading={query.isFetching} onClick={() => void query.refetch()} aria-label={t('stats.refresh')} />
        <Checkbox checked={full} onChange={(e) => setFull(e.target.checked)} data-testid="payroll-full">
          {t('payroll.showFull')}
        </Checkbox>
        <PrintButton route={printRoute('payroll', month, full ? 'full' : 'masked')} fileName={`${t('payroll.title')}-${month}.pdf`} label={t('payroll.print')} testId="payroll-print" />
        <Button icon={<DownloadOutlined />} loading={exporting} disabled={!sheet} onClick={() => void exportFile()} data-testid="payroll-export">
          {t('payroll.exportXlsx')}
        </Button>
      </Space>
      {query.isError && <Alert type="error" showIcon title={errorText(t, query.error)} data-testid="payroll-error" style={{ marginBottom: 12 }} />}
      {sheet && <Sheet sheet={sheet} />}
    </div>
  );
}

function Sheet({ sheet }: { sheet: PayrollSheet }) {
  const { t } = useTranslation();
  const money = (n: number) => formatYuan(n);
  const label = placeLabelOf(t);
  const lines = linesOf(sheet, label);
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        {sheet.final ? sheet.missing.length === 0 && <Tag color="green">{t('payroll.final')}</Tag> : <Tag color="red" data-testid="payroll-not-final">{t('payroll.notFinal')}</Tag>}
        {sheet.missing.length > 0 && <Tag color="orange">{t('payroll.incomplete', { count: sheet.missing.length })}</Tag>}
        <span className="leye-muted">{t('payroll.computedAt', { time: formatTime(sheet.computedAt) })}</span>
      </Space>
      {sheet.missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="payroll-missing"
          title={t('payroll.missingTitle', { count: sheet.missing.length })}
          description={
            <ul className="leye-payroll-missing">
              {sheet.missing.map((m) => (
                <li key={m.placeCode} data-testid="payroll-missing-village">
                  <strong>{label(m.placeCode, m.placeName)}</strong>
                  {t('payroll.colon')}
                  {m.reason === 'notClosed' ? t('payroll.missing.notClosed', { posts: m.posts.join(t('payroll.enumSeparator')) }) : t('payroll.missing.noData')}
                  {' · '}
                  {m.lastReceivedAt ? t('payroll.missing.lastReceived', { time: formatTime(m.lastReceivedAt) }) : t('payroll.missing.neverReceived')}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Table<Line>
        size="small"
        bordered
        pagination={false}
        rowKey={(l) => (l.kind === 'row' ? `${l.postId}:${l.residentId}` : l.key)}
        dataSource={lines}
        locale={{ emptyText: <Empty description={t('payroll.empty')} /> }}
        rowClassName={(l) => (l.kind === 'subtotal' ? 'leye-payroll-subtotal' : '')}
        scroll={{ x: 1580 }}
        data-testid="payroll-table"
        summary={() =>
          sheet.totals.holders > 0 ? (
            <Table.Summary.Row className="leye-payroll-total">
              <Table.Summary.Cell index={0} colSpan={4}>
                {t('payroll.total', { count: sheet.totals.holders })}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">{sheet.totals.days}</Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">{sheet.totals.hours}</Table.Summary.Cell>
              <Table.Summary.Cell index={6} />
              <Table.Summary.Cell index={7} align="right">{money(sheet.totals.payDue)}</Table.Summary.Cell>
              <Table.Summary.Cell index={8} align="right">{money(sheet.totals.deductions)}</Table.Summary.Cell>
              <Table.Summary.Cell index={9} align="right">
                <span data-testid="payroll-total">{money(sheet.totals.payable)}</span>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={10} colSpan={2} />
            </Table.Summary.Row>
          ) : null
        }
        columns={[
          { key: 'seq', title: t('payroll.columns.seq'), width: 56, render: (_, l) => (l.kind === 'row' ? l.seq : t('payroll.subtotal', { village: l.village, count: l.totals.holders })), onCell: (l) => (l.kind === 'subtotal' ? { colSpan: 4 } : {}) },
          { key: 'village', title: t('payroll.columns.village'), width: 180, render: (_, l) => (l.kind === 'row' ? l.village : null), onCell: (l) => (l.kind === 'subtotal' ? { colSpan: 0 } : {}) },
          { key: 'post', title: t('payroll.columns.post'), width: 110, render: (_, l) => (l.kind === 'row' ? l.postName : null), onCell: (l) => (l.kind === 'subtotal' ? { colSpan: 0 } : {}) },
          { key: 'name', title: t('payroll.columns.name'), width: 96, render: (_, l) => (l.kind === 'row' ? l.name : null), onCell: (l) => (l.kind === 'subtotal' ? { colSpan: 0 } : {}) },
          { key: 'days', title: t('payroll.columns.days'), align: 'right', width: 80, render: (_, l) => (l.kind === 'row' ? l.days : l.totals.days) },
          { key: 'hours', title: t('payroll.columns.hours'), align: 'right', width: 64, render: (_, l) => (l.kind === 'row' ? l.hours : l.totals.hours) },
          { key: 'score', title: t('payroll.columns.score'), align: 'right', width: 80, render: (_, l) => (l.kind === 'row' ? (l.score ?? '—') : null) },
          { key: 'payDue', title: t('payroll.columns.payDue'), align: 'right', width: 110, render: (_, l) => money(l.kind === 'row' ? l.payDue : l.totals.payDue) },
          { key: 'deductions', title: t('payroll.columns.deductions'), align: 'right', width: 90, render: (_, l) => money(l.kind === 'row' ? l.deductions : l.totals.deductions) },
          { key: 'payable', title: t('payroll.columns.payable'), align: 'right', width: 110, render: (_, l) => money(l.kind === 'row' ? l.payable : l.totals.payable) },
          { key: 'account', title: t('payroll.columns.account'), width: 230, render: (_, l) => (l.kind === 'row' ? l.account ? <AccountValue account={l.account} /> : <span className="leye-muted">{t('payroll.noAccount')}</span> : null) },
          { key: 'rule', title: t('payroll.columns.rule'), width: 280, render: (_, l) => (l.kind === 'row' ? t(l.rule, l.ruleParams) : null) },
        ]}
      />
    </>
  );
}
