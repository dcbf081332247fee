import { describe, expect, it } from 'vitest';
import { hours, percent } from './format';

describe('percent', () => {
  it('rounds down to one decimal so a rate below the threshold never looks like it', () => {
    expect(percent(0.5)).toBe('50%');
    expect(percent(0.8)).toBe('80%');
    expect(percent(0.7999)).toBe('79.9%');
    expect(percent(5 / 6)).toBe('83.3%');
    expect(percent(1)).toBe('100%');
    expect(percent(0)).toBe('0%');
    expect(percent(0.29)).toBe('29%'); // 0.29 * 1000 = 289.99999…
    expect(percent(Number.NaN)).toBe('–');
  });
});

describe('hours', () => {
  it('drops needless decimals', () => {
    expect(hours(3)).toBe('3');
    expect(hours(1.5)).toBe('1.5');
    expect(hours(0.1 + 0.2)).toBe('0.3');
  });
});
