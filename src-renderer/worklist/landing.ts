// The first screen after login (a route without a path): 待办 at a village or township station,
// for everyone who may read it; the county's stays its own (the residents list).
import { mayCall } from '../access/may';
import type { StationStatus } from '../../shared/station/contract';
import type { Route } from '../route';

export function resolveHome(route: Route, status: Pick<StationStatus, 'station' | 'user'> | undefined): Route {
  if (route.name !== 'home') return route;
  const level = status?.station?.level;
  if (level && level !== 'county' && mayCall('worklist.list', status?.user?.role)) return { name: 'worklist' };
  return { name: 'residents' };
}
