import { describe, expect, it } from 'vitest';
import { DEFAULT_RETIREMENT_RULES as rules, retirementAgeMonths, retirementDate, ruleSetInForce } from './retirement';

describe('statutory retirement ages (2025 reform defaults)', () => {
  it('keeps 60 for men born before 1965 and adds one month per four birth months after', () => {
    expect(retirementAgeMonths(rules, '1964-12-15', 'male')).toBe(720);
    expect(retirementAgeMonths(rules, '1965-01-15', 'male')).toBe(721);
    expect(retirementAgeMonths(rules, '1965-05-01', 'male')).toBe(722);
    expect(retirementAgeMonths(rules, '1980-01-01', 'male')).toBe(756); // capped at 63
  });
  it('uses the female category chosen for registration', () => {
    expect(retirementAgeMonths(rules, '1969-06-01', 'female')).toBe(660);
    expect(retirementAgeMonths(rules, '1985-01-01', 'female')).toBe(696);
    const workers = { ...rules, femaleCategoryForRegistration: 'femaleWorker' as const };
    expect(retirementAgeMonths(workers, '1975-03-01', 'female')).toBe(602);
  });
  it('gives the day retirement age is reached', () => {
    expect(retirementDate(rules, '1965-01-31', 'male')).toBe('2025-02-28');
    expect(retirementDate(rules, '1960-07-10', 'male')).toBe('2020-07-10');
  });
  it('picks the rule set in force on a day', () => {
    const sets = [{ effectiveFrom: '2025-01-01', n: 1 }, { effectiveFrom: '2027-01-01', n: 2 }];
    expect(ruleSetInForce(sets, '2024-12-31')).toBeUndefined();
    expect(ruleSetInForce(sets, '2026-06-01')?.n).toBe(1);
    expect(ruleSetInForce(sets, '2027-01-01')?.n).toBe(2);
  });
});
