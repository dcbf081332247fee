import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleTimer, REPORT_MS } from './idleTimer';

const MINUTE = 60_000;
const CHECK_MS = 5_000;

/** The timer as IdleLock runs it: a check every 5 s that locks when the limit is passed. */
function running(minutes: number) {
  const report = vi.fn();
  const locks: number[] = [];
  const timer = new IdleTimer({ limitMs: minutes * MINUTE, now: Date.now, report });
  const interval = setInterval(() => {
    if (timer.check()) locks.push(Date.now());
  }, CHECK_MS);
  return { timer, report, locks, stop: () => clearInterval(interval) };
}

describe('idle timer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('locks after the limit without input, and input keeps it open', () => {
    const { timer, locks, stop } = running(10);
    vi.advanceTimersByTime(9 * MINUTE);
    timer.input();
    vi.advanceTimersByTime(9 * MINUTE);
    expect(locks).toHaveLength(0);
    vi.advanceTimersByTime(MINUTE + CHECK_MS);
    expect(locks).toHaveLength(1);
    expect(timer.isLocked).toBe(true);
    stop();
  });

  it('an unlock starts a fresh idle period: input ignored while locked does not relock it', () => {
    const { timer, locks, stop } = running(10);
    vi.advanceTimersByTime(10 * MINUTE + CHECK_MS);
    expect(locks).toHaveLength(1);
    // Locked for a while; what the user does meanwhile does not count.
    vi.advanceTimersByTime(5 * MINUTE);
    timer.input();
    vi.advanceTimersByTime(MINUTE);
    timer.unlock();
    expect(timer.isLocked).toBe(false);
    // The next checks, and a whole idle period less a moment, pass without a lock.
    vi.advanceTimersByTime(10 * MINUTE - CHECK_MS);
    expect(locks).toHaveLength(1);
    vi.advanceTimersByTime(2 * CHECK_MS);
    expect(locks).toHaveLength(2);
    stop();
  });

  it('reports input to the core at most once a minute, and not while locked', () => {
    const { timer, report, stop } = running(10);
    timer.input();
    expect(report).not.toHaveBeenCalled();
    vi.advanceTimersByTime(REPORT_MS);
    timer.input();
    timer.input();
    expect(report).toHaveBeenCalledTimes(1);
    timer.lock();
    vi.advanceTimersByTime(REPORT_MS);
    timer.input();
    expect(report).toHaveBeenCalledTimes(1);
    expect(timer.check()).toBe(false);
    stop();
  });
});
