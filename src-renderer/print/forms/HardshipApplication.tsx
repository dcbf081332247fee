// 就业困难人员认定申请表: the hardship application.

import { useTranslation } from 'react-i18next';
import { HARDSHIP_CATEGORIES } from '../../../shared/residents/schema';
import type { HardshipApplicationForm } from '../../../shared/print/contract';
import { FormTitle, SignLine, ReviewBox, Page, PersonRows, FIELD_COLUMNS } from './parts';

export function HardshipApplication({ form }: { form: HardshipApplicationForm }) {
  const { t } = useTranslation();
  const chosen = new Set(form.registration.hardshipCategories);
  // Blank rows to add family members by hand; at least four rows in all.
  const blanks = Math.max(0, 4 - form.familyMembers.length);
  return (
    <Page>
      <FormTitle title={t('print.hardship.title')} station={form.station} />
      <table className="pf-table pf-fields">
        {FIELD_COLUMNS}
        <tbody>
          <PersonRows resident={form.resident} />
          <tr>
            <th>{t('print.registration.registeredOn')}</th>
            <td colSpan={4}>{form.registration.date}</td>
          </tr>
          <tr>
            <th>{t('print.hardship.categories')}</th>
            <td colSpan={4} className="pf-boxes" data-testid="pf-categories">
              {HARDSHIP_CATEGORIES.map((c) => (
                <span key={c} className="pf-box">
                  {chosen.has(c) ? '☑' : '☐'} {t(`enums.hardshipCategory.${c}`)}
                </span>
              ))}
            </td>
          </tr>
          <tr>
            <th>{t('print.hardship.reason')}</th>
            <td colSpan={4} className="pf-tall">
              {form.registration.reason}
            </td>
          </tr>
        </tbody>
      </table>
      <table className="pf-table pf-list pf-family">
        <colgroup>
          <col style={{ width: '10%' }} />
          <col style={{ width: '30%' }} />
          <col style={{ width: '25%' }} />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th colSpan={4} className="pf-caption">
              {t('print.hardship.family')}
            </th>
          </tr>
          <tr>
            <th>{t('print.common.seq')}</th>
            <th>{t('fields.memberName')}</th>
            <th>{t('fields.memberRelation')}</th>
            <th>{t('fields.memberWorkStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {form.familyMembers.map((m, i) => (
            <tr key={i}>
              <td className="pf-center">{i + 1}</td>
              <td>{m.name}</td>
              <td>{m.relation}</td>
              <td>{m.workStatus}</td>
            </tr>
          ))}
          {Array.from({ length: blanks }, (_, i) => (
            <tr key={`blank-${i}`}>
              <td className="pf-center">{form.familyMembers.length + i + 1}</td>
              <td />
              <td />
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <section className="pf-keep">
        <p className="pf-promise">{t('print.hardship.promise')}</p>
        <SignLine label={t('print.hardship.applicantSign')} />
        <SignLine label={t('print.common.clerk')} value={form.station.clerk} />
      </section>
      <ReviewBox title={t('print.hardship.villageReview')} signLabel={t('print.hardship.reviewSign')} />
      <ReviewBox title={t('print.hardship.townshipReview')} signLabel={t('print.hardship.reviewSignStamp')} />
      <ReviewBox title={t('print.hardship.countyReview')} signLabel={t('print.hardship.reviewSignStamp')} />
    </Page>
  );
}
