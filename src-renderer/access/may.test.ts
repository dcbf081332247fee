import { describe, expect, it } from 'vitest';
import { handlers, mayCall as contractMayCall, permissions, ROLES, type HandlerName, type PermissionName } from '../../shared/rpc/handlers';
import { mayCall } from './may';

describe("the screens' copy of the access lists", () => {
  it('answers as the contract for every handler, permission and role', () => {
    const names = [...Object.keys(handlers), ...Object.keys(permissions)] as (HandlerName | PermissionName)[];
    expect(names.length).toBeGreaterThan(100);
    for (const name of names) {
      for (const role of [...ROLES, null, undefined]) expect(mayCall(name, role), `${name} for ${String(role)}`).toBe(contractMayCall(name, role));
    }
  });

  it('lets a clerk search residents and keeps the administration and the county review from them', () => {
    expect(mayCall('station.status', null)).toBe(true);
    expect(mayCall('residents.search', 'clerk')).toBe(true);
    expect(mayCall('residents.search', null)).toBe(false);
    expect(mayCall('station.administer', 'clerk')).toBe(false);
    expect(mayCall('station.administer', 'admin')).toBe(true);
    expect(mayCall('posts.override', 'county')).toBe(true);
    expect(mayCall('posts.override', 'township')).toBe(false);
  });
});
