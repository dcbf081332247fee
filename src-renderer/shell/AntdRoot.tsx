// antd at the shell's root: its ConfigProvider (theme and locale, ../theme/AntdConfig.tsx) and its
// App (message, modal, notification for App.useApp()) with the app's message placement. Not in the
// login screen's chunk (issue 18): the shell (../Shell.tsx) puts it at its root once a screen other
// than the login is shown (a session, a first-run screen, a notice), and keeps it there, so a
// message or dialog they leave ("已恢复" after a restore) stays on the login screen that follows.

import { App as AntApp } from 'antd';
import type { ReactNode } from 'react';
import { AntdConfig } from '../theme/AntdConfig';

/** Below the app header and a drawer's header (both under 72 px). */
export const MESSAGE_TOP = 76;

/** Messages ("已保存") appear below the header line, so they never cover a drawer's title. */
export function AntdRoot({ children }: { children: ReactNode }) {
  return (
    <AntdConfig>
      <AntApp component={false} message={{ top: MESSAGE_TOP }}>
        {children}
      </AntApp>
    </AntdConfig>
  );
}
