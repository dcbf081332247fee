// 公益性岗位考勤表: a post's month of attendance.

import { useTranslation } from 'react-i18next';
import type { AttendanceSheetForm } from '../../../shared/print/contract';
import { money, FormTitle, SignLine, ClosingRow, Page } from './parts';

export function AttendanceSheet({ form }: { form: AttendanceSheetForm }) {
  const { t } = useTranslation();
  const [year, month] = form.month.split('-');
  const symbol = (mark: AttendanceSheetForm['holders'][number]['marks'][number]) => (mark ? t(`print.attendance.symbols.${mark}`) : '');
  const dayColumns = form.days.length;
  return (
    <Page landscape>
      <FormTitle title={t('print.attendance.title')} station={form.station} />
      <table className="pf-table pf-list pf-attendance" data-testid="pf-attendance">
        <colgroup>
          <col className="pf-col-seq" />
          <col className="pf-col-name" />
          {form.days.map((d) => (
            <col key={d.day} className="pf-col-day" />
          ))}
          <col className="pf-col-num" />
          <col className="pf-col-num" />
          <col className="pf-col-num" />
          <col className="pf-col-hours" />
          <col className="pf-col-pay" />
          <col className="pf-col-sign" />
        </colgroup>
        <thead>
          <tr>
            <th colSpan={dayColumns + 8} className="pf-caption">
              {t('print.attendance.caption', { post: form.post.name, code: form.post.code, employer: form.post.employer, place: form.post.placeName, year, month: Number(month) })}
            </th>
          </tr>
          <tr>
            <th>{t('print.common.seq')}</th>
            <th>{t('print.common.name')}</th>
            {form.days.map((d) => (
              <th key={d.day} className={d.weekend ? 'pf-weekend' : undefined}>
                {d.day}
                <div className="pf-weekday">{t(`attendance.weekdays.${d.weekday}`)}</div>
              </th>
            ))}
            <th>{t('print.attendance.presentDays')}</th>
            <th>{t('print.attendance.leaveDays')}</th>
            <th>{t('print.attendance.absentDays')}</th>
            <th>{t('print.attendance.hours')}</th>
            <th>{t('print.attendance.payDue')}</th>
            <th>{t('print.attendance.holderSign')}</th>
          </tr>
        </thead>
        <tbody>
          {form.holders.map((h, i) => (
            <tr key={h.residentId} data-testid="pf-holder">
              <td className="pf-center">{i + 1}</td>
              <td className="pf-name">
                {h.name}
                <div className="pf-small pf-mono">{h.idNumberMasked}</div>
              </td>
              {h.marks.map((m, d) => (
                <td key={d} className={`pf-center pf-mark${form.days[d]?.weekend ? ' pf-weekend' : ''}`}>
                  {symbol(m)}
                </td>
              ))}
              <td className="pf-center">{h.presentDays}</td>
              <td className="pf-center">{h.leaveDays}</td>
              <td className="pf-center">{h.absentDays}</td>
              <td className="pf-right">{h.hours}</td>
              <td className="pf-right">
                {money(h.payDue)}
                {h.belowMinimum && <div className="pf-small">{t('print.attendance.belowMinimum')}</div>}
              </td>
              <td />
            </tr>
          ))}
          <tr className="pf-total">
            <td colSpan={2} className="pf-center">
              {t('print.attendance.total')}
            </td>
            <td colSpan={dayColumns} />
            <td className="pf-center">{form.totals.presentDays}</td>
            <td />
            <td />
            <td className="pf-right">{form.totals.hours}</td>
            <td className="pf-right" data-testid="pf-total-pay">
              {money(form.totals.payDue)}
            </td>
            <td />
          </tr>
          <ClosingRow columns={dayColumns + 8}>
        <p className="pf-small-para pf-notes">
          <span>{t('print.attendance.legend')}</span>
          <span>
            {form.minimumWageHourly === null
              ? t('print.attendance.plannedNoMinimum', { hours: form.post.plannedHoursPerMonth, pay: money(form.post.payPerMonth) })
              : t('print.attendance.planned', { hours: form.post.plannedHoursPerMonth, pay: money(form.post.payPerMonth), minimum: money(form.minimumWageHourly) })}
          </span>
          <span>{form.closed ? t('print.attendance.closed') : t('print.attendance.open')}</span>
        </p>
        <div className="pf-sign-row">
          <SignLine label={t('print.common.clerk')} value={form.station.clerk} />
          <SignLine label={t('print.attendance.villageReview')} />
          <SignLine label={`${t('print.attendance.townshipReview')}${t('print.common.stamp')}`} />
        </div>
          </ClosingRow>
        </tbody>
      </table>
    </Page>
  );
}
