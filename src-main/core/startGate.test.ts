// A start does not wait for the search index (1.3 s at 100,000 residents): the login screen's
// calls (`app.ping`, `station.status`) answer at once; every other call, logging in included,
// waits until the index has loaded and the changes since its snapshot are replayed, so nothing
// reads a half-loaded index or a cache the feed has not caught up.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Core } from './core';
import type { Session } from './session';
import { ChangesFeed } from './store/changesFeed';
import { FIXED_NOW, openStation, registration, tempDir } from './testing/fixtures';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The search index's load at the next start held until the returned function lets it go. */
function holdIndexLoad(): () => void {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const start = ChangesFeed.prototype.start;
  vi.spyOn(ChangesFeed.prototype, 'start').mockImplementation(async function (this: ChangesFeed) {
    await held;
    return start.call(this);
  });
  return release;
}

describe('a start while the search index loads', () => {
  it('answers the login screen at once; logging in and searching wait for the index, then find everyone', async () => {
    const dataDir = tempDir();
    const first = await openStation(dataDir);
    await first.core.call(first.session, 'residents.register', registration());
    await first.core.close();

    const release = holdIndexLoad();
    const core = await Core.open({ dataDir, clock: () => FIXED_NOW });
    const session: Session = { user: null };
    expect(await core.call(session, 'station.status', {})).toMatchObject({ setUp: true, user: null });
    expect(await core.call(session, 'app.ping', {})).toMatchObject({ now: expect.any(String) });

    // A clerk who logs in and searches at once: neither answers before the index is there.
    let loggedIn = false;
    const login = core.call(session, 'auth.login', { loginName: 'wangli', password: 'secret-123' }).then(() => (loggedIn = true));
    const search = login.then(() => core.call(session, 'residents.search', { query: 'zs' }));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(loggedIn).toBe(false);
    expect(core.residentCount).toBe(0);

    release();
    expect((await search).total).toBe(1);
    expect(core.residentCount).toBe(1);
    await core.close();
  });

  it('closes cleanly while the index is still loading', async () => {
    const dataDir = tempDir();
    const first = await openStation(dataDir);
    await first.core.close();
    const release = holdIndexLoad();
    const core = await Core.open({ dataDir, clock: () => FIXED_NOW });
    const closed = core.close();
    release();
    await expect(closed).resolves.toBeUndefined();
  });
});
