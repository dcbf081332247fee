// Whether a role may call a handler or hold a permission, given the access lists (./handlers.ts's
// `accessTable`): the one rule for the core and the renderer, here with no schema, so the renderer
// can ask it from its own copy of the lists (src-renderer/access/may.ts, issue 18).

import type { Role } from './define';

/** Each handler's or permission's access: 'public', or the roles that have it. */
export type AccessTable<N extends string = string> = Record<N, 'public' | readonly Role[]>;

export function mayBy<N extends string>(table: AccessTable<N>, name: N, role: Role | null | undefined): boolean {
  const access = table[name];
  if (access === 'public') return true;
  return role !== null && role !== undefined && access.includes(role);
}
