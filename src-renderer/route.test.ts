import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from './route';

describe('routes', () => {
  it('round-trips every route', () => {
    const routes: Route[] = [
      { name: 'home' },
      { name: 'worklist' },
      { name: 'worklist', placeCode: '370102001002' },
      { name: 'residents' },
      { name: 'register' },
      { name: 'resident', id: 'resident:abcdefghijklmnopqrstuvwxyz', tab: 'services' },
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

  it("leaves the first screen to the shell when there is no path (a clerk's is 待办)", () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/')).toEqual({ name: 'home' });
    expect(parseRoute('#/worklist/not-a-village')).toEqual({ name: 'worklist' });
  });

  it('falls back to the list', () => {
    expect(parseRoute('#token=abc')).toEqual({ name: 'residents' });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'residents' });
  });
});
