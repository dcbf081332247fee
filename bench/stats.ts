// Percentiles of timed calls, shared by the benchmark's parts.

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 100) / 100;
}

/** Runs `run` `samples` times (each followed by an untimed `after`) and gives p50 and p95 in ms. */
export async function timed(samples: number, run: (i: number) => Promise<unknown>, after?: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await run(i);
    times.push(performance.now() - start);
    if (after) await after(i);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** Prints one line per target: met, MISSED, or not measured (a null figure). */
export function printTargets(figures: Record<string, unknown>, limits: Record<string, number>, floors: Record<string, number> = {}): void {
  const line = (key: string, bound: string, ok: (v: number) => boolean) => {
    const value = figures[key];
    console.log(`target ${key} ${bound}: ${typeof value === 'number' ? `${value} ${ok(value) ? 'met' : 'MISSED'}` : `${String(value)} (not measured)`}`);
  };
  for (const [key, limit] of Object.entries(limits)) line(key, `< ${limit}`, (v) => v < limit);
  for (const [key, floor] of Object.entries(floors)) line(key, `>= ${floor}`, (v) => v >= floor);
}
