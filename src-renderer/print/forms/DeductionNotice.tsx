// 扣款告知书: one holder's deductions of a month after the 考核, with the pay before and after
// and the rule that decided the pay, signed by the holder before the payroll is final.

import { useTranslation } from 'react-i18next';
import type { DeductionNoticeForm } from '../../../shared/assessment/contract';
import { monthText, payRuleText } from '../../assessment/payText';
import { FormTitle, Page, SignLine, money } from './parts';

export function DeductionNotice({ form }: { form: DeductionNoticeForm }) {
  const { t } = useTranslation();
  const month = monthText(t, form.month);
  return (
    <Page>
      <FormTitle title={t('assessment.notice.title')} station={form.station} />
      <table className="pf-table pf-fields">
        <colgroup>
          <col style={{ width: '18%' }} />
          <col style={{ width: '32%' }} />
          <col style={{ width: '18%' }} />
          <col style={{ width: '32%' }} />
        </colgroup>
        <tbody>
          <tr>
            <th>{t('assessment.notice.holder')}</th>
            <td data-testid="pf-holder">{form.holder.name}</td>
            <th>{t('assessment.notice.idNumber')}</th>
            <td className="pf-mono">{form.holder.idNumberMasked}</td>
          </tr>
          <tr>
            <th>{t('assessment.notice.post')}</th>
            <td>{form.post.name}</td>
            <th>{t('assessment.notice.place')}</th>
            <td>{form.post.placeName}</td>
          </tr>
          <tr>
            <th>{t('assessment.notice.month')}</th>
            <td>{month}</td>
            <th>{t('assessment.notice.score')}</th>
            <td>
              {form.score} {t(form.passed ? 'assessment.passed' : 'assessment.failed')}
            </td>
          </tr>
          <tr>
            <td colSpan={4}>{t('assessment.notice.intro', { month })}</td>
          </tr>
          <tr>
            <th className="pf-section">#</th>
            <th colSpan={2} className="pf-section">
              {t('assessment.notice.reason')}
            </th>
            <th className="pf-section">{t('assessment.notice.amount')}</th>
          </tr>
          {form.deductions.map((d, i) => (
            <tr key={i} data-testid="pf-deduction">
              <td>{i + 1}</td>
              <td colSpan={2}>{d.reason}</td>
              <td className="pf-right">{money(d.amount)}</td>
            </tr>
          ))}
          <tr>
            <th colSpan={3}>{t('assessment.notice.total')}</th>
            <td className="pf-right" data-testid="pf-deduction-total">
              {money(form.pay.deductions)}
            </td>
          </tr>
          <tr>
            <th>{t('assessment.notice.before')}</th>
            <td className="pf-right" data-testid="pf-pay-before">
              {money(form.pay.payDue)}
            </td>
            <th>{t('assessment.notice.after')}</th>
            <td className="pf-right pf-strong" data-testid="pf-pay-after">
              {money(form.pay.payable)}
            </td>
          </tr>
          <tr>
            <th>{t('assessment.notice.rule')}</th>
            <td colSpan={3}>{payRuleText(t, form.pay)}</td>
          </tr>
          <tr>
            <td colSpan={4}>{t('assessment.notice.assessedBy', { name: form.assessedBy, at: form.assessedAt.slice(0, 10) })}</td>
          </tr>
          <tr>
            <td colSpan={4}>{t('assessment.notice.objection')}</td>
          </tr>
        </tbody>
      </table>
      <section className="pf-keep">
        <SignLine label={t('assessment.notice.holderSign')} />
        <SignLine label={t('assessment.notice.stationSign')} />
      </section>
    </Page>
  );
}
