// The building blocks of the handler map (shared/rpc/handlers.ts), which merges the domains'
// parts (shared/<domain>/contract.ts): roles, the handler spec and `none`. The argument fields
// several domains share live in shared/common/fields.ts.

import { z } from 'zod';

export const ROLES = ['clerk', 'township', 'county', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const ALL_ROLES: readonly Role[] = ROLES;
/** Who writes a station's records. */
export const WRITERS: readonly Role[] = ['clerk', 'township', 'admin'];
export const COUNTY_STAFF: readonly Role[] = ['county', 'admin'];
/** Who edits the county's reference data (policy parameters, the course catalogue). */
export const POLICY_EDITORS: readonly Role[] = ['county', 'admin'];

export interface HandlerSpec<A extends z.ZodType, R> {
  args: A;
  /** 'public' handlers work before login (station status, setup, login). */
  access: 'public' | readonly Role[];
  /** Phantom: the result type. */
  result?: R;
}

export function handler<R>() {
  return <A extends z.ZodType>(args: A, access: 'public' | readonly Role[]): HandlerSpec<A, R> => ({ args, access });
}

export const none = z.strictObject({});
/** Defined in ../common/fields.ts; re-exported for existing importers. */
export { residentId } from '../common/fields';
