// 公益性岗位补贴发放表: the township's month across its villages, A4 landscape. Paged here (not
// by the browser) so that every page carries the column headers and its own 本页小计; the last
// page adds the grand total and the 制表人 / 审核人 / 乡镇负责人 lines. Villages not on the sheet
// are named on the first page, with why.
import './payrollSheet.css';
import { useTranslation } from 'react-i18next';
import type { PayrollForm, PayrollRow, PayrollTotals } from '../../../shared/payroll/contract';
import { pageLines, type SheetLine } from '../../payroll/pages';
import { placeLabelOf } from '../../payroll/placeLabel';
import { money, FormTitle, SignLine, Page } from './parts';

const BASES = ['full', 'proportional', 'none', 'minimumWage', 'noAssessment'] as const;
const COLUMNS = ['seq', 'village', 'post', 'name', 'days', 'hours', 'score', 'basis', 'payDue', 'deductions', 'payable', 'account', 'sign'] as const;

function Totals({ label, totals, testId }: { label: string; totals: PayrollTotals; testId: string }) {
  return (
    <tr className="pf-total" data-testid={testId}>
      <td colSpan={4} className="pf-center">
        {label}
      </td>
      <td className="pf-center">{totals.days}</td>
      <td className="pf-right">{totals.hours}</td>
      <td colSpan={2} />
      <td className="pf-right">{money(totals.payDue)}</td>
      <td className="pf-right">{money(totals.deductions)}</td>
      <td className="pf-right">{money(totals.payable)}</td>
      <td colSpan={2} />
    </tr>
  );
}

/** The rule that decided the amount, in a word or two (the .xlsx and the 考核 screen word it in full). */
function basisOf(row: PayrollRow, words: Record<string, string>): string {
  const rule = row.rule.replace(/^assessment\.rule\./, '');
  const word = words[`basis.${rule}`];
  if (!word) return '';
  return rule === 'proportional' ? word.replace('{{percent}}', String(row.ruleParams['percent'] ?? '')) : word;
}

/** A holder's line (the texts it needs are looked up once for the sheet: 1,500 rows render fast). */
function HolderRow({ row, seq, village, words }: { row: PayrollRow; seq: number; village: string; words: Record<string, string> }) {
  const account = row.account ? `${words[row.account.kind]} ${row.account.accountNo}` : words.none;
  return (
    <tr data-testid="pf-payroll-row">
      <td className="pf-center">{seq}</td>
      <td>{village}</td>
      <td>{row.postName}</td>
      <td className="pf-name">{row.name}</td>
      <td className="pf-center">{row.days}</td>
      <td className="pf-right">{row.hours}</td>
      <td className="pf-center">{row.score ?? '—'}</td>
      <td className="pf-center" data-testid="pf-payroll-basis">{basisOf(row, words)}</td>
      <td className="pf-right">{money(row.payDue)}</td>
      <td className="pf-right">{money(row.deductions)}</td>
      <td className="pf-right">{money(row.payable)}</td>
      <td className={row.account ? 'pf-mono pf-account' : 'pf-account'}>{account}</td>
      <td />
    </tr>
  );
}

export function PayrollSheet({ form }: { form: PayrollForm }) {
  const { t } = useTranslation();
  const { sheet } = form;
  const [year, month] = sheet.month.split('-');
  const label = placeLabelOf(t);
  const pages = pageLines(sheet, label);
  const words: Record<string, string> = {
    bankCard: t('payroll.accountKinds.bankCard'),
    socialSecurityCard: t('payroll.accountKinds.socialSecurityCard'),
    none: t('payroll.noAccount'),
    ...Object.fromEntries(BASES.map((b) => [`basis.${b}`, t(`payroll.basis.${b}`, { percent: '{{percent}}' })])),
  };
  const missing = sheet.missing.map((m) => t('payroll.missing.item', { village: label(m.placeCode, m.placeName), why: m.reason === 'notClosed' ? t('payroll.missing.notClosed', { posts: m.posts.join(t('payroll.enumSeparator')) }) : t('payroll.missing.noData') }));
  return (
    <Page landscape>
      {pages.map((page, p) => (
        <section key={p} className="pf-payroll-page" data-testid="pf-payroll-page">
          {p === 0 && (
            <>
              <FormTitle title={t('print.payroll.title')} station={form.station} />
              {(missing.length > 0 || !sheet.final || sheet.full) && (
                <p className="pf-small-para pf-payroll-notes" data-testid="pf-payroll-notes">
                  {!sheet.final && <strong>{t('print.payroll.notFinal')} </strong>}
                  {sheet.full && <strong>{t('print.payroll.fullAccounts')} </strong>}
                  {missing.length > 0 && <span>{t('print.payroll.missing', { list: missing.join(t('payroll.listSeparator')) })}</span>}
                </p>
              )}
            </>
          )}
          <table className="pf-table pf-list pf-payroll">
            <colgroup>
              {COLUMNS.map((c) => (
                <col key={c} className={`pf-payroll-${c}`} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th colSpan={COLUMNS.length} className="pf-caption">
                  {t('print.payroll.caption', { township: label(sheet.placeCode, sheet.placeName), year, month: Number(month) })}
                  {!sheet.final && ` · ${t('print.payroll.notFinal')}`}
                </th>
              </tr>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c}>{t(`payroll.columns.${c}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {page.lines.map((line: SheetLine) =>
                line.kind === 'row' ? (
                  <HolderRow key={`${line.seq}`} row={line.row} seq={line.seq} village={line.village} words={words} />
                ) : (
                  <Totals key={`s-${line.village}`} label={t('payroll.subtotal', { village: line.village, count: line.totals.holders })} totals={line.totals} testId="pf-village-subtotal" />
                ),
              )}
              <Totals label={t('payroll.pageSubtotal')} totals={page.subtotal} testId="pf-page-subtotal" />
              {p === pages.length - 1 && <Totals label={t('print.payroll.grandTotal', { count: sheet.totals.holders })} totals={sheet.totals} testId="pf-grand-total" />}
            </tbody>
          </table>
          {p === pages.length - 1 && (
            <div className="pf-sign-row pf-payroll-signs">
              <SignLine label={t('print.payroll.preparer')} value={form.station.clerk} />
              <SignLine label={t('print.payroll.reviewer')} />
              <SignLine label={`${t('print.payroll.head')}${t('print.common.stamp')}`} />
            </div>
          )}
        </section>
      ))}
    </Page>
  );
}
