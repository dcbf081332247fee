// The page's root element: the theme's class, under which its tokens are CSS variables (made by the
// build, ./theme/themeStyles.ts), and antd's base text style (`.ant-app`, as antd's App would draw
// it). No antd code here (issue 18): antd's ConfigProvider and App wrap the shell once a screen drawn
// with antd's components is shown (./shell/AntdRoot.tsx, placed by ./Shell.tsx).

import { Shell } from './Shell';
import { THEME_CLASS } from './theme/theme';

export function Root() {
  return (
    <div className={`ant-app ${THEME_CLASS}`} style={{ height: '100%' }}>
      <Shell />
    </div>
  );
}
