import { describe, expect, it } from 'vitest';
import { addDays } from '../worklist/rules';
import { DEFAULT_RETIREMENT_RULES } from '../policy/retirement';
import { effectiveEnd, holderWarnings } from './exits';

describe('an assignment’s real end', () => {
  it('is the exit’s date and reason when ended early, the agreed end otherwise', () => {
    const a = { endDate: '2026-12-31' };
    expect(effectiveEnd(a, null)).toEqual({ date: '2026-12-31', reason: null });
    expect(effectiveEnd(a, { date: '2026-11-10', reason: 'employed' })).toEqual({ date: '2026-11-10', reason: 'employed' });
    // On the agreed end's own day: still an exit, with its reason.
    expect(effectiveEnd(a, { date: '2026-12-31', reason: 'death' })).toEqual({ date: '2026-12-31', reason: 'death' });
  });
});

describe('a holder’s warnings before the 36-month limit and the retirement age', () => {
  const params = { limitWarnDays: 60, retirementWarnDays: 60, exitWarnDays: 30 };
  const policy = { maxSubsidyMonths: 36, retirement: DEFAULT_RETIREMENT_RULES, params };
  // Held from 2024-01-01: the 36 months run out on 2026-12-31.
  const a = { id: 'assignment:1', startDate: '2024-01-01', endDate: '2027-06-30' };
  const at = (today: string) => holderWarnings(a, [a], null, policy, today).map((w) => `${w.kind} ${w.date} ${w.urgent ? 'warning' : 'listed'}`);

  it('lists the limit from 60 days before and warns from 30 days before, each at its boundary', () => {
    expect(at('2026-10-31')).toEqual([]);
    expect(at('2026-11-01')).toEqual(['subsidyLimit 2026-12-31 listed']);
    expect(at('2026-11-30')).toEqual(['subsidyLimit 2026-12-31 listed']);
    // 36 months minus 30 days.
    expect(at('2026-12-01')).toEqual(['subsidyLimit 2026-12-31 warning']);
    expect(at('2026-12-31')).toEqual(['subsidyLimit 2026-12-31 warning']);
  });

  it('warns before the retirement age the same way, and not once ended early', () => {
    // A man born 1966-07-10 reaches the retirement age within the assignment (2026-12-10 under the default rules).
    const person = { birthDate: '1966-07-10', sex: 'male' as const };
    const b = { id: 'assignment:2', startDate: '2026-01-01', endDate: '2026-12-31' };
    const retiring = (today: string, exitDate?: string) =>
      holderWarnings({ ...b, ...(exitDate ? { exitDate } : {}) }, [b], person, policy, today).map((w) => `${w.kind} ${w.urgent ? 'warning' : 'listed'}`);
    const date = holderWarnings(b, [b], person, policy, '2026-12-10')[0]!.date;
    expect(date).toBe('2026-12-10');
    expect(retiring(addDays(date, -31))).toEqual(['retirement listed']);
    expect(retiring(addDays(date, -30))).toEqual(['retirement warning']);
    expect(retiring(addDays(date, -30), '2026-05-31')).toEqual([]);
  });
});
