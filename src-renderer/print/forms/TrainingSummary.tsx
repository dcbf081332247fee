// 培训汇总表: a training session's attendance summary.

import { useTranslation } from 'react-i18next';
import type { TrainingSummaryForm } from '../../../shared/print/contract';
import { percent, FormTitle, SignLine, ClosingRow, Page, TraineeCells, TraineeHeads } from './parts';
import { SessionInfo } from './SignInSheet';

export function TrainingSummary({ form }: { form: TrainingSummaryForm }) {
  const { t } = useTranslation();
  const s = form.session;
  // A session not over yet: attended hours only grow, so 达标 is final but 未达标 is not decided before its last half-day.
  const running = s.endDate >= form.station.printedOn;
  return (
    <Page>
      <FormTitle title={t('print.summary.title')} station={form.station} showPlace={false} />
      <SessionInfo
        session={s}
        extra={
          <tr>
            <th>{t('print.summary.period')}</th>
            <td colSpan={3}>{t('print.summary.periodValue', { from: s.startDate, to: s.endDate, slots: s.slots, hours: s.totalClassHours })}</td>
          </tr>
        }
      />
      <table className="pf-table pf-list pf-summary">
        {/* Wide enough that no heading breaks inside a word (出勤半天, Attendance) at 9 pt. */}
        <colgroup>
          <col style={{ width: '5%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: '7%' }} />
          <col style={{ width: '21%' }} />
          <col style={{ width: '11%' }} />
          <col style={{ width: '9%' }} />
          <col style={{ width: '11%' }} />
          <col style={{ width: '6%' }} />
          <col style={{ width: '7%' }} />
          <col style={{ width: '9%' }} />
        </colgroup>
        <thead>
          <tr>
            <th colSpan={10} className="pf-caption">
              {s.occupation}（{t(`training.levels.${s.level}`)}）· {s.provider} · {s.startDate}–{s.endDate}
            </th>
          </tr>
          <tr>
            <TraineeHeads />
            <th>{t('print.summary.slotsAttended')}</th>
            <th>{t('print.summary.attendedHours')}</th>
            <th>{t('print.summary.rate')}</th>
            <th>{t('print.summary.late')}</th>
            <th>{t('print.summary.early')}</th>
            <th>{t('print.summary.eligible')}</th>
          </tr>
        </thead>
        <tbody>
          {form.rows.map((r, i) => (
            <tr key={i}>
              <TraineeCells index={i} row={r} />
              <td className="pf-center pf-nowrap">
                {r.slotsAttended}/{s.slots}
              </td>
              <td className="pf-center">{r.attendedHours}</td>
              <td className="pf-center pf-nowrap">{percent(r.rate)}</td>
              <td className="pf-center">{r.lateCount}</td>
              <td className="pf-center">{r.earlyLeaveCount}</td>
              <td className="pf-center pf-nowrap">{r.eligible ? t('print.summary.yes') : running ? t('print.summary.pending') : t('print.summary.no')}</td>
            </tr>
          ))}
          <ClosingRow columns={10}>
            <p className="pf-para" data-testid="pf-summary-totals">
              {t(running ? 'print.summary.totalsInProgress' : 'print.summary.totals', { count: form.rows.length, eligible: form.eligibleCount, threshold: percent(form.threshold), rate: percent(form.sessionRate) })}
            </p>
            <SignLine label={t('print.common.clerk')} value={form.station.clerk} />
            <SignLine label={t('print.signIn.providerStamp')} withDate={false} />
          </ClosingRow>
        </tbody>
      </table>
    </Page>
  );
}
