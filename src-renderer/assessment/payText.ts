// Which rule decided a holder's pay, in words (both languages): the screen, the 扣款告知书.
import type { TFunction } from 'i18next';
import type { HolderPayResult } from '../../shared/assessment/pay';
import { formatHours, formatYuan } from '../form/format';

export function payRuleText(t: TFunction, pay: HolderPayResult): string {
  const p = pay.params;
  return t(`assessment.rule.${pay.rule}`, {
    score: p.score ?? '—',
    passMark: p.passMark,
    fullPayMark: p.fullPayMark,
    percent: p.percent,
    hours: formatHours(p.hours),
    hourlyMinimum: p.hourlyMinimum === null ? '—' : formatYuan(p.hourlyMinimum),
  });
}

/** A month as people read it ("2026年10月", "2026-10"). */
export function monthText(t: TFunction, month: string): string {
  return t('labels.month', { year: month.slice(0, 4), month: month.slice(5, 7) });
}
