// One post: its details, its holders, assigning a person (with every failed eligibility rule
// shown, and the county/admin override with a written reason), and the way into a month's
// attendance sheet.

import { Button, Card, Col, DatePicker, Descriptions, Empty, Result, Row, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, CalendarOutlined, EditOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { effectiveEnd } from '../../shared/posts/exits';
import { ExitAction, HolderExit, HolderWarnings, WithdrawAction, WithdrawnExits } from './HolderExit';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AssignmentView, PostView } from '../../shared/rpc/handlers';
import { RevealValue } from '../components/RevealValue';
import { errorText } from '../errors';
import { navigate } from '../route';
import { formatTime, todayIso, formatYuan } from '../form/format';
import { mayCall } from '../access/may';
import { useSession } from '../station/queries';
import { usePost } from './queries';
import { PostFormDialog } from './PostForm';
import './posts.css';
import { AssignCard } from './AssignCard';
import { OpeningsCard } from '../recruitment';
import { PayAccountCell } from '../payroll/PayAccountCell';
import { usePersonName } from '../shell/people';

export function PostDetailScreen({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const query = usePost(postId);
  const [editing, setEditing] = useState(false);

  if (query.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (query.isError) return <Result status="error" title={errorText(t, query.error)} />;
  if (!query.data) {
    return (
      <Result
        status="404"
        title={t('posts.notFound')}
        extra={<Button onClick={() => navigate({ name: 'posts' })}>{t('posts.back')}</Button>}
      />
    );
  }
  const { post, holders } = query.data;
  const canWrite = mayCall('posts.save', role);

  return (
    <div className="leye-posts" data-testid="post-detail">
      <Space style={{ marginBottom: 12 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'posts' })} data-testid="post-back">
          {t('posts.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="post-title">
          <span className="leye-mono">{post.code}</span> {post.name}
        </Typography.Title>
        <Tag color={post.kind === 'rural' ? 'green' : 'blue'}>{t(`posts.enums.kind.${post.kind}`)}</Tag>
        <Tag>{t(`posts.enums.category.${post.category}`)}</Tag>
        {canWrite && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="post-edit">
            {t('posts.edit')}
          </Button>
        )}
      </Space>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <PostInfo post={post} />
          <AttendanceOpener post={post} />
          <OpeningsCard post={post} />
        </Col>
        <Col xs={24} xl={9}>
          {mayCall('posts.assign', role) && <AssignCard post={post} />}
        </Col>
      </Row>
      {/* The whole width: a holder's name, period, contract and approval read on one line. */}
      <HoldersCard holders={holders} canEnd={mayCall('posts.endAssignment', role)} />
      {editing && <PostFormDialog post={post} onClose={() => setEditing(false)} />}
    </div>
  );
}

function PostInfo({ post }: { post: PostView }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('posts.detail.info')} style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'place', label: t('posts.columns.place'), children: `${post.placeName || ''} ${post.placeCode}`.trim() },
          { key: 'period', label: t('posts.columns.period'), children: t('posts.period', { from: post.startDate, to: post.endDate }) },
          { key: 'employer', label: t('posts.detail.employer'), children: post.employer.name },
          { key: 'credit', label: t('posts.detail.creditCode'), children: <span className="leye-mono">{post.employer.creditCode || '—'}</span> },
          { key: 'hours', label: t('posts.columns.plannedHours'), children: t('posts.perMonth', { value: t('posts.hoursValue', { hours: post.plannedHoursPerMonth }) }) },
          { key: 'pay', label: t('posts.columns.pay'), children: t('posts.perMonth', { value: t('posts.yuanValue', { amount: formatYuan(post.payPerMonth) }) }) },
          { key: 'holders', label: t('posts.columns.holders'), children: t('posts.holdersValue', { count: post.currentHolders }) },
          { key: 'updated', label: t('posts.detail.updatedAt'), children: formatTime(post.updatedAt) },
        ]}
      />
    </Card>
  );
}

/** A short name for a refused rule key such as 'errors.post.group'. */
function ruleLabel(t: TFunction, key: string): string {
  const last = key.split('.').pop() ?? key;
  return t(`posts.rules.${last}`, { defaultValue: last });
}

