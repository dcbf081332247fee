// Ant Design's locale follows the i18next language. Zero-runtime mode (issue 18): the components'
// rules are the static antd/dist/antd.css (imported by main.tsx) instead of styles generated while
// rendering, a third of the login screen's time on a slow PC; the theme's tokens still become CSS
// variables at runtime under one fixed class (THEME_CLASS), which the page's root element carries
// with antd's base text style (`.ant-app`, as antd's App would draw it). antd's App (message, modal, notification) is in the logged-in frame
// (shell/Session.tsx), so the login screen loads none of it.

import { ConfigProvider, theme } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Shell } from './Shell';

/** The class under which the theme's tokens are CSS variables (antd's components carry it too). */
const THEME_CLASS = 'leye-theme';

/** The page's root element: the theme's CSS variables and antd's base text style. */
function ThemedRoot({ children }: { children: ReactNode }) {
  theme.useToken(); // registers the theme's variables even on a screen with no antd component
  return (
    <div className={`ant-app ${THEME_CLASS}`} style={{ height: '100%' }}>
      {children}
    </div>
  );
}

export function Root() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <ConfigProvider locale={english ? enUS : zhCN} theme={{ zeroRuntime: true, cssVar: { key: THEME_CLASS }, token: { colorPrimary: '#c41d1d', borderRadius: 6 } }}>
      <ThemedRoot>
        <Shell />
      </ThemedRoot>
    </ConfigProvider>
  );
}
