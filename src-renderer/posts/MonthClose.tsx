// The month close under the grid: per-holder totals, pay due and the hourly minimum-wage check
// (with the reason spelled out for anyone below it), closing the month (which locks it) and
// reopening it with a recorded reason.

import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { LockOutlined, UnlockOutlined, WarningFilled } from '@ant-design/icons';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AttendanceGridView, MinimumWageInForce, MonthCloseView, MonthSummary, MonthTotals } from '../../shared/rpc/handlers';
import { toLeyeError } from '../../shared/rpc/client';
import { leye } from '../bridge';
import { errorText, rpcErrorText } from '../errors';
import { formatTime, formatHours, formatYuan } from '../form/format';
import { mayCall } from '../access/may';
import { useSession } from '../station/queries';
import { attendanceKeys, useAttendanceSummary } from './queries';
import { countyText, tierText } from '../policy/policyText';
import { usePersonName } from '../shell/people';

/** "应发 X 元 ÷ Y 小时 = Z 元/小时，低于最低小时工资 W 元" for a holder below the minimum. */
export function belowMinimumText(t: TFunction, totals: MonthTotals, minimum: MinimumWageInForce | null): string {
  return t('attendance.summary.belowMinimum', {
    pay: formatYuan(totals.payDue),
    hours: formatHours(totals.hours),
    hourly: totals.hourlyPay === null ? '—' : formatYuan(totals.hourlyPay),
    minimum: minimum ? formatYuan(minimum.hourly) : '—',
  });
}

