// Stations against a real county server in tests: clocked, set up with a clerk, connected with a
// setup code, syncing only when the test says so.
import { expect } from 'vitest';
import type { CreatedAccount, ProvisionResult } from '../../../county/provision';
import { Core, type Session } from '../core';
import type { SyncTiming } from '../sync/sync';
import { tempDir } from './fixtures';

/** Syncs run when the test says so; live sync's timers stay out of the way. */
export const QUIET: SyncTiming = { debounceMs: 600_000, intervalMs: 600_000, backoffBaseMs: 600_000, backoffMaxMs: 600_000, requestTimeoutMs: 15_000 };

export interface ClockedStation {
  core: Core;
  session: Session;
  /** Moves this station's clock. */
  at(ms: number): void;
}

/** A station at `place` with the clerk 王丽 logged in, connected with `setupCode`; closed by `cleanups`. */
export async function connectedStation(
  place: string,
  setupCode: string,
  options: { at: number; cleanups: (() => Promise<void>)[]; timing?: SyncTiming; dirPrefix?: string },
): Promise<ClockedStation> {
  let now = options.at;
  const core = await Core.open({ dataDir: tempDir(options.dirPrefix ?? 'leye-county-station-'), clock: () => new Date(now), syncTiming: options.timing ?? QUIET });
  options.cleanups.push(() => core.close());
  const session: Session = { user: null };
  await core.call(session, 'station.setup', { placeCode: place, clerk: { loginName: 'clerk', displayName: '王丽', password: 'secret-123' } });
  await core.call(session, 'auth.login', { loginName: 'clerk', password: 'secret-123' });
  await core.call(session, 'sync.connect', { setupCode });
  return { core, session, at: (ms) => (now = ms) };
}

/** One sync that must succeed (a failure here would otherwise show up later as a missing batch). */
export async function syncOk(st: ClockedStation): Promise<void> {
  expect((await st.core.call(st.session, 'sync.now', {})).failure).toBeNull();
}

/** The county server is fed by continuous replication: reads until `ok` holds, or fails with what it last read. */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > until) throw new Error(`never came true: ${JSON.stringify(value).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The account provisioning created under `name` (a station's `station-<place>`, a staff member's name). */
export function accountOf(provisioned: ProvisionResult, name: string): CreatedAccount {
  const found = provisioned.created.find((a) => a.name === name);
  if (!found) throw new Error(`no account ${name}`);
  return found;
}
