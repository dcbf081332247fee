// How a clerk prints a form: in Electron the main process prints the print route from a hidden
// window (system print dialog, or silently to a PDF the clerk saves); in the browser preview the
// same tab shows the route and calls the browser's print, then goes back.
import type { PrintBridge } from '../../shared/print/contract';
import { navigate, routeHash, type Route } from '../route';

declare global {
  interface Window {
    leyePrint?: PrintBridge;
  }
}

export type PrintRouteSpec = Extract<Route, { name: 'print' }>;

/** Set for the one print route the browser preview should print as soon as it is ready. */
const AUTO_PRINT_KEY = 'leye.autoPrint';

export function printRoute(form: string, ...args: string[]): PrintRouteSpec {
  return { name: 'print', form, args };
}

export type PrintOutcome = { kind: 'printed' } | { kind: 'saved'; fileName: string } | { kind: 'cancelled' } | { kind: 'browser' };

export async function printForm(route: PrintRouteSpec, mode: 'print' | 'pdf', fileName: string): Promise<PrintOutcome> {
  const hash = routeHash(route);
  const bridge = window.leyePrint;
  if (bridge) {
    if (mode === 'print') return (await bridge.print(hash)).printed ? { kind: 'printed' } : { kind: 'cancelled' };
    const saved = await bridge.savePdf(hash, fileName);
    return saved.saved ? { kind: 'saved', fileName: saved.fileName } : { kind: 'cancelled' };
  }
  // The browser's print dialog offers "Save as PDF" itself.
  sessionStorage.setItem(AUTO_PRINT_KEY, hash);
  navigate(route);
  return { kind: 'browser' };
}

/** True once for the route the clerk asked the browser preview to print. */
export function takeAutoPrint(hash: string): boolean {
  if (sessionStorage.getItem(AUTO_PRINT_KEY) !== hash) return false;
  sessionStorage.removeItem(AUTO_PRINT_KEY);
  return true;
}
