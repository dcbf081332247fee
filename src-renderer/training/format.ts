// Numbers as the training screens show them.

import { percentText } from '../../shared/stats/percent';

/**
 * A rate (0..1) as a percentage with at most one decimal, rounded down: 0.7999 shows as 79.9 %,
 * never as an 80 % that looks eligible next to a "not eligible" flag (shared/stats/percent, as in print).
 */
export const percent = (rate: number): string => percentText(rate);

/** Class hours: 3, 1.5, 22.5. */
export function hours(value: number): string {
  return String(Math.round(value * 100) / 100);
}
