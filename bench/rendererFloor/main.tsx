// The renderer bench's floor (issue 18): the least a login screen drawn with Ant Design costs —
// React, antd's ConfigProvider in the app's zero-runtime theme, the static antd.css, two inputs
// and a button, and nothing of the app. Built by bench/renderer.ts and measured beside the app.
import 'antd/dist/antd.css';
import { Button, ConfigProvider, Input, theme } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

function Themed({ children }: { children: ReactNode }) {
  theme.useToken();
  return <div className="ant-app leye-theme">{children}</div>;
}

createRoot(document.getElementById('root')!).render(
  <ConfigProvider locale={zhCN} theme={{ zeroRuntime: true, cssVar: { key: 'leye-theme' }, token: { colorPrimary: '#c41d1d', borderRadius: 6 } }}>
    <Themed>
      <form style={{ width: 360, margin: '120px auto' }}>
        <Input data-testid="login-name" placeholder="用户名" autoFocus />
        <Input.Password data-testid="login-password" placeholder="密码" />
        <Button type="primary" htmlType="submit" block>
          登录
        </Button>
      </form>
    </Themed>
  </ConfigProvider>,
);
