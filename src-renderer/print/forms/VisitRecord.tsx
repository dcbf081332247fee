// 入户走访登记表 (服务记录单 for another channel): one service record, signed by the resident and
// the clerk who visited.

import { useTranslation } from 'react-i18next';
import type { VisitRecordForm } from '../../../shared/print/contract';
import { FormTitle, Page, SignLine } from './parts';
import { PERSON_COLUMNS, ServicePersonRows } from './servicePerson';

export function VisitRecord({ form }: { form: VisitRecordForm }) {
  const { t } = useTranslation();
  const s = form.service;
  const v = form.title;
  const text = (value: string) => value || t('print.common.none');
  return (
    <Page>
      <FormTitle title={t(`print.visit.title.${v}`)} station={form.station} />
      <table className="pf-table pf-fields">
        {PERSON_COLUMNS}
        <tbody>
          <ServicePersonRows resident={form.resident} />
          <tr>
            <th colSpan={4} className="pf-section">
              {t(`print.visit.section.${v}`)}
            </th>
          </tr>
          <tr>
            <th>{t(`print.visit.date.${v}`)}</th>
            <td data-testid="pf-visit-date">{s.date}</td>
            <th>{t(`print.visit.clerk.${v}`)}</th>
            <td>{s.clerk}</td>
          </tr>
          <tr>
            <th>{t('print.visit.channel')}</th>
            <td>{t(`services.channels.${s.channel}`)}</td>
            <th>{t('print.visit.kind')}</th>
            <td>{t(`services.kinds.${s.kind}`)}</td>
          </tr>
          <tr>
            <th>{t('print.visit.content')}</th>
            <td colSpan={3} className="pf-tall pf-pre">
              {s.content}
            </td>
          </tr>
          <tr>
            <th>{t('print.visit.outcome')}</th>
            <td colSpan={3} className="pf-tall pf-pre">
              {text(s.outcome)}
            </td>
          </tr>
          {s.referral && (
            <>
              <tr>
                <th>{t('print.visit.employer')}</th>
                <td colSpan={3}>
                  {s.referral.employerName}
                  {s.referral.employerCreditCode && <span className="pf-mono">（{s.referral.employerCreditCode}）</span>}
                </td>
              </tr>
              <tr>
                <th>{t('print.visit.job')}</th>
                <td>{s.referral.job}</td>
                <th>{t('print.visit.pay')}</th>
                <td>{text(s.referral.pay)}</td>
              </tr>
              <tr>
                <th>{t('print.visit.result')}</th>
                <td colSpan={3} data-testid="pf-referral-result">
                  {s.result ? `${t('print.visit.resultValue', { result: t(`services.results.${s.result.result}`), date: s.result.date })}${s.result.note ? ` ${s.result.note}` : ''}` : t('print.visit.awaiting')}
                </td>
              </tr>
            </>
          )}
          {(s.correctsDate || s.correctedOn) && (
            <tr>
              <th>{t('print.visit.correction')}</th>
              <td colSpan={3} data-testid="pf-correction">
                {s.correctsDate && <div>{t('print.visit.corrects', { date: s.correctsDate })}</div>}
                {s.correctedOn && <div className="pf-strong">{t('print.visit.superseded', { date: s.correctedOn })}</div>}
              </td>
            </tr>
          )}
          <tr>
            <th>{t(`print.visit.opinion.${v}`)}</th>
            <td colSpan={3} className="pf-tall" />
          </tr>
        </tbody>
      </table>
      <section className="pf-keep">
        <SignLine label={t(`print.visit.residentSign.${v}`)} />
        <SignLine label={t(`print.visit.clerkSign.${v}`)} />
      </section>
    </Page>
  );
}
