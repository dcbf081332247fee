// 就业困难人员认定公示: the public notice of hardship decisions.

import { useTranslation } from 'react-i18next';
import type { HardshipNoticeForm } from '../../../shared/print/contract';
import { FormTitle, Page } from './parts';

export function HardshipNotice({ form }: { form: HardshipNoticeForm }) {
  const { t } = useTranslation();
  return (
    <Page>
      <FormTitle title={t('print.notice.title')} station={form.station} />
      <p className="pf-para">{t('print.notice.intro', { count: form.applicants.length })}</p>
      {form.applicants.length === 0 ? (
        <p className="pf-para">{t('print.notice.noApplicants', { from: form.from, to: form.to })}</p>
      ) : (
        <table className="pf-table pf-list">
          <thead>
            <tr>
              <th style={{ width: '8%' }}>{t('print.common.seq')}</th>
              <th style={{ width: '18%' }}>{t('print.common.name')}</th>
              <th style={{ width: '8%' }}>{t('print.common.sex')}</th>
              <th style={{ width: '8%' }}>{t('print.common.age')}</th>
              <th>{t('print.notice.category')}</th>
              <th style={{ width: '16%' }}>{t('print.notice.applied')}</th>
            </tr>
          </thead>
          <tbody>
            {form.applicants.map((a, i) => (
              <tr key={i}>
                <td className="pf-center">{i + 1}</td>
                <td>{a.name}</td>
                <td className="pf-center">{t(`enums.sex.${a.sex}`)}</td>
                <td className="pf-center">{a.age}</td>
                <td>{a.categories.map((c) => t(`enums.hardshipCategory.${c}`)).join(t('print.common.sep'))}</td>
                <td className="pf-center">{a.appliedOn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section className="pf-keep">
        <p className="pf-para">{t('print.notice.period', { from: form.noticeFrom, to: form.noticeTo })}</p>
        <p className="pf-para">{t('print.notice.objection', { station: form.station.name, clerk: form.station.clerk, phone: form.phone })}</p>
        <div className="pf-issuer">
          <div>
            {form.station.name}
            {t('print.common.stamp')}
          </div>
          <div>{form.station.printedOn}</div>
        </div>
      </section>
    </Page>
  );
}
