// The login's text boxes and button drawn as antd draws them, without antd's code (issue 18): the
// login screen's chunk holds none of antd, whose modules and theme took most of a slow PC's time
// before the screen could be used. The same elements, classes and ARIA as antd's `<Input prefix
// status>`, `<Input.Password prefix>` and `<Button type="primary" htmlType="submit" block
// loading>` (./plainInputs.test.tsx compares them with antd's own markup), under the theme's class
// (../theme/theme.ts). Left out: the click wave of antd's button, and its other types and sizes.

import { EyeInvisibleOutlined, EyeOutlined, LoadingOutlined } from '@ant-design/icons';
import { useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { THEME_CLASS } from '../theme/theme';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'prefix' | 'type' | 'className'> & {
  /** An icon before the text, in antd's prefix slot. */
  prefix?: ReactNode;
  /** antd's `status="error"`: the red border of a field that needs a value. */
  status?: 'error';
  'data-testid'?: string;
};

/** antd's affix wrapper around an input: focused while the input has focus, as antd marks it. */
function Affixed({ prefix, status, suffix, extraClass, type, ...input }: InputProps & { suffix?: ReactNode; extraClass?: string; type: 'text' | 'password' }) {
  const [focused, setFocused] = useState(false);
  const classes = ['ant-input-affix-wrapper', focused && 'ant-input-affix-wrapper-focused', 'ant-input-outlined', status && `ant-input-status-${status}`, extraClass, THEME_CLASS, 'ant-input-css-var'];
  return (
    <span className={classes.filter(Boolean).join(' ')}>
      {prefix && <span className="ant-input-prefix">{prefix}</span>}
      <input
        {...input}
        className="ant-input"
        type={type}
        onFocus={(event) => {
          setFocused(true);
          input.onFocus?.(event);
        }}
        onBlur={(event) => {
          setFocused(false);
          input.onBlur?.(event);
        }}
      />
      {suffix && <span className="ant-input-suffix">{suffix}</span>}
    </span>
  );
}

/** antd's `<Input prefix status />`. */
export function PlainInput(props: InputProps) {
  return <Affixed {...props} type="text" />;
}

/** antd's `<Input.Password prefix status />`: the eye shows the password and hides it again (by mouse or by Enter / Space). */
export function PlainPassword({ showLabel, hideLabel, ...props }: InputProps & { showLabel: string; hideLabel: string }) {
  const [visible, setVisible] = useState(false);
  const toggle = () => setVisible((shown) => !shown);
  const eye = (
    <span
      role="button"
      tabIndex={0}
      className="ant-input-password-icon"
      aria-disabled={false}
      aria-pressed={visible}
      aria-label={visible ? hideLabel : showLabel}
      // Like antd's: a press does not take the focus from the text.
      onMouseDown={(event) => event.preventDefault()}
      onClick={toggle}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          toggle();
        }
      }}
    >
      {visible ? <EyeOutlined /> : <EyeInvisibleOutlined />}
    </span>
  );
  return <Affixed {...props} type={visible ? 'text' : 'password'} suffix={eye} extraClass="ant-input-password" />;
}

/** antd puts a space between two Chinese characters on a button ("登 录"). */
const TWO_CHINESE_CHARACTERS = /^[\u4E00-\u9FA5]{2}$/;

/** antd's `<Button type="primary" htmlType="submit" block loading />`; while loading, a click does nothing. */
export function PlainSubmitButton({ loading, children, testId }: { loading: boolean; children: string; testId?: string }) {
  const text = TWO_CHINESE_CHARACTERS.test(children) ? children.split('').join(' ') : children;
  return (
    <button
      type="submit"
      data-testid={testId}
      className={`ant-btn ${THEME_CLASS} ant-btn-primary ant-btn-color-primary ant-btn-variant-solid${loading ? ' ant-btn-loading' : ''} ant-btn-block`}
      onClick={(event) => {
        if (loading) event.preventDefault();
      }}
    >
      {loading && (
        <span className="ant-btn-icon ant-btn-loading-icon">
          <LoadingOutlined />
        </span>
      )}
      <span>{text}</span>
    </button>
  );
}
