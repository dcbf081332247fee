// The station status asked for at start (issue 18): asked once, before the app renders; its
// answer is in the cache for the first render when it came first, else the first read awaits the
// same call; every later read asks the core again.
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StationStatus } from '../../shared/rpc/handlers';

const call = vi.fn<(name: string, args: unknown) => Promise<StationStatus>>();
vi.mock('../bridge', () => ({ leye: { call: (name: string, args: unknown) => call(name, args) } }));

const status = (n: number) => ({ setUp: true, user: null, station: null, demoLogin: null, n }) as unknown as StationStatus;

beforeEach(() => {
  vi.resetModules();
  call.mockReset();
});

/** The query as useStationStatus reads it (its options), until it has data. */
async function read(client: QueryClient, useStationStatusOptions: () => object) {
  const observer = new QueryObserver(client, useStationStatusOptions() as never);
  const data = await new Promise<unknown>((resolve) => {
    const unsubscribe = observer.subscribe((result) => {
      if (result.data !== undefined) {
        unsubscribe();
        resolve(result.data);
      }
    });
    if (observer.getCurrentResult().data !== undefined) {
      unsubscribe();
      resolve(observer.getCurrentResult().data);
    }
  });
  return data;
}

describe('the station status asked for at start', () => {
  it('is asked once at import, and its answer is in the cache before the first render', async () => {
    call.mockResolvedValueOnce(status(1));
    await import('./earlyStatus');
    expect(call).toHaveBeenCalledTimes(1);
    expect(call).toHaveBeenCalledWith('station.status', {});
    await Promise.resolve();
    const { primeStatus, STATUS_KEY } = await import('./queries');
    const client = new QueryClient();
    primeStatus(client);
    expect(client.getQueryData(STATUS_KEY)).toEqual(status(1));
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('when not answered yet, the first read awaits that same call; a later read asks again', async () => {
    let answer!: (value: StationStatus) => void;
    call.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const { primeStatus, STATUS_KEY, statusQuery } = await import('./queries');
    const client = new QueryClient();
    primeStatus(client);
    expect(client.getQueryData(STATUS_KEY)).toBeUndefined();
    const first = read(client, statusQuery);
    answer(status(1));
    expect(await first).toEqual(status(1));
    expect(call).toHaveBeenCalledTimes(1);
    call.mockResolvedValueOnce(status(2));
    await client.refetchQueries({ queryKey: STATUS_KEY });
    expect(call).toHaveBeenCalledTimes(2);
    expect(client.getQueryData(STATUS_KEY)).toEqual(status(2));
  });

  it('lets the first render wait for the answer (main.tsx), at most the given time, a failure included', async () => {
    let answer!: (value: StationStatus) => void;
    call.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const { earlyStatusSettled, earlyAnswer } = await import('./earlyStatus');
    let settled = false;
    const waiting = earlyStatusSettled(60_000).then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    answer(status(1));
    await waiting;
    expect(earlyAnswer()).toEqual(status(1));
    // Answered: no wait at all.
    await earlyStatusSettled(60_000);
  });

  it('gives up waiting after the given time, and on a failed call', async () => {
    call.mockReturnValueOnce(new Promise(() => undefined));
    const slow = await import('./earlyStatus');
    const started = Date.now();
    await slow.earlyStatusSettled(50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);

    vi.resetModules();
    call.mockReturnValueOnce(Promise.reject(new Error('refused')));
    const failed = await import('./earlyStatus');
    await failed.earlyStatusSettled(60_000); // settles at once (the test would time out otherwise)
    const left = failed.takeEarlyStatus(); // the failure is left for the query to see
    await expect(left).rejects.toThrow('refused');
  });
});
