// `mayCall` for the screens (issue 18): the contract's access lists as the build copied them
// (`virtual:leye-access`, vite.plugins.ts), not the handler map itself, whose every domain's
// schemas the screens would otherwise run when first opened. ./may.test.ts checks the copy
// against the contract.

import access from 'virtual:leye-access';
import type { HandlerName, PermissionName } from '../../shared/rpc/handlers';
import type { Role } from '../../shared/rpc/define';
import { mayBy, type AccessTable } from '../../shared/rpc/may';

const table = access as AccessTable<HandlerName | PermissionName>;

/** Whether a role may call a handler or hold a permission, from the contract's own lists. */
export function mayCall(name: HandlerName | PermissionName, role: Role | null | undefined): boolean {
  return mayBy(table, name, role);
}
