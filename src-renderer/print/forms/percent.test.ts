// The printed forms show a rate exactly as the screens do (issue 14: 4.2 % on screen, 4.3 % in print).
import { describe, expect, it } from 'vitest';
import { percent as printed } from './parts';
import { percent as onScreen } from '../../training/format';

describe('a rate in print and on screen', () => {
  it('reads the same', () => {
    for (const rate of [0.0425, 0.5, 0.8, 0.7999, 5 / 6, 1 / 3, 0.29, 1, 0]) expect(printed(rate)).toBe(onScreen(rate));
  });
});
