// A holder row's exit parts (提前结束): the action that opens the dialog, the ended tag with its
// reason and date, and the warnings before the subsidy limit or the retirement age (computed by
// the core with the work list's own rules: shared/posts/exits.ts holderWarnings).
import { StopOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentView } from '../../shared/rpc/handlers';
import { formatTime } from '../form/format';
import { ExitDialog } from './ExitDialog';

export function ExitAction({ holder }: { holder: AssignmentView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" danger icon={<StopOutlined />} onClick={() => setOpen(true)} data-testid="holder-end">
        {t('exits.action')}
      </Button>
      {open && <ExitDialog holder={holder} onClose={() => setOpen(false)} />}
    </>
  );
}

export function HolderExit({ holder }: { holder: AssignmentView }) {
  const { t } = useTranslation();
  const exit = holder.exit;
  if (!exit) return null;
  const reason = t(`exits.reasons.${exit.reason}`);
  return (
    <Tooltip
      title={
        <div>
          <div>{t('exits.ended', { date: exit.date, reason })}</div>
          {exit.nextStatus && <div>{`${t('exits.nextStatus')}：${t(`employment.statuses.${exit.nextStatus}`)}`}</div>}
          {exit.note && <div>{exit.note}</div>}
          <div>{`${exit.byName} ${formatTime(exit.at)}`}</div>
        </div>
      }
    >
      <Tag color="red" data-testid="holder-exit">
        {`${t('exits.endedTag')} ${exit.date} · ${reason}`}
      </Tag>
    </Tooltip>
  );
}

export function HolderWarnings({ holder }: { holder: AssignmentView }) {
  const { t } = useTranslation();
  return (
    <>
      {holder.warnings.map((w) => (
        <Tooltip key={w.kind} title={t(`exits.warnings.${w.kind}Help`, { date: w.date, max: w.maxSubsidyMonths ?? '' })}>
          <Tag color="gold" icon={<WarningOutlined />} data-testid={`holder-warning-${w.kind}`}>
            {t(`exits.warnings.${w.kind}`, { date: w.date })}
          </Tag>
        </Tooltip>
      ))}
    </>
  );
}
