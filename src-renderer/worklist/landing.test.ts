import { describe, expect, it } from 'vitest';
import type { StationInfo } from '../../shared/station/contract';
import type { Role } from '../../shared/rpc/define';
import { resolveHome } from './landing';

const at = (level: StationInfo['level'], role: Role = 'clerk') => ({
  station: { placeCode: '370102001002', level, placePath: [], name: '', demo: false },
  user: { loginName: 'wangli', displayName: '王丽', role },
});

describe('the first screen after login', () => {
  it('is 待办 at a village or a township station', () => {
    expect(resolveHome({ name: 'home' }, at('village'))).toEqual({ name: 'worklist' });
    expect(resolveHome({ name: 'home' }, at('village', 'admin'))).toEqual({ name: 'worklist' });
    expect(resolveHome({ name: 'home' }, at('township', 'township'))).toEqual({ name: 'worklist' });
  });

  it("stays the county's own at the county, and leaves an explicit route alone", () => {
    expect(resolveHome({ name: 'home' }, at('county', 'county'))).toEqual({ name: 'residents' });
    expect(resolveHome({ name: 'home' }, undefined)).toEqual({ name: 'residents' });
    expect(resolveHome({ name: 'backup' }, at('village'))).toEqual({ name: 'backup' });
  });
});
