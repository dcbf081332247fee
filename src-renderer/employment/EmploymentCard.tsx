// The resident page's 就业状况 card: the current status, the history newest first (corrected
// entries kept, marked), and 登记就业状况 / 更正 opening the status form.
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmploymentEntryView } from '../../shared/employment/contract';
import { isEmployed } from '../../shared/employment/schema';
import { mayCall } from '../access/may';
import { todayIso } from '../form/format';
import { useSession } from '../station/queries';
import { EmploymentForm } from './EmploymentForm';
import { useEmploymentHistory } from './queries';

function useEntryText() {
  const { t } = useTranslation();
  return (e: EmploymentEntryView) => {
    const parts = [e.endDate ? t('employment.card.period', { from: e.effectiveDate, to: e.endDate }) : t('employment.card.since', { date: e.effectiveDate })];
    if (e.status === 'migrant' && e.area) parts.push(t('employment.card.where', { area: t(`employment.areas.${e.area}`), destination: e.destination }).trim());
    if (e.employer) parts.push(t('employment.card.employer', { name: e.employer.name }));
    if (e.note) parts.push(e.note);
    return parts.join(t('labels.sep'));
  };
}

export function EmploymentCard({ residentId, birthDate }: { residentId: string; birthDate: string }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const history = useEmploymentHistory(residentId);
  const [editing, setEditing] = useState<{ corrects: EmploymentEntryView | null } | null>(null);
  const canWrite = mayCall('employment.record', role);
  const describe = useEntryText();
  const current = history.data?.current ?? null;
  const entries = history.data?.entries ?? [];
  const statusTag = (e: EmploymentEntryView) => <Tag color={isEmployed(e.status) ? 'green' : e.status === 'unemployed' ? 'orange' : 'default'}>{t(`employment.statuses.${e.status}`)}</Tag>;

  return (
    <Card
      size="small"
      style={{ marginTop: 20 }}
      title={t('employment.card.title')}
      data-testid="employment-card"
      extra={
        canWrite && (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ corrects: null })} data-testid="employment-record">
            {t('employment.card.record')}
          </Button>
        )
      }
      loading={history.isLoading}
    >
      {current ? (
        <div data-testid="employment-current" data-status={current.status}>
          <Typography.Text type="secondary">{t('employment.card.current')}</Typography.Text>
          {statusTag(current)}
          <Typography.Text>{describe(current)}</Typography.Text>
          {current.endDate && current.endDate < todayIso() && (
            <Typography.Text type="warning" style={{ marginInlineStart: 8 }}>
              {t('employment.card.ended', { date: current.endDate })}
            </Typography.Text>
          )}
        </div>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('employment.card.none')} data-testid="employment-none" />
      )}
      {entries.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12, fontSize: 14 }}>
            {t('employment.card.history')}
          </Typography.Title>
          <List
            size="small"
            dataSource={entries}
            data-testid="employment-history"
            renderItem={(e) => (
              <List.Item
                data-testid="employment-entry"
                actions={
                  canWrite && !e.correctedBy
                    ? [
                        <Button key="correct" type="link" size="small" onClick={() => setEditing({ corrects: e })} data-testid="employment-correct">
                          {t('employment.card.correct')}
                        </Button>,
                      ]
                    : []
                }
              >
                <Space direction="vertical" size={0} style={{ opacity: e.correctedBy ? 0.55 : 1 }}>
                  <span>
                    {statusTag(e)}
                    <span style={{ textDecoration: e.correctedBy ? 'line-through' : undefined }}>{describe(e)}</span>
                    {e.correctedBy && <Tag style={{ marginInlineStart: 8 }}>{t('employment.card.corrected')}</Tag>}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('employment.card.recordedBy', { name: e.recordedBy, at: dayjs(e.recordedAt).format('YYYY-MM-DD HH:mm') })}
                    {e.source && `${t('labels.sep')}${t(`employment.sources.${e.source.kind}`)}`}
                    {e.corrects && `${t('labels.sep')}${t('employment.card.correction', { reason: e.correctionReason })}`}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
      {editing && <EmploymentForm residentId={residentId} birthDate={birthDate} corrects={editing.corrects} onDone={() => setEditing(null)} />}
    </Card>
  );
}
