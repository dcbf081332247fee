// A screen names people by their display name (issue 14 item 14): the status carries the
// station's accounts, login name → display name, once someone is logged in.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { openStation } from '../testing/fixtures';

const open: Core[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

describe('the people a station knows', () => {
  it('maps every account’s login name to its display name for a logged-in user, and to nobody before', async () => {
    const { core, session } = await openStation();
    open.push(core);
    await core.call(session, 'users.create', { loginName: 'wangxy', displayName: '王小云', role: 'clerk', password: 'secret-456' });
    expect((await core.call(session, 'station.status', {})).people).toEqual({ wangli: '王丽', wangxy: '王小云' });
    expect((await core.call({ user: null }, 'station.status', {})).people).toEqual({});
  });
});
