// The renderer bench's second floor (issue 18): the same login form drawn by React alone, with
// antd.css's classes as the app's login screen draws it (no antd code, no theme), and nothing of
// the app. Between it and the React + Ant Design floor (./main.tsx) sits what antd's runtime costs.
import 'antd/dist/antd.css';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(
  <div className="ant-app">
    <form style={{ width: 360, margin: '120px auto' }}>
      <span className="ant-input-affix-wrapper ant-input-outlined">
        <input className="ant-input" data-testid="login-name" placeholder="用户名" autoFocus />
      </span>
      <span className="ant-input-affix-wrapper ant-input-outlined ant-input-password">
        <input className="ant-input" type="password" data-testid="login-password" placeholder="密码" />
      </span>
      <button type="submit" className="ant-btn ant-btn-primary ant-btn-color-primary ant-btn-variant-solid ant-btn-block">
        <span>登 录</span>
      </button>
    </form>
  </div>,
);
