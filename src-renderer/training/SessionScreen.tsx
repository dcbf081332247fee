// One session: what it is (editable), its trainees and enrolment, the way to the classroom
// sign-in screen, and the attendance rates that decide the subsidy.

import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Result, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, LockOutlined, LoginOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView, TraineeView } from '../../shared/rpc/handlers';
import { navigate } from '../route';
import { AttendancePanel } from './AttendancePanel';
import { trainingKeys, useTrainingSession } from './queries';
import { EnrolPanel } from './EnrolPanel';
import { trainingErrorText } from '../errors';
import { hours } from './format';
import { SessionFormDrawer } from './SessionForm';
import { SessionPrintButtons } from '../print';
import { useRecordInfo } from '../records/queries';

export function SessionScreen({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const session = useTrainingSession(sessionId);
  const [editing, setEditing] = useState(false);
  // Accepted by the county: said before anyone types, not at the save (as on the resident's page).
  const info = useRecordInfo([sessionId]);
  const lockedAt = info.data?.[0]?.lockedAt ?? null;
  const lockedText = lockedAt !== null ? `${t('labels.state.locked', { at: lockedAt })}。${t('labels.state.lockedHint')}` : undefined;

  if (session.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (session.isError) return <Result status="error" title={trainingErrorText(t, session.error)} />;
  if (!session.data) {
    return (
      <Result
        status="404"
        title={t('training.session.notFound')}
        extra={<Button onClick={() => navigate({ name: 'training' })}>{t('training.session.back')}</Button>}
      />
    );
  }
  const { session: view, trainees } = session.data;

  const onEnrolled = (trainee: TraineeView) => {
    queryClient.setQueryData(trainingKeys.session(sessionId), (old: { session: SessionView; trainees: TraineeView[] } | null | undefined) =>
      old
        ? {
            session: { ...old.session, enrolled: old.session.enrolled + (old.trainees.some((x) => x.residentId === trainee.residentId) ? 0 : 1) },
            trainees: [...old.trainees.filter((x) => x.residentId !== trainee.residentId), trainee],
          }
        : old,
    );
    void queryClient.invalidateQueries({ queryKey: trainingKeys.session(sessionId) });
    void queryClient.invalidateQueries({ queryKey: trainingKeys.attendance(sessionId) });
    void queryClient.invalidateQueries({ queryKey: trainingKeys.list });
  };

  return (
    <div className="leye-training" data-testid="session-screen">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space size={12} wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'training' })} data-testid="session-back">
            {t('training.session.back')}
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="session-title">
            {view.course.occupation}
          </Typography.Title>
          <Tag color="blue">{t(`training.levels.${view.course.level}`)}</Tag>
        </Space>
        <Space wrap>
          <SessionPrintButtons session={view} />
          <Tooltip title={lockedText}>
            <Button
              icon={lockedAt !== null ? <LockOutlined /> : <EditOutlined />}
              disabled={lockedAt !== null}
              onClick={() => setEditing(true)}
              data-testid="session-edit"
              data-locked={String(lockedAt !== null)}
            >
              {t('training.session.edit')}
            </Button>
          </Tooltip>
          <Button type="primary" size="large" icon={<LoginOutlined />} onClick={() => navigate({ name: 'signIn', sessionId })} data-testid="open-sign-in">
            {t('training.session.openSignIn')}
          </Button>
        </Space>
      </Space>

      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'provider', label: t('training.session.provider'), children: view.provider.name },
            { key: 'code', label: t('training.session.creditCode'), children: <span className="leye-mono">{view.provider.creditCode}</span> },
            { key: 'teachers', label: t('training.session.teachers'), children: view.teachers.join('、') },
            { key: 'place', label: t('training.session.place'), children: view.place },
            {
              key: 'dates',
              label: t('training.session.dates'),
              children: `${view.startDate === view.endDate ? view.startDate : `${view.startDate} ~ ${view.endDate}`}（${t('training.session.slots', { count: view.timetable.length })}）`,
            },
            {
              key: 'size',
              label: `${t('training.session.enrolled')} / ${t('training.session.planned')}`,
              children: <span data-testid="session-enrolled">{`${view.enrolled} / ${view.plannedTrainees}`}</span>,
            },
            { key: 'hours', label: t('training.session.classHours'), children: t('training.session.hoursValue', { hours: hours(view.totalClassHours) }) },
          ]}
        />
      </Card>

      <Card size="small" title={t('training.session.traineesTitle', { count: trainees.length })} style={{ marginBottom: 12 }}>
        <EnrolPanel sessionId={sessionId} onEnrolled={onEnrolled} />
        <Table<TraineeView>
          rowKey="residentId"
          size="small"
          dataSource={trainees}
          pagination={trainees.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          locale={{ emptyText: t('training.session.noTrainees') }}
          onRow={() => ({ 'data-testid': 'trainee-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'index', title: '#', width: 48, render: (_, __, index) => index + 1 },
            { key: 'name', title: t('training.session.columns.name'), dataIndex: 'name' },
            { key: 'sex', title: t('training.session.columns.sex'), width: 64, render: (_, row) => t(`enums.sex.${row.sex}`) },
            { key: 'id', title: t('training.session.columns.idNumber'), render: (_, row) => <span className="leye-mono">{row.idNumberMasked}</span> },
            { key: 'at', title: t('training.session.columns.enrolledAt'), render: (_, row) => dayjs(row.enrolledAt).format('YYYY-MM-DD HH:mm') },
          ]}
        />
      </Card>

      <AttendancePanel session={view} />

      <SessionFormDrawer
        open={editing}
        session={view}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          queryClient.setQueryData(trainingKeys.session(sessionId), (old: { session: SessionView; trainees: TraineeView[] } | null | undefined) =>
            old ? { ...old, session: saved } : old,
          );
          void queryClient.invalidateQueries({ queryKey: trainingKeys.attendance(sessionId) });
        }}
      />
    </div>
  );
}
