// Statistics: registrations, posts and training by month, target group and village.
import type { statsHandlers } from '../../shared/rpc/statsHandlers';
import type { ModuleDeps, ModuleImpl } from './modules';

export function statsImpl(deps: () => ModuleDeps): ModuleImpl<keyof typeof statsHandlers> {
  void deps;
  return {};
}
