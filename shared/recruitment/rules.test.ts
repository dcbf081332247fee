import { describe, expect, it } from 'vitest';
import { applicationDateIssue, groupRank, noticePeriod, periodDays, periodEnded, publicityIssue, ranked } from './rules';

describe('recruitment rules', () => {
  it('the 公示 runs noticeDays from the print day, that day counted; it has ended on the day after its last', () => {
    const p = noticePeriod('2026-12-01', 3);
    expect(p).toEqual({ from: '2026-12-01', to: '2026-12-03' });
    expect(periodDays(p)).toBe(3);
    expect(periodEnded(p, '2026-12-03')).toBe(false);
    expect(periodEnded(p, '2026-12-04')).toBe(true);
  });

  it('the gate: refused on the last day, passed the day after; an upheld or open objection refuses', () => {
    const p = { from: '2026-12-01', to: '2026-12-03', objections: [] as { upheld: boolean | null }[] };
    expect(publicityIssue(p, '2026-12-03')).toMatchObject({ field: 'residentId', messageKey: 'errors.recruitment.noticeRunning', params: { to: '2026-12-03', from: '2026-12-04' } });
    expect(publicityIssue(p, '2026-12-04')).toBeNull();
    expect(publicityIssue({ ...p, objections: [{ upheld: false }] }, '2026-12-04')).toBeNull();
    expect(publicityIssue({ ...p, objections: [{ upheld: null }] }, '2026-12-04')?.messageKey).toBe('errors.recruitment.objectionOpen');
    expect(publicityIssue({ ...p, objections: [{ upheld: false }, { upheld: true }] }, '2026-12-30')?.messageKey).toBe('errors.recruitment.objectionUpheld');
  });

  it('ranks by the first group in the order, those of none last, then by the application date', () => {
    const order = ['povertyAlleviated', 'lowIncome', 'disabled', 'older'] as const;
    expect(groupRank(['older', 'lowIncome'], order)).toBe(1);
    expect(groupRank([], order)).toBe(4);
    const apps = [
      { applicationId: 'a', date: '2026-12-01', at: '1', groups: [] },
      { applicationId: 'b', date: '2026-12-03', at: '2', groups: ['older' as const] },
      { applicationId: 'c', date: '2026-12-02', at: '3', groups: ['older' as const] },
      { applicationId: 'd', date: '2026-12-05', at: '4', groups: ['povertyAlleviated' as const] },
    ];
    expect(ranked(apps, order).map((a) => a.applicationId)).toEqual(['d', 'c', 'b', 'a']);
    // Another order, another ranking: 大龄 first.
    expect(ranked(apps, ['older', 'povertyAlleviated']).map((a) => a.applicationId)).toEqual(['c', 'b', 'd', 'a']);
    // No order: the application date alone.
    expect(ranked(apps, []).map((a) => a.applicationId)).toEqual(['a', 'c', 'b', 'd']);
  });

  it('an application is dated inside the window and not in the future', () => {
    const w = { from: '2026-12-01', to: '2026-12-10' };
    expect(applicationDateIssue('2026-12-10', w, '2026-12-20')).toBeNull();
    expect(applicationDateIssue('2026-12-11', w, '2026-12-20')?.messageKey).toBe('errors.recruitment.outsideWindow');
    expect(applicationDateIssue('2026-11-30', w, '2026-12-20')?.messageKey).toBe('errors.recruitment.outsideWindow');
    expect(applicationDateIssue('2026-12-05', w, '2026-12-04')?.messageKey).toBe('errors.recruitment.futureDate');
  });
});
