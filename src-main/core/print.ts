// Printed forms: fills each print route of the renderer from the station's data.
import type { printHandlers } from '../../shared/rpc/printHandlers';
import type { ModuleDeps, ModuleImpl } from './modules';

export function printImpl(deps: () => ModuleDeps): ModuleImpl<keyof typeof printHandlers> {
  void deps;
  return {};
}