export function MonthClose({ grid }: { grid: AttendanceGridView }) {
  const { t } = useTranslation();
  const name = usePersonName();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const { role } = useSession();
  const postId = grid.post.id;
  const closed = grid.close?.status === 'closed';
  const summary = useAttendanceSummary(postId, grid.month, !closed);
  const data: MonthSummary | undefined = closed && grid.close ? grid.close : summary.data;
  const [busy, setBusy] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [confirmingBelow, setConfirmingBelow] = useState(false);

  const afterChange = (close: MonthCloseView) => {
    client.setQueryData<AttendanceGridView>(attendanceKeys.grid(postId, grid.month), (g) => g && { ...g, close, locked: close.status === 'closed' || g.countyLockedAt !== null });
    void client.invalidateQueries({ queryKey: attendanceKeys.grid(postId, grid.month) });
    void client.invalidateQueries({ queryKey: attendanceKeys.summary(postId, grid.month) });
  };

  const belowNames = data?.holders.filter((h) => h.belowMinimum).map((h) => h.name) ?? [];

  const closeMonth = async () => {
    // Holders under the minimum wage: the close asks for a written reason first.
    if (belowNames.length > 0) {
      setConfirmingBelow(true);
      return;
    }
    setBusy(true);
    try {
      afterChange(await leye.call('attendance.closeMonth', { postId, month: grid.month }));
      void message.success(t('attendance.close.closedOk', { month: grid.month }));
    } catch (reason) {
      void message.error(rpcErrorText(t, toLeyeError(reason).rpc));
      void client.invalidateQueries({ queryKey: attendanceKeys.grid(postId, grid.month) });
    } finally {
      setBusy(false);
    }
  };

  const minimum = data?.minimumWage ?? null;
  const below = belowNames.length;
  // A month the county accepted is neither reopened nor closed again here: the county unlocks it.
  const canClose = mayCall('attendance.closeMonth', role) && grid.countyLockedAt === null;

  return (
    <Card
      size="small"
      title={
        <Space>
          {t('attendance.summary.title')}
          {below > 0 && (
            <Tag color="red" data-testid="below-count">
              {t('attendance.summary.belowCount', { count: below })}
            </Tag>
          )}
        </Space>
      }
      style={{ marginTop: 16 }}
      data-testid="month-summary"
      extra={
        canClose &&
        (closed ? (
          <Button icon={<UnlockOutlined />} onClick={() => setReopening(true)} data-testid="reopen-month">
            {t('attendance.close.reopen')}
          </Button>
        ) : (
          <Button type="primary" icon={<LockOutlined />} loading={busy} disabled={grid.holders.length === 0} onClick={() => void closeMonth()} data-testid="close-month">
            {t('attendance.close.close')}
          </Button>
        ))
      }
    >
      {closed && grid.close && (
        <Alert
          type="success"
          showIcon
          icon={<LockOutlined />}
          style={{ marginBottom: 12 }}
          data-testid="closure-info"
          title={
            <Space>
              <Tag color="red">{t('attendance.close.closed')}</Tag>
              {t(grid.countyLockedAt ? 'attendance.close.closedInfoCounty' : 'attendance.close.closedInfo', { by: name(grid.close.closedBy), at: formatTime(grid.close.closedAt) })}
            </Space>
          }
        />
      )}
      {summary.isError && !closed && <Alert type="error" showIcon title={errorText(t, summary.error)} style={{ marginBottom: 12 }} />}
      <MinimumWageLine minimum={minimum} loaded={Boolean(data)} />
      <Table<MonthTotals>
        rowKey="residentId"
        size="small"
        pagination={false}
        loading={!data && summary.isFetching}
        dataSource={data?.holders ?? []}
        onRow={(h) => ({ 'data-testid': 'summary-row', 'data-below': h.belowMinimum ? 'true' : 'false' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'name', title: t('attendance.summary.name'), render: (_, h) => <span data-testid="summary-name">{h.name}</span> },
          { key: 'present', title: t('attendance.summary.presentDays'), align: 'right', dataIndex: 'presentDays' },
          { key: 'personal', title: t('attendance.summary.personalLeaveDays'), align: 'right', dataIndex: 'personalLeaveDays' },
          { key: 'sick', title: t('attendance.summary.sickLeaveDays'), align: 'right', dataIndex: 'sickLeaveDays' },
          { key: 'absent', title: t('attendance.summary.absentDays'), align: 'right', dataIndex: 'absentDays' },
          { key: 'unmarked', title: t('attendance.summary.unmarkedDays'), align: 'right', dataIndex: 'unmarkedDays' },
          { key: 'hours', title: t('attendance.summary.hours'), align: 'right', render: (_, h) => <span data-testid="summary-hours">{formatHours(h.hours)}</span> },
          { key: 'pay', title: t('attendance.summary.payDue'), align: 'right', render: (_, h) => <span data-testid="summary-pay">{formatYuan(h.payDue)}</span> },
          {
            key: 'hourly',
            title: t('attendance.summary.hourlyPay'),
            align: 'right',
            render: (_, h) => (h.hourlyPay === null ? <Typography.Text type="secondary">{t('attendance.summary.noHours')}</Typography.Text> : formatYuan(h.hourlyPay)),
          },
          {
            key: 'check',
            title: t('attendance.summary.check'),
            render: (_, h) =>
              h.belowMinimum ? (
                <Typography.Text type="danger" data-testid="below-minimum">
                  <WarningFilled /> {belowMinimumText(t, h, minimum)}
                </Typography.Text>
              ) : h.hourlyPay !== null && minimum ? (
                <Tag color="green">{t('attendance.summary.ok')}</Tag>
              ) : null,
          },
        ]}
      />
      {grid.close && grid.close.history.length > 0 && (
        <div className="leye-close-history" data-testid="close-history">
          <Typography.Text strong>{t('attendance.close.history')}</Typography.Text>
          <ul>
            {grid.close.history.map((entry, index) => (
              <li key={index}>
                {entry.action === 'close'
                  ? entry.reason
                    ? t('attendance.close.historyCloseReason', { at: formatTime(entry.at), by: name(entry.by), reason: entry.reason })
                    : t('attendance.close.historyClose', { at: formatTime(entry.at), by: name(entry.by) })
                  : t('attendance.close.historyReopen', { at: formatTime(entry.at), by: name(entry.by), reason: entry.reason })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {confirmingBelow && (
        <BelowMinimumDialog postId={postId} month={grid.month} names={belowNames} onDone={(view) => (setConfirmingBelow(false), view && afterChange(view))} />
      )}
      {reopening && <ReopenDialog postId={postId} month={grid.month} onDone={(view) => (setReopening(false), view && afterChange(view))} />}
    </Card>
  );
}

function MinimumWageLine({ minimum, loaded }: { minimum: MinimumWageInForce | null; loaded: boolean }) {
  const { t } = useTranslation();
  if (!loaded) return null;
  if (!minimum) return <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('attendance.summary.noMinimumWage')} data-testid="minimum-wage-missing" />;
  return (
    <div style={{ marginBottom: 12 }} data-testid="minimum-wage">
      <Typography.Text>
        {t('attendance.summary.minimumWage', {
          county: countyText(minimum.countyCode),
          tier: tierText(t, minimum.tier),
          monthly: formatYuan(minimum.monthly),
          hourly: formatYuan(minimum.hourly),
          from: minimum.effectiveFrom,
        })}
      </Typography.Text>
      {minimum.isDefault && (
        <Tag color="gold" style={{ marginInlineStart: 8 }} data-testid="minimum-wage-default">
          {t('attendance.summary.defaultTag')}
        </Tag>
      )}
    </div>
  );
}

/**
 * A month action that needs a written reason (reopening a closed month; closing one with holders
 * under the minimum wage): the reason is required here and checked again by the core.
 */
function ReasonDialog(props: {
  month: string;
  /** Text keys: the title, the submit button, the reason's label, the success message. */
  keys: { title: string; submit: string; reason: string; done: string };
  /** Test ids of the reason, its error and the submit button. */
  testIds: { reason: string; error: string; submit: string };
  /** The argument field the core reports the reason's problems on. */
  field: string;
  maxLength: number;
  intro: ReactNode;
  send(reason: string): Promise<MonthCloseView>;
  onDone(view?: MonthCloseView): void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setError(null);
    if (!reason.trim()) {
      setError(t('errors.required', { field: t(props.keys.reason) }));
      return;
    }
    setBusy(true);
    try {
      const view = await props.send(reason.trim());
      void message.success(t(props.keys.done, { month: props.month }));
      props.onDone(view);
    } catch (failure) {
      setError(rpcErrorText(t, toLeyeError(failure).rpc, { [props.field]: props.keys.reason }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t(props.keys.title, { month: props.month })}
      okText={t(props.keys.submit)}
      cancelText={t('posts.cancel')}
      okButtonProps={{ danger: true, 'data-testid': props.testIds.submit }}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={() => props.onDone()}
    >
      {props.intro}
      <Form layout="vertical" component={false}>
        <Form.Item label={t(props.keys.reason)} required validateStatus={error ? 'error' : undefined} help={error ? <span data-testid={props.testIds.error}>{error}</span> : undefined}>
          <Input.TextArea value={reason} onChange={(event) => setReason(event.target.value)} maxLength={props.maxLength} showCount autoSize={{ minRows: 3, maxRows: 6 }} data-testid={props.testIds.reason} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReopenDialog(props: { postId: string; month: string; onDone(view?: MonthCloseView): void }) {
  const { t } = useTranslation();
  return (
    <ReasonDialog
      month={props.month}
      keys={{ title: 'attendance.close.reopenTitle', submit: 'attendance.close.reopenSubmit', reason: 'attendance.close.reopenReason', done: 'attendance.close.reopenedOk' }}
      testIds={{ reason: 'reopen-reason', error: 'error-reopen-reason', submit: 'reopen-submit' }}
      field="reason"
      maxLength={500}
      intro={<Typography.Paragraph type="secondary">{t('attendance.close.reopenHint')}</Typography.Paragraph>}
      send={(reason) => leye.call('attendance.reopenMonth', { postId: props.postId, month: props.month, reason })}
      onDone={props.onDone}
    />
  );
}

/** Closing with holders under the minimum wage: names them and requires a written reason, stored with the close. */
function BelowMinimumDialog(props: { postId: string; month: string; names: string[]; onDone(view?: MonthCloseView): void }) {
  const { t } = useTranslation();
  return (
    <ReasonDialog
      month={props.month}
      keys={{ title: 'attendance.close.belowTitle', submit: 'attendance.close.belowSubmit', reason: 'attendance.close.belowReason', done: 'attendance.close.closedOk' }}
      testIds={{ reason: 'below-reason', error: 'error-below-reason', submit: 'below-close-submit' }}
      field="belowMinimumReason"
      maxLength={200}
      intro={
        <Typography.Paragraph type="danger" data-testid="below-close-names">
          <WarningFilled /> {t('attendance.close.belowHint', { names: props.names.join(t('posts.separator')) })}
        </Typography.Paragraph>
      }
      send={(belowMinimumReason) => leye.call('attendance.closeMonth', { postId: props.postId, month: props.month, belowMinimumReason })}
      onDone={props.onDone}
    />
  );
}
