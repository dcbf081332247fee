// Attendance rates: per trainee the class hours attended of the session's total, the rate, late
// and early-leave counts and subsidy eligibility against the threshold in force (labelled when
// it is the shipped default); for the session the mean rate and how many are eligible.

import { Alert, Card, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { SessionView, TraineeAttendance } from '../../shared/rpc/handlers';
import { trainingErrorText } from '../errors';
import { useSessionAttendance } from './queries';
import { hours, percent } from './format';

export function AttendancePanel({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  // Sign-ins arrive from the classroom screen: always show the current numbers here.
  const attendance = useSessionAttendance(session.id);
  const data = attendance.data;
  const inProgress = session.endDate >= dayjs().format('YYYY-MM-DD');

  return (
    <Card
      size="small"
      title={t('training.attendance.title')}
      data-testid="attendance-panel"
      extra={
        data && (
          <Space size={6} data-testid="attendance-threshold">
            <Typography.Text>{t('training.attendance.threshold', { rate: percent(data.threshold) })}</Typography.Text>
            {data.thresholdIsDefault && (
              <Tooltip title={t('training.attendance.defaultHint')}>
                <Tag color="orange" data-testid="threshold-default">
                  {t('training.attendance.defaultTag')}
                </Tag>
              </Tooltip>
            )}
          </Space>
        )
      }
    >
      {attendance.isError && <Alert type="error" showIcon title={trainingErrorText(t, attendance.error)} style={{ marginBottom: 12 }} />}
      {data && (
        <Space size={48} style={{ marginBottom: 12 }} wrap>
          <Statistic title={t('training.attendance.sessionRate')} value={data.trainees.length > 0 ? percent(data.sessionRate) : '–'} data-testid="session-rate" />
          <Statistic
            title={t('training.attendance.eligibleCount')}
            value={t('training.attendance.eligibleValue', { count: data.eligibleCount, total: data.trainees.length })}
            data-testid="eligible-count"
          />
          <Statistic title={t('training.session.classHours')} value={hours(data.totalClassHours)} />
        </Space>
      )}
      {data && inProgress && data.trainees.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('training.attendance.inProgress', { hours: hours(data.totalClassHours) })} />
      )}
      <Table<TraineeAttendance>
        rowKey="residentId"
        size="small"
        loading={attendance.isPending}
        dataSource={data?.trainees ?? []}
        pagination={false}
        locale={{ emptyText: t('training.attendance.empty') }}
        onRow={(row) => ({ 'data-testid': 'rate-row', 'data-eligible': String(row.eligible) }) as React.HTMLAttributes<HTMLElement>}
        rowClassName={(row) => (row.eligible ? '' : 'leye-rate-low')}
        columns={[
          { key: 'name', title: t('training.attendance.columns.name'), dataIndex: 'name', render: (name: string) => <span data-testid="rate-name">{name}</span> },
          { key: 'id', title: t('training.attendance.columns.idNumber'), dataIndex: 'idNumberMasked', render: (v: string) => <span className="leye-mono">{v}</span> },
          {
            key: 'hours',
            title: t('training.attendance.columns.hours'),
            align: 'right',
            render: (_, row) => t('training.attendance.hoursValue', { attended: hours(row.attendedHours), total: hours(data?.totalClassHours ?? 0) }),
          },
          {
            key: 'rate',
            title: t('training.attendance.columns.rate'),
            align: 'right',
            render: (_, row) => (
              <Typography.Text strong type={row.eligible ? undefined : 'danger'} data-testid="rate-value">
                {percent(row.rate)}
              </Typography.Text>
            ),
          },
          { key: 'late', title: t('training.attendance.columns.late'), align: 'right', render: (_, row) => (row.lateCount ? t('training.attendance.times', { count: row.lateCount }) : '–') },
          {
            key: 'early',
            title: t('training.attendance.columns.early'),
            align: 'right',
            render: (_, row) => (row.earlyLeaveCount ? t('training.attendance.times', { count: row.earlyLeaveCount }) : '–'),
          },
          {
            key: 'eligible',
            title: t('training.attendance.columns.eligible'),
            render: (_, row) =>
              row.eligible ? (
                <Typography.Text type="success" data-testid="eligible">
                  <CheckCircleFilled /> {t('training.attendance.eligible')}
                </Typography.Text>
              ) : inProgress ? (
                // Attended hours only grow: an eligible trainee is final, the others are not yet decided.
                <Tag color="orange" data-testid="not-eligible">
                  {t('training.attendance.notYet')}
                </Tag>
              ) : (
                <Tag color="red" data-testid="not-eligible">
                  {t('training.attendance.notEligible')}
                </Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
