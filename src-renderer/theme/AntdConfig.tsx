// antd's ConfigProvider with the app's theme (./theme.ts) and the locale of the i18next language:
// around everything drawn with antd's components (issue 18: not around the login screen, which
// holds none of antd's code; ../shell/AntdRoot.tsx and ../shell/Notices.tsx put it in place).

import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { THEME } from './theme';

export function AntdConfig({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={THEME}>
      {children}
    </ConfigProvider>
  );
}
