// The 服务记录 tab of a resident's detail: the one timeline (registration and its changes,
// services with their results and corrections, post assignments, trainings, county decisions),
// newest first, with 记录服务, and on an entry 记录结果 (a referral without a result) and 更正.

import { Button, Empty, Result, Space, Spin, Tabs, Tag, Timeline, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentView } from '../../shared/rpc/handlers';
import { mayCall } from '../access/may';
import type { ServiceTimelineItem, ServiceView, TimelineEntry } from '../../shared/services/contract';
import { errorText } from '../errors';
import { ServicePrintAction } from '../print';
import { usePersonName } from '../shell/people';
import { useSession } from '../station/queries';
import { useTimeline } from './queries';
import { ResultDialog } from './ResultDialog';
import { ServiceDialog } from './ServiceDialog';
import { entryText, resultLine } from './timelineText';

type Dialog = { kind: 'service'; corrects: ServiceView | null } | { kind: 'result'; referral: ServiceView; corrects: ServiceView | null } | null;

/** The resident's detail in two tabs: the registration (as it was) and the service records. */
export function ResidentTabs({ view, details, tab }: { view: ResidentView; details: React.ReactNode; tab?: 'services' | undefined }) {
  const { t } = useTranslation();
  return (
    <Tabs
      data-testid="resident-tabs"
      defaultActiveKey={tab ?? 'details'}
      items={[
        { key: 'details', label: t('services.detailsTab'), children: details },
        { key: 'services', label: <span data-testid="tab-services">{t('services.tab')}</span>, children: <ServicesPanel view={view} /> },
      ]}
    />
  );
}

export function ServicesPanel({ view }: { view: ResidentView }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const canWrite = mayCall('services.record', role);
  const timeline = useTimeline(view.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  return (
    <div data-testid="services-panel">
      <Space style={{ marginBottom: 16 }}>
        {canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'service', corrects: null })} data-testid="service-new">
            {t('services.record')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('services.readOnly')}</Typography.Text>
        )}
        {view.status === 'closed' && <Typography.Text type="warning">{t('services.closedHint')}</Typography.Text>}
      </Space>
      {timeline.isPending && <Spin />}
      {timeline.isError && <Result status="error" title={errorText(t, timeline.error)} />}
      {timeline.data && timeline.data.length === 0 && <Empty description={t('services.empty')} />}
      {timeline.data && timeline.data.length > 0 && <TimelineList entries={timeline.data} canWrite={canWrite} open={setDialog} name={view.name} />}
      {dialog?.kind === 'service' && <ServiceDialog view={view} corrects={dialog.corrects} onDone={() => setDialog(null)} />}
      {dialog?.kind === 'result' && <ResultDialog view={view} referral={dialog.referral} corrects={dialog.corrects} onDone={() => setDialog(null)} />}
    </div>
  );
}

function TimelineList({ entries, canWrite, open, name }: { entries: TimelineEntry[]; canWrite: boolean; open(dialog: Dialog): void; name: string }) {
  const { t } = useTranslation();
  const nameOf = usePersonName();
  return (
    <Timeline
      data-testid="timeline"
      items={entries.map((entry, i) => {
        const text = entryText(t, entry);
        const service = entry.type === 'service' ? entry.service : null;
        const superseded = service?.correctedBy != null;
        return {
          key: `${entry.type}:${entry.at}:${i}`,
          color: text.color,
          content: (
            <div data-testid="timeline-entry" data-type={entry.type} data-superseded={String(superseded)} style={superseded ? { opacity: 0.6 } : undefined}>
              <Space size={6} wrap>
                <Typography.Text type="secondary">{entry.date}</Typography.Text>
                <Typography.Text strong delete={superseded}>
                  {text.title}
                </Typography.Text>
                {superseded && <Tag data-testid="timeline-superseded">{t('services.timeline.superseded')}</Tag>}
                {service?.awaitingResult && <Tag color="orange">{t('services.timeline.awaiting')}</Tag>}
              </Space>
              {text.lines.map((line, j) => (
                <div key={j}>{line}</div>
              ))}
              {service && <Results service={service} canWrite={canWrite} open={open} />}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {entry.by ? t('services.timeline.by', { name: nameOf(entry.by) }) : t('services.timeline.county')}
                </Typography.Text>
                {service && canWrite && !superseded && <ServiceActions service={service} open={open} />}
                {service && !superseded && <ServicePrintAction service={service} name={name} />}
              </div>
            </div>
          ),
        };
      })}
    />
  );
}

/** A referral's results: the current one, and any it corrected (struck through). */
function Results({ service, canWrite, open }: { service: ServiceTimelineItem; canWrite: boolean; open(dialog: Dialog): void }) {
  const { t } = useTranslation();
  return (
    <>
      {service.results.map((r) => (
        <div key={r.id} data-testid="timeline-result">
          <CheckCircleOutlined style={{ color: r.correctedBy ? undefined : '#52c41a', marginInlineEnd: 6 }} />
          <Typography.Text delete={r.correctedBy !== null} type={r.correctedBy ? 'secondary' : undefined}>
            {resultLine(t, r)}
          </Typography.Text>
          {canWrite && r.correctedBy === null && (
            <Button size="small" type="link" onClick={() => open({ kind: 'result', referral: service, corrects: r })} data-testid="result-correct">
              {t('services.correct')}
            </Button>
          )}
        </div>
      ))}
    </>
  );
}

function ServiceActions({ service, open }: { service: ServiceTimelineItem; open(dialog: Dialog): void }) {
  const { t } = useTranslation();
  return (
    <Space size={4} style={{ marginInlineStart: 8 }}>
      {service.awaitingResult && (
        <Button size="small" onClick={() => open({ kind: 'result', referral: service, corrects: null })} data-testid="service-record-result">
          {t('services.recordResult')}
        </Button>
      )}
      <Tooltip title={t('services.correctHint')}>
        <Button size="small" type="link" icon={<EditOutlined />} onClick={() => open({ kind: 'service', corrects: service })} data-testid="service-correct">
          {t('services.correct')}
        </Button>
      </Tooltip>
    </Space>
  );
}
