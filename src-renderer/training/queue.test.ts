import { describe, expect, it } from 'vitest';
import { SubmitQueue, type Outcome } from './queue';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SubmitQueue', () => {
  it('accepts entries while a call is in flight, runs one at a time, and settles in order', async () => {
    const calls: Record<string, ReturnType<typeof deferred<string>>> = {};
    let inFlight = 0;
    let maxInFlight = 0;
    const settled: [string, Outcome<string>][] = [];
    const queue = new SubmitQueue<string, string>(
      (item) => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        calls[item] = deferred<string>();
        return calls[item].promise.finally(() => (inFlight -= 1));
      },
      (item, outcome) => settled.push([item, outcome]),
    );
    queue.push('a');
    queue.push('b');
    queue.push('c');
    expect(queue.size).toBe(3);
    expect(Object.keys(calls)).toEqual(['a']);
    calls.a!.resolve('A');
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(Object.keys(calls)).toEqual(['a', 'b']);
    calls.b!.reject(new Error('refused'));
    await new Promise((r) => setTimeout(r, 0));
    calls.c!.resolve('C');
    await queue.idle();
    expect(settled.map(([item, o]) => `${item}:${o.ok ? o.value : 'x'}`)).toEqual(['a:A', 'b:x', 'c:C']);
    expect(maxInFlight).toBe(1);
    expect(queue.size).toBe(0);
  });

  it('keeps going after a listener throws, and restarts when fed again', async () => {
    const done: number[] = [];
    const queue = new SubmitQueue<number, number>(
      async (n) => n * 2,
      (n, outcome) => {
        if (outcome.ok) done.push(outcome.value);
        if (n === 1) throw new Error('listener bug');
      },
    );
    queue.push(1);
    queue.push(2);
    await queue.idle();
    expect(done).toEqual([2, 4]);
    queue.push(3);
    await queue.idle();
    expect(done).toEqual([2, 4, 6]);
  });

  it('handles a burst of 100 entries, each settled once', async () => {
    const seen: number[] = [];
    const queue = new SubmitQueue<number, number>(
      (n) => new Promise((r) => setTimeout(() => r(n), 0)),
      (_n, outcome) => outcome.ok && seen.push(outcome.value),
    );
    const sizes: number[] = [];
    queue.onChange(() => sizes.push(queue.size));
    for (let i = 0; i < 100; i++) queue.push(i);
    await queue.idle();
    expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(sizes[sizes.length - 1]).toBe(0);
  });
});
