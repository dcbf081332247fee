// Numbers as the training screens show them.

/**
 * A rate (0..1) as a percentage with at most one decimal, rounded down: 0.7999 shows as 79.9 %,
 * never as an 80 % that looks eligible next to a "not eligible" flag.
 */
export function percent(rate: number): string {
  if (!Number.isFinite(rate)) return '–';
  const tenths = Math.floor(rate * 1000 + 1e-9);
  return `${tenths / 10}%`;
}

/** Class hours: 3, 1.5, 22.5. */
export function hours(value: number): string {
  return String(Math.round(value * 100) / 100);
}
