// How a policy entry reads for a person: the county by name and the wage tier in words (never
// "370102 一类"), and who last changed it by name, or that it is the shipped default.
import type { TFunction } from 'i18next';
import { placeName } from '../../shared/places';
import type { MinimumWageValues } from '../../shared/policy/parameters';
import type { PolicyEntryView } from '../../shared/rpc/handlers';
import { formatTime, formatYuan } from '../form/format';

/** The tier as stored ("一类", "二档", "第三档", "3") → its number; null when it is something else. */
function tierNumber(tier: string): string | null {
  const match = /^(?:第)?([一二三四1-4])(?:类|档)?$/.exec(tier.trim());
  if (!match) return null;
  const digit = match[1]!;
  return /\d/.test(digit) ? digit : String('一二三四'.indexOf(digit) + 1);
}

/** 第一档 / Tier 1; a tier the county named otherwise is shown as written. */
export function tierText(t: TFunction, tier: string): string {
  const n = tierNumber(tier);
  return n ? t(`policy.minimumWage.tiers.${n}`) : tier;
}

/** 历下区; an unknown code as it is. */
export function countyText(code: string): string {
  return placeName(code) ?? code;
}

/** "历下区 第一档：月 2100.00 元，小时 21.00 元". */
export function wageSummary(t: TFunction, v: MinimumWageValues): string {
  return t('policy.minimumWage.summary', { county: countyText(v.countyCode), tier: tierText(t, v.tier), monthly: formatYuan(v.monthly), hourly: formatYuan(v.hourly) });
}

/** "王小云 2026-11-02 10:00", or "系统默认值（2021-10-01 起施行）" for a shipped default nobody changed. */
export function updatedText(t: TFunction, entry: Pick<PolicyEntryView, 'isDefault' | 'effectiveFrom' | 'updatedBy' | 'updatedAt'>, name: (login: string) => string): string {
  if (entry.isDefault) return t('policy.shippedDefault', { from: entry.effectiveFrom });
  return t('policy.updatedValue', { by: name(entry.updatedBy), at: formatTime(entry.updatedAt) });
}
