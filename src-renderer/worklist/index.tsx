// 待办: what is due and overdue at this station, grouped by rule (its wording and definition),
// overdue first, each rule a page at a time with its total; each row opens the person or the record, and a writer may snooze it or mark it
// not applicable (listed apart, collapsed, with 恢复). At a township: the villages' counts, and
// any village's list read-only.

import { Alert, Button, Card, Collapse, Empty, Result, Space, Spin, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { Suspense, useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayCall } from '../access/may';
import type { WorklistItem, WorklistMarkKind, WorklistView } from '../../shared/worklist/contract';
import { errorText } from '../errors';
import { navigate } from '../route';
import { useSession } from '../station/queries';
import { useWorklist, useWorklistLive } from './queries';
import { VillagePicker } from './VillagePicker';
import { usePolicyList } from '../policy/queries';
import { RulePage } from './RulePage';
import { helpParams, openGroups, ruleHelp, ruleTitle } from './wording';
import type { RowAction } from './WorklistTable';
import { loadable } from '../components/loadable';

// Opened on a row's 暂缓 / 不适用 only: its form's schema (the work list contract's) is not run
// when the landing screen first opens after the login (issue 18).
const MarkDialog = loadable(() => import('./MarkDialog').then((m) => m.MarkDialog));

export { WorklistNavLabel } from './NavLabel';

export function WorklistScreen({ placeCode }: { placeCode?: string | undefined }) {
  const { t } = useTranslation();
  useWorklistLive();
  const { role, station } = useSession();
  const list = useWorklist(placeCode);
  const [marking, setMarking] = useState<{ item: WorklistItem; kind: WorklistMarkKind } | null>(null);
  const township = station?.level === 'township';
  // The rows are drawn in a pass that gives way to the clerk (issue 18): a click on the side menu
  // while a long list is being drawn is answered at once.
  const view = useDeferredValue(list.data);
  const readOnly = Boolean(placeCode) || view?.readOnly === true || !mayCall('worklist.mark', role);
  const onAction: RowAction | null = readOnly ? null : (item, kind) => setMarking({ item, kind });

  return (
    <div data-testid="worklist-screen" data-place-code={placeCode ?? station?.placeCode ?? ''}>
      <Space style={{ marginBottom: 12 }} wrap align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('worklistScreen.title')}
          {placeCode && view ? ` · ${view.placeName}` : ''}
        </Typography.Title>
        {view && <Counts view={view} />}
        <Button icon={<ReloadOutlined />} size="small" onClick={() => void list.refetch()} loading={list.isFetching} data-testid="worklist-refresh">
          {t('worklistScreen.refresh')}
        </Button>
        {view && <Typography.Text type="secondary">{t('worklistScreen.asOf', { date: view.today })}</Typography.Text>}
      </Space>
      {placeCode && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="worklist-read-only"
          title={t('worklistScreen.township.viewing', { name: view?.placeName ?? '' })}
          description={t('worklistScreen.readOnly')}
          action={
            <Button size="small" onClick={() => navigate({ name: 'worklist' })} data-testid="worklist-back">
              {t('worklistScreen.township.back')}
            </Button>
          }
        />
      )}
      {township && !placeCode && <VillagePicker />}
      {list.isPending && <Spin />}
      {list.isError && <Result status="error" title={errorText(t, list.error)} />}
      {view && <Groups view={view} placeCode={placeCode} onAction={onAction} />}
      {view && <Marked view={view} placeCode={placeCode} onAction={onAction} />}
      {marking && view && (
        <Suspense fallback={null}>
          <MarkDialog item={marking.item} kind={marking.kind} today={view.today} onDone={() => setMarking(null)} />
        </Suspense>
      )}
    </div>
  );
}

function Counts({ view }: { view: WorklistView }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <Tag color="red" data-testid="worklist-count-overdue" data-count={view.counts.overdue}>
        {t('worklist.states.overdue')} {view.counts.overdue}
      </Tag>
      <Tag color="orange" data-testid="worklist-count-due" data-count={view.counts.due}>
        {t('worklist.states.due')} {view.counts.due}
      </Tag>
      <Tag data-testid="worklist-count-marked" data-count={view.markedCount}>
        {t('worklistScreen.counts.marked')} {view.markedCount}
      </Tag>
    </Space>
  );
}

interface SectionProps {
  view: WorklistView;
  placeCode: string | undefined;
  onAction: RowAction | null;
}

function Groups({ view, placeCode, onAction }: SectionProps) {
  const { t } = useTranslation();
  const policies = usePolicyList();
  const params = helpParams(policies.data, view.today);
  const groups = openGroups(view.totals);
  if (groups.length === 0) return <Empty style={{ margin: '32px 0' }} description={t(placeCode ? 'worklistScreen.villageEmpty' : 'worklistScreen.empty')} data-testid="worklist-empty" />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {groups.map((group) => (
        <Card
          key={group.rule}
          size="small"
          data-testid="worklist-group"
          data-rule={group.rule}
          title={
            <Space>
              <span data-testid="worklist-group-title">{ruleTitle(t, group.rule)}</span>
              <Tag data-testid="worklist-group-total" data-count={group.open}>
                {group.open}
              </Tag>
              {group.overdue > 0 && (
                <Tag color="red">
                  {t('worklist.states.overdue')} {group.overdue}
                </Tag>
              )}
            </Space>
          }
        >
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }} data-testid="worklist-group-help">
            {ruleHelp(t, group.rule, params)}
          </Typography.Paragraph>
          <RulePage view={view} placeCode={placeCode} rule={group.rule} section="open" total={group.open} onAction={onAction} />
        </Card>
      ))}
    </Space>
  );
}

/** The marked rows, collapsed: per rule, each paged like the open ones. */
function Marked({ view, placeCode, onAction }: SectionProps) {
  const { t } = useTranslation();
  const groups = view.totals.filter((group) => group.marked > 0);
  return (
    <Collapse
      style={{ marginTop: 16 }}
      data-testid="worklist-marked"
      items={[
        {
          key: 'marked',
          label: <span data-testid="worklist-marked-toggle">{t('worklistScreen.markedSection', { count: view.markedCount })}</span>,
          children:
            groups.length === 0 ? (
              <Typography.Text type="secondary">{t('worklistScreen.markedNone')}</Typography.Text>
            ) : (
              <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                {groups.map((group) => (
                  <div key={group.rule} data-testid="worklist-marked-group" data-rule={group.rule}>
                    {groups.length > 1 && (
                      <Typography.Text strong>
                        {ruleTitle(t, group.rule)} <Tag>{group.marked}</Tag>
                      </Typography.Text>
                    )}
                    <RulePage view={view} placeCode={placeCode} rule={group.rule} section="marked" total={group.marked} onAction={onAction} />
                  </div>
                ))}
              </Space>
            ),
        },
      ]}
    />
  );
}
