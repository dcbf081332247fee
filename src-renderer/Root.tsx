// Ant Design's locale follows the i18next language; antd's App gives message/modal a context.
// Zero-runtime mode (issue 18): the components' rules are the static antd/dist/antd.css (imported
// by main.tsx) instead of styles generated while rendering, a third of the login screen's time on
// a slow PC; the theme's tokens still become CSS variables at runtime.

import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { Shell } from './Shell';

export function Root() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <ConfigProvider locale={english ? enUS : zhCN} theme={{ zeroRuntime: true, token: { colorPrimary: '#c41d1d', borderRadius: 6 } }}>
      <AntApp style={{ height: '100%' }}>
        <Shell />
      </AntApp>
    </ConfigProvider>
  );
}
