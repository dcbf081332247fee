// The station's training sessions, newest first, and the way to create one.

import { Alert, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../shared/rpc/handlers';
import { navigate } from '../route';
import { trainingErrorText } from '../errors';
import { useTrainingSessions } from './queries';
import { hours } from './format';
import { SessionFormDrawer } from './SessionForm';

const rowProps = (session: SessionView) =>
  ({
    'data-testid': 'session-row',
    'data-session-id': session.id,
    onClick: () => navigate({ name: 'session', id: session.id }),
    style: { cursor: 'pointer' },
  }) as React.HTMLAttributes<HTMLElement>;

export function TrainingListScreen() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const sessions = useTrainingSessions();
  const rows = useMemo(
    () => [...(sessions.data ?? [])].sort((a, b) => (a.startDate === b.startDate ? b.updatedAt.localeCompare(a.updatedAt) : b.startDate.localeCompare(a.startDate))),
    [sessions.data],
  );

  return (
    <div className="leye-training" data-testid="training-list">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('training.list.title')}
          {sessions.data && (
            <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal', marginInlineStart: 12 }}>
              {t('training.list.count', { count: rows.length })}
            </Typography.Text>
          )}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="session-new">
          {t('training.list.new')}
        </Button>
      </Space>
      {sessions.isError && <Alert type="error" showIcon title={trainingErrorText(t, sessions.error)} style={{ marginBottom: 12 }} />}
      <Table<SessionView>
        rowKey="id"
        size="middle"
        loading={sessions.isPending}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        onRow={rowProps}
        locale={{ emptyText: <Empty description={t('training.list.empty')} /> }}
        columns={[
          {
            key: 'course',
            title: t('training.list.columns.course'),
            render: (_, s) => (
              <Space size={6}>
                <Typography.Text strong>{s.course.occupation}</Typography.Text>
                <Tag>{t(`training.levels.${s.course.level}`)}</Tag>
              </Space>
            ),
          },
          { key: 'provider', title: t('training.list.columns.provider'), render: (_, s) => s.provider.name, ellipsis: true },
          {
            key: 'dates',
            title: t('training.list.columns.dates'),
            render: (_, s) => (s.startDate === s.endDate ? s.startDate : `${s.startDate} ~ ${s.endDate}`),
            width: 220,
          },
          { key: 'place', title: t('training.list.columns.place'), dataIndex: 'place', ellipsis: true },
          {
            key: 'trainees',
            title: t('training.list.columns.trainees'),
            align: 'right',
            width: 110,
            render: (_, s) => (
              <span data-testid="session-trainees">
                {s.enrolled} / {s.plannedTrainees}
              </span>
            ),
          },
          { key: 'hours', title: t('training.list.columns.classHours'), align: 'right', width: 90, render: (_, s) => hours(s.totalClassHours) },
        ]}
      />
      <SessionFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(view) => {
          setCreating(false);
          navigate({ name: 'session', id: view.id });
        }}
      />
    </div>
  );
}
