// 服务记录卡: one person — their details and current employment status, the status history, post
// assignments and trainings in brief, then every standing service as a table that continues over
// pages with its header repeated. Superseded records are left out; a correction names the date
// of the record it corrects, and the closing lines say how many were left out.

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceCardForm } from '../../../shared/print/contract';
import { ClosingRow, FormTitle, Page, SignLine } from './parts';
import { PERSON_COLUMNS, ServicePersonRows, resultText, statusText } from './servicePerson';

/** A short list of its own: caption and header rows repeated on a new page, "无记录" when empty. */
function ListTable({ caption, widths, heads, rows, testId }: { caption: string; widths: string[]; heads: string[]; rows: ReactNode[][]; testId: string }) {
  const { t } = useTranslation();
  return (
    <table className="pf-table pf-list pf-card-list" data-testid={testId}>
      <colgroup>
        {widths.map((w, i) => (
          <col key={i} style={{ width: w }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th colSpan={heads.length} className="pf-caption">
            {caption}
          </th>
        </tr>
        <tr>
          {heads.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={heads.length} className="pf-center">
              {t('print.card.none')}
            </td>
          </tr>
        )}
        {rows.map((cells, i) => (
          <tr key={i}>
            {cells.map((c, j) => (
              <td key={j} className={j === 0 ? 'pf-center' : undefined}>
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ServiceCard({ form }: { form: ServiceCardForm }) {
  const { t } = useTranslation();
  const period = (from: string, to: string | null) => (to === null ? t('print.card.since', { from }) : t('print.card.periodValue', { from, to }));
  return (
    <Page>
      <FormTitle title={t('print.card.title')} station={form.station} />
      <table className="pf-table pf-fields">
        {PERSON_COLUMNS}
        <tbody>
          <ServicePersonRows resident={form.resident} current={form.current} />
        </tbody>
      </table>
      <ListTable
        testId="pf-card-statuses"
        caption={t('print.card.statuses')}
        widths={['7%', '28%', '22%', '28%', '15%']}
        heads={[t('print.common.seq'), t('print.card.period'), t('print.card.status'), t('print.card.employer'), t('print.card.recordedBy')]}
        rows={form.statuses.map((s, i) => [i + 1, period(s.effectiveDate, s.endDate), `${statusText(t, s)}${s.correction ? t('print.card.correction') : ''}`, s.employer || '—', s.clerk])}
      />
      <ListTable
        testId="pf-card-posts"
        caption={t('print.card.posts')}
        widths={['7%', '35%', '30%', '28%']}
        heads={[t('print.common.seq'), t('print.card.post'), t('print.card.postEmployer'), t('print.card.period')]}
        rows={form.assignments.map((a, i) => [i + 1, a.post, a.employer, `${period(a.from, a.to)}${a.endReason ? t('exits.endedReason', { reason: t(`exits.reasons.${a.endReason}`) }) : ''}`])}
      />
      <ListTable
        testId="pf-card-trainings"
        caption={t('print.card.trainings')}
        widths={['7%', '25%', '28%', '18%', '11%', '11%']}
        heads={[t('print.common.seq'), t('print.card.course'), t('print.card.provider'), t('print.card.period'), t('print.card.attendance'), t('print.summary.eligible')]}
        rows={form.trainings.map((x, i) => [
          i + 1,
          `${x.occupation}（${t(`training.levels.${x.level}`)}）`,
          x.provider,
          period(x.from, x.to),
          t('print.card.attendanceValue', { hours: x.attendedHours, total: x.totalClassHours }),
          x.eligible ? t('print.card.eligible') : x.ended ? t('print.card.notEligible') : t('print.card.running'),
        ])}
      />
      <table className="pf-table pf-list pf-card-services" data-testid="pf-card-services">
        <colgroup>
          <col style={{ width: '6%' }} />
          <col style={{ width: '13%' }} />
          <col style={{ width: '11%' }} />
          <col style={{ width: '14%' }} />
          <col />
          <col style={{ width: '11%' }} />
        </colgroup>
        <thead>
          <tr>
            <th colSpan={6} className="pf-caption">
              {form.resident.name} · {t('print.card.services', { count: form.services.length })}
            </th>
          </tr>
          <tr>
            <th>{t('print.common.seq')}</th>
            <th>{t('print.card.date')}</th>
            <th>{t('print.card.channel')}</th>
            <th>{t('print.card.kind')}</th>
            <th>{t('print.card.content')}</th>
            <th>{t('print.card.clerk')}</th>
          </tr>
        </thead>
        <tbody>
          {form.services.length === 0 && (
            <tr>
              <td colSpan={6} className="pf-center">
                {t('print.card.none')}
              </td>
            </tr>
          )}
          {form.services.map((s, i) => (
            <tr key={s.id} data-testid="pf-card-service">
              <td className="pf-center">{i + 1}</td>
              <td className="pf-center pf-nowrap">{s.date}</td>
              <td className="pf-center">{t(`services.channels.${s.channel}`)}</td>
              <td className="pf-center">{t(`services.kinds.${s.kind}`)}</td>
              <td className="pf-pre">
                <div>{s.content}</div>
                {s.outcome && <div>{t('print.card.outcome', { outcome: s.outcome })}</div>}
                {s.referral && (
                  <div>
                    {t('print.card.referral', { employer: s.referral.employerName, job: s.referral.job })}
                    {s.referral.pay && ` · ${t('print.card.pay', { pay: s.referral.pay })}`}
                  </div>
                )}
                {s.referral && <div>{resultText(t, s)}</div>}
                {s.correctsDate && <div className="pf-note">{t('print.card.corrects', { date: s.correctsDate })}</div>}
              </td>
              <td className="pf-center">{s.clerk}</td>
            </tr>
          ))}
          <ClosingRow columns={6}>
            {form.supersededCount > 0 && <p className="pf-small-para">{t('print.card.superseded', { count: form.supersededCount })}</p>}
            <SignLine label={t('print.common.clerk')} value={form.station.clerk} />
          </ClosingRow>
        </tbody>
      </table>
    </Page>
  );
}
