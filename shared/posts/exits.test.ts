import { describe, expect, it } from 'vitest';
import { effectiveEnd } from './exits';

describe('an assignment’s real end', () => {
  it('is the exit’s date and reason when ended early, the agreed end otherwise', () => {
    const a = { endDate: '2026-12-31' };
    expect(effectiveEnd(a, null)).toEqual({ date: '2026-12-31', reason: null });
    expect(effectiveEnd(a, { date: '2026-11-10', reason: 'employed' })).toEqual({ date: '2026-11-10', reason: 'employed' });
    // On the agreed end's own day: still an exit, with its reason.
    expect(effectiveEnd(a, { date: '2026-12-31', reason: 'death' })).toEqual({ date: '2026-12-31', reason: 'death' });
  });
});
