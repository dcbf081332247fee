// The login's plain text boxes and button against antd's own (issue 18): the same elements, classes
// and ARIA, so antd.css and the theme's variables draw them alike and a screen reader reads them alike.

import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Input } from 'antd';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { THEME } from '../theme/theme';
import { PlainInput, PlainPassword, PlainSubmitButton } from './plainInputs';

/** Each element's tag, sorted classes (antd's style hash left out: antd.css does not use it) and ARIA / type attributes. */
function shape(element: ReactElement): string[] {
  const html = renderToStaticMarkup(<ConfigProvider theme={THEME}>{element}</ConfigProvider>);
  return [...html.matchAll(/<(\w+)([^>]*)>/g)]
    .filter(([, tag]) => !['svg', 'path'].includes(tag!))
    .map(([, tag, attributes]) => {
      const attrs = [...attributes!.matchAll(/([\w-]+)="([^"]*)"/g)]
        .map(([, name, value]) => (name === 'class' ? `class=${value!.split(' ').filter((c) => !c.startsWith('css-')).sort().join(' ')}` : `${name}=${value}`))
        .filter((attribute) => /^(class|role|aria-|type|tabindex)/.test(attribute))
        .sort();
      return `${tag} ${attrs.join(' ')}`;
    });
}

const ignore = () => undefined;

describe('the login screen drawn without antd', () => {
  it('draws a text box with an icon as antd does, with and without its error', () => {
    for (const status of [undefined, 'error' as const]) {
      expect(shape(<PlainInput value="" onChange={ignore} status={status} prefix={<UserOutlined />} aria-required />)).toEqual(
        shape(<Input value="" onChange={ignore} status={status} prefix={<UserOutlined />} aria-required />),
      );
    }
  });

  it('draws a password box with its eye as antd does (labelled as antd labels it in Chinese)', () => {
    expect(shape(<PlainPassword value="" onChange={ignore} prefix={<LockOutlined />} showLabel="显示" hideLabel="隐藏" />)).toEqual(
      shape(
        <ConfigProvider locale={{ locale: 'zh-cn', global: { show: '显示', hide: '隐藏' } }}>
          <Input.Password value="" onChange={ignore} prefix={<LockOutlined />} />
        </ConfigProvider>,
      ),
    );
  });

  it('draws the primary button as antd does, spaced between two Chinese characters, and its loading state', () => {
    for (const loading of [false, true]) {
      expect(shape(<PlainSubmitButton loading={loading}>登录</PlainSubmitButton>)).toEqual(
        shape(
          <Button type="primary" htmlType="submit" block loading={loading}>
            登录
          </Button>,
        ),
      );
    }
    expect(renderToStaticMarkup(<PlainSubmitButton loading={false}>登录</PlainSubmitButton>)).toContain('<span>登 录</span>');
    expect(renderToStaticMarkup(<PlainSubmitButton loading={false}>Log in</PlainSubmitButton>)).toContain('<span>Log in</span>');
  });
});
