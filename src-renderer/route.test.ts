import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from './route';

describe('routes', () => {
  it('round-trips every route', () => {
    const routes: Route[] = [
      { name: 'residents' },
      { name: 'register' },
      { name: 'resident', id: 'resident:abcdefghijklmnopqrstuvwxyz' },
      { name: 'edit', id: 'resident:abcdefghijklmnopqrstuvwxyz' },
      { name: 'print', form: 'attendance', args: ['post:XC-001', '2026-11'] },
      { name: 'print', form: 'registration', args: ['resident:abcdefghijklmnopqrstuvwxyz'] },
      { name: 'sheets' },
      { name: 'stats' },
      { name: 'backup' },
      { name: 'about' },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('falls back to the list', () => {
    expect(parseRoute('')).toEqual({ name: 'residents' });
    expect(parseRoute('#token=abc')).toEqual({ name: 'residents' });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'residents' });
  });
});
