// For tests only: a PouchDB Server provisioned like a real county (one township, two villages,
// one county account) and stations connected to it, as the statistics and employment-count tests
// above the village use them.
import { expect } from 'vitest';
import { createServerAdmin, startPouchServer, type PouchServer } from '../../../county/pouchServer';
import { provisionCounty, type ProvisionResult } from '../../../county/provision';
import { Core, type Session } from '../core';
import type { SyncTiming } from '../sync/sync';
import { tempDir } from '../testing/fixtures';
import type { SeedStation } from '../testing/statsData';

export const COUNTY = '370102';
export const TOWNSHIP = '370102001';
export const A = '370102001002';
export const B = '370102001003';
export const AGGREGATE = `county_${COUNTY}_aggregate`;
export const ADMIN = { user: 'admin', password: 'stats-test-secret' };
const QUIET: SyncTiming = { debounceMs: 600_000, intervalMs: 600_000, backoffBaseMs: 600_000, backoffMaxMs: 600_000, requestTimeoutMs: 15_000 };

export interface CountyHarness {
  server: PouchServer;
  provisioned: ProvisionResult;
  /** A station of `place` set up with clerk 王丽 and connected with `account` (offline: to a port nobody answers). */
  station(place: string, account: string, offline?: boolean): Promise<SeedStation>;
  close(): Promise<void>;
}

export async function countyHarness(): Promise<CountyHarness> {
  const server = await startPouchServer({ dir: tempDir('leye-stats-server-') });
  const cleanups: (() => Promise<void>)[] = [];
  await createServerAdmin(server.url, ADMIN.user, ADMIN.password);
  const provisioned = await provisionCounty(server.url, ADMIN, {
    county: COUNTY,
    townships: [{ code: TOWNSHIP, villages: [A, B] }],
    staff: [{ name: 'county-li', displayName: '李科长' }],
  });
  return {
    server,
    provisioned,
    async station(place, account, offline = false) {
      let now = new Date('2026-11-22T10:00:00+08:00');
      const core = await Core.open({ dataDir: tempDir('leye-stats-station-'), clock: () => now, syncTiming: QUIET });
      cleanups.push(() => core.close());
      const session: Session = { user: null };
      await core.call(session, 'station.setup', { placeCode: place, clerk: { loginName: 'clerk', displayName: '王丽', password: 'secret-123' } });
      await core.call(session, 'auth.login', { loginName: 'clerk', password: 'secret-123' });
      let code = provisioned.created.find((a) => a.name === account)!.setupCode;
      if (offline) {
        const fields = JSON.parse(Buffer.from(code, 'base64url').toString('utf8')) as Record<string, unknown>;
        code = Buffer.from(JSON.stringify({ ...fields, url: 'http://127.0.0.1:9' })).toString('base64url');
      }
      await core.call(session, 'sync.connect', { setupCode: code });
      return { core, session, placeCode: place, at: (iso) => (now = new Date(iso)) };
    },
    async close() {
      while (cleanups.length) await cleanups.pop()!();
      await server.stop();
    },
  };
}

/** One sync of a station, which must not fail. */
export async function synced(st: SeedStation): Promise<void> {
  expect((await st.core.call(st.session, 'sync.now', {})).failure).toBeNull();
}

/** Asks `read` again (the aggregate is fed by continuous replication) until it gives `want` or 20 s passed; the last answer. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}
