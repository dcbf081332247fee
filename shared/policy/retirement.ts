// Statutory retirement ages are dated reference data (they rise month by month since
// 2025-01-01). The county edits them; this module only computes with whatever rule set is in force.

import type { Sex } from '../id/idNumber';

export type RetirementCategory = 'default' | 'femaleCadre' | 'femaleWorker';

export interface RetirementRule {
  sex: Sex;
  category: RetirementCategory;
  /** Age in years for people born before `firstDelayedBirthMonth`. */
  baseAge: number;
  /** YYYY-MM: the first birth month whose retirement is delayed. */
  firstDelayedBirthMonth: string;
  /** One month of delay per this many months of birth. */
  birthMonthsPerDelayMonth: number;
  maxDelayMonths: number;
}

export interface RetirementRuleSet {
  /** ISO day from which this rule set applies. */
  effectiveFrom: string;
  rules: RetirementRule[];
  /** Which female category bounds working age for unemployment registration. */
  femaleCategoryForRegistration: RetirementCategory;
  /** True while the values are the shipped defaults that the county has not confirmed. */
  isDefault: boolean;
}

/** 全国人大常委会 2024-09-13 decision, in force from 2025-01-01. Shipped as an editable default. */
export const DEFAULT_RETIREMENT_RULES: RetirementRuleSet = {
  effectiveFrom: '2025-01-01',
  isDefault: true,
  femaleCategoryForRegistration: 'femaleCadre',
  rules: [
    { sex: 'male', category: 'default', baseAge: 60, firstDelayedBirthMonth: '1965-01', birthMonthsPerDelayMonth: 4, maxDelayMonths: 36 },
    { sex: 'female', category: 'femaleCadre', baseAge: 55, firstDelayedBirthMonth: '1970-01', birthMonthsPerDelayMonth: 4, maxDelayMonths: 36 },
    { sex: 'female', category: 'femaleWorker', baseAge: 50, firstDelayedBirthMonth: '1975-01', birthMonthsPerDelayMonth: 2, maxDelayMonths: 60 },
  ],
};

function monthIndex(yyyyMm: string): number {
  const [y, m] = yyyyMm.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
}

/** Retirement age in whole months for a birth date under one rule set. */
export function retirementAgeMonths(set: RetirementRuleSet, birthDate: string, sex: Sex): number {
  const category = sex === 'male' ? 'default' : set.femaleCategoryForRegistration;
  const rule = set.rules.find((r) => r.sex === sex && r.category === category) ?? set.rules.find((r) => r.sex === sex);
  if (!rule) throw new Error(`no retirement rule for ${sex}`);
  const offset = monthIndex(birthDate.slice(0, 7)) - monthIndex(rule.firstDelayedBirthMonth);
  const delay = offset < 0 ? 0 : Math.min(rule.maxDelayMonths, Math.floor(offset / rule.birthMonthsPerDelayMonth) + 1);
  return rule.baseAge * 12 + delay;
}

/** The ISO day a person reaches statutory retirement age. */
export function retirementDate(set: RetirementRuleSet, birthDate: string, sex: Sex): string {
  const months = retirementAgeMonths(set, birthDate, sex);
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ry = Math.floor(total / 12);
  const rm = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(ry, rm, 0)).getUTCDate();
  return `${String(ry).padStart(4, '0')}-${String(rm).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** The rule set in force on a day: the latest one whose effectiveFrom is not after it. */
export function ruleSetInForce<T extends { effectiveFrom: string }>(sets: readonly T[], day: string): T | undefined {
  let best: T | undefined;
  for (const s of sets) if (s.effectiveFrom <= day && (!best || s.effectiveFrom > best.effectiveFrom)) best = s;
  return best;
}
