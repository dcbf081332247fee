import { describe, expect, it } from 'vitest';
import { percentText, percentValue, shownRate } from './percent';

describe('percentText', () => {
  it('rounds down to one decimal, the same for every screen, form and sheet', () => {
    expect(percentText(0.0425)).toBe('4.2%');
    expect(percentText(0.7999)).toBe('79.9%');
    expect(percentText(0.8)).toBe('80%');
    expect(percentText(5 / 6)).toBe('83.3%');
    expect(percentText(0.29)).toBe('29%');
    expect(percentText(1)).toBe('100%');
    expect(percentText(0)).toBe('0%');
    expect(percentText(null)).toBe('–');
    expect(percentText(Number.NaN)).toBe('–');
    expect(percentValue(0.0425)).toBe(4.2);
    expect(shownRate(0.6667)).toBe(0.666);
  });
});
