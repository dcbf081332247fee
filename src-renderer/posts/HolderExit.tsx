// A holder row's exit parts (提前结束): the action that opens the dialog, the ended tag with its
// reason and date, and the warnings before the subsidy limit or the retirement age (computed by
// the core with the work list's own rules: shared/posts/exits.ts holderWarnings).
import { RollbackOutlined, StopOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentView } from '../../shared/rpc/handlers';
import { formatTime } from '../form/format';
import { ExitDialog } from './ExitDialog';
import { WithdrawDialog } from './WithdrawDialog';

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

/** Withdraws a mistaken early end (撤销离岗). */
export function WithdrawAction({ holder }: { holder: AssignmentView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" icon={<RollbackOutlined />} onClick={() => setOpen(true)} data-testid="holder-withdraw">
        {t('exits.withdraw')}
      </Button>
      {open && <WithdrawDialog holder={holder} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The withdrawn early ends, struck through, with who withdrew them, when and why. */
export function WithdrawnExits({ holder }: { holder: AssignmentView }) {
  const { t } = useTranslation();
  return (
    <>
      {holder.withdrawnExits.map((e) => {
        const reason = t(`exits.reasons.${e.reason}`);
        const line = t('exits.withdrawnLine', { date: e.date, reason, by: e.withdrawal.byName, at: formatTime(e.withdrawal.at), why: e.withdrawal.reason });
        return (
          <Tooltip key={`${e.date}-${e.at}`} title={line}>
            <Tag data-testid="holder-withdrawn-exit" aria-label={line}>
              <s>{`${t('exits.endedTag')} ${e.date} · ${reason}`}</s> {t('exits.withdrawnTag')}
            </Tag>
          </Tooltip>
        );
      })}
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
          <Tag color={w.urgent ? 'red' : 'gold'} icon={<WarningOutlined />} data-testid={`holder-warning-${w.kind}`} data-urgent={w.urgent}>
            {t(`exits.warnings.${w.kind}`, { date: w.date })}
          </Tag>
        </Tooltip>
      ))}
    </>
  );
}
