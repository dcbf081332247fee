// The building blocks of the handler map (shared/rpc/handlers.ts) and of the parts of it kept
// in their own files (printHandlers.ts, sheetHandlers.ts, statsHandlers.ts): roles, the handler
// spec and the argument schemas every part uses.

import { z } from 'zod';

export const ROLES = ['clerk', 'township', 'county', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const ALL_ROLES: readonly Role[] = ROLES;
/** Who writes a station's records. */
export const WRITERS: readonly Role[] = ['clerk', 'township', 'admin'];
export const COUNTY_STAFF: readonly Role[] = ['county', 'admin'];

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
export const residentId = z.string().regex(/^resident:[a-z2-7]{26}$/, { error: 'errors.id' });
