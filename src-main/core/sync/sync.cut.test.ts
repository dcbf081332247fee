// A sync cut at random points by a TCP proxy that drops the connection mid-request ends, after
// reconnection, with the county holding exactly the station's documents: none lost, none twice.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createServerAdmin, startPouchServer } from '../../../county/pouchServer';
import { Core } from '../core';
import { fakeResidents, prng } from '../station/demo';
import { tempDir, VILLAGE } from '../testing/fixtures';

const ROUNDS = Number(process.env.LEYE_CUT_ROUNDS ?? 24);
const ADMIN = { username: 'county-admin', password: 'county-secret' };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/**
 * Forwards to the server; `cutAfter(n)` drops whichever connection carries the n-th next byte
 * from the server (connections are kept alive, so the cut lands inside the running exchange).
 */
async function cuttingProxy(targetPort: number) {
  let budget: number | null = null;
  let cuts = 0;
  let bytes = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (budget !== null && chunk.length >= budget) {
        client.write(chunk.subarray(0, budget));
        budget = null;
        cuts += 1;
        client.destroy();
        upstream.destroy();
        return;
      }
      if (budget !== null) budget -= chunk.length;
      client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cutAfter(bytes: number | null) {
      budget = bytes;
    },
    get cuts() {
      return cuts;
    },
    /** Bytes the server has sent through the proxy so far. */
    get bytes() {
      return bytes;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

async function allDocs(url: string): Promise<Map<string, string>> {
  const auth = 'Basic ' + Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64');
  const response = await fetch(`${url}/station_${VILLAGE}/_all_docs`, { headers: { authorization: auth } });
  const body = (await response.json()) as { rows: { id: string; value: { rev: string } }[] };
  return new Map(body.rows.map((r) => [r.id, r.value.rev]));
}

describe('a sync cut at random points', () => {
  it('loses and duplicates nothing over 24 cuts', async () => {
    const county = await startPouchServer({ dir: tempDir('leye-county-') });
    cleanups.push(() => county.stop());
    await createServerAdmin(county.url, ADMIN.username, ADMIN.password);
    const auth = 'Basic ' + Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64');
    await fetch(`${county.url}/station_${VILLAGE}`, { method: 'PUT', headers: { authorization: auth } });
    const proxy = await cuttingProxy(county.port);
    cleanups.push(() => proxy.close());

    // Live sync is kept out of the way: this test drives every attempt itself.
    const core = await Core.open({ dataDir: tempDir(), syncTiming: { debounceMs: 3_600_000, intervalMs: 3_600_000, backoffBaseMs: 3_600_000, backoffMaxMs: 3_600_000, requestTimeoutMs: 3_000 } });
    cleanups.push(() => core.close());
    const session = { user: null };
    await core.call(session, 'station.setup', { placeCode: VILLAGE, clerk: { loginName: 'wangli', displayName: '王丽', password: 'secret-123' } });
    await core.call(session, 'auth.login', { loginName: 'wangli', password: 'secret-123' });
    await core.call(session, 'sync.connect', { url: `http://127.0.0.1:${proxy.port}`, ...ADMIN });

    const random = prng(2026);
    const people = fakeResidents((ROUNDS + 1) * 40, { placeCode: VILLAGE, today: core.today(), seed: 5 });
    // One uncut sync of 40 records first: how many bytes the server sends in such an exchange.
    for (let i = 0; i < 40; i++) await core.call(session, 'residents.register', people.next().value!);
    const before = proxy.bytes;
    expect(await core.call(session, 'sync.now', {})).toMatchObject({ state: 'idle' });
    const exchange = proxy.bytes - before;
    let failed = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // New records between attempts, then a connection dropped somewhere in the exchange.
      for (let i = 0; i < 40; i++) await core.call(session, 'residents.register', people.next().value!);
      // Somewhere in the exchange (the one measured above), never after it.
      proxy.cutAfter(50 + Math.floor(random() * (exchange - 100)));
      const status = await Promise.race([
        core.call(session, 'sync.now', {}),
        new Promise<never>((_r, reject) => setTimeout(() => reject(new Error(`sync hung in round ${round}`)), 20_000)),
      ]);
      if (status.state === 'failed') failed += 1;
    }
    // The network comes back: one sync without cuts (a cut armed in a round that ended early is disarmed).
    proxy.cutAfter(null);
    const final = await core.call(session, 'sync.now', {});
    expect(final).toMatchObject({ state: 'idle', waiting: 0 });
    expect(proxy.cuts).toBeGreaterThanOrEqual(20);
    expect(failed).toBeGreaterThanOrEqual(20);

    const local = await core.db.allDocs({});
    // The heartbeat is the server's note that the station synced, not one of its records.
    const remote = new Map([...(await allDocs(county.url))].filter(([id]) => !id.startsWith('heartbeat:')));
    // The shipped policy defaults never leave a station (they would conflict between stations).
    const expected = new Map(local.rows.filter((r) => !r.id.startsWith('_') && !r.id.startsWith('policy:')).map((r) => [r.id, r.value.rev]));
    expect(remote.size).toBe(expected.size);
    expect(remote).toEqual(expected);
    expect([...expected.keys()].filter((id) => id.startsWith('resident:'))).toHaveLength((ROUNDS + 1) * 40);
  }, 180_000);
});
