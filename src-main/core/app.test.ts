import { describe, expect, it } from 'vitest';
import { combine, createApp, type Cache } from './app';

const cache = (prefix: string): Cache => ({ ensure: async () => undefined, accepts: (id) => id.startsWith(prefix), apply: () => undefined });

describe('createApp / combine', () => {
  it('merges the apps\' handlers and answers, per handler, the caches its app declared', async () => {
    const posts = cache('post:');
    const policies = cache('policy:');
    const combined = combine(
      createApp('station', { 'app.ping': async () => ({ version: 'x', now: 'y' }) }),
      createApp('policy', { 'policy.list': async () => [] }, { caches: [policies] }),
      createApp('posts', { 'posts.list': async () => [] }, { caches: [posts] }),
      createApp('stats', { 'stats.dashboard': async () => ({}) as never }, { caches: [posts] }),
    );
    expect(Object.keys(combined.methods).sort()).toEqual(['app.ping', 'policy.list', 'posts.list', 'stats.dashboard']);
    expect(combined.cachesFor('app.ping')).toEqual([]);
    expect(combined.cachesFor('posts.list')).toEqual([posts]);
    expect(combined.cachesFor('stats.dashboard')).toEqual([posts]);
    // Each cache once, however many apps declared it: the changes feed keeps each current.
    expect(combined.caches).toEqual([policies, posts]);
    expect(await combined.methods['app.ping']({}, { user: null })).toEqual({ version: 'x', now: 'y' });
  });

  it('refuses a handler registered by two apps', () => {
    const a = createApp('a', { 'app.ping': async () => ({ version: 'a', now: '' }) });
    const b = createApp('b', { 'app.ping': async () => ({ version: 'b', now: '' }) });
    expect(() => combine(a, b)).toThrow(/app\.ping registered by two apps/);
  });
});
