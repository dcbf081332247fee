// antd's App (message, modal, notification for App.useApp()) with the app's message placement.
// Not in the login screen's chunk (issue 18): the shell (../Shell.tsx) puts it at its root once a
// session or a first-run screen was shown, and keeps it there, so a message or dialog they leave
// ("已恢复" after a restore) stays on the login screen that follows.

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
