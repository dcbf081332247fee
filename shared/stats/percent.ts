// The one way a rate (0..1) becomes a percentage a person reads: on screen, in print, in the
// exported sheets and in the statistics. Rounded DOWN to one decimal, so a rate just below a
// threshold (0.7999 of 0.8) never reads as the threshold itself next to "not eligible", and the
// same rate reads the same everywhere (4.25 % is 4.2 % on the screen and on paper).

/** The rate in tenths of a percent, rounded down: 0.0425 → 42 (a tiny epsilon keeps 0.29 at 290). */
function tenths(rate: number): number {
  return Math.floor(rate * 1000 + 1e-9);
}

/** The percentage as a number with at most one decimal (for charts): 0.0425 → 4.2. */
export function percentValue(rate: number): number {
  return tenths(rate) / 10;
}

/** The rate as shown, as a fraction (for a spreadsheet's 0.0% format): 0.0425 → 0.042. */
export function shownRate(rate: number): number {
  return tenths(rate) / 1000;
}

/** "4.2%", "80%", "100%"; "–" for no rate (null, NaN). */
export function percentText(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '–';
  return `${percentValue(rate)}%`;
}
