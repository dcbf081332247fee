// antd's App (message, modal, notification for App.useApp()) with the app's message placement.
// Not in the login screen's chunk (issue 18): the logged-in frame (./Session.tsx) holds it, and the
// shell wraps the first-run screens in it once one was shown, so a message a first-run restore
// leaves ("已恢复") stays on the login screen that follows.

import { App as AntApp } from 'antd';
import type { ReactNode } from 'react';

/** Below the app header and a drawer's header (both under 72 px). */
export const MESSAGE_TOP = 76;

/** Messages ("已保存") appear below the header line, so they never cover a drawer's title. */
export function AppMessages({ children }: { children: ReactNode }) {
  return (
    <AntApp component={false} message={{ top: MESSAGE_TOP }}>
      {children}
    </AntApp>
  );
}
