// Pieces every printed form is built of: the title with the station, signature lines, review
// boxes, the A4 page, and the resident's rows.

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sex } from '../../../shared/id/idNumber';
import { percentText } from '../../../shared/stats/percent';
import type { PrintStation, RegistrationForm } from '../../../shared/print/contract';

/** A rate as the screens show it (shared/stats/percent). */
export const percent = (rate: number) => percentText(rate);
export const money = (yuan: number) => yuan.toFixed(2);

export function FormTitle({ title, station, showPlace = true }: { title: string; station: PrintStation; showPlace?: boolean }) {
  const { t } = useTranslation();
  return (
    <header className="pf-head">
      <h1 className="pf-title" data-testid="print-title">
        {title}
      </h1>
      <div className="pf-meta">
        <span>
          {t('print.common.station')}：{station.name}
        </span>
        {showPlace && (
          <span>
            {t('print.common.place')}：{station.placePath.join('')}
          </span>
        )}
        <span>
          {t('print.common.printedOn')}：{station.printedOn}
        </span>
      </div>
    </header>
  );
}

/** A line to sign on: label, blank space, and a date line. */
export function SignLine({ label, withDate = true, value }: { label: string; withDate?: boolean; value?: string }) {
  const { t } = useTranslation();
  return (
    <div className="pf-sign">
      <span className="pf-sign-label">{label}：</span>
      <span className="pf-sign-blank">{value ?? ''}</span>
      {withDate && (
        <>
          <span className="pf-sign-label">{t('print.common.date')}：</span>
          <span className="pf-sign-date">{t('print.common.yearMonthDay')}</span>
        </>
      )}
    </div>
  );
}

export function ReviewBox({ title, signLabel }: { title: string; signLabel: string }) {
  return (
    <div className="pf-review">
      <div className="pf-review-title">{title}</div>
      <div className="pf-review-space" />
      <SignLine label={signLabel} />
    </div>
  );
}

/**
 * The closing lines (counts, signatures, review) as the table's last row: if they go to a new
 * page, the table's header (with the caption saying what is signed) repeats above them.
 */
export function ClosingRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr className="pf-closing">
      <td colSpan={columns}>{children}</td>
    </tr>
  );
}

export function Page({ children, landscape = false }: { children: ReactNode; landscape?: boolean }) {
  return (
    <article className={landscape ? 'pf pf-landscape' : 'pf'} data-print-form>
      {children}
    </article>
  );
}

/** The person's rows shared by the registration and the 认定 application: full ID number (legally required). */
export function PersonRows({ resident }: { resident: RegistrationForm['resident'] }) {
  const { t } = useTranslation();
  const list = (items: string[]) => (items.length ? items.join(t('print.common.sep')) : t('print.common.none'));
  return (
    <>
      <tr>
        <th>{t('print.common.name')}</th>
        <td data-testid="pf-name">{resident.name}</td>
        <th>{t('print.common.sex')}</th>
        <td>{t(`enums.sex.${resident.sex}`)}</td>
        <td rowSpan={4} className="pf-photo">
          {t('print.common.photo')}
        </td>
      </tr>
      <tr>
        <th>{t('print.registration.birthDate')}</th>
        <td>{resident.birthDate}</td>
        <th>{t('print.common.age')}</th>
        <td>{resident.age}</td>
      </tr>
      <tr>
        <th>{t('print.common.idNumber')}</th>
        <td className="pf-mono">{resident.idNumber}</td>
        <th>{t('fields.phone')}</th>
        <td className="pf-mono">{resident.phone}</td>
      </tr>
      <tr>
        <th>{t('fields.householdType')}</th>
        <td>{t(`enums.householdType.${resident.householdType}`)}</td>
        <th>{t('fields.education')}</th>
        <td>{t(`enums.education.${resident.education}`)}</td>
      </tr>
      <tr>
        <th>{t('fields.address')}</th>
        <td colSpan={4}>{resident.address}</td>
      </tr>
      <tr>
        <th>{t('print.registration.residentPlace')}</th>
        <td colSpan={4}>{resident.placePath.join('')}</td>
      </tr>
      <tr>
        <th>{t('fields.skills')}</th>
        <td>{resident.skills || t('print.common.none')}</td>
        <th>{t('fields.employmentCertificateNo')}</th>
        <td colSpan={2}>{resident.employmentCertificateNo || t('print.common.none')}</td>
      </tr>
      <tr>
        <th>{t('fields.targetGroups')}</th>
        <td colSpan={4}>
          {list(resident.targetGroups.map((g) => t(`enums.targetGroup.${g}`)))}
          {resident.careCategories.length > 0 && `（${list(resident.careCategories.map((c) => t(`enums.careCategory.${c}`)))}）`}
        </td>
      </tr>
    </>
  );
}

export const FIELD_COLUMNS = (
  <colgroup>
    <col style={{ width: '17%' }} />
    <col style={{ width: '29%' }} />
    <col style={{ width: '15%' }} />
    <col style={{ width: '23%' }} />
    <col style={{ width: '16%' }} />
  </colgroup>
);

/** The four columns every trainee list starts with: seq, name, sex, masked ID number. */
export function TraineeHeads() {
  const { t } = useTranslation();
  return (
    <>
      <th>{t('print.common.seq')}</th>
      <th>{t('print.common.name')}</th>
      <th>{t('print.common.sex')}</th>
      <th>{t('print.common.idNumber')}</th>
    </>
  );
}

export function TraineeCells({ index, row }: { index: number; row: { name: string; sex: Sex; idNumberMasked: string } }) {
  const { t } = useTranslation();
  return (
    <>
      <td className="pf-center">{index + 1}</td>
      <td className="pf-name">{row.name}</td>
      <td className="pf-center">{t(`enums.sex.${row.sex}`)}</td>
      <td className="pf-mono pf-id pf-center">{row.idNumberMasked}</td>
    </>
  );
}
