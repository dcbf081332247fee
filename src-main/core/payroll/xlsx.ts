// The payroll as an .xlsx for the township's finance office: one sheet, the rows village by
// village, each village's subtotal and the total; accounts as the sheet holds them (masked
// unless the clerk asked for them in full). In Chinese, like the printed form.
import { assessmentZhCN } from '../../../shared/assessment/texts';
import { payrollZhCN } from '../../../shared/payroll/texts';
import { unknownPlaceKey, type PayrollSheet, type PayrollTotals, type PlaceName } from '../../../shared/payroll/contract';
import { xlsx, type Row } from '../sheets/xlsxWriter';

const texts = payrollZhCN.payroll;
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));

/** A place as the Chinese sheet names it: its name, or 未知村（code）. */
export function zhPlace(code: string, name: PlaceName): string {
  return name ?? fill(texts[unknownPlaceKey(code).replace('payroll.', '') as 'unknownVillage' | 'unknownTownship'], { code });
}

export function payrollXlsx(sheet: PayrollSheet): Buffer {
  const c = texts.columns;
  const columns = [
    { header: c.seq, width: 6 },
    { header: c.village, width: 24 },
    { header: c.post, width: 18 },
    { header: c.name, width: 10 },
    { header: c.days, width: 9 },
    { header: c.hours, width: 8 },
    { header: c.score, width: 9 },
    { header: c.payDue, money: true, width: 12 },
    { header: c.deductions, money: true, width: 11 },
    { header: c.payable, money: true, width: 12 },
    { header: c.account, width: 30 },
    { header: c.rule, width: 24 },
  ];
  const totalRow = (label: string, t: PayrollTotals): Row => ({ bold: [label, null, null, null, t.days, t.hours, null, t.payDue, t.deductions, t.payable, null, null] });
  const rows: Row[] = [];
  let seq = 0;
  for (const v of sheet.villages) {
    const village = zhPlace(v.placeCode, v.placeName);
    for (const r of v.rows) {
      seq += 1;
      const account = r.account ? `${texts.accountKinds[r.account.kind]} ${r.account.bankName} ${r.account.accountNo}`.replace(/\s+/g, ' ').trim() : texts.noAccount;
      const wording = (assessmentZhCN.assessment.rule as Record<string, string>)[r.rule.replace(/^assessment\.rule\./, '')];
      const rule = wording ? fill(wording, Object.fromEntries(Object.entries(r.ruleParams).map(([k, v]) => [k, v ?? '']))) : r.rule;
      rows.push([seq, village, r.postName, r.name, r.days, r.hours, r.score, r.payDue, r.deductions, r.payable, account, rule]);
    }
    rows.push(totalRow(fill(texts.subtotal, { village, count: v.totals.holders }), v.totals));
  }
  rows.push(totalRow(fill(texts.total, { count: sheet.totals.holders }), sheet.totals));
  if (sheet.missing.length) rows.push({ bold: [fill(texts.missingTitle, { count: sheet.missing.length })] });
  for (const m of sheet.missing) {
    const why = m.reason === 'notClosed' ? fill(texts.missing.notClosed, { posts: m.posts.join('、') }) : texts.missing.noData;
    rows.push([null, zhPlace(m.placeCode, m.placeName), why, null, null, null, null, null, null, null, null, null]);
  }
  const [year, month] = sheet.month.split('-');
  const title = `${texts.title} ${zhPlace(sheet.placeCode, sheet.placeName)} ${year}年${Number(month)}月${sheet.final ? '' : `（${texts.notFinal}）`}`;
  return xlsx({ name: `${year}-${month}`, columns, title, frozenColumns: 4, landscape: true }, rows);
}
