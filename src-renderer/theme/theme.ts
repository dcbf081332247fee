// The app's Ant Design theme (issue 18), in one place for the two that use it: antd's
// ConfigProvider once antd is loaded (./AntdConfig.tsx), and the build, which turns it into the
// static stylesheet the login screen is drawn with before any antd code has run (./themeStyles.ts,
// vite.plugins.ts). Zero-runtime mode: the components' rules are the static antd/dist/antd.css; the
// theme's tokens are CSS variables under one fixed class, which the page's root element and every
// antd component carry.

import type { ThemeConfig } from 'antd';

/** The class under which the theme's tokens are CSS variables (antd's components carry it too). */
export const THEME_CLASS = 'leye-theme';

export const THEME = {
  zeroRuntime: true,
  cssVar: { key: THEME_CLASS },
  token: { colorPrimary: '#c41d1d', borderRadius: 6 },
} as const satisfies ThemeConfig;
