import { describe, expect, it } from 'vitest';
import { attendanceDateIssue, belowMinimumIssue, belowMinimumWage } from './rules';

describe('post rules', () => {
  it('compares pay per hour with the hourly minimum in fen, without rounding the pay per hour first', () => {
    expect(belowMinimumWage({ payDue: 840, hours: 40 }, 21)).toBe(false);
    // 839.99 / 40 = 20.99975 a yuan an hour: rounded it would pass; it is under 21.
    expect(belowMinimumWage({ payDue: 839.99, hours: 40 }, 21)).toBe(true);
    expect(belowMinimumWage({ payDue: 0, hours: 0 }, 21)).toBe(false);
    expect(belowMinimumWage({ payDue: 100, hours: 40 }, null)).toBe(false);
  });

  it('asks for a reason naming those under the minimum, and is satisfied by one', () => {
    const holders = [{ name: '张三', payDue: 500, hours: 40 }, { name: '李四', payDue: 1000, hours: 40 }, { name: '王五', payDue: 400, hours: 40 }];
    expect(belowMinimumIssue(holders, 21, undefined)).toEqual({ field: 'belowMinimumReason', messageKey: 'errors.attendance.belowMinimumReason', params: { names: '张三、王五', count: 2 } });
    expect(belowMinimumIssue(holders, 21, '  ')).not.toBeNull();
    expect(belowMinimumIssue(holders, 21, '停工')).toBeNull();
    expect(belowMinimumIssue(holders, 10, undefined)).toBeNull();
  });

  it('refuses attendance for a day after the day it is saved on', () => {
    expect(attendanceDateIssue('2026-12-07', '2026-12-06')).toEqual({ field: 'date', messageKey: 'errors.attendance.future', params: { date: '2026-12-07' } });
    expect(attendanceDateIssue('2026-12-06', '2026-12-06')).toBeNull();
  });
});
