// A closed month's 考核 and pay: each holder's score, the pay the county's rule decides (and
// which rule decided it), the deductions and their 扣款告知书, the failed months toward an exit.
import { Alert, Button, Card, Result, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, WarningFilled } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentMonthView, AssessmentRow } from '../../shared/assessment/contract';
import { mayCall } from '../access/may';
import { errorText } from '../errors';
import { formatHours, formatTime, formatYuan } from '../form/format';
import { navigate } from '../route';
import { useSession } from '../station/queries';
import { PrintButton, printRoute } from '../print';
import { AssessmentDialog } from './AssessmentDialog';
import { itemLabel } from './items';
import { monthText, payRuleText } from './payText';
import { useAssessmentMonth } from './queries';

export function AssessmentScreen({ postId, month }: { postId: string; month: string }) {
  const { t } = useTranslation();
  const view = useAssessmentMonth(postId, month);
  if (view.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (view.isError) {
    return <Result status="error" title={errorText(t, view.error)} extra={<Button onClick={() => navigate({ name: 'attendance', postId, month })}>{t('assessment.back')}</Button>} />;
  }
  return <AssessmentView view={view.data} />;
}

function AssessmentView({ view }: { view: AssessmentMonthView }) {
  const { t, i18n } = useTranslation();
  const { role } = useSession();
  const [editing, setEditing] = useState<AssessmentRow | null>(null);
  const canWrite = mayCall('assessment.save', role) && view.closed && view.countyLockedAt === null;
  const policy = view.policy;
  const items = policy.values.items.map((i) => `${itemLabel(i, i18n.language)} ${i.weight}%`).join(t('posts.separator'));
  const back = () => navigate({ name: 'attendance', postId: view.postId, month: view.month });

  return (
    <div data-testid="assessment-screen">
      <Space style={{ marginBottom: 12 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={back} data-testid="assessment-back">
          {t('assessment.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="assessment-title">
          {t('assessment.title', { post: view.postName, month: monthText(t, view.month) })}
        </Typography.Title>
      </Space>
      {!view.closed && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('assessment.notClosed')} data-testid="assessment-not-closed" />}
      {view.countyLockedAt && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('assessment.countyLocked', { at: view.countyLockedAt.slice(0, 10) })} data-testid="assessment-county-locked" />}
      <Card size="small">
        <div style={{ marginBottom: 12 }} data-testid="assessment-policy">
          <Typography.Text>{t('assessment.policyLine', { from: policy.effectiveFrom, items, pass: policy.values.passMark, full: policy.values.fullPayMark })}</Typography.Text>
          {policy.isDefault && (
            <Tooltip title={t('assessment.policyDefault')}>
              <Tag color="gold" style={{ marginInlineStart: 8 }}>
                {t('attendance.summary.defaultTag')}
              </Tag>
            </Tooltip>
          )}
        </div>
        <Table<AssessmentRow>
          rowKey="residentId"
          size="small"
          pagination={false}
          dataSource={view.rows}
          onRow={(r) => ({ 'data-testid': 'assessment-row', 'data-rule': r.pay.rule }) as React.HTMLAttributes<HTMLElement>}
          expandable={{
            rowExpandable: (r) => r.earlier.length > 0,
            expandedRowRender: (r) => (
              <div data-testid="assessment-history">
                <Typography.Text strong>{t('assessment.history')}</Typography.Text>
                <ul style={{ margin: 0 }}>
                  {[r.current!, ...r.earlier].map((e) => (
                    <li key={e.id}>
                      {t('assessment.historyLine', { at: formatTime(e.assessedAt), by: e.assessedBy, score: e.score })}
                      {e.note ? ` · ${e.note}` : ''}
                    </li>
                  ))}
                </ul>
              </div>
            ),
          }}
          columns={[
            { key: 'name', title: t('assessment.columns.name'), render: (_, r) => <span data-testid="assessment-name">{r.name}</span> },
            { key: 'hours', title: t('assessment.columns.hours'), align: 'right', render: (_, r) => formatHours(r.hours) },
            {
              key: 'score',
              title: t('assessment.columns.score'),
              align: 'right',
              render: (_, r) =>
                r.current ? (
                  <Space size={4}>
                    <span data-testid="assessment-score">{r.current.score}</span>
                    <Tag color={r.current.passed ? 'green' : 'red'}>{t(r.current.passed ? 'assessment.passed' : 'assessment.failed')}</Tag>
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('assessment.none')}</Typography.Text>
                ),
            },
            { key: 'base', title: t('assessment.columns.basePay'), align: 'right', render: (_, r) => formatYuan(r.pay.basePay) },
            { key: 'due', title: t('assessment.columns.payDue'), align: 'right', render: (_, r) => <span data-testid="assessment-pay-due">{formatYuan(r.pay.payDue)}</span> },
            {
              key: 'deductions',
              title: t('assessment.columns.deductions'),
              align: 'right',
              render: (_, r) =>
                r.pay.deductions > 0 ? (
                  <Tooltip title={r.current?.deductions.map((d) => `${d.reason} ${formatYuan(d.amount)}`).join(t('posts.separator'))}>
                    <span data-testid="assessment-deductions">{formatYuan(r.pay.deductions)}</span>
                  </Tooltip>
                ) : (
                  '—'
                ),
            },
            { key: 'payable', title: t('assessment.columns.payable'), align: 'right', render: (_, r) => <strong data-testid="assessment-payable">{formatYuan(r.pay.payable)}</strong> },
            {
              key: 'rule',
              title: t('assessment.columns.rule'),
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <span data-testid="assessment-rule">{payRuleText(t, r.pay)}</span>
                  {r.failed.months.length > 0 && (
                    <Typography.Text type={r.failed.eligible ? 'danger' : 'secondary'} data-testid="assessment-failed-months">
                      {r.failed.eligible && <WarningFilled />} {t(r.failed.eligible ? 'assessment.exitEligible' : 'assessment.failedMonths', { count: r.failed.months.length })}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              key: 'notice',
              title: t('assessment.columns.notice'),
              render: (_, r) =>
                r.notice === 'none' ? (
                  <Typography.Text type="secondary">{t('assessment.noticeNone')}</Typography.Text>
                ) : (
                  <Space direction="vertical" size={2}>
                    <Tag color={r.notice === 'printed' ? 'green' : 'orange'} data-testid="assessment-notice">
                      {t(r.notice === 'printed' ? 'assessment.noticePrinted' : 'assessment.noticePending')}
                    </Tag>
                    <PrintButton small route={printRoute('deductionNotice', r.current!.id)} fileName={`${t('assessment.notice.title')}-${r.name}-${view.month}`} label={t('assessment.printNotice')} testId="print-deduction-notice" />
                  </Space>
                ),
            },
            {
              key: 'actions',
              title: t('assessment.columns.actions'),
              render: (_, r) =>
                canWrite ? (
                  <Button size="small" type={r.current ? 'default' : 'primary'} onClick={() => setEditing(r)} data-testid="assessment-enter">
                    {t(r.current ? 'assessment.change' : 'assessment.enter')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {editing && <AssessmentDialog view={view} row={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
