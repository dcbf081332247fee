import { describe, expect, it } from 'vitest';
import { IdleCollector, exposedGc } from './idleCollector';

function harness() {
  const clock = { now: 0, heap: 0, collected: 0, cpu: 0 };
  const collector = new IdleCollector({
    idleMs: 5_000,
    grownBytes: 8,
    collect: () => {
      clock.collected += 1;
      clock.heap = 2;
      // A collection's own CPU time does not make the host busy.
      clock.cpu += 2_000;
    },
    heapUsed: () => clock.heap,
    now: () => clock.now,
    cpuMs: () => clock.cpu,
  });
  return { clock, collector };
}

describe('the host collects its garbage once idle', () => {
  it('collects once the heap grew and no call came for the idle period, then not again until it grows', () => {
    const { clock, collector } = harness();
    clock.heap = 20;
    clock.now = 4_999;
    expect(collector.check()).toBe(false);
    clock.now = 5_000;
    expect(collector.check()).toBe(true);
    expect(clock.collected).toBe(1);
    // Once more an idle period later, the heap grown or not (V8 shrinks its young generation then).
    clock.now = 9_999;
    expect(collector.check()).toBe(false);
    clock.now = 10_000;
    expect(collector.check()).toBe(true);
    expect(clock.collected).toBe(2);
    clock.now = 60_000;
    expect(collector.check()).toBe(false);
    clock.heap = 9;
    expect(collector.check()).toBe(false);
    clock.heap = 10;
    expect(collector.check()).toBe(true);
    expect(clock.collected).toBe(3);
  });

  it('waits while a call is in flight and for the idle period after the last answer', () => {
    const { clock, collector } = harness();
    clock.heap = 50;
    collector.begin();
    collector.begin();
    clock.now = 10_000;
    collector.end();
    clock.now = 20_000;
    expect(collector.check()).toBe(false);
    collector.end();
    clock.now = 24_000;
    expect(collector.check()).toBe(false);
    clock.now = 25_000;
    expect(collector.check()).toBe(true);
  });

  it('exposes V8’s full collection without --expose-gc: an object only weakly held is gone after it', async () => {
    const gc = exposedGc();
    let target: object | null = { big: new Array(1000).fill('x') };
    const ref = new WeakRef(target);
    target = null;
    // A WeakRef's target is kept until the end of the current job.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(ref.deref()).toBeUndefined();
  });
});

describe('background work keeps the host busy', () => {
  it('waits until the process has used little CPU for the idle period (a follower catching up, a compaction)', () => {
    const { clock, collector } = harness();
    clock.heap = 50;
    // No call at all, but the process works: 600 ms of CPU in each 2.5 s check period.
    for (clock.now = 2_500; clock.now <= 20_000; clock.now += 2_500) {
      clock.cpu += 600;
      expect(collector.check()).toBe(false);
    }
    // Then quiet (100 ms a period, under a tenth): collected once quiet for the idle period.
    clock.cpu += 100;
    clock.now = 22_500;
    expect(collector.check()).toBe(false);
    clock.cpu += 100;
    clock.now = 25_000;
    expect(collector.check()).toBe(true);
    // The collection's own 2 s of CPU does not count as work: the settling one follows 5 s later.
    clock.now = 27_500;
    expect(collector.check()).toBe(false);
    clock.now = 30_000;
    expect(collector.check()).toBe(true);
    expect(clock.collected).toBe(2);
  });
});

describe('the carriers tell the collector of each call', () => {
  it('a call is in flight from its frame until its answer is sent', async () => {
    const { attachConnection } = await import('./connection');
    const { clock, collector } = harness();
    clock.heap = 50;
    let answer!: (reply: unknown) => void;
    const core = { onPush: () => () => {}, dispatch: () => new Promise((resolve) => (answer = resolve)) } as never;
    const sent: unknown[] = [];
    attachConnection(core, (m) => sent.push(m), { user: null }, collector).receive({ kind: 'call', id: 1, name: 'app.ping', args: {} });
    clock.now = 60_000;
    expect(collector.check()).toBe(false);
    answer({ ok: true, value: 'pong' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toHaveLength(1);
    expect(collector.check()).toBe(false);
    clock.now = 65_000;
    expect(collector.check()).toBe(true);
  });
});

describe('both host entries start the collector', () => {
  it('node-host (the preview) and utility-host (Electron) start hostActivity', async () => {
    const fs = await import('node:fs');
    for (const entry of ['node-host.ts', 'utility-host.ts']) {
      const source = fs.readFileSync(new URL(`./${entry}`, import.meta.url), 'utf8');
      expect(source, entry).toMatch(/^\s*hostActivity\.start\(\);$/m);
    }
  });
});
