// The one contract between UI and core: handler name → argument schema (validated by the core,
// the renderer is untrusted) → result type, plus who may call it. Each domain keeps its part in
// shared/<domain>/contract.ts; this file merges them. The client's `call` is typed from this map;
// both carriers carry exactly these names.

import { z } from 'zod';
import { COUNTY_STAFF, type Role } from './define';
import { mayBy, type AccessTable } from './may';
import { stationHandlers, type StationStatus } from '../station/contract';
import { residentsHandlers } from '../residents/contract';
import { policyHandlers } from '../policy/contract';
import { postsHandlers } from '../posts/contract';
import { trainingHandlers } from '../training/contract';
import { syncHandlers, type SyncStatus } from '../sync/contract';
import { countyHandlers } from '../county/contract';
import { transferHandlers } from '../transfer/contract';
import { printHandlers } from '../print/contract';
import { sheetHandlers } from '../sheets/contract';
import { statsHandlers } from '../stats/contract';
import { backupHandlers } from '../backup/contract';
import { diagnosticsHandlers } from '../diagnostics/contract';
import { accessHandlers } from '../access/contract';
import { recordsHandlers } from '../documents/contract';
import { employmentHandlers } from '../employment/contract';
import { servicesHandlers } from '../services/contract';
import { worklistHandlers } from '../worklist/contract';
import { payrollHandlers } from '../payroll/contract';
import { assessmentHandlers } from '../assessment/contract';
import { recruitmentHandlers } from '../recruitment/contract';

// What this file exported before the domains had their own files, for existing importers.
export { ALL_ROLES, ROLES, type Role } from './define';
export * from '../station/contract';
export * from '../residents/contract';
export * from '../policy/contract';
export * from '../posts/contract';
export * from '../training/contract';
export * from '../sync/contract';
export * from '../county/contract';
export * from '../transfer/contract';

export const handlers = {
  ...stationHandlers,
  ...residentsHandlers,
  ...policyHandlers,
  ...postsHandlers,
  ...trainingHandlers,
  ...syncHandlers,
  ...countyHandlers,
  ...transferHandlers,
  ...printHandlers,
  ...sheetHandlers,
  ...statsHandlers,
  ...employmentHandlers,
  ...backupHandlers,
  ...diagnosticsHandlers,
  ...accessHandlers,
  ...recordsHandlers,
  ...servicesHandlers,
  ...worklistHandlers,
  ...payrollHandlers,
  ...assessmentHandlers,
  ...recruitmentHandlers,
} as const;

export type Handlers = typeof handlers;
export type HandlerName = keyof Handlers;
export type ArgsOf<N extends HandlerName> = z.input<Handlers[N]['args']>;
export type ParsedArgsOf<N extends HandlerName> = z.output<Handlers[N]['args']>;
export type ResultOf<N extends HandlerName> = Exclude<Handlers[N]['result'], undefined>;

/** Change events the core pushes to every connected window. */
export interface PushEvents {
  'residents.changed': { ids: string[] };
  'station.changed': StationStatus;
  'sync.changed': SyncStatus;
}
export type PushName = keyof PushEvents;

/**
 * What a role may do that is not a handler of its own but a part of one: the core checks these
 * inside the handler (an override of a post's eligibility rules), the UI asks `mayCall` alike.
 */
export const permissions = {
  /** Assign a holder despite failed eligibility rules, with a reason (posts.assign's `override`). */
  'posts.override': COUNTY_STAFF,
  /** See the administrators' navigation (accounts, audit log). */
  'station.administer': ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type PermissionName = keyof typeof permissions;

/**
 * Who may call each handler or hold each permission: the contract's lists without its schemas.
 * The renderer's copy is made from it when the renderer is built (vite.plugins.ts), so its screens
 * ask `mayCall` without running every domain's schemas (issue 18).
 */
export function accessTable(): AccessTable<HandlerName | PermissionName> {
  const table = {} as Record<HandlerName | PermissionName, 'public' | readonly Role[]>;
  for (const name of Object.keys(handlers) as HandlerName[]) table[name] = handlers[name].access;
  for (const name of Object.keys(permissions) as PermissionName[]) table[name] = permissions[name];
  return table;
}

const table = accessTable();

/** Whether a role may call a handler or hold a permission, from the contract's own lists. */
export function mayCall(name: HandlerName | PermissionName, role: Role | null | undefined): boolean {
  return mayBy(table, name, role);
}

export function isHandlerName(name: string): name is HandlerName {
  return Object.prototype.hasOwnProperty.call(handlers, name);
}

/** The client side of the bridge, implemented by both carriers. */
export interface LeyeBridge {
  call<N extends HandlerName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>>;
  subscribe<E extends PushName>(event: E, listener: (payload: PushEvents[E]) => void): () => void;
}
