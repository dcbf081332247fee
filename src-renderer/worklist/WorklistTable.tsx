// The rows of one rule (or the marked rows): state tag, the person and their village, the facts
// worded per rule, when it is due (or the mark: who, when, why) and the actions a writer has.

import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorklistItem, WorklistMarkKind } from '../../shared/worklist/contract';
import { formatTime } from '../form/format';
import { navigate } from '../route';
import { dueText, factLines, openLabel, subjectOf, targetRoute } from './wording';

export type RowAction = (item: WorklistItem, kind: WorklistMarkKind) => void;

function StateTag({ item, today }: { item: WorklistItem; today: string }) {
  const { t } = useTranslation();
  // A holder in the last days before the subsidy limit or the retirement age (the work list's `exitWarnDays`).
  const warnFrom = item.facts['warnFrom'];
  const warning = item.state === 'due' && typeof warnFrom === 'string' && warnFrom <= today;
  return (
    <Space orientation="vertical" size={4}>
      <Tooltip title={t(`worklist.stateHelp.${item.state}`)}>
        <Tag color={item.state === 'overdue' ? 'red' : 'orange'} data-testid="worklist-state" data-state={item.state}>
          {t(`worklist.states.${item.state}`)}
        </Tag>
      </Tooltip>
      {warning && (
        <Tooltip title={t('worklist.stateHelp.warning', { exitWarnDays: Math.round((Date.parse(item.dueDate) - Date.parse(warnFrom)) / 86_400_000) })}>
          <Tag color="red" data-testid="worklist-warning">
            {t('worklist.states.warning')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

function Who({ item }: { item: WorklistItem }) {
  const { t } = useTranslation();
  const route = targetRoute(item.target);
  const name = subjectOf(t, item);
  return (
    <Space orientation="vertical" size={0}>
      {route ? (
        <Typography.Link onClick={() => navigate(route)} data-testid="worklist-row-name">
          {name}
        </Typography.Link>
      ) : (
        <span data-testid="worklist-row-name">{name}</span>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="worklist-row-village">
        {item.placeName}
      </Typography.Text>
    </Space>
  );
}

function Facts({ item, today }: { item: WorklistItem; today: string }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={0} data-testid="worklist-row-facts">
      {factLines(t, item, today).map((line) => (
        <span key={line}>{line}</span>
      ))}
    </Space>
  );
}

function markLines(t: TFunction, item: WorklistItem): string[] {
  const mark = item.mark;
  if (!mark) return [];
  return [
    mark.kind === 'snoozed' ? t('worklistScreen.mark.snoozedUntil', { date: mark.until ?? '' }) : t('worklistScreen.mark.notApplicable'),
    t('worklistScreen.mark.reason', { reason: mark.reason }),
    t('worklistScreen.mark.by', { by: mark.byName, at: formatTime(mark.at) }),
  ];
}

export function WorklistTable({ items, today, marked, onAction, loading }: { items: WorklistItem[]; today: string; marked?: boolean; onAction: RowAction | null; loading?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<WorklistItem>
      rowKey="key"
      size="small"
      // A page of the list at most (see ./RulePage.tsx): its pager is the rule's.
      pagination={false}
      loading={loading === true}
      dataSource={items}
      onRow={(item) => ({ 'data-testid': marked ? 'worklist-marked-row' : 'worklist-row', 'data-rule': item.rule, 'data-state': item.state }) as HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'state', width: 84, render: (_, item) => <StateTag item={item} today={today} /> },
        { key: 'who', width: 170, render: (_, item) => <Who item={item} /> },
        { key: 'facts', render: (_, item) => <Facts item={item} today={today} /> },
        marked
          ? {
              key: 'mark',
              width: 280,
              render: (_, item) => (
                <Space orientation="vertical" size={0} data-testid="worklist-row-mark">
                  {markLines(t, item).map((line) => (
                    <Typography.Text key={line} type="secondary">
                      {line}
                    </Typography.Text>
                  ))}
                </Space>
              ),
            }
          : {
              key: 'due',
              width: 250,
              render: (_, item) => (
                <Typography.Text type={item.state === 'overdue' ? 'danger' : 'warning'} data-testid="worklist-row-due">
                  {dueText(t, item, today)}
                </Typography.Text>
              ),
            },
        {
          key: 'actions',
          width: marked ? 170 : 260,
          align: 'right',
          render: (_, item) => <Actions item={item} marked={marked === true} onAction={onAction} />,
        },
      ]}
      showHeader={false}
    />
  );
}

function Actions({ item, marked, onAction }: { item: WorklistItem; marked: boolean; onAction: RowAction | null }) {
  const { t } = useTranslation();
  const route = targetRoute(item.target);
  return (
    <Space size={4} wrap={false}>
      {route && (
        <Button size="small" onClick={() => navigate(route)} data-testid="worklist-open">
          {openLabel(t, item.target)}
        </Button>
      )}
      {onAction && !marked && (
        <>
          <Button size="small" onClick={() => onAction(item, 'snoozed')} data-testid="worklist-snooze">
            {t('worklistScreen.actions.snooze')}
          </Button>
          <Button size="small" onClick={() => onAction(item, 'notApplicable')} data-testid="worklist-not-applicable">
            {t('worklistScreen.actions.notApplicable')}
          </Button>
        </>
      )}
      {onAction && marked && (
        <Button size="small" onClick={() => onAction(item, 'reopened')} data-testid="worklist-reopen">
          {t('worklistScreen.actions.reopen')}
        </Button>
      )}
    </Space>
  );
}
