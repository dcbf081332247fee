// Spreadsheets: the resident roster import and the ledgers clerks export (.xlsx).
import type { sheetHandlers } from '../../shared/rpc/sheetHandlers';
import type { ModuleDeps, ModuleImpl } from './modules';

export function sheetImpl(deps: () => ModuleDeps): ModuleImpl<keyof typeof sheetHandlers> {
  void deps;
  return {};
}