function holderState(holder: AssignmentView, today: string): 'current' | 'ended' | 'upcoming' {
  if (effectiveEnd(holder, holder.exit).date < today) return 'ended';
  if (holder.startDate > today) return 'upcoming';
  return 'current';
}

function HoldersCard({ holders, canEnd }: { holders: AssignmentView[]; canEnd: boolean }) {
  const { t } = useTranslation();
  const person = usePersonName();
  const today = todayIso();
  const rows = useMemo(() => [...holders].sort((a, b) => (a.startDate === b.startDate ? a.name.localeCompare(b.name) : b.startDate.localeCompare(a.startDate))), [holders]);
  return (
    <Card size="small" title={t('posts.detail.holders')} style={{ marginBottom: 16 }}>
      <Table<AssignmentView>
        rowKey="id"
        size="small"
        className="leye-nowrap-table"
        scroll={{ x: 'max-content' }}
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('posts.detail.noHolders')} /> }}
        onRow={(holder) => ({ 'data-testid': 'holder-row', 'data-resident-id': holder.residentId }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'name', title: t('posts.holders.name'), render: (_, h) => <span data-testid="holder-name">{h.name}</span> },
          { key: 'sex', title: t('posts.holders.sex'), width: 56, render: (_, h) => t(`enums.sex.${h.sex}`) },
          { key: 'age', title: t('posts.holders.age'), width: 56, align: 'right', dataIndex: 'age' },
          { key: 'id', title: t('posts.holders.idNumber'), render: (_, h) => <RevealValue id={h.residentId} field="idNumber" masked={h.idNumberMasked} /> },
          {
            key: 'period',
            title: t('posts.holders.period'),
            render: (_, h) => {
              const state = holderState(h, today);
              return (
                <Space size={4}>
                  <span data-testid="holder-period">{t('posts.period', { from: h.startDate, to: effectiveEnd(h, h.exit).date })}</span>
                  {h.exit ? <HolderExit holder={h} /> : <Tag color={state === 'current' ? 'green' : state === 'upcoming' ? 'blue' : 'default'}>{t(`posts.holders.${state}`)}</Tag>}
                  <HolderWarnings holder={h} />
                  <WithdrawnExits holder={h} />
                </Space>
              );
            },
          },
          { key: 'contract', title: t('posts.holders.contractNo'), dataIndex: 'contractNo' },
          { key: 'account', title: t('payroll.account.title'), render: (_, h) => <PayAccountCell residentId={h.residentId} /> },
          {
            key: 'override',
            title: t('posts.holders.override'),
            render: (_, h) =>
              h.override && (
                <Tooltip
                  title={
                    <div>
                      <div>{h.override.reason}</div>
                      <div>{t('posts.holders.overrideBy', { by: person(h.override.by), at: formatTime(h.override.at) })}</div>
                      {h.override.rules.length > 0 && (
                        <div>{t('posts.holders.overrideRules', { rules: h.override.rules.map((r) => ruleLabel(t, r)).join(t('posts.separator')) })}</div>
                      )}
                    </div>
                  }
                >
                  <Tag color="orange" icon={<SafetyCertificateOutlined />} data-testid="holder-override">
                    {t('posts.holders.overrideTag')}
                  </Tag>
                </Tooltip>
              ),
          },
          ...(canEnd ? [{ key: 'actions', title: '', fixed: 'right' as const, render: (_: unknown, h: AssignmentView) => (h.exit ? <WithdrawAction holder={h} /> : h.endDate >= today && <ExitAction holder={h} />) }] : []),
        ]}
      />
    </Card>
  );
}

function AttendanceOpener({ post }: { post: PostView }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState<Dayjs>(() => dayjs().startOf('month'));
  return (
    <Card size="small" title={t('posts.detail.attendance')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('posts.detail.attendanceHint')}
      </Typography.Paragraph>
      <Space wrap>
        <span data-testid="attendance-month">
          <DatePicker picker="month" allowClear={false} value={month} onChange={(value) => value && setMonth(value)} disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
        </span>
        <Button
          type="primary"
          icon={<CalendarOutlined />}
          data-testid="open-attendance"
          onClick={() => navigate({ name: 'attendance', postId: post.id, month: month.format('YYYY-MM') })}
        >
          {t('posts.detail.openAttendance')}
        </Button>
      </Space>
    </Card>
  );
}

/** A remote-search select over the station's residents (name, pinyin or ID fragment). */
