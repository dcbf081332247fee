// The person as the 入户走访登记表 and the 服务记录卡 print them (masked ID number, phone and
// address as registered, registration and groups), and the wording both forms share.

import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PrintedService, PrintedStatus, ServiceFormResident } from '../../../shared/print/serviceForms';

/** Groups as one line: target groups, care categories, and a hardship registration's categories. */
export function groupsText(t: TFunction, r: ServiceFormResident): string {
  const words = [
    ...r.targetGroups.map((g) => t(`enums.targetGroup.${g}`)),
    ...r.careCategories.map((c) => t(`enums.careCategory.${c}`)),
    ...r.registration.hardshipCategories.map((c) => t(`enums.hardshipCategory.${c}`)),
  ];
  return words.length ? [...new Set(words)].join(t('print.common.sep')) : t('print.common.none');
}

/** 单位就业 · 历下物业 / 外出务工 · 省外 上海 … */
export function statusText(t: TFunction, s: PrintedStatus): string {
  return [t(`employment.statuses.${s.status}`), s.area ? t(`employment.areas.${s.area}`) : '', s.destination].filter(Boolean).join(' ');
}

/** A referral's result line, or that it is awaited. */
export function resultText(t: TFunction, s: PrintedService): string {
  if (!s.result) return t('print.card.awaiting');
  const params = { result: t(`services.results.${s.result.result}`), date: s.result.date, note: s.result.note };
  return s.result.note ? t('print.card.resultNote', params) : t('print.card.result', params);
}

/** Four-column rows (label, value, label, value) of the person. */
export function ServicePersonRows({ resident, current }: { resident: ServiceFormResident; current?: PrintedStatus | null }) {
  const { t } = useTranslation();
  const r = resident;
  return (
    <>
      <tr>
        <th>{t('print.common.name')}</th>
        <td data-testid="pf-name">{r.name}</td>
        <th>{t('print.common.sex')}</th>
        <td>
          {t(`enums.sex.${r.sex}`)}
          <span className="pf-gap">
            {t('print.common.age')}：{r.age}
          </span>
        </td>
      </tr>
      <tr>
        <th>{t('print.common.idNumber')}</th>
        <td className="pf-mono pf-nowrap">{r.idNumberMasked}</td>
        <th>{t('print.person.phone')}</th>
        <td className="pf-mono">{r.phone || t('print.common.none')}</td>
      </tr>
      <tr>
        <th>{t('print.person.address')}</th>
        <td colSpan={3}>{r.address || t('print.common.none')}</td>
      </tr>
      <tr>
        <th>{t('print.person.village')}</th>
        <td colSpan={3}>{r.placePath.join('')}</td>
      </tr>
      <tr>
        <th>{t('print.person.registration')}</th>
        <td>{t('print.person.registrationValue', { kind: t(`enums.kind.${r.registration.kind}`), date: r.registration.date })}</td>
        <th>{t('print.person.state')}</th>
        <td>{r.closure ? t('print.person.closed', { date: r.closure.date, reason: t(`enums.closeReason.${r.closure.reason}`) }) : t('print.person.active')}</td>
      </tr>
      <tr>
        <th>{t('print.person.groups')}</th>
        <td colSpan={3}>{groupsText(t, r)}</td>
      </tr>
      {current !== undefined && (
        <tr>
          <th>{t('print.person.currentStatus')}</th>
          <td colSpan={3} data-testid="pf-current-status">
            {current ? t('print.card.statusValue', { status: statusText(t, current), date: current.effectiveDate }) + (current.employer ? ` · ${current.employer}` : '') : t('employment.card.none')}
          </td>
        </tr>
      )}
    </>
  );
}

export const PERSON_COLUMNS = (
  <colgroup>
    <col style={{ width: '18%' }} />
    <col style={{ width: '34%' }} />
    <col style={{ width: '16%' }} />
    <col style={{ width: '32%' }} />
  </colgroup>
);
