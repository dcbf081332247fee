// What the side menu offers: its groups (人员 / 岗位 / 培训 / 统计 / 同步与审核 / 系统), each entry
// with the handler or permission its screen needs, so a role sees only what it may reach
// (`mayCall`, the contract's own answer), and the entry a route lights.

import type { HandlerName, PermissionName } from '../../shared/rpc/handlers';
import { mayCall } from '../access/may';
import type { Role } from '../../shared/rpc/define';
import type { Route } from '../route';

export type Target = Extract<Route, { name: 'worklist' | 'residents' | 'register' | 'posts' | 'payroll' | 'training' | 'stats' | 'sheets' | 'county' | 'conflicts' | 'policy' | 'backup' | 'users' | 'audit' }>['name'];

export interface Entry {
  target: Target;
  label: string;
  /** The handler or permission the entry's screen needs. */
  needs: HandlerName | PermissionName;
  countyOnly?: boolean;
  /** At village and township stations only (the county has no list of its own). */
  stationOnly?: boolean;
  /** At township stations only (the payroll of its villages). */
  townshipOnly?: boolean;
}

export interface Group {
  key: string;
  label: string;
  entries: Entry[];
}

const GROUPS: Group[] = [
  {
    key: 'people',
    label: 'nav.groups.people',
    entries: [
      { target: 'worklist', label: 'worklistScreen.nav', needs: 'worklist.list', stationOnly: true },
      { target: 'residents', label: 'nav.residents', needs: 'residents.search' },
      { target: 'register', label: 'nav.register', needs: 'residents.register' },
    ],
  },
  {
    key: 'posts',
    label: 'nav.groups.posts',
    entries: [
      { target: 'posts', label: 'nav.posts', needs: 'posts.list' },
      { target: 'payroll', label: 'nav.payroll', needs: 'payroll.month', townshipOnly: true },
      // The same screen at a county station: every township's status (never both: one level each).
      { target: 'payroll', label: 'nav.payroll', needs: 'payroll.county', countyOnly: true },
    ],
  },
  { key: 'training', label: 'nav.groups.training', entries: [{ target: 'training', label: 'nav.training', needs: 'training.list' }] },
  {
    key: 'stats',
    label: 'nav.groups.stats',
    entries: [
      { target: 'stats', label: 'nav.stats', needs: 'stats.dashboard' },
      { target: 'sheets', label: 'nav.sheets', needs: 'sheets.exportLedger' },
    ],
  },
  {
    key: 'sync',
    label: 'nav.groups.sync',
    entries: [
      { target: 'county', label: 'nav.county', needs: 'county.batches', countyOnly: true },
      { target: 'conflicts', label: 'nav.conflicts', needs: 'county.conflicts', countyOnly: true },
    ],
  },
  {
    key: 'system',
    label: 'nav.groups.system',
    entries: [
      { target: 'policy', label: 'nav.policy', needs: 'policy.list' },
      { target: 'backup', label: 'nav.backup', needs: 'backup.status' },
      { target: 'users', label: 'nav.users', needs: 'station.administer' },
      { target: 'audit', label: 'nav.audit', needs: 'station.administer' },
    ],
  },
];

/** The menu entry a route belongs to (a post's page lights 岗位, a session's 培训…). */
export function menuKeyOf(route: Route): Target | null {
  switch (route.name) {
    case 'resident':
    case 'edit':
      return 'residents';
    case 'post':
    case 'attendance':
    case 'assessment':
    case 'opening':
      return 'posts';
    case 'session':
    case 'signIn':
      return 'training';
    case 'countyBatch':
      return 'county';
    case 'print':
    case 'about':
    case 'home':
      return null;
    default:
      return route.name;
  }
}

/** The groups and entries a role sees at a station of this level. */
export function visibleGroups(role: Role | null | undefined, county: boolean, township = false): Group[] {
  return GROUPS.map((group) => ({
    ...group,
    entries: group.entries.filter((entry) => (!entry.countyOnly || county) && (!entry.stationOnly || !county) && (!entry.townshipOnly || township) && mayCall(entry.needs, role)),
  })).filter((group) => group.entries.length > 0);
}
