import { describe, expect, it } from 'vitest';
import { addMonths, daysInMonth, periodMonths } from './context';

describe('date arithmetic for subsidy periods', () => {
  it('counts exactly three years as 36 months and one day more as more', () => {
    expect(periodMonths('2024-01-01', '2026-12-31')).toBe(36);
    expect(periodMonths('2024-01-01', '2027-01-01')).toBeGreaterThan(36);
    expect(periodMonths('2024-03-15', '2027-03-14')).toBe(36);
    expect(periodMonths('2026-01-01', '2026-01-31')).toBe(1);
    expect(periodMonths('2026-01-01', '2026-01-15')).toBe(0.5);
  });
  it('clamps month ends', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-12-15', 2)).toBe('2026-02-15');
    expect(daysInMonth('2026-02')).toBe(28);
  });
});
