// The theme's CSS variables as a static stylesheet (issue 18), made when the renderer is built
// (vite.plugins.ts) and never run in the page: the login screen, its header and the residents
// list's tags and buttons are drawn with antd's classes but none of antd's code
// (../components/plainKit.tsx, ../components/plainInputs.tsx), so nothing at runtime registers the
// variables antd.css's rules read for them. antd's own style registry makes them here, from
// ./theme.ts, exactly as ConfigProvider and the components' style hooks do in the page once antd
// is loaded (their variables then come twice, and draw the same: tests/e2e/rendererStart.e2e.test.ts
// compares the components drawn with and without antd's own).

import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import { Alert, Button, Card, ConfigProvider, Form, Input, Segmented, Tag, theme } from 'antd';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { THEME } from './theme';

/** The global tokens (theme.useToken registers them) for a page with no antd component yet. */
function Tokens() {
  theme.useToken();
  return null;
}

/** The variables of the theme and of every component drawn without antd's code, as CSS text. */
export function themeStyles(): string {
  const cache = createCache();
  renderToStaticMarkup(
    h(
      StyleProvider,
      { cache },
      h(
        ConfigProvider,
        { theme: THEME },
        h(Tokens),
        h(Card, { title: '' }, h(Form, null, h(Input)), h(Input.Password), h(Button, { type: 'primary' }), h(Alert, { title: '' }), h(Segmented, { options: [''] }), h(Tag)),
      ),
    ),
  );
  return extractStyle(cache, { plain: true, types: ['token', 'cssVar'] });
}
