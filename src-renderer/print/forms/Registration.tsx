// 求职/失业登记表: the registration form of a resident.

import { useTranslation } from 'react-i18next';
import type { RegistrationForm } from '../../../shared/print/contract';
import { FormTitle, SignLine, Page, PersonRows, FIELD_COLUMNS } from './parts';

export function Registration({ form }: { form: RegistrationForm }) {
  const { t } = useTranslation();
  const r = form.registration;
  const text = (value: string) => value || t('print.common.none');
  return (
    <Page>
      <FormTitle title={t(`print.registration.title.${form.title}`)} station={form.station} />
      <table className="pf-table pf-fields">
        {FIELD_COLUMNS}
        <tbody>
          <PersonRows resident={form.resident} />
          <tr>
            <th>{t('print.registration.registeredOn')}</th>
            <td>{r.date}</td>
            <th>{t('fields.kind')}</th>
            <td colSpan={2}>{t(`enums.kind.${r.kind}`)}</td>
          </tr>
          {r.kind === 'unemployment' && (
            <tr>
              <th>{t('fields.unemploymentType')}</th>
              <td>{t(`enums.unemploymentType.${r.unemploymentType}`)}</td>
              <th>{t('fields.unemployedSince')}</th>
              <td colSpan={2}>{r.unemployedSince}</td>
            </tr>
          )}
          {r.kind === 'hardship' && (
            <tr>
              <th>{t('fields.hardshipCategories')}</th>
              <td colSpan={4}>{r.hardshipCategories.map((c) => t(`enums.hardshipCategory.${c}`)).join(t('print.common.sep'))}</td>
            </tr>
          )}
          {r.kind !== 'hardship' && (
            <>
              <tr>
                <th>{t('fields.jobIntention')}</th>
                <td colSpan={4}>{text(r.jobIntention)}</td>
              </tr>
              <tr>
                <th>{t('fields.trainingIntention')}</th>
                <td colSpan={4}>{text(r.trainingIntention)}</td>
              </tr>
              <tr>
                <th>{t('fields.serviceNeeds')}</th>
                <td colSpan={4} className="pf-tall">
                  {text(r.serviceNeeds)}
                </td>
              </tr>
            </>
          )}
        </tbody>
      </table>
      <section className="pf-keep">
        <p className="pf-promise">{t('print.registration.promise')}</p>
        <SignLine label={t('print.registration.applicantSign')} />
        <SignLine label={t('print.common.clerk')} value={form.station.clerk} />
        <SignLine label={`${t('print.common.station')}${t('print.common.stamp')}`} value={form.station.name} withDate={false} />
      </section>
    </Page>
  );
}
