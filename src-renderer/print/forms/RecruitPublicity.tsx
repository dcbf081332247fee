// 拟安置人员公示: the candidates for a post's places, posted in public (A4 portrait): name, sex,
// age, village and post, never an ID number or an address; the period and where objections go.
import { useTranslation } from 'react-i18next';
import type { RecruitPublicityForm } from '../../../shared/recruitment/contract';
import { Page } from './parts';

export function RecruitPublicity({ form }: { form: RecruitPublicityForm }) {
  const { t } = useTranslation();
  return (
    <Page>
      <header className="pf-head">
        <h1 className="pf-title" data-testid="print-title">
          {t('recruitment.print.publicityTitle', { post: form.postName })}
        </h1>
      </header>
      <p className="pf-para">{t('recruitment.print.publicityLead', { post: form.postName })}</p>
      <table className="pf-table pf-list">
        <thead>
          <tr>
            <th style={{ width: '8%' }}>{t('recruitment.print.no')}</th>
            <th style={{ width: '16%' }}>{t('recruitment.print.name')}</th>
            <th style={{ width: '8%' }}>{t('recruitment.print.sexCol')}</th>
            <th style={{ width: '8%' }}>{t('recruitment.print.age')}</th>
            <th>{t('recruitment.print.village')}</th>
            <th style={{ width: '26%' }}>{t('recruitment.print.postCol')}</th>
          </tr>
        </thead>
        <tbody>
          {form.rows.map((r, i) => (
            <tr key={i}>
              <td className="pf-center">{i + 1}</td>
              <td>{r.name}</td>
              <td className="pf-center">{t(`enums.sex.${r.sex}`)}</td>
              <td className="pf-center">{r.age}</td>
              <td>{r.villageName}</td>
              <td>{r.postName}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="pf-keep">
        <p className="pf-para" data-testid="publicity-period">
          {t('recruitment.print.periodLine', { from: form.noticeFrom, to: form.noticeTo, days: form.noticeDays })}
        </p>
        <p className="pf-para">{t('recruitment.print.objectionLine', { to: form.objectionsTo })}</p>
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
